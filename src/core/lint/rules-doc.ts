import {PROFILES, type ProfileName, type RuleSeverity} from './lint-rule.js'
import {EXTERNAL_RULES} from './profiles.js'
import {RULES, resolveSeverity} from './rules/index.js'

export interface RuleInfo {
  id: string
  scope: 'file' | 'repository' | 'other'
  /** The severity in the profile in use, config included. */
  severity: RuleSeverity
  defaults: Record<ProfileName, RuleSeverity>
  description: string
}

/** Every rule with its severity under `profile` and the config's overrides (`adr lint --list-rules`). */
export function listRuleInfo(profile: ProfileName, overrides: Readonly<Record<string, string>> = {}): RuleInfo[] {
  return [...RULES, ...EXTERNAL_RULES].map((r) => ({
    id: r.id,
    scope: 'scope' in r ? (r.scope as RuleInfo['scope']) : 'other',
    severity: resolveSeverity(r.id, profile, overrides),
    defaults: r.severity,
    description: r.description,
  }))
}

export function formatRuleList(rules: readonly RuleInfo[]): string {
  const width = Math.max(...rules.map((r) => r.id.length))
  return rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(5)}  ${r.description}`).join('\n')
}

/** docs/rules.md, generated from the rules themselves (`npm run docs:rules`; a test checks the committed file). */
export function renderRulesDoc(): string {
  const out: string[] = [
    '# `adr lint` rules',
    '',
    '<!-- Generated from src/core/lint/rules/*.ts by `npm run docs:rules`. Do not edit by hand. -->',
    '',
    'Profiles: `adr-tools` (structure only), `recommended` (the default) and `strict` (trade-offs required in MADR front matter; adr-tools and log4brains files keep none, so for them only their own sections).',
    "Set the profile with `--profile` or `profile:` in `.adrgate.yaml`, and any rule's severity with",
    '`rules: {<id>: error | warn | off}` (a `prefix/*` key such as `debate/*` sets a whole group).',
    '',
    `| rule | ${PROFILES.join(' | ')} |`,
    `|---|${PROFILES.map(() => '---|').join('')}`,
    ...[...RULES, ...EXTERNAL_RULES].map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${PROFILES.map((p) => r.severity[p]).join(' | ')} |`),
    '',
  ]
  for (const rule of RULES) {
    out.push(`## ${rule.id}`, '', rule.description, '', `Scope: ${rule.scope === 'file' ? 'each file' : 'the whole directory'}.`, '')
    const messages = rule.examples.notOk.flatMap((e) => e.messages)
    if (messages.length) out.push('Reported, for example:', '', '```text', ...messages, '```', '')
  }
  for (const rule of EXTERNAL_RULES) out.push(`## ${rule.id}`, '', rule.description, '')
  return `${out.join('\n').trimEnd()}\n`
}

function anchor(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-')
}
