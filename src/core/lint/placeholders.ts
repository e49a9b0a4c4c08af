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
