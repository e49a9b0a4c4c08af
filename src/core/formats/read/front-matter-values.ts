import {parseFileName} from '../../adr/file-name.js'
import type {AdrLink} from '../../adr/model.js'
import {normaliseRel} from '../../adr/status.js'
import {linkTargetPath} from './links.js'

/** MADR's typed links, `links: [{rel, target}]`, each with the line of its item. */
export function frontMatterLinks(value: unknown, lines: readonly string[], start: number, end: number, file: string): AdrLink[] {
  if (!Array.isArray(value)) return []
  const keyLine = findKeyLine(lines, start, end, 'links') ?? start
  const itemLines: number[] = []
  for (let i = keyLine; i < end - 1; i++) {
    if (/^\s*-\s/.test(lines[i])) itemLines.push(i + 1)
    else if (/^\S/.test(lines[i])) break
  }
  const links: AdrLink[] = []
  value.forEach((item, index) => {
    if (!item || typeof item !== 'object') return
    const {rel, target} = item as {rel?: unknown; target?: unknown}
    if (typeof rel !== 'string' || (typeof target !== 'string' && typeof target !== 'number')) return
    const text = String(target)
    const asNumber = typeof target === 'number' ? target : /^\d+$/.test(text) ? Number(text) : undefined
    const targetFile = text.endsWith('.md') ? linkTargetPath(file, text) : undefined
    links.push({
      rel,
      relKey: normaliseRel(rel),
      target: text,
      targetNumber: asNumber ?? (targetFile ? parseFileName(targetFile).number : undefined),
      targetFile,
      line: itemLines[index] ?? keyLine,
      origin: 'front-matter',
    })
  })
  return links
}

/** The pattern of each key's line, made once (the history reader looks for `status:` in thousands of versions). */
const KEY_LINES = new Map<string, RegExp>()

/** 1-based line of a top-level `key:` inside the front matter (`start`/`end` are the delimiter lines). */
export function findKeyLine(lines: readonly string[], start: number, end: number, key: string): number | undefined {
  let re = KEY_LINES.get(key)
  if (!re) {
    re = new RegExp(`^${key}\\s*:`)
    KEY_LINES.set(key, re)
  }
  for (let i = start; i < end - 1; i++) if (re.test(lines[i])) return i + 1
  return undefined
}

/** A scalar as text (a YAML date as `YYYY-MM-DD`); anything else is not a value. */
export function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return undefined
}

/** A list of people or tags: a YAML list, or one comma-separated value. */
export function listValue(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (Array.isArray(value)) return value.map((v) => stringValue(v)).filter((v): v is string => v !== undefined && v !== '')
  const single = stringValue(value)
  return single === undefined ? undefined : splitList(single)
}

/** `Ana, Bo` → `['Ana', 'Bo']`; a template's `[names]` placeholder is not a name. */
export function splitList(value: string | undefined): string[] {
  if (!value) return []
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v && !/^\[.*\]$/.test(v))
}
