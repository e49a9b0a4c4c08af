import {describe, expect, it} from 'vitest'
import {knownRuleIds} from '../../src/core/lint/profiles.js'
import {FILE_RULES} from '../../src/core/lint/rules/file-rules.js'
import {RULES} from '../../src/core/lint/rules/index.js'
import {REPOSITORY_RULES} from '../../src/core/lint/rules/repository-rules.js'
import {RULE_IDS} from '../../src/core/lint/rules/rule-ids.js'

// RULE_IDS stands in for the rule modules where only ids are needed (the cache key, `--rule`, `rules:`),
// so a warm lint loads no file rule: it must list exactly the registry's ids, in its order.
describe('the rule registry, split for loading', () => {
  it('RULE_IDS lists the ids of RULES, in order', () => {
    expect(RULE_IDS).toEqual(RULES.map((r) => r.id))
  })

  it('RULES is the file rules, then the repository rules, each of its own scope', () => {
    expect(RULES).toEqual([...FILE_RULES, ...REPOSITORY_RULES])
    expect(FILE_RULES.every((r) => r.scope === 'file')).toBe(true)
    expect(REPOSITORY_RULES.every((r) => r.scope === 'repository')).toBe(true)
  })

  it('knownRuleIds still names every rule', () => {
    for (const rule of RULES) expect(knownRuleIds()).toContain(rule.id)
  })
})
