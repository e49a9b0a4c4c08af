import type {Nodes, Root, RootContent} from 'mdast'

/**
 * Template text in a section: empty sections, `{placeholders}` (MADR), `<placeholders>` (Y-statements),
 * TODO/TBD, and the sentences adr-tools' template leaves behind. Code is never a placeholder.
 */

/** Text adr-tools' and MADR's templates leave behind. */
const TEMPLATE_SENTENCES = [
  'the issue motivating this decision, and any context that influences or constrains the decision.',
  "the change that we're proposing or have agreed to implement.",
  'what becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.',
]
const BRACED = /\{[^{}\n]*[\s…][^{}\n]*\}/
const TODO = /^(?:todo|tbd|tbc|fixme|xxx|\.\.\.|…)[.!:]?$/i
/** Text that may be a placeholder; a section without any is content, no parsing needed. */
export const SUSPICIOUS =
  /[{<]|\btodo\b|\btbd\b|\btbc\b|\bfixme\b|\bxxx\b|^\s*(?:\.\.\.|…)\s*$|the issue motivating|the change that we're|what becomes easier/im

/** A heading line and the rest of its line: what `plainText` leaves out before it looks for text. */
const HEADING_LINES = /^ {0,3}#{1,6}[ \t].*$/gm

/**
 * Whether a section's text (its lines joined with `\n`) is written text with nothing in it that may be a
 * placeholder: some text outside its heading lines, and no `SUSPICIOUS` match. Such a section needs no
 * parsing; any other is parsed (`inspectSection`).
 */
export function plainText(text: string): boolean {
  return !SUSPICIOUS.test(text) && /\S/.test(text.replace(HEADING_LINES, ''))
}

/**
 * `SUSPICIOUS` without its one pattern anchored to a whole line (`^\s*…\s*$`, which makes the whole
 * expression several times slower), and with the line terminators at which that pattern may also
 * match: a line it does not match holds a `SUSPICIOUS` match only as a line of `...` (`DOTS_LINE`).
 */
const MAY_BE_SUSPICIOUS =
  /[{<\r\u2028\u2029]|\b(?:todo|tbd|tbc|fixme|xxx)\b|the issue motivating|the change that we're|what becomes easier/i
const DOTS_LINE = /^\s*(?:\.\.\.|…)\s*$/
const HEADING_START = /^ {0,3}#{1,6}[ \t]/
/** The line terminators other than `\n` (a line of `splitLines` may hold them): `^`, `$` and `.` stop at them. */
const OTHER_BREAKS = /[\r\u2028\u2029]/
const NON_SPACE = /\S/

/**
 * The fast path of `plainText(lines.slice(from, to).join('\n'))`: the same answer, line by line, without
 * joining the section's lines or copying them without their headings. It skips nothing: `SUSPICIOUS`
 * matches the joined text exactly when it matches one of its lines (its only pattern that may run over
 * a line break, `^\s*…\s*$`, also matches the line holding the `…`, and a line's edges are word
 * boundaries as the `\n` beside them is), and a heading line is stripped within its line. A line that
 * holds another line terminator (`\r`, U+2028, U+2029, where `^` and `$` also match) is stripped as
 * the general path strips it. `required-sections` asks this of every required section of every ADR;
 * `test/core/placeholders.test.ts` pins it to `plainText`.
 */
export function plainLines(lines: readonly string[], from: number, to: number): boolean {
  let text = false
  for (let i = from, end = Math.min(to, lines.length); i < end; i++) {
    const line = lines[i]
    if (MAY_BE_SUSPICIOUS.test(line) ? SUSPICIOUS.test(line) : DOTS_LINE.test(line)) return false
    if (text) continue
    if (OTHER_BREAKS.test(line)) text = NON_SPACE.test(line.replace(HEADING_LINES, ''))
    else text = !HEADING_START.test(line) && NON_SPACE.test(line)
  }
  return text
}

export type Verdict = 'empty' | {line: number; text: string} | undefined

/** Whether the section's content (subsections included) holds text, and if all or part of it is template text. */
export function inspectSection(root: Root, offset: number): Verdict {
  const content = root.children.filter((n) => n.type !== 'heading' && n.type !== 'definition' && !(n.type === 'html' && isComment(n.value)))
  if (content.length === 0) return 'empty'
  for (const node of content) {
    const found = findPlaceholder(node)
    if (found) return {line: found.line + offset, text: found.text}
  }
  return undefined
}

/** The same for a section too large to parse: only its prose (code removed) is searched for placeholders. */
export function inspectSectionText(text: string, offset: number): Verdict {
  const prose = text.replace(/^ {0,3}(`{3,}|~{3,})[\s\S]*?^ {0,3}\1/gm, '').replace(/`[^`\n]*`/g, '')
  const braced = BRACED.exec(prose) ?? /<[a-z][a-z ]*\s[a-z ]*>/i.exec(prose)
  if (!braced) return undefined
  const before = text.slice(0, text.indexOf(braced[0]))
  return {line: offset + 1 + (before.match(/\n/g)?.length ?? 0), text: braced[0]}
}

function isComment(html: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(html)
}

/** `<the feature or component>`: Markdown reads it as an HTML tag, so it vanishes when rendered. */
const ANGLED = /^<[a-z][^<>="'/]*\s[^<>="'/]*>$/i

function findAngled(node: Nodes): {line: number; text: string} | undefined {
  if (node.type === 'html')
    return ANGLED.test(node.value.trim()) ? {line: node.position?.start.line ?? 1, text: node.value.trim()} : undefined
  if ('children' in node)
    for (const child of node.children as Nodes[]) {
      const found = findAngled(child)
      if (found) return found
    }
  return undefined
}

function findPlaceholder(node: RootContent): {line: number; text: string} | undefined {
  const angled = findAngled(node)
  if (angled) return angled
  if (node.type === 'code' || node.type === 'html') return undefined
  const text = textOf(node).trim()
  const line = node.position?.start.line ?? 1
  const braced = BRACED.exec(text)
  if (braced) return {line: line + (text.slice(0, braced.index).match(/\n/g)?.length ?? 0), text: braced[0]}
  if (TODO.test(text) || TEMPLATE_SENTENCES.includes(text.toLowerCase())) return {line, text}
  return undefined
}

/** The text of a node without its code (where braces are legitimate). */
function textOf(node: Nodes): string {
  if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') return ''
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join(node.type === 'list' || node.type === 'table' ? '\n' : '')
  return ''
}
