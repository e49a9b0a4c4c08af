import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {chooseFormat, initialStatus} from '../../src/core/formats/choose-format.js'

const nygard = parseAdr('# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n', '0001-a.md')
const madr = parseAdr('---\nstatus: accepted\n---\n# B\n', '0002-b.md')
const madr2 = parseAdr('# C\n\n* Status: accepted\n', '0003-c.md')
const plain = parseAdr('# D\n\nProject specific template!\n\n# Status\n\nAccepted\n', '0004-d.md')

describe('chooseFormat', () => {
  it.each([
    {
      name: 'the flag wins',
      signals: {flag: 'madr' as const, config: 'nygard' as const, adrs: [nygard], adrToolsLayout: true},
      format: 'madr',
    },
    {name: 'then the config', signals: {config: 'nygard' as const, adrs: [madr], adrToolsLayout: false}, format: 'nygard'},
    {name: 'then the majority of ADRs', signals: {adrs: [nygard, madr, madr2], adrToolsLayout: true}, format: 'madr'},
    {name: 'nygard majority', signals: {adrs: [nygard, nygard, madr], adrToolsLayout: false}, format: 'nygard'},
    {name: 'files that show no format are not counted', signals: {adrs: [nygard, plain, plain], adrToolsLayout: false}, format: 'nygard'},
    {name: 'a tie goes by the layout (adr-tools)', signals: {adrs: [nygard, madr], adrToolsLayout: true}, format: 'nygard'},
    {name: 'a tie goes by the layout (other)', signals: {adrs: [nygard, madr], adrToolsLayout: false}, format: 'madr'},
    {name: 'a new adr-tools-layout repository gets nygard', signals: {adrs: [], adrToolsLayout: true}, format: 'nygard'},
    {name: 'any other new repository gets MADR', signals: {adrs: [], adrToolsLayout: false}, format: 'madr'},
  ])('$name', ({signals, format}) => {
    expect(chooseFormat(signals)).toBe(format)
  })

  it('starts adr-tools ADRs Accepted and MADR ones proposed', () => {
    expect(initialStatus('nygard')).toBe('Accepted')
    expect(initialStatus('madr')).toBe('proposed')
  })
})
