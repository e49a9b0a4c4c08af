import type {Adr} from '../../adr/model.js'
import {indexAdrs, successorLinks} from '../link-index.js'
import {type FileFinding, repositoryRule} from '../lint-rule.js'
import {nygard} from './examples.js'

export const supersedeCycle = repositoryRule({
  id: 'supersede-cycle',
  description: 'Supersede links form chains that end: no ADR supersedes itself, directly or through others.',
  severity: 'error',
  check({adrs, elsewhere}) {
    const index = indexAdrs(adrs, elsewhere)
    const next = new Map<Adr, Set<Adr>>()
    const edge = (from: Adr, to: Adr | undefined) => to && next.set(from, (next.get(from) ?? new Set()).add(to))
    for (const adr of adrs) {
      for (const link of adr.links) if (link.relKey === 'supersedes') edge(adr, index.resolve(link))
      for (const link of successorLinks(adr)) {
        const successor = index.resolve(link)
        if (successor) edge(successor, adr)
      }
    }
    return findCycles(adrs, next).map((cycle) => {
      const first = cycle[0]
      const link = first.links.find((l) => l.relKey === 'supersedes' || l.relKey === 'superseded by')
      return {
        file: first.file,
        line: link?.line ?? 1,
        column: 1,
        message: `Unexpected supersede cycle ${[...cycle, first].map((a) => a.number ?? a.file).join(' → ')}, expected a chain that ends`,
      } satisfies FileFinding
    })
  },
  examples: {
    ok: [
      {
        input: {
          '0001-first.md': nygard(1, 'First', 'Superceded by [2. Second](0002-second.md)'),
          '0002-second.md': nygard(2, 'Second', 'Accepted\n\nSupercedes [1. First](0001-first.md)'),
        },
      },
    ],
    notOk: [
      {
        input: {
          '0001-first.md': nygard(1, 'First', 'Superseded\n\nSupercedes [2. Second](0002-second.md)'),
          '0002-second.md': nygard(2, 'Second', 'Superseded\n\nSupercedes [1. First](0001-first.md)'),
        },
        messages: ['0001-first.md:9:1 Unexpected supersede cycle 1 → 2 → 1, expected a chain that ends'],
      },
    ],
  },
})

/** Each elementary cycle once, starting at its first ADR in the given order (iterative: no stack overflow on long chains). */
function findCycles(adrs: readonly Adr[], next: Map<Adr, Set<Adr>>): Adr[][] {
  const order = new Map(adrs.map((a, i) => [a, i]))
  const state = new Map<Adr, 'active' | 'done'>()
  const cycles: Adr[][] = []
  for (const start of adrs) {
    if (state.has(start)) continue
    const stack: {adr: Adr; targets: Adr[]}[] = [{adr: start, targets: [...(next.get(start) ?? [])]}]
    state.set(start, 'active')
    while (stack.length) {
      const top = stack[stack.length - 1]
      const target = top.targets.shift()
      if (!target) {
        state.set(top.adr, 'done')
        stack.pop()
        continue
      }
      if (state.get(target) === 'active') {
        const cycle = stack.slice(stack.findIndex((s) => s.adr === target)).map((s) => s.adr)
        const first = cycle.reduce((min, a, i) => ((order.get(a) ?? 0) < (order.get(cycle[min]) ?? 0) ? i : min), 0)
        cycles.push([...cycle.slice(first), ...cycle.slice(0, first)])
      } else if (!state.has(target)) {
        state.set(target, 'active')
        stack.push({adr: target, targets: [...(next.get(target) ?? [])]})
      }
    }
  }
  return cycles
}
