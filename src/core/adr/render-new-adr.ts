/** The values a template's placeholders take. */
export interface TemplateValues {
  number: number
  title: string
  date: string
  status: string
  /** `REVISIT`, in templates that record trade-offs (the first ADR of `adr init --format madr`): when to look again. */
  revisit?: string
}

const PLACEHOLDERS = /NUMBER|TITLE|DATE|STATUS|REVISIT/g

/**
 * Fills an ADR template the way adr-tools does: on each line, the first `NUMBER`, `TITLE`, `DATE` and
 * `STATUS` are replaced (later ones on the same line are left, as `sed` without `g` leaves them).
 * Unlike adr-tools it substitutes in one pass and takes values literally, so a title with `&`, `|`,
 * `\` or the word `DATE` in it is written as typed.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const byName: Record<string, string> = {
    NUMBER: String(values.number),
    TITLE: values.title,
    DATE: values.date,
    STATUS: values.status,
  }
  if (values.revisit !== undefined) byName.REVISIT = values.revisit
  return template
    .split('\n')
    .map((line) => {
      const used = new Set<string>()
      return line.replace(PLACEHOLDERS, (name) => {
        if (used.has(name) || byName[name] === undefined) return name
        used.add(name)
        return byName[name]
      })
    })
    .join('\n')
}

/**
 * A title as adrgate writes it: the words joined with spaces (`adr new The First Decision`), line
 * breaks and tabs folded to spaces so the title stays one heading line, ends trimmed.
 */
export function normaliseTitle(words: readonly string[]): string {
  return words
    .join(' ')
    .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
    .trim()
}
