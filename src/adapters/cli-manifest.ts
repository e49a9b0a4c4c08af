import {readFileSync} from 'node:fs'

/** The package root: `dist/adapters/` is two levels below it (and `src/adapters/` in development). */
const ROOT = new URL('../../', import.meta.url)

/**
 * adrgate's own `package.json` and the oclif manifest the build wrote beside it, parsed; undefined
 * when either is missing or not JSON (a clone before its first build), for the caller to go through
 * oclif instead.
 */
export function readCliManifest(): {pjson: Record<string, unknown>; manifest: Record<string, unknown>} | undefined {
  try {
    const pjson = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as Record<string, unknown>
    const manifest = JSON.parse(readFileSync(new URL('oclif.manifest.json', ROOT), 'utf8')) as Record<string, unknown>
    return {pjson, manifest}
  } catch {
    return undefined
  }
}
