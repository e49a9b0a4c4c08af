import {describe, expect, it} from 'vitest'
import {renderTable} from '../../src/core/adr/render-table.js'

const columns = [
  {key: 'number', header: '#', align: 'right' as const},
  {key: 'status', header: 'STATUS'},
  {key: 'title', header: 'TITLE'},
]

describe('renderTable', () => {
  it('pads columns, right-aligns numbers and leaves no trailing spaces', () => {
    expect(
      renderTable(columns, [
        {number: 1, status: 'accepted', title: 'Record decisions'},
        {number: 12, status: undefined, title: 'Café & crème'},
      ]),
    ).toBe(' #  STATUS    TITLE\n 1  accepted  Record decisions\n12  -         Café & crème')
  })

  it('takes extra columns and flattens line breaks inside cells', () => {
    const text = renderTable(
      [...columns, {key: 'created', header: 'CREATED'}],
      [{number: 3, status: 'a\nb', title: 'T', created: '2026-01-01'}],
    )
    expect(text).toBe('#  STATUS  TITLE  CREATED\n3  a b     T      2026-01-01')
  })

  it('prints the header alone for no rows', () => {
    expect(renderTable(columns, [])).toBe('#  STATUS  TITLE')
  })
})
