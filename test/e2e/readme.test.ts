/**
 * The README's shell blocks run as written, top to bottom, in one new git repository, with `adr` the
 * built binary (needs `dist/`: `npm run build`). A block that cannot run here (it installs, prompts,
 * or is a file's content) is marked just above it with `<!-- readme-test: skip (why) -->`.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {gitEnv, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN, PROJECT_ROOT} from '../helpers/run-command.js'

interface ShellBlock {
  /** The README line the block starts on (1-based), for messages. */
  line: number
  commands: {line: number; text: string}[]
  skip?: string
}

const SKIP = /^<!-- readme-test: skip \((.+)\) -->$/

function readmeShellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split('\n')
  const blocks: ShellBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```sh') continue
    const skip = SKIP.exec(lines[i - 1] ?? '')?.[1]
    const block: ShellBlock = {line: i + 1, commands: [], skip}
    for (i++; i < lines.length && lines[i] !== '```'; i++) {
      if (!lines[i].trim() || lines[i].trim().startsWith('#')) continue
      // a line ending in a backslash continues on the next, as in a shell
      const start = i
      let text = lines[i]
      while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)}${lines[++i]}`
      block.commands.push({line: start + 1, text})
    }
    blocks.push(block)
  }
  return blocks
}

const README = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8')
const BLOCKS = readmeShellBlocks(README)

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe("the README's shell blocks", () => {
  it('are found, and every skipped one says why', () => {
    expect(BLOCKS.filter((b) => !b.skip).length).toBeGreaterThanOrEqual(2)
    // the Everyday use block is one that runs
    const everyday = README.indexOf('## Everyday use')
    const firstRun = BLOCKS.find((b) => !b.skip && b.line > README.slice(0, everyday).split('\n').length)
    expect(firstRun?.commands[0]?.text).toMatch(/^adr init\b/)
  })

  // some thirty processes one after another: four minutes, not the suite's one, on a busy machine
  it('run as written, in order, in a new repository: every command exits 0 with no error or warning', {timeout: 240_000}, () => {
    repo = makeRepo()
    // `adr` is the built binary; an editor that fails proves none is launched without a terminal
    const prelude = `adr() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }\nset -o pipefail\n`
    const env = {...gitEnv('2026-03-02T10:00:00Z'), NO_COLOR: '1', VISUAL: 'false', EDITOR: 'false'}
    const ran: string[] = []
    for (const block of BLOCKS.filter((b) => !b.skip)) {
      for (const command of block.commands) {
        const r = spawnSync('bash', ['-c', prelude + command.text], {cwd: repo.dir, env, encoding: 'utf8', input: '', timeout: 60_000})
        const where = `README.md:${command.line}: ${command.text}\n${r.stdout}${r.stderr}`
        expect(r.status, where).toBe(0)
        expect(r.stderr, where).not.toMatch(/Error|Warning/)
        ran.push(command.text.split('#')[0].trim())
      }
    }
    expect(ran.length).toBeGreaterThan(8)
    // what the Everyday block says it does, it did
    const read = (file: string) => readFileSync(path.join(repo!.dir, file), 'utf8')
    expect(read('doc/adr/0002-use-postgresql-for-invoices.md')).toMatch(/## Status\n\nSuperceded by \[3\./)
    expect(read('doc/adr/0003-use-postgresql-16-for-invoices-and-reports.md')).toMatch(/## Status\n\nAccepted\n/)
    expect(read('doc/adr/0001-record-architecture-decisions.md')).toContain('Amended by [3.')
    expect(read('doc/adr/README.md')).toContain('<!-- adrgate:toc long -->')
    expect(read('doc/adr/README.md')).toContain(
      '| 3 | [Use PostgreSQL 16 for invoices and reports](0003-use-postgresql-16-for-invoices-and-reports.md) | accepted |',
    )
    expect(existsSync(path.join(repo.dir, 'decisions.dot'))).toBe(true)
  })
})

describe("the README's claims that code can check", () => {
  it('names every folder adrgate searches for ADRs, in the order it tries them', async () => {
    const {CONVENTIONAL_DIRS} = await import('../../src/adapters/find-adr-dir.js')
    const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('### Where the ADRs live'), readme.indexOf('### Configuration'))
    const named = [...section.matchAll(/`([a-z-]+(?:\/[a-z-]+)*)`/g)].map((m) => m[1]).filter((d) => !d.startsWith('-'))
    expect(named.filter((d) => (CONVENTIONAL_DIRS as readonly string[]).includes(d))).toEqual([...CONVENTIONAL_DIRS])
  })
})
