import {promises as fs} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The package's `schemas/` directory (beside `dist/` when installed, beside `src/` in development). */
export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas')

/** One of adrgate's own JSON Schemas, e.g. `adr.schema.json`. */
export async function readPackageSchema(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(path.join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>
}

export type JsonFileResult = {ok: true; value: Record<string, unknown>; text: string} | {ok: false; reason: string}

/** A user's JSON file (a team's extra schema): a reason instead of an exception when it cannot be used. */
export async function readJsonObject(file: string): Promise<JsonFileResult> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    return {ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`}
  }
  try {
    const value: unknown = JSON.parse(text)
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {ok: false, reason: 'is not a JSON object'}
    return {ok: true, value: value as Record<string, unknown>, text}
  } catch (error) {
    return {ok: false, reason: `is not valid JSON (${(error as Error).message})`}
  }
}

/** A text file's content, or `''` when it cannot be read (the config file, to locate its findings). */
export async function readTextOrEmpty(file: string): Promise<string> {
  return fs.readFile(file, 'utf8').catch(() => '')
}

/** The debate records (`*.yaml`, `*.yml`) in `<adr-dir>/debates/`, sorted; none when the directory does not exist. */
export async function listDebateFiles(adrDir: string): Promise<string[]> {
  const names = await fs.readdir(path.join(adrDir, 'debates')).catch(() => [] as string[])
  return names.filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort()
}

/** `adr lint [PATHS]`: a directory is the ADR directory; files are the ADRs to report on. */
export async function classifyLintPaths(cwd: string, paths: readonly string[]): Promise<{dir?: string; files: string[]}> {
  let dir: string | undefined
  const files: string[] = []
  for (const p of paths) {
    const absolute = path.resolve(cwd, p)
    const stat = await fs.stat(absolute).catch(() => undefined)
    if (stat?.isDirectory()) dir = absolute
    else {
      files.push(absolute)
      dir ??= path.dirname(absolute)
    }
  }
  return {dir, files}
}
