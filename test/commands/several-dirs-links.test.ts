/**
 * Links from one ADR directory to another (a relative path, a qualified reference) read the same way
 * in lint, show, generate graph, the site and log, and written by `adr link`, on the fixture `monorepo-cross-links`.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import ExportSite from '../../src/commands/export/site.js'
import GenerateGraph from '../../src/commands/generate/graph.js'
import Link from '../../src/commands/link.js'
import Lint from '../../src/commands/lint.js'
import Log from '../../src/commands/log.js'
import Show from '../../src/commands/show.js'
import Status from '../../src/commands/status.js'
import {outputSchemaValidator, repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const SHOP = 'apps/shop/adr'

describe('links across ADR directories', () => {
  it('lint is clean on the fixture, and a path into the other directory that names nothing there is an error', async () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    const clean = await runCommand(Lint, ['--json', '--no-cache'], repo.dir)
    expect(clean.exitCode).toBe(0)
    expect((clean.result as {problems: unknown[]}).problems).toEqual([])
    // the shop's ADR 1 now points at a platform file that does not exist: not at the shop's own ADR 1
    const file = path.join(repo.dir, SHOP, '0001-deploy-the-shop-with-helm.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('0001-run-services-on-kubernetes.md', '0001-run-services-on-nomad.md'))
    const broken = await runCommand(Lint, ['--json', '--no-cache'], repo.dir)
    expect(broken.exitCode).toBe(1)
    const problems = (broken.result as {problems: {file: string; rule: string; message: string}[]}).problems
    expect(problems.map((p) => `${p.file} ${p.rule}: ${p.message}`)).toEqual([
      // another directory's ADR is named so that it cannot be read as one of this directory's: the path as written, qualified
      `${SHOP}/0001-deploy-the-shop-with-helm.md link-target: Unexpected link \`Amends\` to \`../../../platform/adr/0001-run-services-on-nomad.md\`: ../../../platform/adr/0001-run-services-on-nomad.md does not exist, expected the file of an existing ADR`,
      'platform/adr/0001-run-services-on-kubernetes.md link-reverse: Unexpected one-way link `Amended by` to shop/0001-deploy-the-shop-with-helm.md, expected the reverse link `amends` back to platform/0001-run-services-on-kubernetes.md in it',
    ])
  })

  it('show and generate graph resolve a relative path and a qualified reference into the other directory', async () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    const shown = await runCommand(Show, ['shop/1', '--json'], repo.dir)
    expect(outputSchemaValidator('show')(shown.result)).toBe(true)
    const links = (shown.result as {adr: {links: {resolved: {path: string} | null}[]}}).adr.links
    expect(links.map((l) => l.resolved?.path)).toEqual(['platform/adr/0001-run-services-on-kubernetes.md'])
    const carts = await runCommand(Show, ['shop/2', '--json'], repo.dir)
    expect((carts.result as {adr: {links: {resolved: {path: string} | null}[]}}).adr.links[0].resolved?.path).toBe(
      'platform/adr/0002-offer-one-postgres-cluster.md',
    )
    const graph = await runCommand(GenerateGraph, ['--json'], repo.dir)
    expect((graph.result as {links: {from: string; to: string}[]}).links).toEqual(
      expect.arrayContaining([
        {from: '_shop_0001_deploy_the_shop_with_helm', to: '_platform_0001_run_services_on_kubernetes', label: 'Amends'},
        {from: '_shop_0002_keep_carts_in_postgres', to: '_platform_0002_offer_one_postgres_cluster', label: 'relates to'},
      ]),
    )
  })

  it('export site puts each directory’s pages under adr/<name>/, labelled by it, links between pages right', async () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    const r = await runCommand(ExportSite, ['--out', 'site', '--json'], repo.dir, {ADR_DATE: '2026-05-01'})
    expect(r.exitCode, r.stderr).toBe(0)
    expect(outputSchemaValidator('export-site')(r.result)).toBe(true)
    const read = (file: string) => readFileSync(path.join(repo?.dir ?? '', 'site', file), 'utf8')
    const helm = read('adr/shop/0001-deploy-the-shop-with-helm.html')
    // the typed link and the body's own link both go to the platform's page, two folders up
    expect(helm).toContain('href="../../adr/platform/0001-run-services-on-kubernetes.html">platform/1. Run services on Kubernetes</a>')
    expect(helm).toContain('<a href="../../adr/platform/0001-run-services-on-kubernetes.html">platform 1. Run services on Kubernetes</a>')
    expect(helm).not.toContain('href="../../adr/shop/0001-deploy-the-shop-with-helm.html"')
    expect(helm).toContain('<a href="../../index.html">Decisions</a>')
    expect(read('adr/platform/0002-offer-one-postgres-cluster.html')).toContain(
      'href="../../adr/shop/0002-keep-carts-in-postgres.html">shop/2. Keep carts in Postgres</a>',
    )
    const index = read('index.html')
    expect(index).toContain('href="adr/shop/0001-deploy-the-shop-with-helm.html"')
    expect(index).toContain('href="adr/platform/0001-run-services-on-kubernetes.html"')
    expect(read('timeline.html')).toContain(
      'href="adr/platform/0002-offer-one-postgres-cluster.html">platform/2. Offer one Postgres cluster</a>',
    )
  })

  it('adr link writes a link into the other directory on both sides, which lint then reads as one two-way link', async () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    const r = await runCommand(Link, ['shop/1', 'Relates to', 'platform/2', '--json'], repo.dir)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(outputSchemaValidator('link')(r.result)).toBe(true)
    expect((r.result as {updated: string[]}).updated).toEqual([
      `${SHOP}/0001-deploy-the-shop-with-helm.md`,
      'platform/adr/0002-offer-one-postgres-cluster.md',
    ])
    const read = (file: string) => readFileSync(path.join(repo?.dir ?? '', file), 'utf8')
    expect(read(`${SHOP}/0001-deploy-the-shop-with-helm.md`)).toContain(
      'Relates to [platform/2. Offer one Postgres cluster](../../../platform/adr/0002-offer-one-postgres-cluster.md)',
    )
    expect(read('platform/adr/0002-offer-one-postgres-cluster.md')).toContain(
      'Relates to [shop/1. Deploy the shop with Helm](../../apps/shop/adr/0001-deploy-the-shop-with-helm.md)',
    )
    const lint = await runCommand(Lint, ['--json', '--no-cache'], repo.dir)
    expect((lint.result as {problems: unknown[]}).problems).toEqual([])
    // a bare target is the source's own directory's, as before
    const own = await runCommand(Link, ['shop/2', 'amends', '1'], repo.dir)
    expect(own.exitCode, own.stderr).toBe(0)
    expect(read(`${SHOP}/0002-keep-carts-in-postgres.md`)).toContain('  - {rel: amends, target: 1}\n')
  })

  it('adr status superseded --by a qualified reference supersedes across directories: both sides, lint clean', async () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    const r = await runCommand(Status, ['platform/1', 'superseded', '--by', 'shop/2', '--json'], repo.dir)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.result).toMatchObject({
      path: 'platform/adr/0001-run-services-on-kubernetes.md',
      from: 'accepted',
      to: 'superseded',
      by: {path: `${SHOP}/0002-keep-carts-in-postgres.md`, number: 2},
      updated: ['platform/adr/0001-run-services-on-kubernetes.md', `${SHOP}/0002-keep-carts-in-postgres.md`],
    })
    // the adr-tools side loses its status line for the link, as adr-tools writes it; the MADR side links by reference
    const read = (file: string) => readFileSync(path.join(repo?.dir ?? '', file), 'utf8')
    const old = read('platform/adr/0001-run-services-on-kubernetes.md')
    expect(old).toContain('\n\nSuperceded by [shop/2. Keep carts in Postgres](../../apps/shop/adr/0002-keep-carts-in-postgres.md)\n')
    expect(old).not.toContain('Accepted')
    expect(read(`${SHOP}/0002-keep-carts-in-postgres.md`)).toContain('  - {rel: supersedes, target: platform/1}\n')
    const lint = await runCommand(Lint, ['--json', '--no-cache'], repo.dir)
    expect((lint.result as {problems: unknown[]}).problems).toEqual([])
    // the lifecycle is checked across directories as in one: a deprecated ADR cannot be superseded, and nothing is written
    expect((await runCommand(Status, ['platform/2', 'deprecated'], repo.dir)).exitCode).toBe(0)
    const before = repo.git(['status', '--porcelain'])
    const refused = await runCommand(Status, ['platform/2', 'superseded', '--by', 'shop/1'], repo.dir)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toContain('deprecated')
    expect(repo.git(['status', '--porcelain'])).toBe(before)
  })

  it('a reference that names no ADR in the edited directory but one in the other says which, and how to reach it', async () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    // a bare number only the other directory has
    writeFileSync(
      path.join(repo.dir, 'platform/adr/0003-run-one-queue.md'),
      '# 3. Run one queue\n\nDate: 2026-01-03\n\n## Status\n\nAccepted\n',
    )
    const status = await runCommand(Status, ['shop/1', 'superseded', '--by', '3'], repo.dir)
    expect(status.exitCode).toBe(2)
    expect(status.stderr).toContain('No ADR matches "3" in shop; platform/3 is in another ADR directory')
    expect(status.stderr).toContain('adr status shop/1 superseded --by platform/3')
    const link = await runCommand(Link, ['shop/1', 'Relates to', '3'], repo.dir)
    expect(link.exitCode).toBe(2)
    expect(link.stderr).toContain('No ADR matches "3" in shop; platform/3 is in another ADR directory')
    expect(link.stderr).toContain('adr link shop/1 "Relates to" platform/3')
    expect(repo.git(['status', '--porcelain'])).toBe('?? platform/adr/0003-run-one-queue.md\n')
  })

  it('adr link from a front-matter ADR names the other directory’s ADR by its qualified reference', async () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    const r = await runCommand(Link, ['shop/2', 'amends', 'platform/1'], repo.dir)
    expect(r.exitCode, r.stderr).toBe(0)
    const read = (file: string) => readFileSync(path.join(repo?.dir ?? '', file), 'utf8')
    expect(read(`${SHOP}/0002-keep-carts-in-postgres.md`)).toContain('  - {rel: amends, target: platform/1}\n')
    expect(read('platform/adr/0001-run-services-on-kubernetes.md')).toContain(
      'amended by [shop/2. Keep carts in Postgres](../../apps/shop/adr/0002-keep-carts-in-postgres.md)',
    )
    const missing = await runCommand(Link, ['shop/2', 'amends', 'platform/9'], repo.dir)
    expect(missing.exitCode).toBe(2)
    expect(read(`${SHOP}/0002-keep-carts-in-postgres.md`)).not.toContain('platform/9')
  })

  it('adr log names a link into the other directory by its qualified reference', async () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    await runCommand(Link, ['shop/1', 'Relates to', 'platform/2'], repo.dir)
    await runCommand(Link, ['shop/2', 'amends', '1'], repo.dir)
    repo.commit('Link the shop to the platform', '2026-02-01T10:00:00Z')
    const log = await runCommand(Log, ['--json'], repo.dir)
    expect(outputSchemaValidator('log')(log.result)).toBe(true)
    const added = (log.result as {events: {kind: string; dir: string; number: number; target?: string}[]}).events.filter(
      (e) => e.kind === 'link-added',
    )
    // each side of both links; a link inside a directory keeps its bare number
    expect(added.map((e) => `${e.dir}/${e.number} → ${e.target}`).sort()).toEqual([
      'platform/2 → shop/1',
      'shop/1 → 2',
      'shop/1 → platform/2',
      'shop/2 → 1',
    ])
    const text = await runCommand(Log, [], repo.dir)
    expect(text.stdout).toContain('ADR shop/1 Deploy the shop with Helm: link added: relates to platform/2')
    // the site's timeline reads the history as adr log does
    const site = await runCommand(ExportSite, ['--out', 'site'], repo.dir, {ADR_DATE: '2026-05-01'})
    expect(site.exitCode, site.stderr).toBe(0)
    expect(readFileSync(path.join(repo.dir, 'site', 'timeline.html'), 'utf8')).toContain('link added: relates to platform/2')
  })
})
