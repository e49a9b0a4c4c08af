import {existsSync, promises as fs} from 'node:fs'
import path from 'node:path'
import {AdrError} from '../core/errors.js'
import {type Config, readConfig, readLog4brains, readRepositoryFile} from './config-files.js'
import {firstLinkOnTheWay, realPathSoFar, resolvesInside} from './files/containment.js'
import {describeTried, findConventionalAdrDir} from './find-adr-dir.js'
import {notice} from './notices.js'

export type {Config} from './config-files.js'

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
  /**
   * Several ADR directories (`dirs:` in `.adrgate.yaml`, or `.log4brains.yml`'s project folder and
   * packages), in order; `adrDir` is the first, where `adr new` writes unless told otherwise. Absent
   * when there is one directory. `eachDir` gives a workspace per directory.
   */
  dirs?: AdrDirEntry[]
  /** A workspace narrowed to one of several directories: that directory's name (`adrDir` is it). */
  dirName?: string
  /** The command's environment, which git runs with (the adapters read no process global). */
  env: NodeJS.ProcessEnv
}

/** One of several ADR directories: the name that qualifies its references, and its absolute path. */
export interface AdrDirEntry {
  name: string
  dir: string
}

/** The name log4brains' project-wide ADR folder gets beside its packages (log4brains calls them global ADRs). */
export const LOG4BRAINS_GLOBAL = 'global'

export const DEFAULT_DIR = 'doc/adr'

/**
 * Finds the ADR directory, first match wins: `--dir`; `.adrgate.yaml` `dir:`; `.adr-dir`;
 * `.log4brains.yml` `project.adrFolder`; an existing conventional directory. The search walks up
 * from `cwd` to the git root, so every command works from any subdirectory.
 */
export function openWorkspace(cwd: string, options: {dir?: string; env: NodeJS.ProcessEnv}): Workspace {
  const ws = findWorkspace(cwd, options)
  if (ws.source === 'flag') {
    // the user's own choice may point anywhere; say so when it leaves the repository the command runs in
    const here = ws.gitRoot ?? cwd
    if (ws.gitRoot && !resolvesInside(here, ws.adrDir)) {
      notice(`--dir ${options.dir} is outside this repository (${here}); reading and writing there, as asked`)
    }
    return ws
  }
  for (const dir of ws.dirs ?? [{name: '', dir: ws.adrDir}]) if (!resolvesInside(ws.root, dir.dir)) throw outside({...ws, adrDir: dir.dir})
  return ws
}

/** A workspace per ADR directory, in order: the workspace itself when it has one directory. */
export function eachDir(ws: Workspace): Workspace[] {
  if (!ws.dirs) return [ws]
  return ws.dirs.map((entry) => ({...ws, adrDir: entry.dir, dirs: undefined, dirName: entry.name}))
}

/** The workspace of the directory named `name` (`--package web`); an unknown name is an error that lists them. */
export function narrowToDir(ws: Workspace, name: string): Workspace {
  const found = eachDir(ws).find((sub) => sub.dirName === name)
  if (found) return found
  const names = (ws.dirs ?? []).map((d) => d.name)
  throw new AdrError(
    'INVALID_ARGUMENT',
    names.length ? `No ADR directory is named "${name}"` : `"${name}" names an ADR directory, but this repository has only one`,
    {
      suggestions: names.length
        ? [`Use one of: ${names.join(', ')}.`]
        : ['Leave the option out, or list the directories under `dirs:` in .adrgate.yaml (each with a name and a path).'],
    },
  )
}

/**
 * Where `adr new` writes in a workspace of several directories: the one named (`--package`), else the
 * one the command runs in, else the first. A workspace of one directory is itself.
 */
export function dirForNew(ws: Workspace, name?: string): Workspace {
  if (name !== undefined) return narrowToDir(ws, name)
  const subs = eachDir(ws)
  if (subs.length === 1) return subs[0]
  const inside = subs.filter((sub) => ws.cwd === sub.adrDir || ws.cwd.startsWith(sub.adrDir + path.sep))
  return inside.sort((a, b) => b.adrDir.length - a.adrDir.length)[0] ?? subs[0]
}

/** The absolute path of an ADR file of the workspace (in any of its directories). */
export function adrFilePath(ws: Workspace, adr: {file: string; dir?: {path: string}}): string {
  return adr.dir ? path.join(ws.root, ...adr.dir.path.split('/'), adr.file) : path.join(ws.adrDir, adr.file)
}

/** Every directory of a workspace of several as ADRs carry theirs: its name and its path from the root. */
export function dirRefsOf(ws: Workspace): {name: string; path: string}[] | undefined {
  return ws.dirs?.map((d) => ({name: d.name, path: path.relative(ws.root, d.dir).split(path.sep).join('/') || '.'}))
}

