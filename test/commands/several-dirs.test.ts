/**
 * Several ADR directories in one repository (`dirs:` in .adrgate.yaml, log4brains packages): every
 * reading command covers them all, references may be qualified, numbers count per directory.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import GenerateGraph from '../../src/commands/generate/graph.js'
import GenerateToc from '../../src/commands/generate/toc.js'
import Lint from '../../src/commands/lint.js'
import List from '../../src/commands/list.js'
import New from '../../src/commands/new.js'
import Show from '../../src/commands/show.js'
import Status from '../../src/commands/status.js'
import {outputSchemaValidator, repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const ENV = {EDITOR: undefined, VISUAL: undefined, ADR_DATE: '2026-05-01'}
const WEB = 'packages/web/docs/adr'
const API = 'services/api/adr'

describe('a monorepo with dirs: in .adrgate.yaml', () => {
  it('lists every directory, in the order configured, with the directory named in --long and --json', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    const r = await runCommand(List, [], repo.dir)
    expect(r.stdout.trim().split('\n')).toEqual([
      `${WEB}/0001-render-pages-on-the-server.md`,
      `${WEB}/0002-bundle-with-esbuild.md`,
      `${API}/0001-expose-a-rest-api.md`,
      `${API}/0002-paginate-with-cursors.md`,
    ])
    const long = await runCommand(List, ['--long'], repo.dir)
    expect(long.stdout.split('\n')[0]).toMatch(/^DIR {2}# {2}STATUS/)
    expect(long.stdout.split('\n')[3]).toMatch(/^api {2}1 {2}accepted {2}2024-01-22 {2}2026-01-01/)
    const json = await runCommand(List, ['--json'], repo.dir)
    expect(outputSchemaValidator('list')(json.result)).toBe(true)
    expect((json.result as {adrs: {dir: string; number: number}[]}).adrs.map((a) => `${a.dir}/${a.number}`)).toEqual([
      'web/1',
      'web/2',
      'api/1',
      'api/2',
    ])
  })

  it('show takes a qualified reference, and a bare number in both directories is an error listing them', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    const shown = await runCommand(Show, ['web/2', '--json'], repo.dir)
    expect(outputSchemaValidator('show')(shown.result)).toBe(true)
    const adr = (shown.result as {adr: {dir: string; path: string; links: {resolved: {path: string}}[]}}).adr
    expect(adr.dir).toBe('web')
    // its link resolves inside its own directory, not to the API's ADR 1
    expect(adr.links[0].resolved.path).toBe(`${WEB}/0001-render-pages-on-the-server.md`)
    const text = await runCommand(Show, ['api/1'], repo.dir)
    expect(text.stdout).toBe(readFileSync(path.join(repo.dir, API, '0001-expose-a-rest-api.md'), 'utf8'))
    const ambiguous = await runCommand(Show, ['1', '--json'], repo.dir)
    expect(ambiguous.exitCode).toBe(2)
    const error = JSON.parse(ambiguous.stdout).error
    expect(error.code).toBe('AMBIGUOUS_REF')
    expect(error.suggestions).toEqual(['Qualify it with its directory: web/1 or api/1.'])
  })

  it('lint checks every directory as its own (numbering, links), clean on the fixture', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    const r = await runCommand(Lint, ['--json', '--no-cache'], repo.dir)
    expect(r.exitCode).toBe(0)
    const report = r.result as {files: string[]; problems: unknown[]}
    expect(report.problems).toEqual([])
    expect(report.files).toHaveLength(4)
    // a dangling link is reported in the directory it is in
    await runCommand(New, ['--no-edit', '--package', 'api', '-l', '1:Relates to:Relates to', 'Rate limit partners'], repo.dir, ENV)
    const after = await runCommand(Lint, ['--json', '--no-cache'], repo.dir)
    const files = (after.result as {files: string[]}).files
    expect(files).toContain(`${API}/0003-rate-limit-partners.md`)
  })

  it('toc and graph cover both directories; the graph keeps the two ADR 1s apart', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    const toc = await runCommand(GenerateToc, [], repo.dir)
    expect(toc.stdout).toContain(`## api\n\n* [1. Expose a REST API](${API}/0001-expose-a-rest-api.md)\n`)
    const tocJson = await runCommand(GenerateToc, ['--json'], repo.dir)
    expect(outputSchemaValidator('generate-toc')(tocJson.result)).toBe(true)
    const graph = await runCommand(GenerateGraph, ['--json'], repo.dir)
    expect(outputSchemaValidator('generate-graph')(graph.result)).toBe(true)
    const {nodes, links} = graph.result as {nodes: {id: string}[]; links: {from: string; to: string}[]}
    expect(new Set(nodes.map((n) => n.id)).size).toBe(4)
    expect(links).toEqual(
      expect.arrayContaining([
        {from: '_web_0002_bundle_with_esbuild', to: '_web_0001_render_pages_on_the_server', label: 'Amends'},
        {from: '_api_0002_paginate_with_cursors', to: '_api_0001_expose_a_rest_api', label: 'amends'},
      ]),
    )
  })

  it('adr new numbers per directory: --package, else the directory it runs in, else the first', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    const api = await runCommand(New, ['--no-edit', '--package', 'api', 'Rate limit partners'], repo.dir, ENV)
    expect(api.stdout.trim()).toBe(path.join(API, '0003-rate-limit-partners.md'))
    const first = await runCommand(New, ['--no-edit', 'Use CSS modules'], repo.dir, ENV)
    expect(first.stdout.trim()).toBe(path.join(WEB, '0003-use-css-modules.md'))
    const inside = await runCommand(New, ['--no-edit', 'Cache catalogue reads'], path.join(repo.dir, API), ENV)
    expect(inside.stdout.trim()).toBe('0004-cache-catalogue-reads.md')
    const unknown = await runCommand(New, ['--no-edit', '--package', 'mobile', 'X'], repo.dir, ENV)
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toContain('Use one of: web, api.')
  })

  it('adr new -s or -l into another directory says what works instead of "No ADR matches", and writes nothing', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    const s = await runCommand(New, ['--no-edit', '--package', 'web', '-s', 'api/1', 'Serve GraphQL'], repo.dir, ENV)
    expect(s.exitCode).toBe(2)
    expect(s.stderr).toContain('-s api/1: that ADR is in the api directory; adr new supersedes only in the directory it writes in (web)')
    expect(s.stderr).toContain("adr new --package api -s 1 'Serve GraphQL'")
    const l = await runCommand(New, ['--no-edit', '-l', 'api/1:Amends:Amended by', 'Serve GraphQL'], repo.dir, ENV)
    expect(l.exitCode).toBe(2)
    expect(l.stderr).toContain('-l api/1:Amends:Amended by: that ADR is in the api directory')
    expect(l.stderr).toContain("adr link web/NUMBER Amends api/1 'Amended by'")
    expect(readdirSync(path.join(repo.dir, WEB))).toHaveLength(2)
    // a reference in the directory written in is taken as before
    const here = await runCommand(New, ['--no-edit', '--package', 'api', '-l', '1:Amends:Amended by', 'Version the API'], repo.dir, ENV)
    expect(here.exitCode).toBe(0)
  })

  it('adr status edits the ADR the qualified reference names, and only it', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    const r = await runCommand(Status, ['api/2', 'accepted'], repo.dir, ENV)
    expect(r.exitCode).toBe(0)
    expect(readFileSync(path.join(repo.dir, API, '0002-paginate-with-cursors.md'), 'utf8')).toMatch(/^---\nstatus: accepted\n/)
    expect((await runCommand(Status, ['2', 'deprecated'], repo.dir, ENV)).exitCode).toBe(2)
  })

  it.each([
    [
      'an entry without a name: a config error that says what it expects',
      '  - {path: docs/adr}\n',
      'INVALID_CONFIG',
      /entry 1 of `dirs` must have a `name`/,
    ],
    [
      'an entry outside the repository: refused, naming dirs: (not dir:) as what named it',
      '  - {name: web, path: docs/adr}\n  - {name: away, path: ../elsewhere}\n',
      'UNSAFE_PATH',
      /^`dirs:` in \.adrgate\.yaml names \.\.\/elsewhere, which resolves to .*outside the repository/,
    ],
    [
      'two entries that spell one directory two ways: a config error, not every ADR twice',
      '  - {name: web, path: docs/adr}\n  - {name: site, path: ./docs/../docs/adr/}\n',
      'INVALID_CONFIG',
      /the entries "web" and "site" of `dirs` are the same directory, docs\/adr/,
    ],
  ])('dirs: with %s', async (_what, entries, code, message) => {
    repo = makeRepo({'.adrgate.yaml': `dirs:\n${entries}`, 'docs/adr/0001-x.md': '# 1. X\n'})
    const r = await runCommand(List, ['--json'], repo.dir)
    expect(r.exitCode).toBe(2)
    const error = JSON.parse(r.stdout).error
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
  })
})

describe('a log4brains project with packages', () => {
  it("lists the project's ADRs and each package's; a package without a folder yet holds none", async () => {
    repo = makeRepo(repoFixture('log4brains-packages'), {commit: true})
    const r = await runCommand(List, [], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stdout.trim().split('\n')).toEqual([
      'docs/adr/20210301-keep-decisions-next-to-the-code.md',
      'packages/checkout/adr/20210412-charge-cards-through-one-gateway.md',
    ])
    const lint = await runCommand(Lint, ['--json', '--no-cache'], repo.dir)
    expect(lint.exitCode).toBe(0)
  })

  it('says which package it leaves out, and why, instead of dropping it silently', async () => {
    repo = makeRepo(repoFixture('log4brains-packages'), {commit: true})
    const file = path.join(repo.dir, '.log4brains.yml')
    const text = readFileSync(file, 'utf8')
    writeFileSync(
      file,
      `${text.replace('name: catalogue', 'name: the catalogue').replace('adrFolder: ./packages/checkout/adr', 'adrFolder: 3')}    - adrFolder: ./packages/search/adr\n`,
    )
    const r = await runCommand(List, [], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stdout.trim().split('\n')).toEqual(['docs/adr/20210301-keep-decisions-next-to-the-code.md'])
    const notices = r.stderr.trim().split('\n')
    expect(notices).toEqual([
      expect.stringMatching(/^adrgate: \.log4brains\.yml: package "checkout" is left out: it has no `adrFolder`/),
      expect.stringMatching(/^adrgate: \.log4brains\.yml: package "the catalogue" is left out, its ADRs unread: .*letters, digits/),
      expect.stringMatching(/^adrgate: \.log4brains\.yml: package 3 is left out, its ADRs unread: it has no `name`. Give it one/),
    ])
  })

  it('adr new --package writes a dated log4brains file in that package, making its folder', async () => {
    repo = makeRepo(repoFixture('log4brains-packages'), {commit: true})
    const r = await runCommand(New, ['--no-edit', '--json', '--package', 'catalogue', 'Index products nightly'], repo.dir, ENV)
    expect(r.exitCode).toBe(0)
    expect(r.result).toMatchObject({file: '20260501-index-products-nightly.md', format: 'log4brains'})
    expect(existsSync(path.join(repo.dir, 'packages/catalogue/adr/20260501-index-products-nightly.md'))).toBe(true)
    const shown = await runCommand(Show, ['catalogue/20260501', '--json'], repo.dir)
    expect((shown.result as {adr: {dir: string}}).adr.dir).toBe('catalogue')
  })
})
