import {AdrError} from './errors.js'
import type {Adr} from './model.js'

/**
 * Finds the one ADR a user means: a number (`7`, `0007`, `ADR-7`), a file name or path
 * (`0007-use-postgres.md`, `doc/adr/0007-use-postgres.md`), or a unique fragment of a title
 * (case-insensitive). An ambiguous reference is an error that lists the candidates — never the first
 * match.
 */
export function resolveRef(adrs: readonly Adr[], ref: string): Adr {
  const trimmed = ref.trim()
  const numeric = /^(?:adr[-_ ]?)?0*(\d+)$/i.exec(trimmed)
  if (numeric) {
    const number = Number(numeric[1])
    const matches = adrs.filter((a) => a.number === number)
    if (matches.length === 1) return matches[0]
    if (matches.length > 1) throw ambiguous(ref, matches, 'Two ADRs share this number; run `adr renumber` to fix it, or name the file.')
    throw notFound(ref, adrs)
  }
  const base = trimmed.split(/[\\/]/).pop() ?? trimmed
  const byFile = adrs.filter((a) => a.file === base || a.file === `${base}.md` || a.file.replace(/\.md$/, '') === base)
  if (byFile.length === 1) return byFile[0]
  const needle = trimmed.toLowerCase()
  const exact = adrs.filter((a) => a.title.toLowerCase() === needle)
  if (exact.length === 1) return exact[0]
  const byTitle = adrs.filter((a) => a.title.toLowerCase().includes(needle) || a.file.toLowerCase().includes(needle))
  if (byTitle.length === 1) return byTitle[0]
  if (byTitle.length > 1) throw ambiguous(ref, byTitle, 'Use the number or more of the title.')
  throw notFound(ref, adrs)
}

function describe(adr: Adr): string {
  return `${adr.number ?? '-'}. ${adr.title} (${adr.file})`
}

function ambiguous(ref: string, matches: readonly Adr[], hint: string): AdrError {
  return new AdrError('AMBIGUOUS_REF', `"${ref}" matches ${matches.length} ADRs:\n${matches.map((m) => `  ${describe(m)}`).join('\n')}`, {
    suggestions: [hint],
  })
}

function notFound(ref: string, adrs: readonly Adr[]): AdrError {
  const highest = adrs.reduce((max, a) => Math.max(max, a.number ?? 0), 0)
  return new AdrError('ADR_NOT_FOUND', `No ADR matches "${ref}"`, {
    suggestions: [
      adrs.length
        ? `Run \`adr list\` to see the ${adrs.length} ADRs (numbers 1 to ${highest}).`
        : 'There are no ADRs yet: `adr new TITLE` writes the first.',
    ],
  })
}
