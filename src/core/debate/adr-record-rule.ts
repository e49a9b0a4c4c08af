import {type ExternalRule, everywhere} from '../lint/lint-rule.js'

export const ADR_RECORD_RULE_ID = 'debate/adr-record'

/** An example that is also a test (test/core/debate-adr-record.test.ts): an edit of the ADR rendered from the bundled demo's decided record. */
export interface AdrRecordExample {
  description: string
  /** Changes the ADR text rendered from the record. */
  editAdr?: (text: string) => string
  /** The messages, in order. */
  messages?: string[]
}

/**
 * An ADR that points at a debate record (`debate:`) says what the record says: the chosen option, the
 * options and their totals, the drivers and their weights, and the "Chosen option" line of the body.
 * The ADR is what people read; a hand edit that the record does not back (a score nudged, another
 * option chosen) is reported in the ADR, where it was made.
 */
export const ADR_RECORD_RULE: ExternalRule & {examples: {ok: AdrRecordExample[]; notOk: AdrRecordExample[]}} = {
  id: ADR_RECORD_RULE_ID,
  description:
    'An ADR with `debate:` agrees with its debate record: `decision.chosen`, the `options` and their scores (totals), the `drivers` and their weights, and the body’s "Chosen option" line. Edit the record (or re-run the debate), not the ADR.',
  severity: everywhere('error'),
  examples: {
    ok: [
      {description: 'the ADR as rendered from its record'},
      {
        description: 'a link and a paragraph added by hand',
        editAdr: (t) => t.replace('## More Information\n', '## More Information\n\nSee also the runbook.\n'),
      },
    ],
    notOk: [
      {
        description: 'another option chosen in the front matter',
        editAdr: (t) => t.replace('chosen: postgresql', 'chosen: mongodb'),
        messages: ['Unexpected `decision.chosen` `mongodb`, expected `postgresql` as debates/0001-primary-datastore.yaml decided'],
      },
      {
        description: 'an option’s score nudged',
        editAdr: (t) => t.replace(/(title: MongoDB 7, score: )[0-9.]+/, '$14.9'),
        messages: ['Unexpected score 4.9 of option `mongodb`, expected 3.7 as computed from debates/0001-primary-datastore.yaml'],
      },
      {
        description: 'the body names another option',
        editAdr: (t) => t.replace('Chosen option: "PostgreSQL 16"', 'Chosen option: "MongoDB 7"'),
        messages: [
          'Unexpected "Chosen option" line naming something else than "PostgreSQL 16", expected the option debates/0001-primary-datastore.yaml decided',
        ],
      },
      {
        description: 'a driver’s weight changed',
        editAdr: (t) => t.replace(/(id: D2, title: [^,]+, weight: )35/, '$150'),
        messages: ['Unexpected weight 50 of driver `D2`, expected 35 as agreed in debates/0001-primary-datastore.yaml'],
      },
      {
        description: 'an option the record does not have',
        editAdr: (t) => t.replace('{id: mongodb, title: MongoDB 7', '{id: couchdb, title: CouchDB'),
        messages: [
          'Unexpected options `postgresql, couchdb, keep-mysql-5-7`, expected `postgresql, mongodb, keep-mysql-5-7` as in debates/0001-primary-datastore.yaml',
        ],
      },
    ],
  },
}
