/**
 * A V8 code cache for the CommonJS modules a run loads: oclif, the packages loaded with require(), and
 * the bundled commands (scripts/bundle-commands.js). ADR 45 says why. Compiling JavaScript is a third
 * of what a small command costs; Node 22 caches it (`module.enableCompileCache`), Node 20 does not, and
 * gives no way at all to cache an ES module. So bin/run.js installs this before it loads oclif:
 * `Module.prototype._compile` compiles a CommonJS module as a `vm.Script` with the cached data of its
 * last run, and at exit the scripts that had none are saved, with every function the run compiled
 * (and once more by the next run that uses the data: `FINAL_GENERATION`).
 *
 * Safe by construction, and never in the way of a run:
 * - A cache file says the CRC-32 of the source it was made from and of its own data; anything else
 *   (another source, a torn or damaged file) is not used, and V8 itself refuses data of another V8
 *   version or other flags. A module whose data is refused is compiled as Node would, and saved anew.
 * - Files are written to a temporary name and renamed, so a reader sees a whole file or none; the
 *   folder is the user's own (made with mode 0700; one another user owns or others may write to is
 *   not used), one per Node version, architecture and Node options. Cached data is code: whoever
 *   can write the folder can make adrgate run theirs (or crash V8 with data that passes the CRCs),
 *   as whoever can write dist/ can.
 * - What it cannot compile as a plain script goes to Node's own `_compile` untouched: ES modules
 *   loaded by require(), a source with a dynamic `import()` (a `vm.Script` has no loader for it), a
 *   `#!` line, a syntax error (Node then says it, or parses the file as an ES module).
 * - Any error reading or writing the cache is swallowed: the run goes on uncached.
 */
