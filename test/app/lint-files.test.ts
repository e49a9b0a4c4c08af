import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createFileLinter, type FileLintSetup} from '../../src/app/lint/lint-files.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {MADR_BODY, MINIMAL, madr, nygard} from '../../src/core/lint/rules/examples.js'
import {RULES} from '../../src/core/lint/rules/index.js'
import {activateRules, BodyParserNeeded, lintFile, loadBodyParser} from '../../src/core/lint/run-rules.js'
import {compileAdrSchemas} from '../../src/core/lint/schema-validate.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

const adrSchema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/adr.schema.json'), 'utf8'))
const setup: FileLintSetup = {adrSchema, profile: 'recommended', overrides: {}, today: '2026-06-01'}

/** Files whose sections read as written text, and, between them, files whose sections must be parsed. */
const FILES: Record<string, string> = {
  '0001-record-decisions.md': nygard(1, 'Record decisions'),
  '0002-use-postgresql.md': madr(MINIMAL),
  '0003-braces.md': madr(MINIMAL, 'Braces', MADR_BODY.replace('* PostgreSQL\n* MongoDB', '{list the options}')),
  '0004-empty.md': madr(MINIMAL, 'Empty', MADR_BODY.replace('* PostgreSQL\n* MongoDB\n', '<!-- list them -->\n')),
  '0005-code.md': madr(MINIMAL, 'Code', MADR_BODY.replace('* PostgreSQL\n* MongoDB', '`{not a placeholder}` in code')),
  '0006-use-redis.md': madr(MINIMAL, 'Use Redis'),
}

/** The reference: every file linted with the Markdown parser loaded from the start. */
async function withParserLoaded() {
  const active = activateRules({profile: setup.profile}, {}, RULES)
  const parse = await loadBodyParser(active)
  const settings = {profile: setup.profile, today: setup.today, validator: compileAdrSchemas(adrSchema), templateLines: new Set<string>()}
  return Object.entries(FILES).map(([file, text]) => lintFile(parseAdr(text, file), settings, active, parse))
}

describe('createFileLinter: the Markdown parser loaded on the first file that needs it', () => {
  it('gives every file the findings a run with the parser loaded from the start gives', async () => {
    const lint = createFileLinter(setup)
    const out = await lint(Object.entries(FILES).map(([file, text]) => ({file, text})))
    expect(out.map((o) => o.problems)).toEqual(await withParserLoaded())
    // the files that needed the parser have findings, so the comparison covers the reload
    expect(out.filter((o) => o.problems.some((p) => p.rule === 'required-sections')).map((o) => o.file)).toEqual([
      '0003-braces.md',
      '0004-empty.md',
    ])
  })

  it('lintFile without a parser asks for one, and does not turn the request into a finding', () => {
    const active = activateRules({profile: 'recommended'}, {}, RULES)
    const settings = {profile: setup.profile, today: setup.today, validator: compileAdrSchemas(adrSchema)}
    const needsParsing = parseAdr(FILES['0003-braces.md'], '0003-braces.md')
    expect(() => lintFile(needsParsing, settings, active, undefined)).toThrow(BodyParserNeeded)
    expect(lintFile(parseAdr(FILES['0002-use-postgresql.md'], '0002-use-postgresql.md'), settings, active, undefined)).toEqual([])
  })
})
