/**
 * A debate's ADR is written by the debate and by others (`adr link`, a hand edit) between two gates:
 * the debate replaces only its own parts, under the ADR directory's lock, and refuses rather than
 * overwrite a part of its own that was edited by hand.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import Answer from '../../src/commands/debate/answer.js'
import Start from '../../src/commands/debate/start.js'
import Link from '../../src/commands/link.js'
import New from '../../src/commands/new.js'
import type {DebateRecord} from '../../src/core/debate/record.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const ENV = {ADR_DATE: '2026-11-20'}
const EXAMPLE = path.join(PROJECT_ROOT, 'examples/debates/invoicing-answers.yaml')
const ADR = 'docs/adr/0001-primary-datastore-for-tally.md'
const RECORD = 'docs/adr/debates/0001-primary-datastore-for-tally.yaml'
const ROLES = ['--participant', 'alice', '--participant', 'bob', '--approver', 'dana']

const read = (file: string) => readFileSync(path.join(repo!.dir, file), 'utf8')

async function startAndAddAnother() {
  repo = makeRepo({'docs/adr/.keep': ''})
  const start = await runCommand(Start, ['Primary datastore for Tally', ...ROLES, '--no-input', '--json'], repo.dir, ENV)
  expect(JSON.parse(start.stdout).error.code).toBe('MISSING_ANSWER')
  const other = await runCommand(New, ['--no-edit', 'Use', 'a', 'cache'], repo.dir, {...ENV, VISUAL: '', EDITOR: ''})
  expect(other.exitCode, other.stderr).toBe(0)
}

describe("a debate's ADR written by others between two gates", () => {
  it('keeps a link added with adr link and a section written by hand, and replaces only what the debate owns', async () => {
    await startAndAddAnother()
    const link = await runCommand(Link, ['1', 'Relates to', '2', 'Relates to'], repo!.dir, ENV)
    expect(link.exitCode, link.stderr).toBe(0)
    const linked = read(ADR)
    expect(linked).toMatch(/links:/)
    writeFileSync(path.join(repo!.dir, ADR), `${linked}\n## Notes\n\nThe pilot ran on the staging cluster.\n`)
    const answer = await runCommand(Answer, ['1', '--file', EXAMPLE], repo!.dir, ENV)
    expect(answer.exitCode, answer.stderr).toBe(0)
    const adr = read(ADR)
    expect(adr).toContain('status: accepted')
    expect(adr).toContain('## Decision Outcome\n\nChosen option: "PostgreSQL 16"')
    expect(adr).toContain('links:\n  - {rel: relates to, target: 2}\n')
    expect(adr).toContain('## Notes\n\nThe pilot ran on the staging cluster.\n')
  })

  it('refuses to overwrite a section of its own edited by hand, and keeps every answer in the record', async () => {
    await startAndAddAnother()
    const before = read(ADR)
    const edited = before.replace('## Context and Problem Statement\n\n', '## Context and Problem Statement\n\nA paragraph of mine.\n\n')
    expect(edited).not.toBe(before)
    writeFileSync(path.join(repo!.dir, ADR), edited)
    const answer = await runCommand(Answer, ['1', '--file', EXAMPLE, '--json'], repo!.dir, ENV)
    expect(answer.exitCode).toBe(2)
    const error = JSON.parse(answer.stdout).error
    expect(error.code).toBe('CHANGED_UNDER_US')
    expect(error.message).toContain('the section "Context and Problem Statement"')
    expect(read(ADR)).toBe(edited)
    const record = parse(read(RECORD)) as DebateRecord
    expect(record.gate_log.map((g) => g.gate)).toContain('G1')
  })
})

describe('a participant whose name has a dot', () => {
  it('answers from a file: answer keys are read as segments of the file (j.doe is one key)', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const answers = path.join(repo.dir, 'answers.yaml')
    writeFileSync(answers, readFileSync(EXAMPLE, 'utf8').replaceAll('alice', 'j.doe'))
    const r = await runCommand(Start, ['--file', answers, '--no-input', '--json'], repo.dir, ENV)
    expect(r.exitCode, r.stdout).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({status: 'accepted', decision: {chosen: 'postgresql'}})
    expect(read(ADR)).toContain('consulted: [j.doe, bob]')
  })
})
