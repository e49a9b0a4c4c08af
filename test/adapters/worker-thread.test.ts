import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {runWorkerThread} from '../../src/adapters/worker-thread.js'

// lint and the site hand shares of their files to worker threads: a worker that stops without an
// answer must reject (the caller then does the share itself), never leave the command waiting.

const dir = mkdtempSync(path.join(tmpdir(), 'adrgate-worker-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
function script(name: string, body: string): URL {
  const file = path.join(dir, name)
  writeFileSync(file, `import {parentPort, workerData} from 'node:worker_threads'\n${body}\n`)
  return pathToFileURL(file)
}

describe('runWorkerThread', () => {
  it('resolves with the first message', async () => {
    await expect(runWorkerThread(script('echo.mjs', 'parentPort.postMessage(workerData.n * 2)'), {n: 21}, 'test worker')).resolves.toBe(42)
  })

  it('rejects a worker that exits with code 0 without answering', async () => {
    await expect(runWorkerThread(script('silent.mjs', 'process.exit(0)'), {}, 'test worker')).rejects.toThrow(
      /stopped with exit code 0 before it answered/,
    )
  })

  it('rejects a worker that throws', async () => {
    await expect(runWorkerThread(script('throws.mjs', "throw new Error('broken')"), {}, 'test worker')).rejects.toThrow(/broken/)
  })
})
