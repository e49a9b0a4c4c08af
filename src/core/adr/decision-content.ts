import {splitLines} from './headings.js'
import type {Adr} from './model.js'

/** Front-matter keys an accepted ADR may still change. */
const MUTABLE_KEYS = new Set(['status', 'links', 'revisit', 'reviews', 'superseded-by', 'superseded_by', 'supersedes'])

/**
 * The part of an ADR that is the decision: everything but its status, its links and its revisit
 * reviews. Two versions with the same decision content differ only in what may change after acceptance.
 */
export function decisionContent(adr: Adr): string {
  const text = adr.text.charCodeAt(0) === 0xfeff ? adr.text.slice(1) : adr.text
  const lines = splitLines(text)
  const skip = new Set<number>()
  const fm = adr.frontMatter
  if (fm) for (let l = fm.startLine; l <= fm.endLine; l++) skip.add(l)
  const statusSection = adr.sections.find((s) => s.depth === 2 && /^status$/i.test(s.heading))
  if (statusSection) for (let l = statusSection.line + 1; l <= statusSection.endLine; l++) skip.add(l)
  if (adr.statusLine !== undefined && adr.statusLine !== statusSection?.line) skip.add(adr.statusLine)
  for (const link of adr.links) skip.add(link.line)
  // the title without its number: renumbering is not an edit
  if (adr.titleLine !== undefined) lines[adr.titleLine - 1] = `# ${adr.title}`
  // blank lines come and go with status lines; they are not the decision
  const kept = lines.filter((l, i) => !skip.has(i + 1) && l.trim() !== '').map((l) => l.trimEnd())
  const data = fm ? Object.fromEntries(Object.entries(fm.data).filter(([k]) => !MUTABLE_KEYS.has(k))) : {}
  return `${JSON.stringify(data)}\n${kept.join('\n').trim()}`
}
