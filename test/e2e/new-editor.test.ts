/**
 * adr-tools' edit-adr-on-creation, end to end: the editor runs on the new file with the terminal's
 * stdout, before the path is printed, so its output comes first (needs `dist/`: `npm test` builds it).
 */
import {chmodSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runBin} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('adr new with $VISUAL / $EDITOR', () => {
  it('runs VISUAL, else EDITOR, on the file before printing its path', () => {
    repo = makeRepo({'fake-editor': '#!/bin/sh\necho "EDITOR $1"\n', 'fake-visual': '#!/bin/sh\necho "VISUAL $1"\n'})
    for (const f of ['fake-editor', 'fake-visual']) chmodSync(path.join(repo.dir, f), 0o755)
    const editor = path.join(repo.dir, 'fake-editor')
    const visual = path.join(repo.dir, 'fake-visual')
    const env = {ADR_DATE: '1992-01-12'}
    const one = runBin(['new', '--edit', 'created', 'with', 'EDITOR'], repo.dir, {...env, EDITOR: editor, VISUAL: ''})
    expect(one.stdout).toBe('EDITOR doc/adr/0001-created-with-editor.md\ndoc/adr/0001-created-with-editor.md\n')
    const two = runBin(['new', '--edit', 'created', 'with', 'VISUAL'], repo.dir, {...env, EDITOR: '', VISUAL: visual})
    expect(two.stdout).toBe('VISUAL doc/adr/0002-created-with-visual.md\ndoc/adr/0002-created-with-visual.md\n')
    const three = runBin(['new', '--edit', 'both', 'set'], repo.dir, {...env, EDITOR: editor, VISUAL: visual})
    expect(three.stdout).toBe('VISUAL doc/adr/0003-both-set.md\ndoc/adr/0003-both-set.md\n')
    expect([one.exitCode, two.exitCode, three.exitCode]).toEqual([0, 0, 0])
  })
})
