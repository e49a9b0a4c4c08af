/**
 * Building blocks for the rules' examples (which are also their tests): a minimal MADR 4 ADR and an
 * adr-tools (Nygard) ADR, written out in full so a reader sees exactly what is checked.
 */

export const MADR_BODY = `## Context and Problem Statement

Invoices must never be wrong, and tenants define their own attributes.

## Considered Options

* PostgreSQL
* MongoDB

## Decision Outcome

Chosen option: "PostgreSQL", because invoices are relational.

### Consequences

* Good, because transactions keep invoices right.
* Bad, because tenant attributes need JSONB.
`

/** A MADR 4 ADR: the given front-matter lines, a title, and the minimal body. */
export function madr(frontMatter: string, title = 'Use PostgreSQL', body = MADR_BODY): string {
  return `---\n${frontMatter.trim()}\n---\n# ${title}\n\n${body}`
}

/** The minimal MADR 4 front matter. */
export const MINIMAL = 'status: accepted\ndate: 2026-05-01\ndecision-makers: [dana]'

/** An adr-tools ADR as `adr new` writes it, with the sections filled in. */
export function nygard(number: number, title: string, status = 'Accepted', date = '2026-01-01'): string {
  return `# ${number}. ${title}

Date: ${date}

## Status

${status}

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as described by Michael Nygard.

## Consequences

Decisions are easy to find; writing them takes an hour each.
`
}

/** Trade-offs that pass every trade-off rule, to append to MINIMAL. */
export const TRADE_OFFS = `drivers:
  - {id: D1, title: Invoices are never wrong, weight: 60, knockout: true}
  - {id: D2, title: Tenants define their own attributes, weight: 40}
options:
  - {id: postgres, title: PostgreSQL 16}
  - {id: mongo, title: MongoDB 7}
decision: {chosen: postgres, method: consent}
consequences: {good: [Invoices stay right], bad: [Tenant attributes need JSONB]}
revisit: 2027-05-01`
