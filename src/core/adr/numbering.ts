/**
 * The number of the next ADR: one more than the highest number in use, here or elsewhere (`taken`
 * lets a caller add numbers used on other branches). Gaps are never filled, as adr-tools never fills
 * them: a number, once used, keeps meaning that decision.
 */
export function nextNumber(numbers: Iterable<number | undefined>, taken: Iterable<number> = []): number {
  let highest = 0
  for (const n of numbers) if (n !== undefined && Number.isFinite(n) && n > highest) highest = n
  for (const n of taken) if (Number.isFinite(n) && n > highest) highest = n
  return highest + 1
}
