// The `git fast-import` writer the bench's history repositories share (bench/fixtures/history-repo.js,
// bench/moved-history-repo.js): a stream built commit by commit in memory, and a repository built from
// it once (a few git processes, never one per commit) and reused while its marker file is there.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/** A fast-import stream on `refs/heads/main`: one commit after another, each with its file operations. */
export function fastImportStream() {
  const parts = []
  const data = (text) => {
    const bytes = Buffer.from(text, 'utf8')
    parts.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'))
  }
  let mark = 0
  return {
    /** Starts commit number `mark + 1`, on top of the one before; `time` in seconds since the epoch. */
    commit({author, email, time, message}) {
      mark++
      parts.push(Buffer.from(`commit refs/heads/main\nmark :${mark}\n`))
      parts.push(Buffer.from(`author ${author} <${email}> ${time} +0000\ncommitter ${author} <${email}> ${time} +0000\n`))
      data(message)
      if (mark > 1) parts.push(Buffer.from(`from :${mark - 1}\n`))
    },
    /** Writes a file (mode 100644) in the current commit. */
    modify(file, text) {
      parts.push(Buffer.from(`M 100644 inline ${file}\n`))
      data(text)
    },
    remove(file) {
      parts.push(Buffer.from(`D ${file}\n`))
    },
    /** Moves a file or a whole folder (one command). */
    rename(from, to) {
      parts.push(Buffer.from(`R ${from} ${to}\n`))
    },
    /** Ends the current commit. */
    end() {
      parts.push(Buffer.from('\n'))
    },
    toBuffer() {
      return Buffer.concat(parts)
    },
  }
}

/**
 * Builds the repository in `dir` from `stream()` (a Buffer) and checks it out, unless a build of it is
 * already there. `what` is said in the log line before building.
 */
export function buildRepositoryOnce(dir, stream, {log = () => {}, what = ''} = {}) {
  const done = path.join(dir, '.git', 'adrgate-bench-done')
  if (existsSync(done)) return
  log(`building ${dir}: ${what}`)
  rmSync(dir, {recursive: true, force: true})
  mkdirSync(dir, {recursive: true})
  const env = {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null'}
  const git = (args, input) => execFileSync('git', args, {cwd: dir, env, input, stdio: ['pipe', 'ignore', 'pipe'], maxBuffer: 1 << 30})
  git(['init', '-q', '-b', 'main'])
  git(['fast-import', '--quiet'], stream())
  git(['reset', '-q', '--hard', 'main'])
  writeFileSync(done, `${new Date().toISOString()}\n`)
}
