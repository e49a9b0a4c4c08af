import type {Severity} from '../adr/model.js'
import {ADR_RECORD_RULE} from '../debate/adr-record-rule.js'
import {ANSWER_RULES} from '../debate/async/answer-rule-ids.js'
import {type ExternalRule, everywhere, PROFILES, type ProfileName, type RuleSeverity} from './lint-rule.js'
import {RULE_IDS} from './rules/rule-ids.js'

/** Rules checked outside the rule runner: the parser's, git history's, the config's and the debate records'. */
export const EXTERNAL_RULES: readonly ExternalRule[] = [
  {id: 'parse/front-matter-unclosed', description: 'The front matter has its closing `---` line.', severity: everywhere('error')},
  {
    id: 'parse/front-matter-language',
    description: 'The front matter is YAML: `---js` / `---javascript` front matter is reported and never evaluated.',
    severity: everywhere('error'),
  },
  {
    id: 'parse/yaml',
    description: 'The front matter is valid YAML 1.2: no syntax error, duplicate key, alias bomb or absurd nesting; a mapping of keys.',
    severity: everywhere('error'),
  },
  {
    id: 'parse/read',
    description: 'The file can be read: UTF-8 text, and not a symbolic link out of the repository.',
    severity: everywhere('error'),
  },
  {
    id: 'accepted-immutable',
    description:
      'With `--since <ref>`: an ADR that was accepted at the ref changed only in its status, links and revisit reviews ("accepted decisions are immutable: supersede it with a new ADR").',
    severity: everywhere('error'),
  },
  {id: 'config', description: '`.adrgate.yaml` is valid against `schemas/config.schema.json`.', severity: everywhere('error')},
  {id: ADR_RECORD_RULE.id, description: ADR_RECORD_RULE.description, severity: ADR_RECORD_RULE.severity},
  ...Object.values(ANSWER_RULES).map((r) => ({id: r.id, description: r.description, severity: everywhere('error')})),
  {
    id: 'debate/*',
    description:
      'Debate records (`<adr-dir>/debates/*.yaml`) follow the Logic Gates: schema, references, weights, scores, cruxes, consent (see docs/logic-gates.md). Each check has its own `debate/…` id.',
    severity: everywhere('error'),
  },
]

export function isProfile(value: unknown): value is ProfileName {
  return (PROFILES as readonly string[]).includes(String(value))
}

/** The severity `.adrgate.yaml` `rules:` gives an id: by exact id, then by `prefix/*` (`debate/*`, `trade-offs/*`). */
export function configuredSeverity(id: string, overrides: Readonly<Record<string, string>> = {}): RuleSeverity | undefined {
  const prefix = id.includes('/') ? `${id.slice(0, id.lastIndexOf('/'))}/*` : undefined
  const configured = Object.hasOwn(overrides, id)
    ? overrides[id]
    : prefix && Object.hasOwn(overrides, prefix)
      ? overrides[prefix]
      : undefined
  return configured === 'error' || configured === 'warn' || configured === 'off' ? configured : undefined
}

export function toProblemSeverity(severity: RuleSeverity): Severity | undefined {
  return severity === 'off' ? undefined : severity === 'warn' ? 'warning' : 'error'
}

/** Ids a config may name, for validating `rules:`. */
export function knownRuleIds(): string[] {
  return [...RULE_IDS, ...EXTERNAL_RULES.map((r) => r.id)]
}
