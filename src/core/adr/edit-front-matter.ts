import {AdrError} from '../errors.js'
import {bare, type Lines, yamlScalar} from './edit-lines.js'
import type {Adr} from './model.js'

/** A link as front matter holds it: `{rel: supersedes, target: 3}`. */
export function formatLinkItem(rel: string, target: string | number): string {
  return `{rel: ${yamlScalar(rel)}, target: ${yamlScalar(target)}}`
}

/** Replaces the value of `status:` in the front matter, keeping the key's spacing and any comment. */
export function setFrontMatterStatus(adr: Adr, doc: Lines, status: string): void {
  const fm = adr.frontMatter
  if (!fm) throw new Error('setFrontMatterStatus needs front matter')
  const {lines, cr} = doc
  const index = findKey(lines, fm.startLine, fm.endLine, 'status')
  if (index === undefined) {
    lines.splice(fm.startLine, 0, `status: ${status}${cr}`)
    return
  }
  const m = /^(status\s*:[ \t]*)(.*?)([ \t]+#.*)?(\r?)$/.exec(lines[index])
  lines[index] = m ? `${m[1]}${status}${m[3] ?? ''}${m[4]}` : `status: ${status}${cr}`
}

/**
 * Adds `{rel, target}` to the front matter's `links:` block list, after its last item (a missing key
 * is added before the closing `---`; `links: []` becomes a block list). A file without front matter
 * gets one holding only the link, so its other lines stay as they are.
 */
export function addFrontMatterLink(adr: Adr, doc: Lines, rel: string, target: string | number): void {
  const {lines, cr} = doc
  const item = formatLinkItem(rel, target)
  const fm = adr.frontMatter
  if (!fm) {
    const bom = lines[0]?.startsWith('\uFEFF') ? '\uFEFF' : ''
    if (bom) lines[0] = lines[0].slice(1)
    lines.unshift(`${bom}---${cr}`, `links:${cr}`, `  - ${item}${cr}`, `---${cr}`)
    return
  }
  const close = fm.endLine - 1
  const key = findKey(lines, fm.startLine, fm.endLine, 'links')
  if (key === undefined) {
    lines.splice(close, 0, `links:${cr}`, `  - ${item}${cr}`)
    return
  }
  const value = bare(lines[key])
    .replace(/^links\s*:/, '')
    .replace(/\s+#.*$/, '')
    .trim()
  if (value === '' || value === '[]') {
    if (value === '[]') lines[key] = `links:${cr}`
    let last = key
    let indent = '  '
    for (let i = key + 1; i < close; i++) {
      const line = bare(lines[i])
      if (line.trim() === '' || /^\s*#/.test(line)) continue
      if (!/^[\s-]/.test(line)) break
      const dash = /^(\s*)-\s/.exec(line)
      if (dash && last === key) indent = dash[1]
      last = i
    }
    lines.splice(last + 1, 0, `${indent}- ${item}${cr}`)
    return
  }
  const existing = Array.isArray(adr.frontMatter?.data.links) ? (adr.frontMatter?.data.links as unknown[]) : undefined
  if (!existing || !value.startsWith('[') || !value.endsWith(']')) {
    throw new AdrError('INVALID_ARGUMENT', `${adr.file}: cannot add a link to its \`links:\` value (${value})`, {
      suggestions: ['Write `links:` as a block list (`  - {rel: supersedes, target: 3}` per line) and run the command again.'],
    })
  }
  const items = existing.map((l) => {
    const {rel: r, target: t} = (l ?? {}) as {rel?: unknown; target?: unknown}
    return `  - ${formatLinkItem(String(r), typeof t === 'number' ? t : String(t))}${cr}`
  })
  lines.splice(key, 1, `links:${cr}`, ...items, `  - ${item}${cr}`)
}

/** 0-based index of a top-level `key:` line inside the front matter (1-based delimiter lines). */
function findKey(lines: readonly string[], startLine: number, endLine: number, key: string): number | undefined {
  const re = new RegExp(`^${key}\\s*:`)
  for (let i = startLine; i < endLine - 1; i++) if (re.test(lines[i])) return i
  return undefined
}
