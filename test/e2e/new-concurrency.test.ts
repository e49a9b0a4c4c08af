/**
 * Ten `adr new` started at once, as ten processes of the built binary (`npm test` builds `dist/`
 * first), get ten distinct numbers: the number is chosen and the file created under the ADR
 * directory's lock.
 */
import {spawn} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

interface Spawned {
  stdout: string
  stderr: string
  code: number | null
}

function runAsync(argv: string[], cwd: string): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const env = {...process.env, NO_COLOR: '1', ADR_DATE: '2026-11-22', VISUAL: '', EDITOR: ''}
    const child = spawn(process.execPath, [BIN, ...argv], {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({stdout, stderr, code}))
  })
}

describe('adr new, ten at once', () => {
  it('gives ten distinct numbers and leaves no lock or temporary file', async () => {
    repo = makeRepo({
      'doc/adr/0001-record-architecture-decisions.md': '# 1. Record architecture decisions\n\nDate: 2026-11-22\n\n## Status\n\nAccepted\n',
    })
    const titles = Array.from({length: 10}, (_, i) => `Concurrent decision ${String.fromCharCode(97 + i)}`)
    const results = await Promise.all(titles.map((t) => runAsync(['new', ...t.split(' ')], repo!.dir)))
    for (const r of results) expect({code: r.code, stderr: r.stderr}).toEqual({code: 0, stderr: ''})
    const printed = results.map((r) => r.stdout.trim())
    const numbers = printed.map((p) => Number(/\/(\d{4})-/.exec(p)?.[1])).sort((a, b) => a - b)
    expect(numbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    const dir = path.join(repo.dir, 'doc/adr')
    const files = readdirSync(dir)
    expect(files).toHaveLength(11)
    expect(files.filter((f) => f.startsWith('.'))).toEqual([])
    for (const p of printed) {
      const number = Number(/\/(\d{4})-/.exec(p)?.[1])
      expect(readFileSync(path.join(repo.dir, p), 'utf8').split('\n')[0]).toMatch(new RegExp(`^# ${number}\\. Concurrent decision [a-j]$`))
    }
  })

  it('prints parseable --json and nothing on stderr', async () => {
    repo = makeRepo()
    const r = await runAsync(['new', '--json', 'Use', 'PostgreSQL'], repo.dir)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({path: 'doc/adr/0001-use-postgresql.md', number: 1, format: 'nygard'})
  })
})
