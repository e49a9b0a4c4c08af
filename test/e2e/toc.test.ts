import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runBin} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const README = '# Billing\n\nOur own words.\n\n<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n\n## Licence\n\nMIT\n'
const nygard = (n: number, title: string) =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n`

describe('adr generate toc --write, then adr lint (spawned)', () => {
  it('keeps a README current: written, found stale by lint after a new ADR, written again', () => {
    repo = makeRepo({'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions'), 'README.md': README})
    const write = runBin(['generate', 'toc', '--long', '--write', 'README.md'], repo.dir)
    expect(write).toMatchObject({exitCode: 0, stdout: 'README.md\n', stderr: ''})
    expect(readFileSync(path.join(repo.dir, 'README.md'), 'utf8')).toBe(
      README.replace(
        '<!-- adrgate:toc -->\n',
        '<!-- adrgate:toc long -->\n\n| # | Title | Status | Date |\n| ---: | --- | --- | --- |\n| 1 | [Record decisions](doc/adr/0001-record-decisions.md) | accepted | 2026-01-01 |\n\n',
      ),
    )
    expect(runBin(['lint'], repo.dir)).toMatchObject({exitCode: 0, stderr: ''})

    repo.write({'doc/adr/0002-use-postgresql.md': nygard(2, 'Use PostgreSQL')})
    const stale = runBin(['lint'], repo.dir)
    expect(stale.exitCode).toBe(1)
    expect(stale.stdout).toContain('README.md:10:1')
    expect(stale.stdout).toContain('toc-current')

    expect(runBin(['generate', 'toc', '--write', 'README.md'], repo.dir)).toMatchObject({exitCode: 0, stdout: 'README.md\n'})
    expect(readFileSync(path.join(repo.dir, 'README.md'), 'utf8')).toContain(
      '| 2 | [Use PostgreSQL](doc/adr/0002-use-postgresql.md) | accepted | 2026-01-02 |',
    )
    expect(runBin(['lint'], repo.dir).exitCode).toBe(0)
  })

  it('killed before its rename, leaves the README as it was; the next run clears what it left', () => {
    repo = makeRepo({'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions'), 'README.md': README})
    const killed = runBin(['generate', 'toc', '--write', 'README.md'], repo.dir, {ADRGATE_TEST_CRASH_AT: '1'})
    expect(killed.exitCode).not.toBe(0)
    expect(readFileSync(path.join(repo.dir, 'README.md'), 'utf8')).toBe(README)
    expect(readdirSync(repo.dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1)
    const again = runBin(['generate', 'toc', '--write', 'README.md'], repo.dir)
    expect(again.exitCode).toBe(0)
    expect(again.stderr).toContain('removed a temporary file left by an interrupted adrgate')
    expect(readdirSync(repo.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(readFileSync(path.join(repo.dir, 'README.md'), 'utf8')).toContain('* [1. Record decisions](doc/adr/0001-record-decisions.md)')
  })

  it('refuses a README without markers with exit 2, the file and the fix on stderr', () => {
    repo = makeRepo({'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions'), 'README.md': '# Billing\n'})
    const r = runBin(['generate', 'toc', '--write', 'README.md'], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('README.md has no table-of-contents markers')
    expect(r.stderr).toContain('<!-- /adrgate:toc -->')
    expect(readFileSync(path.join(repo.dir, 'README.md'), 'utf8')).toBe('# Billing\n')
  })
})
