/**
 * HTML built from templates whose every interpolated value is escaped, unless it is already `Html`
 * (made by `html` itself, or by `trusted` for the sanitised Markdown and the SVG drawn at export time).
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[]

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.text
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/** The template tag: `html\`<p>${title}</p>\`` escapes `title`; nested `html` and arrays of it are kept. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]
  return new Html(out)
}

/** Markup that was made safe elsewhere: the sanitised Markdown, SVG drawn by adrgate. */
export function trusted(text: string): Html {
  return new Html(text)
}

/** XML text (Atom, SVG): the same escapes. */
export const escapeXml = escapeHtml
