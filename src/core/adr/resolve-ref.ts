import {AdrError} from '../errors.js'
import {parseFileName} from './file-name.js'
import type {Adr} from './model.js'

/** A file of the ADR directory that could not be read (not UTF-8, a symlink out of the repository), and why. */
export interface UnreadableAdr {
  file: string
  problem: {message: string}
}

/**
 * Finds the one ADR a user means: a number (`7`, `0007`, `ADR-7`), a file name or path
 * (`0007-use-postgres.md`, `doc/adr/0007-use-postgres.md`), or a unique fragment of a title
 * (case-insensitive, in any Unicode normal form). An ambiguous reference is an error that lists the
 * candidates — never the first match. A reference to a file that could not be read says why it could not.
 */
export function resolveRef(adrs: readonly Adr[], ref: string, unreadable: readonly UnreadableAdr[] = []): Adr {
  const trimmed = ref.trim()
  // several ADR directories: `web/3` is ADR 3 of the directory named web; a bare reference that
  // matches in several directories is an error that lists the qualified references
  const qualified = splitQualifiedRef(adrs, trimmed)
  if (qualified) {
    const inDir = adrs.filter((a) => a.dir?.name === qualified.dir)
    return resolveRef(inDir, qualified.ref, unreadable)
  }
  if (/[\\/]/.test(trimmed) && adrs.some((a) => a.dir)) {
    const wanted = trimmed.replace(/\\/g, '/').replace(/^\.\//, '')
    const byPath = adrs.filter((a) => a.dir && `${a.dir.path}/${a.file}`.endsWith(wanted))
    if (byPath.length === 1) return byPath[0]
  }
  // a dated ADR by its date: `adr show 20201002` or `2020-10-02`
  const dated = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(trimmed)
  if (dated) {
    const date = `${dated[1]}-${dated[2]}-${dated[3]}`
    const matches = adrs.filter((a) => parseFileName(a.file).date === date)
    if (matches.length === 1) return matches[0]
    if (matches.length > 1) throw ambiguous(ref, matches, 'Several ADRs carry this date; name the file or a fragment of the title.')
  }
  const numeric = /^(?:adr[-_ ]?)?0*(\d+)$/i.exec(trimmed)
  if (numeric) {
    const number = Number(numeric[1])
    const matches = adrs.filter((a) => a.number === number)
    if (matches.length === 1) return matches[0]
    if (matches.length > 1 && new Set(matches.map((m) => m.dir?.name)).size > 1) {
      throw ambiguous(ref, matches, `Qualify it with its directory: ${matches.map((m) => `${m.dir?.name}/${number}`).join(' or ')}.`)
    }
    if (matches.length > 1) throw ambiguous(ref, matches, 'Two ADRs share this number; run `adr renumber` to fix it, or name the file.')
    throw notFound(
      ref,
      adrs,
      unreadable.find((u) => parseFileName(u.file).number === number),
    )
  }
  const base = trimmed.split(/[\\/]/).pop() ?? trimmed
  const byFile = adrs.filter((a) => a.file === base || a.file === `${base}.md` || a.file.replace(/\.md$/, '') === base)
  if (byFile.length === 1) return byFile[0]
  const fold = (text: string) => text.normalize('NFC').toLowerCase()
  const needle = fold(trimmed)
  const exact = adrs.filter((a) => fold(a.title) === needle)
  if (exact.length === 1) return exact[0]
  const byTitle = adrs.filter((a) => fold(a.title).includes(needle) || fold(a.file).includes(needle))
  if (byTitle.length === 1) return byTitle[0]
  if (byTitle.length > 1) throw ambiguous(ref, byTitle, 'Use the number or more of the title.')
  throw notFound(
    ref,
    adrs,
    unreadable.find((u) => u.file === base || u.file === `${base}.md`),
  )
}

/**
 * `web/3` → directory `web`, reference `3`, when some ADR lives in a directory named `web` (a path
 * such as `doc/adr/0003-x.md` is not qualified: no directory is named `doc`).
 */
export function splitQualifiedRef(adrs: readonly Pick<Adr, 'dir'>[], ref: string): {dir: string; ref: string} | undefined {
  const parts = qualifiedParts(ref)
  if (!parts || !adrs.some((a) => a.dir?.name === parts.name)) return undefined
  return {dir: parts.name, ref: parts.ref}
}

/**
 * The two parts of a reference written qualified by a directory's name (`web/3`: `web` and `3`),
 * whether or not a directory has that name: the callers check it against theirs.
 */
export function qualifiedParts(ref: string): {name: string; ref: string} | undefined {
  const m = /^([\w.-]+)\/(.+)$/.exec(ref.trim())
  return m ? {name: m[1], ref: m[2]} : undefined
}

/** The number a reference names (`7`, `0007`, `ADR-7`), or `undefined` for a file name, path or title. */
export function numericRef(ref: string): number | undefined {
  const numeric = /^(?:adr[-_ ]?)?0*(\d+)$/i.exec(ref.trim())
  return numeric ? Number(numeric[1]) : undefined
}

function describe(adr: Adr): string {
  if (adr.dir) return `${adr.dir.name}/${adr.number ?? adr.file.replace(/\.md$/i, '')}  ${adr.title} (${adr.dir.path}/${adr.file})`
  return `${adr.number ?? '-'}. ${adr.title} (${adr.file})`
}

function ambiguous(ref: string, matches: readonly Adr[], hint: string): AdrError {
  return new AdrError('AMBIGUOUS_REF', `"${ref}" matches ${matches.length} ADRs:\n${matches.map((m) => `  ${describe(m)}`).join('\n')}`, {
    suggestions: [hint],
  })
}

function notFound(ref: string, adrs: readonly Adr[], unreadable?: UnreadableAdr): AdrError {
  if (unreadable) {
    return new AdrError('PARSE_FAILED', `ADR "${ref}" cannot be read: ${unreadable.problem.message}`, {
      suggestions: ['Fix the file, then run the command again (`adr lint` lists every file it cannot read).'],
    })
  }
  const numbers = adrs.flatMap((a) => (a.number === undefined ? [] : [a.number]))
  const [lowest, highest] = numbers.reduce(([lo, hi], n) => [Math.min(lo, n), Math.max(hi, n)], [Number.POSITIVE_INFINITY, 0])
  const range = numbers.length ? ` (numbers ${lowest} to ${highest})` : ''
  return new AdrError('ADR_NOT_FOUND', `No ADR matches "${ref}"`, {
    suggestions: [
      adrs.length
        ? `Run \`adr list\` to see the ${adrs.length === 1 ? 'one ADR' : `${adrs.length} ADRs`}${range}.`
        : 'There are no ADRs yet: `adr new TITLE` writes the first.',
    ],
  })
}
