import {existsSync, promises as fs, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import type {AdrFormat} from '../core/adr/model.js'
import {AdrError} from '../core/errors.js'
import {scanLog4brainsFolder} from '../core/yaml/log4brains-folder.js'
import {parseSimpleYaml} from '../core/yaml/simple-yaml.js'
import {parseYaml} from '../core/yaml/yaml.js'
import {realPathSoFar, resolvesInside} from './files/containment.js'
import {describeTried, findConventionalAdrDir} from './find-adr-dir.js'
import {notice} from './notices.js'

/** `.adrgate.yaml`, as read. `schemas/config.schema.json` describes it; `adr lint` validates it. */
export interface Config {
  dir?: string
  format?: AdrFormat
  profile?: string
  rules?: Record<string, string>
  schema?: string
  [key: string]: unknown
}

export interface Workspace {
  /** Where the command was run; printed paths are relative to it. */
  cwd: string
  /** The repository root: the git top level, or where the ADR directory setting was found. */
  root: string
  /** The git top level, when there is one. */
  gitRoot?: string
  /** Absolute path of the ADR directory (it may not exist yet). */
  adrDir: string
  /** How the directory was found. */
  source: 'flag' | 'config' | 'adr-dir-file' | 'log4brains' | 'conventional' | 'default'
  config: Config
  configFile?: string
  /** When no directory was found (`source: 'default'`): the folders tried and where. */
  tried?: string
  /** The text of `configFile`, for locating what is wrong in it. */
  configText?: string
}

export const DEFAULT_DIR = 'doc/adr'

/**
 * Finds the ADR directory, first match wins: `--dir`; `.adrgate.yaml` `dir:`; `.adr-dir`;
 * `.log4brains.yml` `project.adrFolder`; an existing conventional directory. The search walks up
 * from `cwd` to the git root, so every command works from any subdirectory.
 */
export function openWorkspace(cwd: string, options: {dir?: string} = {}): Workspace {
  const ws = findWorkspace(cwd, options)
  if (ws.source === 'flag') {
    // the user's own choice may point anywhere; say so when it leaves the repository the command runs in
    const here = ws.gitRoot ?? cwd
    if (ws.gitRoot && !resolvesInside(here, ws.adrDir)) {
      notice(`--dir ${options.dir} is outside this repository (${here}); reading and writing there, as asked`)
    }
    return ws
  }
  if (!resolvesInside(ws.root, ws.adrDir)) throw outside(ws)
  return ws
}

const SOURCES: Record<Workspace['source'], string> = {
  flag: '--dir',
  config: '`dir:` in .adrgate.yaml',
  'adr-dir-file': '.adr-dir',
  log4brains: '`project.adrFolder` in .log4brains.yml',
  conventional: 'the ADR directory',
  default: 'the ADR directory',
}

/** A directory named by the repository's own files (or a symbolic link in it) that resolves outside it. */
function outside(ws: Workspace): AdrError {
  const named = path.relative(ws.cwd, ws.adrDir) || '.'
  return new AdrError(
    'UNSAFE_PATH',
    `${SOURCES[ws.source]} names ${named}, which resolves to ${realPathSoFar(ws.adrDir)}, outside the repository (${ws.root}); adrgate reads and writes only inside it`,
    {
      suggestions: [
        `Point ${SOURCES[ws.source]} at a directory inside the repository (or replace the symbolic link with the directory).`,
        'If you mean that directory, pass it yourself: --dir DIR.',
      ],
    },
  )
}

function findWorkspace(cwd: string, options: {dir?: string}): Workspace {
  const gitRoot = findGitRoot(cwd)
  const stop = gitRoot ?? path.parse(cwd).root
  const levels: string[] = []
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    levels.push(dir)
    if (dir === stop || dir === path.dirname(dir)) break
  }
  let config: Config = {}
  let configFile: string | undefined
  let configText: string | undefined
  for (const level of levels) {
    const file = path.join(level, '.adrgate.yaml')
    if (existsSync(file)) {
      configText = readRepositoryFile(file, path.dirname(file))
      config = readConfig(file, configText)
      configFile = file
      break
    }
  }
  const base = {cwd, gitRoot, config, configFile, configText}
  if (options.dir) {
    // A --dir in another repository (or in none) has that repository (or itself) as its root, so its
    // files are not taken for links that leave this one.
    const adrDir = path.resolve(cwd, options.dir)
    const here = gitRoot ?? cwd
    const root = findGitRoot(adrDir) ?? (adrDir === here || adrDir.startsWith(here + path.sep) ? here : adrDir)
    return {...base, root, adrDir, source: 'flag'}
  }
  if (config.dir && configFile) {
    return {...base, root: path.dirname(configFile), adrDir: path.resolve(path.dirname(configFile), config.dir), source: 'config'}
  }
  for (const level of levels) {
    const adrDirFile = path.join(level, '.adr-dir')
    if (existsSync(adrDirFile)) {
      const dir = readRepositoryFile(adrDirFile, level).trim()
      return {...base, root: level, adrDir: path.resolve(level, dir), source: 'adr-dir-file'}
    }
    const log4brains = path.join(level, '.log4brains.yml')
    if (existsSync(log4brains)) {
      const folder = readLog4brainsFolder(log4brains)
      if (folder) return {...base, root: level, adrDir: path.resolve(level, folder), source: 'log4brains'}
    }
  }
  const found = findConventionalAdrDir(levels)
  if (found) return {...base, root: found.level, adrDir: found.dir, source: 'conventional'}
  // nothing configured: doc/adr at the repository root (where adr-tools and every later command
  // look), not under the subdirectory the command happened to run in
  const root = gitRoot ?? cwd
  return {...base, root, adrDir: path.join(root, DEFAULT_DIR), source: 'default', tried: describeTried(cwd, levels)}
}

