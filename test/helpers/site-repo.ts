import {readFileSync} from 'node:fs'
import path from 'node:path'
import {repoFixture} from './fixtures.js'
import {makeRepo, type TempRepo} from './git-repo.js'
import {PROJECT_ROOT} from './run-command.js'

const ADR = 'doc/adr'

/**
 * `test/fixtures/repos/site-tally`, committed as a team would have: 1 and 2 (2 still accepted), then 3
 * superseding 2, then 4 and the debated 12 with its record (`test/fixtures/debates/valid-full-track.yaml`).
 */
export function makeSiteRepo(): TempRepo {
  const tree = repoFixture('site-tally')
  const file = (n: string) => `${ADR}/${n}`
  const second = tree[file('0002-store-invoices-in-mongodb.md')] as string
  const repo = makeRepo({
    'README.md': tree['README.md'],
    [file('0001-record-architecture-decisions.md')]: tree[file('0001-record-architecture-decisions.md')],
    [file('0002-store-invoices-in-mongodb.md')]: second
      .replace('status: superseded', 'status: accepted')
      .replace('links:\n  - {rel: superseded by, target: 3}\n', ''),
  })
  repo.commit('docs(adr): record decisions, store invoices in MongoDB', '2026-01-20T09:00:00Z')
  repo.write({
    [file('0002-store-invoices-in-mongodb.md')]: second,
    [file('0003-store-invoices-in-postgresql.md')]: tree[file('0003-store-invoices-in-postgresql.md')],
  })
  repo.commit('docs(adr): PostgreSQL supersedes MongoDB', '2026-03-02T10:30:00Z')
  repo.write({
    [file('0004-render-what-users-write.md')]: tree[file('0004-render-what-users-write.md')],
    [file('0012-primary-datastore.md')]: tree[file('0012-primary-datastore.md')],
    [file('debates/0012-primary-datastore.yaml')]: readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/debates/valid-full-track.yaml')),
  })
  repo.commit('docs(adr): render what users write; the datastore debate', '2026-11-20T16:00:00Z')
  return repo
}
