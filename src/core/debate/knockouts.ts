import type {Matrix} from './aggregate.js'
import type {Driver, Knockout, OptionId} from './record.js'

/** The knockout threshold: 3 = "meets the measure". */
export const KNOCKOUT_BELOW = 3

/**
 * Every (option, knockout driver) whose aggregate is below 3, in option then driver order. An option
 * with at least one is out, whatever its total. Unscored cells knock nothing out.
 */
export function findKnockouts(options: readonly OptionId[], drivers: readonly Driver[], matrix: Matrix): Knockout[] {
  const out: Knockout[] = []
  for (const option of options) {
    for (const driver of drivers) {
      if (!driver.knockout) continue
      const aggregate = matrix.get(option, driver.id)
      if (aggregate !== undefined && aggregate < KNOCKOUT_BELOW) out.push({option, driver: driver.id, aggregate})
    }
  }
  return out
}

export function knockedOutOptions(knockouts: readonly Knockout[]): Set<OptionId> {
  return new Set(knockouts.map((k) => k.option))
}
