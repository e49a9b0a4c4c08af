import {fileRule} from '../lint-rule.js'
import {locateSchemaErrors} from '../schema-locate.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

/** Checked by their own rules, with the same wording (and leniency for `Accepted`). */
const OWN_RULE_PATHS = new Set(['/status'])

export const schema = fileRule({
  id: 'schema',
  readsFrontMatter: true,
  description:
    "The front matter is valid against `schemas/adr.schema.json` and the team's own schema (`.adrgate.yaml` `schema:`); every error is located at the offending value.",
  severity: 'error',
  check({adr, validator}) {
    const fm = adr.frontMatter
    if (!fm || !validator) return []
    if (adr.problems.some((p) => p.rule.startsWith('parse/front-matter') || p.rule === 'parse/yaml')) return []
    const errors = validator.validate(fm.data).filter((e) => !OWN_RULE_PATHS.has(e.instancePath))
    return errors.length ? locateSchemaErrors(errors, fm) : []
  },
  examples: {
    ok: [{input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}}],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr('status: accepted\ndate: 2026-02-30\ndecision-makers: [dana]')},
        messages: ['0001-use-postgresql.md:3:7 Unexpected date `2026-02-30`, expected a real date as YYYY-MM-DD'],
      },
      {
        input: {
          '0001-use-postgresql.md': madr(
            `${MINIMAL}\ndrivers:\n  - {id: D1, title: Speed, weight: high}\n  - {title: Cost}\ndecision: {chosen: postgres, method: coin}`,
          ),
        },
        messages: [
          '0001-use-postgresql.md:6:36 Unexpected `high` for `drivers[0].weight`, expected a number',
          '0001-use-postgresql.md:7:5 Missing `id` in `drivers[1]`, expected it to be set',
          '0001-use-postgresql.md:8:38 Unexpected method `coin`, expected one of consent, approver, consensus, vote, delegated',
        ],
      },
    ],
  },
})
