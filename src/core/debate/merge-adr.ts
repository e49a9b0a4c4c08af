/**
 * A debate's ADR is shared: the debate writes some parts of it, people and other commands the rest
 * (`adr link` adds `links:`, someone adds a `## Notes` section). The debate owns its front-matter
 * keys and its sections, and only those are replaced when it renders again; everything else is kept
 * where it was. A part the debate owns that was changed by hand since its last render is not
 * overwritten: the merge refuses and names it.
 */

/** The front-matter keys a debate writes (`render-adr.ts`), present or not in a given render. */
export const DEBATE_KEYS = [
  'status',
  'date',
  'decision-makers',
  'consulted',
  'informed',
  'drivers',
  'options',
  'decision',
  'consequences',
  'confirmation',
  'revisit',
  'debate',
] as const

/** The `##` sections a debate writes; the title (`#`) and what precedes the first `##` are its too. */
export const DEBATE_SECTIONS = [
  'Context and Problem Statement',
  'Decision Drivers',
  'Considered Options',
  'Decision Outcome',
  'Pros and Cons of the Options',
  'More Information',
] as const

const TITLE = '(title)'

interface Part {
  /** A front-matter key, a `##` heading, or TITLE for the text before the first `##`. */
  name: string
  text: string
}

interface Split {
  keys: Part[]
  sections: Part[]
}

/** Splits an ADR into its top-level front-matter entries and its `##` sections (code fences respected). */
export function splitAdr(text: string): Split {
  const fm = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/.exec(text)
  const yaml = fm?.[1] ?? ''
  const body = fm ? text.slice(fm[0].length) : text
  const keys: Part[] = []
  for (const line of yaml.split(/(?<=\n)/)) {
    const key = /^([^\s#][^:]*?):(\s|$)/.exec(line)
    if (key) keys.push({name: key[1].replace(/^['"]|['"]$/g, ''), text: line})
    else if (keys.length) keys[keys.length - 1].text += line
    else if (line) keys.push({name: '', text: line})
  }
  const sections: Part[] = [{name: TITLE, text: ''}]
  let fence: string | undefined
  for (const line of body.split(/(?<=\n)/)) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (f) fence = fence === undefined ? f[1][0] : f[1][0] === fence ? undefined : fence
    const heading = fence === undefined && !f ? /^##[ \t]+(.*?)[ \t#]*\r?\n?$/.exec(line) : null
    if (heading) sections.push({name: heading[1], text: line})
    else sections[sections.length - 1].text += line
  }
  return {keys, sections}
}

export type MergeResult = {ok: true; text: string} | {ok: false; edited: string[]}

const ownedKey = (name: string) => (DEBATE_KEYS as readonly string[]).includes(name)
const ownedSection = (name: string) => name === TITLE || (DEBATE_SECTIONS as readonly string[]).includes(name)

/**
 * The new render with what others wrote kept: the current file's other front-matter keys (after the
 * debate's) and its other sections (after the debate section they followed). `last` is the debate's
 * previous render of this file; a part it owns that differs between `last` and `current` was edited
 * by hand, and the merge refuses rather than lose it.
 */
export function mergeDebateAdr(current: string, rendered: string, last: string | undefined): MergeResult {
  const now = splitAdr(current)
  const next = splitAdr(rendered)
  if (last !== undefined) {
    const before = splitAdr(last)
    const edited: string[] = []
    const compare = (was: Part[], is: Part[], owned: (n: string) => boolean, label: (n: string) => string) => {
      const names = new Set([...was, ...is].map((p) => p.name).filter(owned))
      for (const name of names) {
        const a = was.filter((p) => p.name === name).map((p) => normalise(p.text))
        const b = is.filter((p) => p.name === name).map((p) => normalise(p.text))
        if (a.join('\0') !== b.join('\0')) edited.push(label(name))
      }
    }
    compare(before.keys, now.keys, ownedKey, (n) => `the front-matter key \`${n}\``)
    compare(before.sections, now.sections, ownedSection, (n) => (n === TITLE ? 'the title' : `the section "${n}"`))
    if (edited.length) return {ok: false, edited}
  }
  const keys = [...next.keys, ...now.keys.filter((p) => p.name !== '' && !ownedKey(p.name))]
  // each section of someone else's goes after the debate section it followed
  const after = new Map<string, Part[]>()
  let anchor = TITLE
  for (const part of now.sections) {
    if (ownedSection(part.name)) anchor = part.name
    else after.set(anchor, [...(after.get(anchor) ?? []), part])
  }
  const sections: Part[] = []
  const placed = new Set<string>()
  for (const part of next.sections) {
    sections.push(part)
    placed.add(part.name)
    sections.push(...(after.get(part.name) ?? []))
  }
  // sections that followed a debate section the new render does not have go at the end
  for (const [name, parts] of after) if (!placed.has(name)) sections.push(...parts)
  // every section but the last ends with a blank line, so a heading never sticks to the text before it
  const body = sections.map((p, i) => (i < sections.length - 1 && p.name !== TITLE ? withBlankLine(p.text) : p.text)).join('')
  return {ok: true, text: `---\n${keys.map((p) => withNewline(p.text)).join('')}---\n${body}`.replace(/\n*$/, '\n')}
}

function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd()
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`
}

function withBlankLine(text: string): string {
  return `${text.replace(/\n*$/, '')}\n\n`
}
