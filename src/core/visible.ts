/**
 * Text from ADRs, commits and debate records reaches a terminal: a title with ESC sequences could
 * recolour it, clear it, set its window title or plant an OSC 8 hyperlink; a `\r` could overwrite a
 * line; bidirectional overrides could reorder what is read. In human output they are shown, not
 * obeyed: C0 controls as their Unicode pictures (ESC → ␛, BEL → ␇, CR → ␍); DEL, C1 controls and
 * bidirectional overrides as `\u007f`-style escapes (which JSON reads back as the same character, so a
 * JSON document printed through here stays valid and exact). Line feeds and tabs stay (output is lines
 * and columns), and so does the `\r` of a CRLF line end. `--json` keeps the exact text.
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g

export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0)
    if (code < 0x20) return String.fromCharCode(0x2400 + code)
    return `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** The same for one field of a line (a title in a list, a cell of a table): line breaks and tabs shown too. */
export function visibleField(text: string): string {
  return visible(text).replace(/\r?\n|\t/g, (c) => (c === '\t' ? '\u2409' : '\u2424'))
}