import {lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import Module from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import {crc32} from 'node:zlib'

const MAGIC = Buffer.from('adrgate-v8-cache-2\n')
/** The magic, the CRC-32 of the source and of the data, and the data's generation (`FINAL_GENERATION` says what it is). */
const HEADER = MAGIC.length + 9
/**
 * Data is saved twice: by the first run that compiles a module (generation 0) and once more by the
 * next run that uses that data (generation 1), never again. The first run may have run little of the
 * module: oclif without a manifest requires every command only to read its flags, and oclif's own
 * bundle is cached by whichever command ran first. V8 compiles what a run calls and the data lacks,
 * on every run (a bare `adr list` whose bundle was first loaded that way compiled some 18 M
 * instructions' worth); the second save keeps what two runs compiled, for one more serialisation.
 */
const FINAL_GENERATION = 1

type CommonJsCompile = (this: CommonJsModule, content: string, filename: string, format?: string) => unknown
interface CommonJsModule {
  exports: unknown
  require(id: string): unknown
}
/** The parts of Node's CommonJS loader a module's own `require` is made of (as Node makes it). */
interface CommonJsLoader {
  prototype: {_compile: CommonJsCompile}
  wrap(source: string): string
  _resolveFilename(request: string, parent: CommonJsModule, isMain: boolean, options?: unknown): string
  _resolveLookupPaths(request: string, parent: CommonJsModule): string[] | null
  _extensions: unknown
  _cache: unknown
}

export interface CompileCache {
  /** Writes the cached data of every script compiled without any, or with data of a first generation (synchronously: it runs at exit). */
  save(): void
  /** What the run did: scripts compiled from cached data, compiled without, and given to Node as they are. */
  counts(): {cached: number; compiled: number; passed: number}
}

/**
 * The folder of the cache for this Node: `ADRGATE_COMPILE_CACHE` when it names one (an absolute path),
 * none when it is `0`, `false`, `off` or relative, else the user's cache folder (`$XDG_CACHE_HOME`, `~/.cache`; `%LOCALAPPDATA%` on Windows). One
 * folder per Node version, architecture and set of Node options (`flags`: its command line's and
 * NODE_OPTIONS): V8 refuses data made under other flags, and runs that alternate between two would
 * otherwise each rewrite what the other wrote.
 */
export function compileCacheDir(
  env: NodeJS.ProcessEnv,
  system: {platform: string; homedir: string; version: string; arch: string; flags: readonly string[]},
): string | undefined {
  const chosen = env.ADRGATE_COMPILE_CACHE
  // a relative folder would be made in whatever directory adr runs in (a repository): no cache
  if (chosen === '0' || chosen === 'false' || chosen === 'off' || (chosen && !path.isAbsolute(chosen))) return undefined
  // the XDG specification: a relative $XDG_CACHE_HOME is ignored
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined
  const base = chosen
    ? chosen
    : path.join(
        system.platform === 'win32'
          ? (env.LOCALAPPDATA ?? path.join(system.homedir, 'AppData', 'Local'))
          : (xdg ?? path.join(system.homedir, '.cache')),
        'adrgate',
        'compile-cache',
      )
  const flags = [...system.flags, env.NODE_OPTIONS ?? ''].join(' ').trim()
  const folder = `node-${system.version}-${system.arch}${flags ? `-${crc32(flags).toString(16).padStart(8, '0')}` : ''}`
  return path.join(base, folder)
}

/**
 * Whether a source can be compiled as a plain script: no `#!` line (Node strips it, a wrapped script
 * cannot) and no `import(` anywhere, a comment's included (a script compiled here could not run one).
 */
export function compilesAsScript(source: string): boolean {
  return !source.startsWith('#!') && !/\bimport\s*\(/.test(source)
}

/** The cache file of a module: its name (for whoever looks) and the CRC-32 of its whole path. */
function cacheFileOf(dir: string, filename: string): string {
  return path.join(dir, `${path.basename(filename)}-${crc32(filename).toString(16).padStart(8, '0')}.v8`)
}

/** The cached data in a cache file made from this very source, and its generation; or undefined. */
function readCachedData(file: string, sourceCrc: number): {data: Buffer; generation: number} | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  if (bytes.length <= HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined
  if (bytes.readUInt32LE(MAGIC.length) !== sourceCrc) return undefined
  const data = bytes.subarray(HEADER)
  return bytes.readUInt32LE(MAGIC.length + 4) === crc32(data) ? {data, generation: bytes[MAGIC.length + 8]} : undefined
}

/**
 * Whether the cache folder may be read: cached data is code, so a folder another user owns, or one
 * others may write to (a shared `ADRGATE_COMPILE_CACHE=/tmp/…`), is refused, and the run goes
 * uncached. Where there are no owners to compare (Windows), only that it is a folder.
 */
function folderTrust(dir: string): 'trusted' | 'missing' | 'refused' {
  let stat: ReturnType<typeof lstatSync>
  try {
    stat = lstatSync(dir)
  } catch {
    return 'missing'
  }
  if (!stat.isDirectory()) return 'refused'
  const uid = process.getuid?.()
  if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return 'refused'
  return 'trusted'
}

/** The `require` of a module, as Node's `makeRequireFunction` makes it. */
function requireOf(loader: CommonJsLoader, module: CommonJsModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require
  const resolve = ((request: string, options?: unknown) =>
    loader._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, module)
  require.resolve = resolve
  require.main = process.mainModule
  Object.assign(require, {extensions: loader._extensions, cache: loader._cache})
  return require
}

/** Installs the cache in this process's CommonJS loader; `save()` at exit keeps what it compiled. */
export function startCompileCache(dir: string): CompileCache {
  const loader = Module as unknown as CommonJsLoader
  const nodeCompile = loader.prototype._compile
  const unsaved: {file: string; sourceCrc: number; script: vm.Script; generation: number}[] = []
  const counts = {cached: 0, compiled: 0, passed: 0}
  const trust = folderTrust(dir)

  /** The module's wrapper function, compiled from its cached data when there is some; undefined when it must go to Node. */
  function compileWrapper(content: string, filename: string): ((...args: unknown[]) => unknown) | undefined {
    if (trust === 'refused') return undefined
    const file = cacheFileOf(dir, filename)
    const sourceCrc = crc32(content)
    const cached = readCachedData(file, sourceCrc)
    const cachedData = cached?.data
    // data made from this very source was saved by a run that compiled it as a script, so it passed
    // compilesAsScript then: the pattern is tried only on a source without any (it scans the whole
    // source, 780 KB for oclif and a command bundle: some 3 M instructions of a bare `adr list`)
    if (!cachedData && !compilesAsScript(content)) return undefined
    let script: vm.Script
    try {
      script = new vm.Script(loader.wrap(content), {filename, cachedData})
    } catch {
      return undefined // a syntax error: Node's own compile says it, or loads the file as an ES module
    }
    if (cached && !script.cachedDataRejected) {
      counts.cached++
      if (cached.generation < FINAL_GENERATION) unsaved.push({file, sourceCrc, script, generation: cached.generation + 1})
    } else {
      counts.compiled++
      unsaved.push({file, sourceCrc, script, generation: 0})
    }
    return script.runInThisContext({displayErrors: true}) as (...args: unknown[]) => unknown
  }

  loader.prototype._compile = function compileFromCache(this: CommonJsModule, content, filename, format) {
    const wrapper = format === 'module' ? undefined : compileWrapper(content, filename)
    if (!wrapper) {
      counts.passed++
      return nodeCompile.call(this, content, filename, format)
    }
    return wrapper.call(this.exports, this.exports, requireOf(loader, this), this, filename, path.dirname(filename))
  }

  return {
    save() {
      if (unsaved.length === 0 || trust === 'refused') return
      try {
        if (trust === 'missing') mkdirSync(dir, {recursive: true, mode: 0o700})
        if (folderTrust(dir) !== 'trusted') return
      } catch {
        return
      }
      for (const {file, sourceCrc, script, generation} of unsaved.splice(0)) {
        const temporary = `${file}.${process.pid}.tmp`
        try {
          const data = script.createCachedData()
          const header = Buffer.alloc(9)
          header.writeUInt32LE(sourceCrc, 0)
          header.writeUInt32LE(crc32(data), 4)
          header[8] = generation
          writeFileSync(temporary, Buffer.concat([MAGIC, header, data]), {mode: 0o600})
          renameSync(temporary, file)
        } catch {
          try {
            rmSync(temporary, {force: true})
          } catch {}
        }
      }
    },
    counts: () => ({...counts}),
  }
}
