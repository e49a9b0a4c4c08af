// Renders synthetic but realistic ADRs: MADR 4 (front matter + sections) and adr-tools (Nygard).
// Deterministic: every choice comes from the seeded random source passed in.

const VERBS = ['Use', 'Adopt', 'Replace', 'Introduce', 'Standardise on', 'Move to', 'Keep', 'Retire']
const TECH = [
  'PostgreSQL',
  'Kafka',
  'gRPC',
  'GraphQL',
  'Redis',
  'OpenTelemetry',
  'Terraform',
  'Kubernetes',
  'feature flags',
  'event sourcing',
  'a monorepo',
  'contract tests',
  'OAuth 2.1',
  'S3 object storage',
  'server-side rendering',
  'a service mesh',
]
const AREAS = [
  'billing',
  'invoices',
  'search',
  'onboarding',
  'payments',
  'reporting',
  'the mobile API',
  'audit logs',
  'tenancy',
  'the admin UI',
]
const PEOPLE = ['dana', 'priya', 'marco', 'lin', 'oskar', 'amara', 'jules', 'sven']
const TAGS = ['storage', 'api', 'security', 'frontend', 'infrastructure', 'observability', 'data', 'process']
const SENTENCES = [
  'The current approach no longer scales with the number of tenants we serve.',
  'Several teams have built their own workaround, and each one fails differently under load.',
  'We need a decision before the next quarter, because the migration window is short.',
  'Operating cost matters as much as latency: the on-call rota is already stretched.',
  'The option must run on the infrastructure we already have, without a new vendor contract.',
  'Auditors ask for a complete, ordered trail of every change to customer data.',
  'Most of the team knows the technology already, which shortens the learning curve.',
  'The risk is a slower first release while the tooling catches up with our needs.',
  'We measured the candidates on a copy of production traffic for two weeks.',
  'A rollback path exists for every step, so the change can be undone in an afternoon.',
]

/** A small seeded PRNG (mulberry32): the same seed gives the same repository. */
export function makeRandom(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {next, pick: (list) => list[Math.floor(next() * list.length)], int: (min, max) => min + Math.floor(next() * (max - min + 1))}
}

export function pickTitle(random) {
  return `${random.pick(VERBS)} ${random.pick(TECH)} for ${random.pick(AREAS)}`
}

export function pickPeople(random, count) {
  return [...new Set(Array.from({length: count}, () => random.pick(PEOPLE)))]
}

export function pickTags(random) {
  return [...new Set([random.pick(TAGS), random.pick(TAGS)])]
}

export function slugify(title) {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
}

export function fileNameOf(adr) {
  return `${String(adr.number).padStart(4, '0')}-${slugify(adr.title)}.md`
}

function paragraph(random, count) {
  return Array.from({length: count}, () => random.pick(SENTENCES)).join(' ')
}

/** The prose of an ADR, fixed once per record so that later edits change only what they mean to. */
export function makeProse(random) {
  return {
    context: [paragraph(random, 4), paragraph(random, 3)],
    drivers: [paragraph(random, 1), paragraph(random, 1), paragraph(random, 1)],
    options: [random.pick(TECH), random.pick(TECH), 'Keep the current approach'],
    rationale: paragraph(random, 2),
    good: [paragraph(random, 1), paragraph(random, 1)],
    bad: [paragraph(random, 1)],
    pros: paragraph(random, 2),
  }
}

function lower(text) {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** MADR 4: front matter with adrgate's `tags` and `links`, then the MADR sections. */
export function renderMadr(adr) {
  const {prose} = adr
  const fm = [
    '---',
    `status: ${adr.status}`,
    `date: ${adr.date}`,
    `decision-makers: [${adr.deciders.join(', ')}]`,
    `consulted: [${adr.consulted.join(', ')}]`,
    'informed: [engineering]',
    `tags: [${adr.tags.join(', ')}]`,
  ]
  if (adr.links.length > 0) {
    fm.push('links:')
    for (const link of adr.links) fm.push(`  - {rel: ${link.rel}, target: ${link.target}}`)
  }
  fm.push('---')
  const [chosen, ...others] = prose.options
  return `${[
    ...fm,
    `# ${adr.title}`,
    '',
    '## Context and Problem Statement',
    '',
    prose.context.join('\n\n'),
    '',
    '## Decision Drivers',
    '',
    ...prose.drivers.map((d) => `* ${d}`),
    '',
    '## Considered Options',
    '',
    ...prose.options.map((o) => `* ${o}`),
    '',
    '## Decision Outcome',
    '',
    `Chosen option: "${chosen}", because ${lower(prose.rationale)}`,
    '',
    '### Consequences',
    '',
    ...prose.good.map((g) => `* Good, because ${lower(g)}`),
    ...prose.bad.map((b) => `* Bad, because ${lower(b)}`),
    '',
    '## Pros and Cons of the Options',
    '',
    ...[chosen, ...others].flatMap((o) => [`### ${o}`, '', prose.pros, '']),
  ].join('\n')}`
}

/** adr-tools (Nygard): `# N. Title`, `Date:`, a `## Status` whose later paragraphs are link lines. */
export function renderNygard(adr, titleOf) {
  const status = adr.status.charAt(0).toUpperCase() + adr.status.slice(1)
  const linkLines = adr.links.map((l) => {
    const rel = l.rel === 'superseded by' ? 'Superceded by' : l.rel === 'supersedes' ? 'Supercedes' : 'Relates to'
    return `${rel} [${l.target}. ${titleOf(l.target)}](${l.file})`
  })
  const statusParagraphs = adr.status === 'superseded' ? linkLines : [status, ...linkLines]
  return [
    `# ${adr.number}. ${adr.title}`,
    '',
    `Date: ${adr.date}`,
    '',
    '## Status',
    '',
    statusParagraphs.join('\n\n'),
    '',
    '## Context',
    '',
    adr.prose.context.join('\n\n'),
    '',
    '## Decision',
    '',
    `We will ${lower(adr.title)}. ${adr.prose.rationale}`,
    '',
    '## Consequences',
    '',
    [...adr.prose.good, ...adr.prose.bad].join(' '),
    '',
  ].join('\n')
}
