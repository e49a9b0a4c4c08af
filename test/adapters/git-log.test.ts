import {describe, expect, it} from 'vitest'
import {createRawLogParser, type LogCommit, parseRawLog, rawEntryAt} from '../../src/adapters/git/git-log.js'

// `git log -z --raw --no-abbrev -M` with LOG_FORMAT, written by hand: header fields end with NUL, raw
// entries follow the subject, and the next commit starts right after the last path.
const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const C = 'c'.repeat(40)
const ZERO = '0'.repeat(40)
const blob = (n: number) => String(n).repeat(40)
const header = (sha: string, parents: string, subject: string, name = 'Ada') => [
  sha,
  parents,
  '1767261600',
  '2026-01-01T10:00:00+00:00',
  name,
  'ada@example.com',
  subject,
]
const raw = (status: string, from: string, to: string, ...paths: string[]) => [`\n:100644 100644 ${from} ${to} ${status}`, ...paths]

describe('the raw log parser', () => {
  const tokens = [
    ...header(C, `${B} ${A}`, 'Merge: no changes of its own'),
    ...header(B, A, `Rename \x1e${A}\x1e with a forged record`, 'Eve \x1e\x1f\x1b[31m'),
    ...raw('R100', blob(1), blob(1), 'doc/adr/0001-a.md', 'doc/adr/0001-alpha.md'),
    ...raw('M', blob(2), blob(3), ':100644 100644 looks-like-an-entry.md'),
    ...header(A, '', ':100644 100644 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222 D'),
    ...raw('A', ZERO, blob(1), 'doc/adr/0001-a.md'),
  ]
  const text = tokens.join('\0')

  it('reads every commit by its structure, whatever its subject and author hold', () => {
    const commits = parseRawLog(text)
    expect(commits.map((c) => c.sha)).toEqual([C, B, A])
    expect(commits[0]).toMatchObject({parents: [B, A], commitTime: 1767261600, subject: 'Merge: no changes of its own', changes: []})
    expect(commits[1]).toMatchObject({authorName: 'Eve \x1e\x1f\x1b[31m', subject: `Rename \x1e${A}\x1e with a forged record`})
    expect(commits[1].changes).toEqual([
      {status: 'R', from: 'doc/adr/0001-a.md', path: 'doc/adr/0001-alpha.md', blob: blob(1), fromBlob: blob(1)},
      {status: 'M', path: ':100644 100644 looks-like-an-entry.md', blob: blob(3), fromBlob: blob(2)},
    ])
    expect(commits[2]).toMatchObject({parents: [], changes: [{status: 'A', path: 'doc/adr/0001-a.md', blob: blob(1), fromBlob: ZERO}]})
  })

  it('gives the same commits however the stream is cut', () => {
    const whole = parseRawLog(text)
    for (const size of [1, 2, 7, 41, 100]) {
      const commits: LogCommit[] = []
      const parser = createRawLogParser((c) => commits.push(c))
      for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size))
      parser.end()
      expect(commits).toEqual(whole)
    }
  })
})

describe('rawEntryAt', () => {
  // the regular expression the parser matched each token with before it read them in place
  const RAW_META = /^\n?:([0-7]{6}) ([0-7]{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([ACDMRTUX])(\d*)$/
  const hex = (n: number, c = 'a') => c.repeat(n)
  const good = `:100644 100755 ${hex(40)} ${hex(40, 'b')} M`
  const tokens = [
    good,
    `\n${good}`,
    `\n\n${good}`,
    ` ${good}`,
    `${good} `,
    `${good}0`,
    `:100644 100644 ${hex(40)} ${hex(40)} R100`,
    `:100644 100644 ${hex(40)} ${hex(40)} C075`,
    `:100644 100644 ${hex(40)} ${hex(40)} R`,
    `:100644 100644 ${hex(40)} ${hex(40)} R1x`,
    ...'ACDMRTUXBZa '.split('').map((s) => `:000000 100644 ${'0'.repeat(40)} ${hex(40)} ${s}`),
    `:100644 100644 ${hex(64)} ${hex(64)} M`,
    `:100644 100644 ${hex(63)} ${hex(41)} D`,
    `:100644 100644 ${hex(39)} ${hex(40)} M`,
    `:100644 100644 ${hex(40)} ${hex(39)} M`,
    `:100644 100644 ${hex(65)} ${hex(40)} M`,
    `:100644 100644 ${hex(40)} ${hex(65)} M`,
    `:100644 100644 ${hex(40, 'A')} ${hex(40)} M`,
    `:100644 100644 ${hex(40, 'g')} ${hex(40)} M`,
    `:100648 100644 ${hex(40)} ${hex(40)} M`,
    `:10064 100644 ${hex(40)} ${hex(40)} M`,
    `:1006440 100644 ${hex(40)} ${hex(40)} M`,
    `100644 100644 ${hex(40)} ${hex(40)} M`,
    `:100644  100644 ${hex(40)} ${hex(40)} M`,
    `:100644 100644 ${hex(40)}  ${hex(40)} M`,
    `:100644 100644 ${hex(40)} ${hex(40)}  M`,
    `:100644 100644 ${hex(40)} ${hex(40)} `,
    `:100644 100644 ${hex(40)} ${hex(40)}`,
    `:100644 100644 ${hex(40)}`,
    ':',
    '',
    '\n',
    'doc/adr/0001-a.md',
    `:100644 100644 ${hex(40)} ${hex(40)} M\n`,
  ]

  it('takes exactly the tokens the regular expression matched, wherever they lie in the text', () => {
    const disagreements: string[] = []
    for (const token of tokens) {
      const m = RAW_META.exec(token)
      const want = m ? {status: m[5], blob: m[4], fromBlob: m[3]} : undefined
      // alone, and between other tokens of a chunk (what lies around it must not count)
      for (const [before, after] of [
        ['', ''],
        ['x\0', '\0y'],
        [`${good}\0`, `\0${good}`],
      ]) {
        const text = `${before}${token}${after}`
        const got = rawEntryAt(text, before.length, before.length + token.length)
        if (JSON.stringify(got) !== JSON.stringify(want)) disagreements.push(JSON.stringify([before, token, got, want]))
      }
    }
    expect(disagreements).toEqual([])
    expect(tokens.filter((t) => RAW_META.test(t)).length).toBeGreaterThan(10)
  })
})
