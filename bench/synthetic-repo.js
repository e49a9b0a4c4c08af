// Builds (or reuses) a synthetic ADR repository under os.tmpdir(): the planned history is written as
// one `git fast-import` stream and checked out with one `git reset --hard` — a handful of git
// processes whatever the size.
import {execFileSync} from 'node:child_process'
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {planHistory} from './plan-history.js'

/** Bump when the generated repositories change, so cached ones are rebuilt. */
export const GENERATOR_VERSION = 4

const AUTHOR_DOMAIN = 'example.com'
const EXTRA_FILES = {
  'README.md': '# Tally\n\nAn invoicing service. Its architecture decisions live in `docs/adr/`.\n',
  'docs/adr/README.md': '# Architecture Decision Records\n\nOne file per decision; see `adr list`.\n',
  'src/index.ts': 'export const answer = 42\n',
}

/** A git environment without user or system configuration, so the build is the same everywhere. */
export function gitEnv() {
  return {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0'}
}

export function git(cwd, args, options = {}) {
  return execFileSync('git', args, {cwd, env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options})
}

/**
 * @param {{name: string, size: number, commits?: number, log?: (line: string) => void}} options
 * @returns {{dir: string, adrs: number, commits: number, reused: boolean, middle: number}}
 */
export function ensureRepository({name, size, commits = 0, log = () => {}}) {
  const home = path.join(tmpdir(), `adrgate-bench-${name}`)
  const dir = path.join(home, 'repo')
  const metaFile = path.join(home, 'meta.json')
  const wanted = {version: GENERATOR_VERSION, size, minCommits: commits}
  const meta = existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, 'utf8')) : undefined
  if (meta && meta.version === wanted.version && meta.size === size && meta.minCommits === commits && existsSync(path.join(dir, '.git'))) {
    resetRepository(dir)
    return {dir, adrs: size, commits: meta.commits, reused: true, middle: Math.ceil(size / 2)}
  }
  log(`building ${name}: ${size.toLocaleString('en')} ADRs${commits ? `, ≥ ${commits.toLocaleString('en')} commits` : ''} in ${dir}`)
  const started = Date.now()
  rmSync(home, {recursive: true, force: true})
  mkdirSync(dir, {recursive: true})
  const streamFile = path.join(home, 'history.fast-import')
  const built = writeStream(streamFile, {size, commits})
  git(dir, ['init', '-q', '-b', 'main'])
  const fd = openSync(streamFile, 'r')
  try {
    git(dir, ['fast-import', '--quiet'], {stdio: [fd, 'pipe', 'pipe']})
  } finally {
    closeSync(fd)
  }
  rmSync(streamFile)
  git(dir, ['reset', '-q', '--hard', 'main'])
  const written = readdirSync(path.join(dir, 'docs', 'adr')).filter((f) => /^\d{4,}-.*\.md$/.test(f)).length
  if (written !== size) throw new Error(`the generator wrote ${written} ADRs into ${dir}, expected ${size}`)
  writeFileSync(metaFile, `${JSON.stringify({...wanted, commits: built.commits}, null, 2)}\n`)
  log(
    `built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s (${built.commits.toLocaleString('en')} commits); reused by later runs`,
  )
  return {dir, adrs: size, commits: built.commits, reused: false, middle: Math.ceil(size / 2)}
}

/** Undoes whatever a measured command left behind in the repository (tracked and untracked files). */
export function resetRepository(dir, sub = '.') {
  git(dir, ['checkout', '-q', '--', sub])
  git(dir, ['clean', '-fdq', '--', sub])
}

function writeStream(file, {size, commits}) {
  const fd = openSync(file, 'w')
  let chunks = []
  let pendingBytes = 0
  const write = (text) => {
    chunks.push(text)
    pendingBytes += text.length
    if (pendingBytes > 1 << 22) flush()
  }
  const flush = () => {
    writeSync(fd, chunks.join(''))
    chunks = []
    pendingBytes = 0
  }
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`
  let first = true
  try {
    const result = planHistory({size, commits}, (c) => {
      const who = `${c.author} <${c.author}@${AUTHOR_DOMAIN}> ${c.time} +0000`
      write(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\n${data(c.message)}`)
      const files = first ? [...Object.entries(EXTRA_FILES).map(([p, text]) => ({path: p, text})), ...c.files] : c.files
      for (const f of files) write(`M 100644 inline ${f.path}\n${data(f.text)}`)
      write('\n')
      first = false
    })
    flush()
    return result
  } finally {
    closeSync(fd)
  }
}
