/**
 * Links from one ADR directory to another (a relative path, a qualified reference) read the same way
 * in lint, show, generate graph and the site, on the fixture `monorepo-cross-links`.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import ExportSite from '../../src/commands/export/site.js'
import GenerateGraph from '../../src/commands/generate/graph.js'
import Lint from '../../src/commands/lint.js'
import Show from '../../src/commands/show.js'
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
      `${SHOP}/0001-deploy-the-shop-with-helm.md link-target: Unexpected link \`Amends\` to \`0001-run-services-on-nomad.md\`: 0001-run-services-on-nomad.md does not exist, expected the file of an existing ADR`,
      'platform/adr/0001-run-services-on-kubernetes.md link-reverse: Unexpected one-way link `Amended by` to shop/0001-deploy-the-shop-with-helm.md, expected the reverse link `amends` back to 0001-run-services-on-kubernetes.md in it',
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
})
