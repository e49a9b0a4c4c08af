import type {Option} from '../record.js'

/** The names an option goes by: its title, its id and its aliases. */
export function optionNames(option: Option): string[] {
  return [option.title, option.id, ...(option.aliases ?? [])].filter((n) => n.trim().length >= 2)
}

/**
 * The options a text names, matched case-insensitively on word boundaries ("postgres" in
 * "PostgreSQL" is not a match unless it is an alias of its own).
 */
export function namedOptions(text: string, options: readonly Option[]): Option[] {
  const lower = text.toLowerCase()
  return options.filter((option) =>
    optionNames(option).some((name) => {
      const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower)
    }),
  )
}

export function slugifyOption(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'option'
  )
}