/** A narrowed workspace's directory as ADRs carry it: its name and its path from the root. */
export function dirRefOf(ws: Workspace): {name: string; path: string} | undefined {
  if (ws.dirName === undefined) return undefined
  return {name: ws.dirName, path: path.relative(ws.root, ws.adrDir).split(path.sep).join('/') || '.'}
}

const SOURCES: Record<Workspace['source'], string> = {
  flag: '--dir',
  config: '`dir:` in .adrgate.yaml',
  'adr-dir-file': '.adr-dir',
  log4brains: '`project.adrFolder` in .log4brains.yml',
  conventional: 'the ADR directory',
  default: 'the ADR directory',
}

/** What named the workspace's directories, for messages: `dirs:` rather than `dir:` when there are several. */
function sourceOf(ws: Workspace): string {
  if (ws.dirs && ws.source === 'config') return '`dirs:` in .adrgate.yaml'
  if (ws.dirs && ws.source === 'log4brains') return '`adrFolder` or `project.packages` in .log4brains.yml'
  return SOURCES[ws.source]
}

/**
 * A directory named by the repository's own files (or a symbolic link in it) that resolves outside
 * it. A link on the way is named with where it really leads (`doc` → `/srv/shared`), so the message
 * names paths that exist, not the directory as it would be if the link were a folder.
 */
function outside(ws: Workspace): AdrError {
  const named = path.relative(ws.cwd, ws.adrDir) || '.'
  const real = realPathSoFar(ws.adrDir)
  const exists = existsSync(real)
  const via = firstLinkOnTheWay(ws.root, ws.adrDir)
  if (via) {
    const link = path.relative(ws.cwd, via.link) || '.'
    const from = ws.source === 'conventional' || ws.source === 'default' ? '' : ` named by ${sourceOf(ws)}`
    return new AdrError(
      'UNSAFE_PATH',
      `${named}, the ADR directory${from}, ${link === named ? 'is' : `goes through ${link},`} a symbolic link to ${via.to}, outside the repository (${ws.root}); adrgate reads and writes only inside it`,
      {
        suggestions: [
          `Replace the link ${link} with a folder of the repository (move what it points to inside), or ${from ? `point ${sourceOf(ws)}` : 'write `dir: DIR` in .adrgate.yaml'} at a directory inside the repository.`,
          exists
            ? `If you mean the ADRs in ${real}, pass that directory yourself: --dir ${real}.`
            : `${real}, where the link leads, does not exist: adrgate found no ADRs there either.`,
        ],
      },
    )
  }
  return new AdrError(
    'UNSAFE_PATH',
    `${sourceOf(ws)} names ${named}, which resolves to ${real}, outside the repository (${ws.root}); adrgate reads and writes only inside it`,
    {
      suggestions: [
        `Point ${sourceOf(ws)} at a directory inside the repository.`,
        exists ? `If you mean that directory, pass it yourself: --dir ${real}.` : `${real} does not exist either.`,
      ],
    },
  )
}

function findWorkspace(cwd: string, options: {dir?: string; env: NodeJS.ProcessEnv}): Workspace {
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
  const base = {cwd, gitRoot, config, configFile, configText, env: options.env}
  if (options.dir) {
    // A --dir in another repository (or in none) has that repository (or itself) as its root, so its
    // files are not taken for links that leave this one.
    const adrDir = path.resolve(cwd, options.dir)
    const here = gitRoot ?? cwd
    const root = findGitRoot(adrDir) ?? (adrDir === here || adrDir.startsWith(here + path.sep) ? here : adrDir)
    return {...base, root, adrDir, source: 'flag'}
  }
  if (config.dirs && configFile) {
    const base2 = path.dirname(configFile)
    const dirs = config.dirs.map((d) => ({name: d.name, dir: path.resolve(base2, d.path)}))
    // two spellings of one folder (`docs/adr` and `./docs/../docs/adr/`) would list every ADR twice
    const twice = dirs.find((d, i) => dirs.findIndex((e) => e.dir === d.dir) !== i)
    if (twice) {
      const first = dirs.find((e) => e.dir === twice.dir)
      const where = path.relative(base2, twice.dir) || '.'
      throw new AdrError(
        'INVALID_CONFIG',
        `${configFile}: the entries "${first?.name}" and "${twice.name}" of \`dirs\` are the same directory, ${where}`,
        {
          suggestions: ['List each ADR directory once under `dirs:`.'],
        },
      )
    }
    return {...base, root: base2, adrDir: dirs[0].dir, dirs, source: 'config'}
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
      const {folder, packages} = readLog4brains(log4brains, path.relative(cwd, log4brains))
      const dirs = [
        ...(folder ? [{name: LOG4BRAINS_GLOBAL, dir: path.resolve(level, folder)}] : []),
        ...packages.map((p) => ({name: p.name, dir: path.resolve(level, p.adrFolder)})),
      ]
      if (dirs.length) return {...base, root: level, adrDir: dirs[0].dir, ...(dirs.length > 1 ? {dirs} : {}), source: 'log4brains'}
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
