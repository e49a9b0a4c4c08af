import {describe, expect, it} from 'vitest'
import {findConflictMarkers, mayHoldConflictMarkers, scanConflictMarkers} from '../../src/core/adr/conflict-markers.js'
import {splitLines, textLines} from '../../src/core/adr/headings.js'
import type {Adr} from '../../src/core/adr/model.js'
import {fileLines} from '../../src/core/lint/locate.js'

/** Texts built from lines that are, or nearly are, conflict markers, and plain lines around them. */
function* texts(): Generator<string> {
  const pieces = [
    '<<<<<<< ours',
    '<<<<<<<',
    '<<<<<<',
    '=======',
    '======= ',
    '>>>>>>> theirs',
    '>>>>>>',
    '||||||| base',
    '|||||',
    'Text',
    '# Title',
    '',
  ]
  for (const a of pieces)
    for (const b of pieces)
      for (const c of pieces) {
        yield [a, b, c].join('\n')
        yield [a, b, c].join('\r\n')
      }
}

describe('findConflictMarkers takes mayHoldConflictMarkers to rule a file out before scanning its lines', () => {
  it(`agrees with the line scan on ${12 ** 3 * 2} texts`, () => {
    const differs = [...texts()].filter((text) => JSON.stringify(findConflictMarkers(text)) !== JSON.stringify(scanConflictMarkers(text)))
    expect(differs).toEqual([])
  })

  it('rules out only texts in which the scan finds nothing', () => {
    for (const text of texts()) if (!mayHoldConflictMarkers(text)) expect(scanConflictMarkers(text)).toEqual([])
    expect(mayHoldConflictMarkers('a\n=======\nb')).toBe(false)
    expect(findConflictMarkers('<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n')).toHaveLength(3)
  })
})

describe('fileLines keeps the last file’s lines', () => {
  // read-only by their type, not frozen: the parser reads the same array, and a frozen one made its
  // reads slower (ADR 39)
  it('gives splitLines’ lines of each text (BOM removed), the parser’s own, however the texts alternate', () => {
    const adr = (text: string) => ({text}) as Adr
    for (const text of ['a\nb', '\ufeffa\r\nb', 'a\nb', '', 'x\n\ny\n']) {
      const lines = fileLines(adr(text))
      expect(lines).toEqual(splitLines(text.replace(/^\ufeff/, '')))
      expect(fileLines(adr(text))).toBe(lines)
      expect(textLines(text)).toBe(lines)
    }
  })
})
