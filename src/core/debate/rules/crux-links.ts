import {cellKey} from '../aggregate.js'
import {findDivergentCells} from '../divergence.js'
import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/**
 * Divergent cells (scores revealed 2 or more apart) are each explained by a crux once G6 (or the
 * G5→G7 shortcut) has passed; the shortcut needs no divergent cell and a stable winner. A rescored
 * entry names a crux that covers its cell.
 */
export const cruxLinks: DebateRule = {
  id: 'debate/crux-links',
  description: 'Divergent and rescored cells are linked to cruxes',
  check({record, passed, results}) {
    const out: DebateRuleFinding[] = []
    if (!record.scoring || record.track === 'fast') return out
    const cruxes = record.cruxes ?? []
    const covered = new Map<string, Set<string>>()
    for (const crux of cruxes)
      for (const cell of crux.cells) covered.set(cellKey(cell), (covered.get(cellKey(cell)) ?? new Set()).add(crux.id))
    const divergent = findDivergentCells(record.scoring.entries)
    if (passed('G6') || passed('G7')) {
      for (const cell of divergent) {
        if (!covered.has(cellKey(cell))) {
          const i = record.scoring.entries.findIndex((e) => e.option === cell.option && e.driver === cell.driver)
          out.push({
            path: ['scoring', 'entries', i],
            message: `Unexpected divergent cell \`${cell.option}\` × \`${cell.driver}\` (scores ${cell.spread} apart) with no crux, expected a crux in \`cruxes\` whose cells include it`,
          })
        }
      }
      if (passed('G7') && !passed('G6') && !results().stable) {
        out.push({
          path: ['gate_log'],
          message:
            'Unexpected shortcut from G5 to G7 with an unstable winner, expected G6 to run unless every weight set names the same winner',
        })
      }
    }
    record.scoring.entries.forEach((e, i) => {
      if (e.initial_score !== undefined && e.crux === undefined && passed('G6')) {
        out.push({
          path: ['scoring', 'entries', i],
          message: `Missing \`crux\` on the rescored entry of \`${e.participant}\` for \`${e.option}\` × \`${e.driver}\`, expected the crux that changed it`,
        })
      }
      if (e.initial_score === undefined || e.crux === undefined) return
      const ids = covered.get(cellKey(e))
      if (!ids?.has(e.crux)) {
        out.push({
          path: ['scoring', 'entries', i, 'crux'],
          message: `Unexpected rescore by crux \`${e.crux}\`, expected a crux whose cells include \`${e.option}\` × \`${e.driver}\``,
        })
      }
    })
    return out
  },
  examples: {
    ok: [{description: 'both divergent cells have a crux', apply: () => {}}],
    notOk: [
      {description: 'a crux removed', apply: (r) => r.cruxes!.splice(1, 1), message: 'Unexpected divergent cell `mongodb` × `D1`'},
      {
        description: 'a rescore naming no crux',
        apply: (r) => delete r.scoring!.entries[10].crux,
        message: 'Missing `crux` on the rescored entry',
      },
      {
        description: 'a rescore naming the wrong crux',
        apply: (r) => (r.scoring!.entries[10].crux = 'C2'),
        message: 'Unexpected rescore by crux `C2`',
      },
    ],
  },
}
