import type {ProfileName, Rule, RuleSeverity} from '../lint-rule.js'
import {configuredSeverity, EXTERNAL_RULES} from '../profiles.js'
import {FILE_RULES} from './file-rules.js'
import {REPOSITORY_RULES} from './repository-rules.js'

/** Every rule the runner checks, in the order of docs/rules.md: per file, trade-offs, then across the repository. */
export const RULES: readonly Rule[] = [...FILE_RULES, ...REPOSITORY_RULES]

/** The severity of a rule: the config's, else the rule's default in the profile. */
export function resolveSeverity(id: string, profile: ProfileName, overrides: Readonly<Record<string, string>> = {}): RuleSeverity {
  const rule = RULES.find((r) => r.id === id) ?? EXTERNAL_RULES.find((r) => r.id === id)
  return configuredSeverity(id, overrides) ?? rule?.severity[profile] ?? 'error'
}
