import {createHash} from 'node:crypto'
import type {Driver} from './record.js'

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units) at every depth, no whitespace, array
 * order kept, `undefined` members left out — so the same drivers always hash the same, however the
 * YAML was laid out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
  return `{${entries.join(',')}}`
}

/** `drivers_lock`: the sha256 (lowercase hex) of the canonical JSON of `drivers`. */
export function computeDriversLock(drivers: readonly Driver[]): string {
  return createHash('sha256').update(canonicalJson(drivers), 'utf8').digest('hex')
}
