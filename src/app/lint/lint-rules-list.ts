import type {Workspace} from '../../adapters/workspace.js'
import {configValues} from '../../core/config/config-values.js'
import type {ProfileName} from '../../core/lint/lint-rule.js'
import {isProfile} from '../../core/lint/profiles.js'
import {formatRuleList, listRuleInfo, type RuleInfo} from '../../core/lint/rules-doc.js'

/** `adr lint --list-rules`: the rules with their severity in the profile in use (flag, config, default). */
export function listRules(ws: Workspace, flagProfile?: string): {profile: ProfileName; rules: RuleInfo[]; text: string} {
  const {profile: configured, rules} = configValues(ws.config)
  const profile: ProfileName = isProfile(flagProfile) ? flagProfile : isProfile(configured) ? configured : 'recommended'
  const list = listRuleInfo(profile, rules)
  return {profile, rules: list, text: formatRuleList(list)}
}
