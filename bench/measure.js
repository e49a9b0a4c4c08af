// Runs one command N times (after warm-up runs) and reports its median wall time, CPU and peak memory.
// Peak memory is the maxRSS of the measured Node process, written at exit by rss-probe.mjs, loaded
// through NODE_OPTIONS; Node child processes report their own line; git processes are not counted.
// CPU is the measured process's own plus that of the child processes it waited for (git included).
import {execFileSync, spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const PROBE = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-probe.mjs')).href
let probeDir
let probeCount = 0
/** The compile cache of the measured runs (ADR 45): the bench's own, filled by the warm-up run, removed at the end. */
let compileCacheDir
let ticksPerSecond

/** Clock ticks a second, the unit of the children's CPU in /proc (100 on almost every Linux). */
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

export function removeProbeFiles() {
  if (probeDir) rmSync(probeDir, {recursive: true, force: true})
  if (compileCacheDir) rmSync(compileCacheDir, {recursive: true, force: true})
  probeDir = undefined
  compileCacheDir = undefined
}

/** The environment of every measured process: no editor, no colour, no update notices, the probe loaded, the bench's compile cache. */
export function childEnv(extra = {}) {
  const env = {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra}
  for (const key of ['VISUAL', 'EDITOR', 'NODE_OPTIONS', 'ADR_DATE', 'ADR_TEMPLATE']) delete env[key]
  env.NODE_OPTIONS = `--import=${PROBE}`
  compileCacheDir ??= mkdtempSync(path.join(tmpdir(), 'adrgate-bench-compile-cache-'))
  env.ADRGATE_COMPILE_CACHE ??= compileCacheDir
  return env
}

/**
 * One run: wall time from spawn to exit as seen by the parent, the exit code, the bytes on stdout, the
 * tail of stderr, maxRSS (MiB) of the process itself and of any Node descendants, and CPU (ms) of the
 * process with its children. `capture` keeps the whole stdout and stderr; `env` adds variables.
 */
export function runOnce(command, args, cwd, {capture = false, env = {}} = {}) {
  probeDir ??= mkdtempSync(path.join(tmpdir(), 'adrgate-bench-rss-'))
  const rssFile = path.join(probeDir, `${++probeCount}.rss`)
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, {cwd, env: childEnv({...env, ADRGATE_BENCH_RSS_FILE: rssFile}), stdio: ['ignore', 'pipe', 'pipe']})
    let stdoutBytes = 0
    let stderr = ''
    const stdoutChunks = []
    const stderrChunks = []
    child.stdout.on('data', (chunk) => {
      stdoutBytes += chunk.length
      if (capture) stdoutChunks.push(chunk)
    })
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000)
      if (capture) stderrChunks.push(chunk)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const {self, children, cpuMs, childCpuMs} = readProbe(rssFile, child.pid)
      const captured = capture ? {stdout: Buffer.concat(stdoutChunks), stderrText: Buffer.concat(stderrChunks)} : {}
      resolve({ms, code, stdoutBytes, stderr, rssMiB: self, childRssMiB: children, cpuMs, childCpuMs, ...captured})
    })
  })
}

function readProbe(file, pid) {
  let text = ''
  try {
    text = readFileSync(file, 'utf8')
    rmSync(file)
  } catch {
    return {}
  }
  let self
  let children
  let cpuMs
  let childCpuMs
  for (const line of text.trim().split('\n')) {
    const [linePid, , kib, user, system, ticks = 0] = line.split(' ').map(Number)
    const mib = kib / 1024
    // Worker threads share the pid and may report too: keep the highest figures for it.
    if (linePid === pid) {
      self = Math.max(self ?? 0, mib)
      const childMs = (ticks * 1000) / clockTicks()
      childCpuMs = Math.max(childCpuMs ?? 0, childMs)
      cpuMs = Math.max(cpuMs ?? 0, (user + system) / 1000 + childMs)
    } else children = Math.max(children ?? 0, mib)
  }
  return {self, children, cpuMs, childCpuMs}
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Measures `command args` in `cwd`: `warmup` unmeasured runs, then `runs` measured ones; `before` and
 * `after` run around every run, untimed (e.g. to drop a cache, or undo what `adr new` wrote). Stops at
 * the first failing run and reports it.
 */
export async function measure({command, args, cwd, runs, warmup = 1, before = () => {}, after = () => {}, okCodes = [0]}) {
  const samples = []
  for (let i = 0; i < warmup + runs; i++) {
    before()
    const result = await runOnce(command, args, cwd)
    after()
    if (!okCodes.includes(result.code)) {
      return {error: `exit ${result.code}: ${lastLine(result.stderr)}`, code: result.code}
    }
    if (i >= warmup) samples.push(result)
  }
  const rss = samples.map((s) => s.rssMiB).filter((v) => v !== undefined)
  const childRss = samples.map((s) => s.childRssMiB).filter((v) => v !== undefined)
  const cpu = samples.map((s) => s.cpuMs).filter((v) => v !== undefined)
  const childCpu = samples.map((s) => s.childCpuMs).filter((v) => v !== undefined)
  return {
    medianMs: median(samples.map((s) => s.ms)),
    minMs: Math.min(...samples.map((s) => s.ms)),
    maxMs: Math.max(...samples.map((s) => s.ms)),
    medianCpuMs: cpu.length ? median(cpu) : undefined,
    medianChildCpuMs: childCpu.length ? median(childCpu) : undefined,
    peakRssMiB: rss.length ? Math.max(...rss) : undefined,
    childPeakRssMiB: childRss.length ? Math.max(...childRss) : undefined,
    code: samples[0]?.code,
    stdoutBytes: samples[0]?.stdoutBytes,
    runs: samples.length,
  }
}

function lastLine(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const error = lines.find((l) => /^(Error|ERROR|›\s+Error)/.test(l))
  return (error ?? lines.at(-1) ?? '(no output on stderr)').slice(0, 200)
}
