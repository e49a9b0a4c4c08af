import {createPrompt, isEnterKey, isTabKey, makeTheme, type Theme, useKeypress, usePrefix, useState} from '@inquirer/core'

export interface BlindInputConfig {
  message: string
  /** Start with the typed text shown (a rationale, a story: proofread it while the others look away); else hidden. */
  shown?: boolean
  validate?: (value: string) => string | true
  theme?: Partial<Theme>
}

/** What is said while the text is hidden: nothing of it, not even its length. */
export const HIDDEN = '[hidden: Tab shows what you typed]'
/** The cursor is hidden while the text is (where it stands would tell the length), and shown with the text. */
const CURSOR_HIDE = '\u001b[?25l'
const CURSOR_SHOW = '\u001b[?25h'
/** What stays on the screen once the answer is given: that it was given, nothing of it. */
export const GIVEN = '[given, hidden until everyone has answered]'

/**
 * A blind answer typed at a shared terminal. Hidden, nothing is echoed (no mask character per
 * letter, so not even the length shows); Tab shows what was typed, to proofread it, and Tab again
 * hides it. A sentence (a rationale, a story, an objection) starts shown, to be typed while the
 * others look away, and Tab hides it. Once Enter gives it, the screen keeps only that it was given.
 */
export const blindInput = createPrompt<string, BlindInputConfig>((config, done) => {
  const theme = makeTheme(config.theme)
  const [status, setStatus] = useState<'idle' | 'loading' | 'done'>('idle')
  const [value, setValue] = useState('')
  const [shown, setShown] = useState(Boolean(config.shown))
  const [error, setError] = useState<string | undefined>()
  const prefix = usePrefix({status, theme})
  useKeypress(async (key, rl) => {
    if (status !== 'idle') return
    if (isEnterKey(key)) {
      setStatus('loading')
      const valid = config.validate ? config.validate(value) : true
      if (valid === true) {
        setStatus('done')
        done(value)
      } else {
        rl.write(value)
        setError(valid)
        setStatus('idle')
      }
    } else if (isTabKey(key)) {
      // the Tab is no part of the answer: put the line back as it was, and show or hide it
      rl.clearLine(0)
      rl.write(value)
      setShown(!shown)
    } else {
      setValue(rl.line)
      setError(undefined)
    }
  })
  const message = theme.style.message(config.message, status)
  if (status === 'done') return `${prefix} ${message} ${theme.style.help(GIVEN)}`
  const typed = shown ? `${value} ${theme.style.help('[shown: Tab hides it]')}${CURSOR_SHOW}` : `${theme.style.help(HIDDEN)}${CURSOR_HIDE}`
  return [`${prefix} ${message} ${typed}`, error ? theme.style.error(error) : '']
})
