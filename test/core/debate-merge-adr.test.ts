import {describe, expect, it} from 'vitest'
import {mergeDebateAdr} from '../../src/core/debate/merge-adr.js'

const last = [
  '---',
  'status: proposed',
  'date: 2026-01-01',
  'consulted: [alice, bob]',
  'debate: debates/0001-x.yaml',
  '---',
  '',
  '# Primary datastore',
  '',
  '## Context and Problem Statement',
  '',
  'Which datastore?',
  '',
  '## Decision Drivers',
  '',
  '* To be agreed at Gate 3.',
  '',
  '## More Information',
  '',
  'Settled through the Logic Gates.',
  '',
].join('\n')
const rendered = last.replace('* To be agreed at Gate 3.', '* D1 Latency (weight 5)').replace('status: proposed', 'status: accepted')

describe('mergeDebateAdr', () => {
  it('is the new render when nobody else changed the file', () => {
    expect(mergeDebateAdr(last, rendered, last)).toEqual({ok: true, text: rendered})
  })

  it("keeps someone else's front-matter keys and sections, where they were", () => {
    const current = last
      .replace('debate: debates/0001-x.yaml\n', 'debate: debates/0001-x.yaml\nlinks:\n  - {rel: amends, target: 0002-cache.md}\n')
      .replace('## Decision Drivers', '## Notes\n\nWritten by hand.\n\n```md\n## Not a heading\n```\n\n## Decision Drivers')
    const merged = mergeDebateAdr(current, rendered, last)
    expect(merged).toEqual({
      ok: true,
      text: rendered
        .replace('debate: debates/0001-x.yaml\n', 'debate: debates/0001-x.yaml\nlinks:\n  - {rel: amends, target: 0002-cache.md}\n')
        .replace('## Decision Drivers', '## Notes\n\nWritten by hand.\n\n```md\n## Not a heading\n```\n\n## Decision Drivers'),
    })
  })

  it('refuses, naming them, when parts the debate owns were edited by hand since its last render', () => {
    const current = last
      .replace('Which datastore?', 'Which datastore? (and a paragraph of mine)')
      .replace('status: proposed', 'status: rejected')
    expect(mergeDebateAdr(current, rendered, last)).toEqual({
      ok: false,
      edited: ['the front-matter key `status`', 'the section "Context and Problem Statement"'],
    })
  })

  it('without a previous render, replaces what the debate owns and keeps the rest', () => {
    const current = `${last}\n## Notes\n\nMine.\n`
    const merged = mergeDebateAdr(current, rendered, undefined)
    expect(merged).toEqual({ok: true, text: `${rendered}\n## Notes\n\nMine.\n`})
  })
})
