import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import UpgradeRepository from '../../src/commands/upgrade-repository.js'
import {outputSchemaValidator, repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

const validate = outputSchemaValidator('upgrade-repository')

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const OLD = repoFixture('adr-tools-old-dates')
const read = (file: string) => readFileSync(path.join(repo!.dir, file), 'utf8')

describe('adr upgrade-repository', () => {
  it('rewrites DD/MM/YYYY Date: lines as ISO dates, changes nothing else, prints nothing', async () => {
    repo = makeRepo(OLD)
    const r = await runCommand(UpgradeRepository, [], repo.dir)
    expect(r).toMatchObject({exitCode: 0, stdout: '', stderr: ''})
    const first = 'doc/adr/0001-record-architecture-decisions.md'
    const third = 'doc/adr/0003-mentions-a-date.md'
    expect(read(first)).toBe(OLD[first].toString().replace('Date: 12/01/1992', 'Date: 1992-01-12'))
    expect(read(third)).toBe(OLD[third].toString().replace('Date: 31/12/1999', 'Date: 1999-12-31'))
    expect(read(third)).toContain('started on 01/12/1999')
    expect(read('doc/adr/0002-already-iso.md')).toBe(OLD['doc/adr/0002-already-iso.md'])
  })

  it('--json lists the files changed (none the second time), as upgrade-repository.schema.json says', async () => {
    repo = makeRepo(OLD)
    const first = JSON.parse((await runCommand(UpgradeRepository, ['--json'], repo.dir)).stdout)
    expect(validate(first)).toBe(true)
    expect(first.changed).toEqual(['doc/adr/0001-record-architecture-decisions.md', 'doc/adr/0003-mentions-a-date.md'])
    const second = JSON.parse((await runCommand(UpgradeRepository, ['--json'], repo.dir)).stdout)
    expect(second.changed).toEqual([])
  })
})
