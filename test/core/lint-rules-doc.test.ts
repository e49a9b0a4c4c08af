import {expect, it} from 'vitest'
import {EXTERNAL_RULES} from '../../src/core/lint/profiles.js'
import {RULES} from '../../src/core/lint/rules/index.js'
import {renderRulesDoc} from '../../src/core/lint/rules-doc.js'

it('docs/rules.md is the text generated from the rules (regenerate with `npm run docs:rules`)', async () => {
  const doc = renderRulesDoc()
  for (const rule of [...RULES, ...EXTERNAL_RULES]) expect(doc).toContain(`## ${rule.id}\n`)
  await expect(doc).toMatchFileSnapshot('../../docs/rules.md')
})
