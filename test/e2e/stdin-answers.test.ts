import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN, PROJECT_ROOT} from '../helpers/run-command.js'

// `--file -` on the debate commands, spawned with a real pipe: oclif would read a missing argument
// from stdin, so the answers became the debate's title (BaseCommand.parse turns that off).

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const answers = readFileSync(path.join(PROJECT_ROOT, 'examples/debates/invoicing-answers.yaml'), 'utf8')
const adr = (argv: string[], cwd: string, input?: string) =>
  spawnSync(process.execPath, [BIN, ...argv], {cwd, input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ADR_DATE: '2026-11-20'}})

describe('answers piped to --file -', () => {
  it('debate start reads them from stdin and takes its title from them, not from the pipe', () => {
    repo = makeRepo({'docs/decisions/.keep': ''})
    const started = adr(['debate', 'start', '--file', '-', '--no-input', '--dir', 'docs/decisions'], repo.dir, answers)
    expect(started.status, started.stderr).toBe(0)
    const files = readdirSync(path.join(repo.dir, 'docs/decisions')).filter((f) => f.endsWith('.md'))
    expect(files).toEqual(['0001-primary-datastore-for-tally.md'])
  })

  it('a missing argument is still a usage error when stdin is a pipe', () => {
    repo = makeRepo({'docs/decisions/0001-use-x.md': '# Use X\n'})
    const shown = adr(['show'], repo.dir, '1\n')
    expect(shown.status).toBe(2)
    expect(shown.stderr).toMatch(/Missing 1 required arg/)
  })
})
