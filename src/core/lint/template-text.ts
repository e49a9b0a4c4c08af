/**
 * The text a template leaves in an ADR when nobody replaces it, derived from the templates themselves
 * (the built-in ones and a project's `templates/template.md`), so the list can never drift from what
 * `adr new` writes. Pure: template texts in, normalised lines out.
 */

/** Template words that `adr new` fills in; a line made only of them is not guidance. */
const FILLED = /^(?:number|title|date|status|\.|\s)*$/i

/** One line or paragraph as compared: lowercase, list markers and emphasis off, spaces folded. */
export function normaliseTemplateLine(text: string): string {
  return text
    .replace(/^\s*(?:[*+-]|\d+[.)])\s+/, '')
    .replace(/\*\*|__|[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** The guidance lines and paragraphs of the templates, normalised: what untouched template text looks like. */
export function templateLines(templates: readonly string[]): string[] {
  const found = new Set<string>()
  for (const template of templates) {
    const body = template.replace(/^\uFEFF/, '').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    for (const paragraph of body.split(/\r?\n\s*\r?\n/)) {
      const lines = paragraph.split(/\r?\n/).filter((l) => l.trim() && !/^ {0,3}#/.test(l))
      const candidates = [lines.join(' '), ...lines]
      for (const candidate of candidates) {
        const text = normaliseTemplateLine(candidate)
        if (text.split(' ').length >= 2 && !FILLED.test(text)) found.add(text)
      }
    }
  }
  return [...found].sort()
}

/** The first line of `text` (1-based within it) that is untouched template text, if any. */
export function findTemplateLine(text: string, lines: ReadonlySet<string>): {line: number; text: string} | undefined {
  if (lines.size === 0) return undefined
  const all = text.split('\n')
  for (let i = 0; i < all.length; i++) {
    if (lines.has(normaliseTemplateLine(all[i]))) return {line: i + 1, text: all[i].trim()}
  }
  // a paragraph wrapped over several lines
  let start = 0
  for (let i = 0; i <= all.length; i++) {
    if (i === all.length || all[i].trim() === '') {
      const paragraph = all.slice(start, i).join(' ')
      if (i > start + 1 && lines.has(normaliseTemplateLine(paragraph))) return {line: start + 1, text: paragraph.trim()}
      start = i + 1
    }
  }
  return undefined
}
