import {PassThrough} from 'node:stream'
import {stripVTControlCharacters} from 'node:util'
import {describe, expect, it} from 'vitest'
import {inquirerPrompter} from '../../src/adapters/prompter/prompter-inquirer.js'
import type {Question} from '../../src/core/debate/prompter.js'

const ENTER = '\r'
const DOWN = '\u001b[B'
const TAB = '\t'

/** Asks one question of the terminal prompter with keys typed on a stream; returns the answer and the screen as text. */
async function ask(question: Question, keys: string[]) {
  const input = new PassThrough()
  const output = new PassThrough()
  let screen = ''
  output.on('data', (chunk) => {
    screen += String(chunk)
  })
  const prompter = inquirerPrompter({input, output})
  const answer = prompter.ask(question)
  for (const key of keys) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    input.write(key)
  }
  const value = await answer
  return {value, screen: stripVTControlCharacters(screen), raw: screen}
}

/** What the screen says after the last time the question was drawn: the line that stays once it is answered. */
const lastLine = (screen: string, message: string) => screen.slice(screen.lastIndexOf(message))

describe('the terminal prompter: blind answers', () => {
  const who = 'alice'

  it('a blind choice is a list picked with the arrow keys, and once made only "given" stays on the screen', async () => {
    const choices = [{value: 'low'}, {value: 'medium'}, {value: 'high'}]
    const {value, screen} = await ask({key: 'k', kind: 'select', who, blind: true, message: 'How likely?', choices}, [DOWN, DOWN, ENTER])
    expect(value).toBe('high')
    expect(screen).toContain('medium')
    const after = lastLine(screen, 'How likely?')
    expect(after).toContain('[given, hidden until everyone has answered]')
    expect(after).not.toContain('high')
  })

  it('a blind yes/no is a list of the two, answered as a yes or a no', async () => {
    const {value} = await ask({key: 'k', kind: 'confirm', who, blind: true, message: 'Outside the team?'}, [DOWN, ENTER])
    expect(value).toBe(false)
  })

  it('a short blind answer shows nothing of itself, not its length; Tab shows what was typed and Tab hides it again', async () => {
    const {value, screen} = await ask({key: 'k', kind: 'number', who, blind: true, message: 'Weeks to reverse?'}, [
      '12',
      TAB,
      TAB,
      '5',
      ENTER,
    ])
    expect(value).toBe('125')
    expect(screen).toContain('[hidden: Tab shows what you typed]')
    expect(screen).toContain('12 [shown: Tab hides it]')
    expect(screen).not.toContain('**')
    expect(screen).not.toContain('125')
    expect(lastLine(screen, 'Weeks to reverse?')).toContain('[given, hidden until everyone has answered]')
  })

  it('a blind sentence is typed shown, to proofread it while the others look away; once given it is hidden', async () => {
    const story = 'Search slowed to seconds'
    const {value, screen} = await ask({key: 'k', kind: 'text', who, blind: true, prose: true, message: 'What happened?'}, [story, ENTER])
    expect(value).toBe(story)
    expect(screen).toContain(`${story} [shown: Tab hides it]`)
    expect(lastLine(screen, 'What happened?')).not.toContain(story)
  })
})
