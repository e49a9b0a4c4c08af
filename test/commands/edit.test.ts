import {chmodSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Edit from '../../src/commands/edit.js'
import {outputSchemaValidator} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

const validate = outputSchemaValidator('edit')
const TREE = {
  'doc/adr/0001-record-architecture-decisions.md': '# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
  'doc/adr/0002-use-postgresql.md': '# 2. Use PostgreSQL\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n',
}

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

/** An editor that appends a line to the file it is given, so the test sees it ran on that file. */
function fakeEditor(): string {
  const file = path.join(repo!.dir, 'fake-editor')
  repo!.write({'fake-editor': '#!/bin/sh\nprintf "edited\\n" >> "$1"\n'})
  chmodSync(file, 0o755)
  return file
}

describe('adr edit', () => {
  it('opens $VISUAL on the ADR the REF names (a title fragment here) and waits for it', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(Edit, ['postgres', '--force', '--json'], repo.dir, {VISUAL: fakeEditor(), EDITOR: undefined})
    expect(r.exitCode).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true)
    expect(out).toMatchObject({path: 'doc/adr/0002-use-postgresql.md', number: 2})
    expect(readFileSync(path.join(repo.dir, 'doc/adr/0002-use-postgresql.md'), 'utf8').endsWith('Accepted\nedited\n')).toBe(true)
  })

  it('opens nothing without a terminal unless --force, and says so (exit 2)', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(Edit, ['2', '--json'], repo.dir, {VISUAL: fakeEditor()})
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.message).toContain('No terminal')
    expect(readFileSync(path.join(repo.dir, 'doc/adr/0002-use-postgresql.md'), 'utf8')).toBe(TREE['doc/adr/0002-use-postgresql.md'])
  })

  it('says how to set an editor when none is', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(Edit, ['2', '--force'], repo.dir, {VISUAL: undefined, EDITOR: undefined})
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('export EDITOR=')
  })

  it('an unknown REF is ADR_NOT_FOUND', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(Edit, ['42', '--force', '--json'], repo.dir, {VISUAL: fakeEditor()})
    expect(JSON.parse(r.stdout).error.code).toBe('ADR_NOT_FOUND')
  })
})
