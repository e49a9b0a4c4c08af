import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import type {FileInput, FileLintSetup, FileOutput} from '../../src/app/lint/lint-files.js'
import type {ParallelOptions} from '../../src/app/lint/lint-workers.js'
import {builtAdrs, FIXTURES, TEMPLATES} from '../helpers/built-adrs.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

// `adr lint` shares the files among worker threads only above 20,000 of them (ADR 30). The threads
// need the compiled worker (dist/, built before the suite), so this test runs the built modules with
// the threshold lowered: the same findings, in the same order, as one thread; and a worker that fails
// gives its share back to the main thread and says so on stderr.

type Parallel = (inputs: readonly FileInput[], setup: FileLintSetup, options?: ParallelOptions) => Promise<FileOutput[]>
const dist = (module: string) => import(pathToFileURL(path.join(PROJECT_ROOT, 'dist', module)).href)
const {lintInParallel} = (await dist('app/lint/lint-workers.js')) as {lintInParallel: Parallel}
const {setNoticeSink} = (await dist('adapters/notices.js')) as {setNoticeSink: (sink: (line: string) => void) => void}

const adrSchema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/adr.schema.json'), 'utf8'))
const setup: FileLintSetup = {adrSchema, profile: 'recommended', overrides: {}, today: '2026-06-01', templates: TEMPLATES}
const inputs = [...builtAdrs(150, 5), ...FIXTURES.slice(0, 40).map((text, i) => ({file: `${String(9000 + i)}-fixture.md`, text}))]

const scratch = mkdtempSync(path.join(tmpdir(), 'adrgate-lint-threads-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** Runs `lintInParallel` with the notices it gives collected. */
async function run(options: ParallelOptions) {
  const notices: string[] = []
  setNoticeSink((line) => notices.push(line))
  try {
    return {out: await lintInParallel(inputs, setup, options), notices}
  } finally {
    setNoticeSink((line) => void process.stderr.write(`${line}\n`))
  }
}

describe('lint in worker threads', () => {
  it('gives the findings and ADRs one thread gives, in the same order', async () => {
    // the threads run the compiled worker (a worker that is not there is never tried)
    expect(existsSync(path.join(PROJECT_ROOT, 'dist/app/lint/lint-worker.js'))).toBe(true)
    const one = await run({})
    const three = await run({threshold: 0, threads: 3})
    expect(three.out).toEqual(one.out)
    expect(three.notices).toEqual([])
    // the comparison covers findings, not only clean files
    expect(one.out.filter((o) => o.problems.length > 0).length).toBeGreaterThan(50)
  })

  it('lints a failed worker’s share in the main thread, and says so on stderr', async () => {
    const one = await run({})
    const broken = path.join(scratch, 'broken-worker.js')
    writeFileSync(broken, "throw new Error('this worker cannot start')\n")
    const failed = await run({threshold: 0, threads: 2, worker: pathToFileURL(broken)})
    expect(failed.out).toEqual(one.out)
    expect(failed.notices).toEqual([
      `adrgate: a lint worker thread failed (this worker cannot start); its ${inputs.length / 2} files were linted in the main thread`,
    ])
    // a worker that stops without answering is a failure too, never a hang or a share lost
    const silent = path.join(scratch, 'silent-worker.js')
    writeFileSync(silent, 'process.exit(3)\n')
    const stopped = await run({threshold: 0, threads: 2, worker: pathToFileURL(silent)})
    expect(stopped.out).toEqual(one.out)
    expect(stopped.notices).toEqual([
      `adrgate: a lint worker thread failed (lint worker stopped with exit code 3 before it answered); its ${inputs.length / 2} files were linted in the main thread`,
    ])
  })

  it('fails the lint when the share fails in the main thread too, as one thread would', async () => {
    const bad = {...setup, adrSchema: {type: 'object', properties: {status: {type: 'no-such-type'}}}}
    await expect(lintInParallel(inputs.slice(0, 4), bad, {threshold: 0, threads: 2})).rejects.toThrow()
  })
})
