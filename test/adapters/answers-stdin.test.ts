import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {readAnswersFile} from '../../src/adapters/prompter/prompter-answers.js'

// `--file -` for every debate command that takes answers (start, resume, answer): one reader.

describe('readAnswersFile with -', () => {
  it('reads the answers from standard input, named stdin in messages, not kept', async () => {
    const source = await readAnswersFile('/nowhere', '-', Readable.from([Buffer.from('title: Pick a queue\n')]))
    // not kept: nothing holds stdin's answers once the command ends, so the debate saves each one (ADR 34)
    expect(source).toEqual({answers: {title: 'Pick a queue'}, source: 'stdin', kept: false})
  })

  it('says so when stdin is not UTF-8', async () => {
    await expect(readAnswersFile('/nowhere', '-', Readable.from([Buffer.from([0x66, 0x3a, 0x20, 0xe9, 0x0a])]))).rejects.toThrow(
      /stdin is not UTF-8/,
    )
  })

  it('names stdin when the answers do not match the schema', async () => {
    await expect(readAnswersFile('/nowhere', '-', Readable.from(['no_such_key: 1\n']))).rejects.toThrow(/stdin does not match/)
  })
})
