/**
 * `adr new` in a log4brains repository writes what log4brains' own `adr new` writes: a file named by
 * the day (`YYYYMMDD-slug.md`), status and date as bullets under the title, no front matter.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Lint from '../../src/commands/lint.js'
import List from '../../src/commands/list.js'
import New from '../../src/commands/new.js'
import Show from '../../src/commands/show.js'
import Status from '../../src/commands/status.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {outputSchemaValidator, repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const ENV = {EDITOR: undefined, VISUAL: undefined, ADR_DATE: '2026-05-01'}

describe('adr new in a log4brains repository', () => {
  it('names the file by the day and writes log4brains bullets, without front matter', async () => {
    repo = makeRepo(repoFixture('log4brains'), {commit: true})
    const r = await runCommand(New, ['--no-edit', '--json', 'Cache', 'the', 'catalogue'], repo.dir, ENV)
    expect(r.exitCode).toBe(0)
    expect(outputSchemaValidator('new')(r.result)).toBe(true)
    expect(r.result).toMatchObject({file: '20260501-cache-the-catalogue.md', format: 'log4brains', status: 'proposed'})
    expect((r.result as {number?: number}).number).toBeUndefined()
    const text = readFileSync(path.join(repo.dir, 'docs/adr/20260501-cache-the-catalogue.md'), 'utf8')
    expect(text.startsWith('# Cache the catalogue\n\n- Status: proposed\n')).toBe(true)
    expect(text).toContain('- Date: 2026-05-01\n')
    expect(text).not.toMatch(/^---/)
    const parsed = parseAdr(text, '20260501-cache-the-catalogue.md')
    expect(parsed).toMatchObject({format: 'log4brains', status: 'proposed', date: '2026-05-01', title: 'Cache the catalogue'})
  })

  it('gives a second ADR of the same day and title its own name, and lists both in date order', async () => {
    repo = makeRepo(repoFixture('log4brains'), {commit: true})
    await runCommand(New, ['--no-edit', 'Cache the catalogue'], repo.dir, ENV)
    const second = await runCommand(New, ['--no-edit', 'Cache the catalogue'], repo.dir, ENV)
    expect(second.stdout.trim()).toBe(path.join('docs', 'adr', '20260501-cache-the-catalogue-2.md'))
    const list = await runCommand(List, [], repo.dir)
    expect(
      list.stdout
        .trim()
        .split('\n')
        .map((p) => path.basename(p)),
    ).toEqual(['20201002-use-log4brains-to-publish-decisions.md', '20260501-cache-the-catalogue-2.md', '20260501-cache-the-catalogue.md'])
  })

  it('finds the new ADR by its date, edits its bullet in place, and its guidance is template text to lint', async () => {
    repo = makeRepo(repoFixture('log4brains'), {commit: true})
    await runCommand(New, ['--no-edit', 'Cache the catalogue'], repo.dir, ENV)
    const shown = await runCommand(Show, ['20260501', '--json'], repo.dir)
    expect(shown.result).toMatchObject({adr: {file: '20260501-cache-the-catalogue.md', deciders: [], tags: []}})
    expect((await runCommand(Status, ['20260501', 'accepted'], repo.dir, ENV)).exitCode).toBe(0)
    const text = readFileSync(path.join(repo.dir, 'docs/adr/20260501-cache-the-catalogue.md'), 'utf8')
    expect(text).toContain('- Status: accepted\n')
    expect(text).not.toMatch(/^---/)
    const lint = await runCommand(Lint, ['--json', '--no-cache'], repo.dir)
    const problems = (lint.result as {problems: {file: string; message: string}[]}).problems
    expect(problems.filter((p) => p.file.endsWith('20260501-cache-the-catalogue.md')).map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Unexpected template text /)]),
    )
  })

  it('a repository whose ADRs are mostly another format keeps that format', async () => {
    repo = makeRepo(
      {
        ...repoFixture('log4brains'),
        'docs/adr/0001-use-postgres.md':
          '# 1. Use Postgres\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n',
        'docs/adr/0002-use-redis.md':
          '# 2. Use Redis\n\nDate: 2020-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n',
      },
      {commit: true},
    )
    const r = await runCommand(New, ['--no-edit', '--json', 'Cache the catalogue'], repo.dir, ENV)
    expect(r.result).toMatchObject({file: '0003-cache-the-catalogue.md', format: 'nygard', number: 3})
  })
})
