import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import type {AdrFormat} from '../core/adr/model.js'
import {AdrError} from '../core/errors.js'
import {INIT_FORMATS} from '../core/formats/index.js'
import {scanLog4brainsFolder} from '../core/yaml/log4brains-folder.js'
import {parseSimpleYaml} from '../core/yaml/simple-yaml.js'
import {parseYaml} from '../core/yaml/yaml.js'
import {resolvesInside} from './files/containment.js'
import {notice} from './notices.js'

// The repository's settings files, read for the workspace: `.adrgate.yaml` (checked where a wrong
// value would send a command to the wrong directory), `.adr-dir` and `.log4brains.yml`.

/** `.adrgate.yaml`, as read. `schemas/config.schema.json` describes it; `adr lint` validates it. */
export interface Config {
  dir?: string
  /** Several ADR directories (a monorepo), each with a name that qualifies its references (`web/3`). */
  dirs?: {name: string; path: string}[]
  format?: AdrFormat
  profile?: string
  rules?: Record<string, string>
  schema?: string
  [key: string]: unknown
}

/**
 * A settings file of the repository (`.adrgate.yaml`, `.adr-dir`, `.log4brains.yml`): read only if it
 * is a regular file inside `root` (a FIFO would hang the command; a link could read any file).
 */
export function readRepositoryFile(file: string, root: string): string {
  const stat = statSync(file)
  if (!stat.isFile() || !resolvesInside(root, file)) {
    throw new AdrError(
      'UNSAFE_PATH',
      `${file} is ${stat.isFile() ? 'a link to a file outside the repository' : 'not a regular file'}; adrgate does not read it`,
      {
        suggestions: [`Replace ${path.basename(file)} with a plain file.`],
      },
    )
  }
  return readFileSync(file, 'utf8')
}

export function readConfig(file: string, text: string): Config {
  // a flat config (`dir:`, `format:`) is read without loading the yaml package (start-up time)
  const simple = text.trim() === '' ? undefined : parseSimpleYaml(text)
  const parsed = simple ? {ok: true as const, data: simple} : parseYaml(text)
  if (!parsed.ok) {
    throw new AdrError('INVALID_CONFIG', `${file} is not valid YAML: ${parsed.message} (line ${parsed.line}, column ${parsed.column})`, {
      suggestions: ['Fix the YAML, or delete the file to use the defaults.'],
    })
  }
  const data = parsed.data
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new AdrError('INVALID_CONFIG', `${file} must be a mapping of settings such as \`dir: docs/adr\``)
  }
  const config = data as Config
  if (config.format !== undefined && !(INIT_FORMATS as readonly string[]).includes(String(config.format))) {
    throw new AdrError('INVALID_CONFIG', `${file}: unexpected format \`${String(config.format)}\`, expected ${INIT_FORMATS.join(' or ')}`)
  }
  if (config.dir !== undefined && typeof config.dir !== 'string') {
    throw new AdrError('INVALID_CONFIG', `${file}: \`dir\` must be a path such as docs/adr`)
  }
  if (config.dirs !== undefined) checkDirs(file, config.dirs)
  return config
}

/** `dirs:`: a list of `{name, path}`, names unique and usable before a `/` in a reference (`web/3`). */
function checkDirs(file: string, dirs: unknown): void {
  const example = 'e.g.\n  dirs:\n    - {name: web, path: packages/web/docs/adr}\n    - {name: api, path: packages/api/docs/adr}'
  if (!Array.isArray(dirs) || dirs.length === 0) {
    throw new AdrError('INVALID_CONFIG', `${file}: \`dirs\` must be a list of ADR directories, each with a name and a path`, {
      suggestions: [example],
    })
  }
  const seen = new Set<string>()
  dirs.forEach((entry, i) => {
    const {name, path: where} = (entry ?? {}) as {name?: unknown; path?: unknown}
    if (typeof name !== 'string' || !DIR_NAME.test(name) || typeof where !== 'string' || where === '') {
      throw new AdrError(
        'INVALID_CONFIG',
        `${file}: entry ${i + 1} of \`dirs\` must have a \`name\` (letters, digits, ., _ or -) and a \`path\``,
        {suggestions: [example]},
      )
    }
    if (seen.has(name))
      throw new AdrError('INVALID_CONFIG', `${file}: two entries of \`dirs\` are named "${name}"; each needs its own name`)
    seen.add(name)
  })
}

/** A directory's name: what may stand before the `/` of a qualified reference. */
const DIR_NAME = /^(?!\.+$)[\w.-]+$/

/** Why a log4brains package is left out (its ADRs are not read), and how to bring it in. */
function leftOutPackage(p: {name?: unknown; adrFolder?: unknown}, index: number): string {
  const named = typeof p.name === 'string' ? `package ${JSON.stringify(p.name)}` : `package ${index + 1}`
  if (typeof p.name !== 'string') {
    return `${named} is left out, its ADRs unread: it has no \`name\`. Give it one (letters, digits, ., _ or -: \`name/3\` names its ADR 3).`
  }
  if (!DIR_NAME.test(p.name)) {
    return `${named} is left out, its ADRs unread: adrgate names a package by letters, digits, ., _ or - (\`name/3\` names its ADR 3). Rename it, or list its folder under \`dirs:\` in .adrgate.yaml.`
  }
  return `${named} is left out: it has no \`adrFolder\` path. Add one (the folder of its ADRs, from the repository root).`
}

/**
 * `.log4brains.yml`: `project.adrFolder` and `project.packages` (each with a `name` and an `adrFolder`).
 * log4brains' own file is read by a line scan; one with packages (a list) or anything unusual loads
 * the yaml package. A package without a usable name or folder is left out, with a notice naming it
 * (`display`: the file as the user sees it).
 */
export function readLog4brains(file: string, display = file): {folder?: string; packages: {name: string; adrFolder: string}[]} {
  try {
    const text = readRepositoryFile(file, path.dirname(file))
    const scanned = scanLog4brainsFolder(text)
    if (scanned !== 'unsure') return {folder: scanned.folder, packages: []}
    const parsed = parseYaml(text)
    const data = (parsed.ok ? parsed.data : undefined) as {project?: {adrFolder?: unknown; packages?: unknown}} | undefined
    const folder = typeof data?.project?.adrFolder === 'string' ? data.project.adrFolder : undefined
    const entries: unknown[] = Array.isArray(data?.project?.packages) ? data.project.packages : []
    const packages = entries.flatMap((entry, i) => {
      const p = (entry ?? {}) as {name?: unknown; adrFolder?: unknown}
      if (typeof p.name === 'string' && DIR_NAME.test(p.name) && typeof p.adrFolder === 'string' && p.adrFolder !== '') {
        return [{name: p.name, adrFolder: p.adrFolder}]
      }
      notice(`${display}: ${leftOutPackage(p, i)}`)
      return []
    })
    return {folder, packages}
  } catch {
    return {packages: []}
  }
}
