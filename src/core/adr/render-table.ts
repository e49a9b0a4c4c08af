/** A column of a plain-text table. `key` names the row field; the renderer never reads anything else. */
export interface Column {
  key: string
  header: string
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right'
}

export type TableRow = Record<string, string | number | undefined>

/**
 * A plain, pipe-friendly table: a header row, then one row per item, columns separated by two
 * spaces, no borders, no colour, no truncation. The last column is not padded, so lines carry no
 * trailing spaces. Callers pass the columns they want, so commands can add columns (created,
 * last changed …) without touching this function.
 */
export function renderTable(columns: readonly Column[], rows: readonly TableRow[]): string {
  const cells = rows.map((row) => columns.map((c) => cellText(row[c.key])))
  const widths = columns.map((c) => width(c.header))
  for (const row of cells) for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], width(row[i]))
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => {
        if (i === values.length - 1 && columns[i].align !== 'right') return value
        const pad = ' '.repeat(widths[i] - width(value))
        return columns[i].align === 'right' ? pad + value : value + pad
      })
      .join('  ')
      .trimEnd()
  return [line(columns.map((c) => c.header)), ...cells.map((r) => line(r))].join('\n')
}

function cellText(value: string | number | undefined): string {
  if (value === undefined) return '-'
  return String(value).replace(/[\r\n\t]+/g, ' ')
}

/** Display width: code points, not UTF-16 units, so accents and emoji do not skew the columns much. */
function width(text: string): number {
  if (!/[^\x00-\x7f]/.test(text)) return text.length
  let n = 0
  for (const _ of text) n++
  return n
}
