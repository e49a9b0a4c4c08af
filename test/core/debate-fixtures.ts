import {readFileSync} from 'node:fs'
import {parse, stringify} from 'yaml'
import type {Adr} from '../../src/core/adr/model.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import type {DebateRecord} from '../../src/core/debate/record.js'
import {YAML_OPTIONS} from '../../src/core/yaml/yaml.js'

/** Shared by the debate tests (not a test file itself): the fixtures of test/fixtures/debates and ADRs for them. */
export const DEBATES = new URL('../fixtures/debates/', import.meta.url)

export function readDebate(name: string): string {
  return readFileSync(new URL(name, DEBATES), 'utf8')
}

export function loadDebate(name: string): DebateRecord {
  return parse(readDebate(name), YAML_OPTIONS) as DebateRecord
}

export function toYaml(record: DebateRecord): string {
  return stringify(record, {lineWidth: 0})
}

/** A MADR ADR with the given status, as `adr lint` would have loaded it. */
export function adrFile(file: string, status: string): Adr {
  return parseAdr(`---\nstatus: ${status}\ndate: 2026-03-02\n---\n# ${file}\n\n## Context and Problem Statement\n\nText.\n`, file)
}

/** The ADRs of both valid fixtures, accepted. */
export const ACCEPTED: Adr[] = [adrFile('0012-primary-datastore.md', 'accepted'), adrFile('0013-invoice-email-delivery.md', 'accepted')]
export const PROPOSED: Adr[] = [adrFile('0012-primary-datastore.md', 'proposed'), adrFile('0013-invoice-email-delivery.md', 'proposed')]
export const TODAY = '2026-06-01'

/** The feature-flags debate's first two gates as an answers file for the fast track: two participants, a two-way door (a fresh copy). */
export function featureFlagsFastStart() {
  return {
    frame: {
      question: 'How do product teams get feature flags to customers within a day?',
      positions: {
        alice: {favours: 'LaunchDarkly', success: 'A flag ships the day it is asked for'},
        bob: {favours: 'Unleash', success: 'Flags cost nothing per seat'},
      },
    },
    door: {alice: {nomination: '1, 2, two-way'}, bob: {nomination: '1, 3, two-way'}},
  }
}
