import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runBin} from '../helpers/run-command.js'

/** `adr link` between two ADR directories, then `adr log` of it, as users run the built binary (ADR 19). */

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('links across ADR directories (spawned)', () => {
  it('adr link writes both sides, lint is clean, and adr log names each target with its directory', () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    const linked = runBin(['link', 'shop/1', 'Relates to', 'platform/2'], repo.dir)
    expect([linked.exitCode, linked.stdout, linked.stderr]).toEqual([0, '', ''])
    const helm = readFileSync(path.join(repo.dir, 'apps/shop/adr/0001-deploy-the-shop-with-helm.md'), 'utf8')
    expect(helm).toContain('Relates to [platform/2. Offer one Postgres cluster](../../../platform/adr/0002-offer-one-postgres-cluster.md)')
    expect(runBin(['lint', '--no-cache'], repo.dir).stdout).toBe('4 files checked: no problems\n')
    repo.commit('Relate the shop to the platform', '2026-02-01T10:00:00Z')
    const log = runBin(['log'], repo.dir)
    expect(log.exitCode, log.stderr).toBe(0)
    expect(log.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(
        /^2026-02-01 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR shop\/1 Deploy the shop with Helm: link added: relates to platform\/2$/,
      ),
      expect.stringMatching(
        /^2026-02-01 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR platform\/2 Offer one Postgres cluster: link added: relates to shop\/1$/,
      ),
    ])
  })

  it('a qualified target that names no ADR of its directory is exit 2, and nothing is written', () => {
    repo = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    const missing = runBin(['link', 'shop/1', 'Relates to', 'platform/7'], repo.dir)
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toMatch(/7/)
    expect(repo.git(['status', '--porcelain'])).toBe('')
  })
})
