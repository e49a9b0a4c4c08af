/**
 * What an unusable answers file is told: the fix for what went wrong, not one hint for every case.
 * The flow-mapping hint comes only where a flow mapping is the likely cause.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {parseAnswers, readAnswersFile} from '../../src/adapters/prompter/prompter-answers.js'
import {AdrError} from '../../src/core/errors.js'

function failure(run: () => unknown): {message: string; suggestions: readonly string[]} {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AdrError)
    const e = error as AdrError
    return {message: e.message, suggestions: e.suggestions}
  }
  throw new Error('expected the answers to be refused')
}

const FLOW = /quote a value that holds a comma or a colon/

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, {recursive: true, force: true})
  dir = undefined
})

describe('answers-file errors', () => {
  it('a YAML error names its line, and the flow hint only when the file has a flow mapping', () => {
    const block = failure(() => parseAnswers('frame:\n  question: [unclosed\n', 'answers.yaml'))
    expect(block.message).toMatch(/^answers\.yaml is not valid YAML: .*\(line \d+, column \d+\)/)
    expect(block.suggestions[0]).toMatch(/^Fix the YAML at line \d+\.$/)
    expect(block.suggestions.some((s) => FLOW.test(s))).toBe(false)
    const flow = failure(() => parseAnswers('frame: {question: Which queue?: now}\n', 'answers.yaml'))
    expect(flow.suggestions.some((s) => FLOW.test(s))).toBe(true)
  })

  it('a comma that split a flow value shows up as an unexpected key, and gets the flow hint', () => {
    const split = failure(() => parseAnswers('frame: {question: Which queue, given replay?}\n', 'answers.yaml'))
    expect(split.message).toContain('unexpected key')
    expect(split.suggestions.some((s) => FLOW.test(s))).toBe(true)
    const typo = failure(() => parseAnswers('frame:\n  questoin: Which queue?\n', 'answers.yaml'))
    expect(typo.message).toContain('frame.questoin: unexpected key')
    expect(typo.suggestions.some((s) => FLOW.test(s))).toBe(false)
    expect(typo.suggestions[0]).toContain('schemas/debate-answers.schema.json')
  })

  it('not a mapping, a missing file and no stdin each get their own fix', async () => {
    expect(failure(() => parseAnswers('- one\n- two\n', 'answers.yaml')).suggestions[0]).toContain(
      'examples/debates/invoicing-answers.yaml',
    )
    dir = mkdtempSync(path.join(tmpdir(), 'adrgate-answers-'))
    const missing = await readAnswersFile(dir, 'nope.yaml').then(
      () => undefined,
      (e: AdrError) => e,
    )
    expect(missing?.suggestions).toEqual([`Check the path: it is read relative to ${dir}.`])
    const none = await readAnswersFile(dir, '-').then(
      () => undefined,
      (e: AdrError) => e,
    )
    expect(none?.suggestions).toEqual(['Give the answers file by its path: --file answers.yaml.'])
    writeFileSync(path.join(dir, 'ok.yaml'), 'frame:\n  question: Which queue?\n')
    expect((await readAnswersFile(dir, 'ok.yaml')).answers).toEqual({frame: {question: 'Which queue?'}})
  })
})
