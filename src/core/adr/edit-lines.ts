/**
 * Line-level editing that keeps every untouched byte: the text is split on `\n` only, so a `\r`
 * stays on its line and a BOM stays on the first one; inserted lines take the file's line ending.
 */
export interface Lines {
  lines: string[]
  /** `\r` for a CRLF file, else empty: appended to every inserted line. */
  cr: string
}

export function toLines(text: string): Lines {
  return {lines: text.split('\n'), cr: text.includes('\r\n') ? '\r' : ''}
}

export function fromLines({lines}: Lines): string {
  return lines.join('\n')
}

/** A line without its `\r` and without a leading BOM. */
export function bare(line: string): string {
  return line.replace(/^\uFEFF/, '').replace(/\r$/, '')
}

export function isBlank(line: string): boolean {
  return bare(line).trim() === ''
}

/**
 * Appends lines at the end of the text, after one blank line: `…Accepted\n\nLINK\n`. A text that did
 * not end with a line break gets one before them.
 */
export function appendParagraph(doc: Lines, add: readonly string[]): void {
  const {lines, cr} = doc
  const endsWithBreak = lines.length > 1 && lines[lines.length - 1] === ''
  if (endsWithBreak) lines.pop()
  else if (lines.length && lines[lines.length - 1] !== '') lines[lines.length - 1] += cr
  if (lines.length && !isBlank(lines[lines.length - 1])) lines.push(cr)
  lines.push(...add.map((l) => l + cr), '')
}

/** `Accepted` when the value it replaces was capitalised (`Proposed`), else `accepted`. */
export function styleLike(previous: string | undefined, status: string): string {
  const capital = previous === undefined ? true : /^[\s*_`]*[A-Z]/.test(previous)
  return capital ? status.charAt(0).toUpperCase() + status.slice(1) : status.toLowerCase()
}

/** A YAML scalar for a flow mapping: plain when it is safe, double-quoted (JSON is valid YAML) otherwise. */
export function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u.test(value) && !/ $/.test(value)
  const reserved = /^(?:true|false|null|yes|no|on|off|~|[-+]?\d[\d._]*|[-+]?\.inf|\.nan)$/i.test(value)
  return plain && !reserved ? value : JSON.stringify(value)
}