/**
 * The error every reading command gives when the ADR directory does not exist: adr-tools' own first
 * line (`The doc/adr directory does not exist`), then where adrgate looked and how to point it
 * elsewhere.
 */
export function adrDirNotFound(ws: Workspace): AdrError {
  const shown = relativeToCwd(ws, ws.adrDir)
  const suggestions =
    ws.source === 'default'
      ? [
          `Pass --dir DIR, or write \`dir: DIR\` in .adrgate.yaml (or DIR in .adr-dir), to name the directory that holds your ADRs (adrgate looked for ${ws.tried ?? DEFAULT_DIR}, holding ADR files).`,
          'Run `adr init` to start one.',
        ]
      : [
          `The directory comes from ${describeSource(ws)}; fix that setting, or pass --dir with the directory that holds your ADRs.`,
          'Run `adr init` to create it.',
        ]
  return new AdrError('ADR_DIR_NOT_FOUND', `The ${shown} directory does not exist`, {exit: 2, suggestions})
}

function describeSource(ws: Workspace): string {
  switch (ws.source) {
    case 'flag':
      return '--dir'
    case 'config':
      return `\`dir:\` in ${ws.configFile ? relativeToCwd(ws, ws.configFile) : '.adrgate.yaml'}`
    case 'adr-dir-file':
      return '.adr-dir'
    case 'log4brains':
      return '.log4brains.yml (`project.adrFolder`)'
    default:
      return 'the conventional folders'
  }
}

/** `.adrgate.yaml` `statuses:`, the team's own status words, as plain strings (the schema check reports anything else). */
export function configuredStatuses(config: Config): Record<string, string> | undefined {
  const statuses = config.statuses
  if (!statuses || typeof statuses !== 'object' || Array.isArray(statuses)) return undefined
  const map: Record<string, string> = {}
  for (const [word, status] of Object.entries(statuses)) if (typeof status === 'string') map[word] = status
  return map
}

/** The ADR directory as a path relative to the working directory, as adr-tools prints it. */
export function relativeToCwd(ws: Workspace, absolute: string): string {
  return path.relative(ws.cwd, absolute) || '.'
}

export async function adrDirExists(ws: Workspace): Promise<boolean> {
  return fs
    .stat(ws.adrDir)
    .then((s) => s.isDirectory())
    .catch(() => false)
}

export function findGitRoot(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir
    if (dir === path.dirname(dir)) return undefined
  }
}

/**
 * A settings file of the repository (`.adrgate.yaml`, `.adr-dir`, `.log4brains.yml`): read only if it
 * is a regular file inside `root` (a FIFO would hang the command; a link could read any file).
 */
function readRepositoryFile(file: string, root: string): string {
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

function readConfig(file: string, text: string): Config {
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
  if (config.format !== undefined && !['madr', 'nygard'].includes(String(config.format))) {
    throw new AdrError('INVALID_CONFIG', `${file}: unexpected format \`${String(config.format)}\`, expected madr or nygard`)
  }
  if (config.dir !== undefined && typeof config.dir !== 'string') {
    throw new AdrError('INVALID_CONFIG', `${file}: \`dir\` must be a path such as docs/adr`)
  }
  return config
}

function readLog4brainsFolder(file: string): string | undefined {
  try {
    const text = readRepositoryFile(file, path.dirname(file))
    // log4brains' own file is read by a line scan; only an unusual one loads the yaml package
    const scanned = scanLog4brainsFolder(text)
    if (scanned !== 'unsure') return scanned.folder
    const parsed = parseYaml(text)
    const data = (parsed.ok ? parsed.data : undefined) as {project?: {adrFolder?: unknown}} | undefined
    return typeof data?.project?.adrFolder === 'string' ? data.project.adrFolder : undefined
  } catch {
    return undefined
  }
}
