import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createFileLinter, type FileLintSetup} from '../../src/app/lint/lint-files.js'
import {splitLines} from '../../src/core/adr/headings.js'
import type {Adr} from '../../src/core/adr/model.js'
import {parseAdr, parseAdrForLint} from '../../src/core/adr/parse-adr.js'
import {isChangelogHeading} from '../../src/core/formats/read/dates.js'
import type {ProfileName} from '../../src/core/lint/lint-rule.js'
import {plainLines, plainText} from '../../src/core/lint/placeholders.js'
import {builtAdrs, FIXTURES, LINES, TEMPLATES} from '../helpers/built-adrs.js'
import {disagreements} from '../helpers/disagreements.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

// Cold `adr lint`'s fast paths pinned to the general paths (ADR 16): parseAdrForLint to parseAdr,
// plainLines to plainText, and the findings of a whole run with them to a run without them
// (`fastPaths: false`, what `ADRGATE_NO_FAST_PATHS=1` sets), on ADRs built from the pieces real ones
// are made of and on the fixtures.

const BUILT = [...builtAdrs(1200), ...FIXTURES.map((text, i) => ({file: `${String(9000 + i)}-fixture.md`, text}))]

/** `parseAdr`'s ADR as `parseAdrForLint` gives it: the sections' text left out, but a changelog's. */
function withoutSectionTexts(adr: Adr): Adr {
  return {...adr, sections: adr.sections.map((s) => (isChangelogHeading(s.depth, s.heading) ? s : {...s, text: ''}))}
}

describe('parseAdrForLint gives what parseAdr gives, but the sections’ text', () => {
  it(`on ${BUILT.length} built ADRs and the fixtures`, () => {
    const found = disagreements(
      BUILT,
      ({file, text}) => parseAdrForLint(text, file),
      ({file, text}) => withoutSectionTexts(parseAdr(text, file)),
    )
    expect(found).toEqual([])
    // the comparison covers a changelog date, read from the one section whose text is kept
    expect(BUILT.some(({file, text}) => parseAdrForLint(text, file).date === '2021-03-04')).toBe(true)
  })
})

describe('plainLines answers as plainText on the lines joined', () => {
  /** Every sequence of up to three lines from LINES. */
  const sections: string[][] = [[]]
  for (const a of LINES) {
    sections.push([a])
    for (const b of LINES) {
      sections.push([a, b])
      for (const c of LINES.slice(0, 40)) sections.push([a, b, c])
    }
  }

  it(`on ${sections.length} built sections, and on every range of a built file`, () => {
    expect(
      disagreements(
        sections,
        (lines) => plainLines(lines, 0, lines.length),
        (lines) => plainText(lines.join('\n')),
      ),
    ).toEqual([])
    const ranges = BUILT.slice(0, 500).flatMap(({text}) => {
      const lines = splitLines(text)
      return lines.map((_, from) => ({lines, from, to: Math.min(lines.length, from + 1 + (from % 7))}))
    })
    expect(
      disagreements(
        ranges,
        ({lines, from, to}) => plainLines(lines, from, to),
        ({lines, from, to}) => plainText(lines.slice(from, to).join('\n')),
      ),
    ).toEqual([])
    // both answers occur, so the comparison is not one-sided
    const answers = new Set(sections.map((lines) => plainLines(lines, 0, lines.length)))
    expect(answers).toEqual(new Set([true, false]))
  })
})

describe('a cold lint gives the same findings with its fast paths as without them', () => {
  const adrSchema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/adr.schema.json'), 'utf8'))
  // the fixtures and a few hundred built ADRs: a section the fast paths cannot clear is parsed as Markdown
  // on both paths, which takes most of the time; the parts are compared on every input above
  const inputs = [...BUILT.slice(0, 250), ...BUILT.slice(1200)]

  it.each(['recommended', 'strict', 'adr-tools'] satisfies ProfileName[])('profile %s', async (profile) => {
    const setup: FileLintSetup = {adrSchema, profile, overrides: {}, today: '2026-06-01', templates: TEMPLATES}
    const fast = await createFileLinter(setup)(inputs)
    const slow = await createFileLinter({...setup, fastPaths: false})(inputs)
    expect(
      disagreements(
        inputs.keys(),
        (i) => fast[i],
        (i) => slow[i],
      ),
    ).toEqual([])
    if (profile === 'adr-tools') return
    // the runs found what the fast paths decide: template text, placeholders, empty sections
    const messages = fast.flatMap((o) => o.problems.map((p) => p.message))
    for (const kind of ['Unexpected template text', 'Unexpected empty section', 'Missing section'])
      expect(messages.some((m) => m.startsWith(kind))).toBe(true)
  })
})
