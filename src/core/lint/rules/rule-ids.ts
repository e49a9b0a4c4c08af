/**
 * The ids of `RULES` (rules/index.ts), in its order, without loading a rule: the lint cache's key and
 * the checks of `--rule` and `rules:` need the ids only, and a warm `adr lint` loads no file rule.
 * `test/core/lint-rule-ids.test.ts` fails when this list and the rules differ.
 */
export const RULE_IDS: readonly string[] = [
  'schema',
  'unknown-key',
  'conflict-markers',
  'title',
  'status',
  'status-synonym',
  'date',
  'required-sections',
  'file-name',
  'trade-offs/required',
  'trade-offs/drivers',
  'trade-offs/options',
  'trade-offs/chosen',
  'trade-offs/bad-consequence',
  'trade-offs/weights',
  'trade-offs/revisit',
  'trade-offs/revisit-overdue',
  'duplicate-number',
  'numbering-gap',
  'link-target',
  'link-reverse',
  'superseded-successor',
  'supersede-cycle',
  'toc-current',
]
