/**
 * Splits a whole-debate answers file (as the one-terminal flow reads it) into what each person writes
 * on their own clone: their own answers only, by the table of `src/core/debate/async/owner.ts` — the
 * champion acknowledges the steelman of their option, the approver decides.
 */
import {leafPaths} from '../../src/core/debate/async/blind-rounds.js'
import {ownersOf, type Roles} from '../../src/core/debate/async/owner.js'

type Answers = Record<string, unknown>

export function answersByPerson(whole: Answers): {roles: Roles; byPerson: Map<string, Answers>} {
  const {title: _t, today: _d, roles: given, ...answers} = whole
  const r = given as {participants: string[]; approver: string; facilitator?: string}
  const roles: Roles = {participants: r.participants, approver: r.approver, facilitator: r.facilitator}
  const options = (answers.options ?? []) as {id: string; champion?: string}[]
  const byPerson = new Map<string, Answers>()
  for (const p of leafPaths(answers)) {
    let owners = ownersOf(p, roles)
    if (p[0] === 'steelman' && ['acknowledged', 'missing_points'].includes(p[3]))
      owners = [options.find((o) => o.id === p[1])?.champion ?? '']
    if (p[0] === 'decision') owners = [roles.approver]
    const owner = owners[0]
    const target = byPerson.get(owner) ?? {}
    byPerson.set(owner, target)
    put(target, answers, p)
  }
  return {roles, byPerson}
}

function put(target: Answers, source: Answers, p: readonly string[]): void {
  let into: Record<string, unknown> | unknown[] = target
  let from: unknown = source
  for (let i = 0; i < p.length; i++) {
    from = (from as Record<string, unknown>)[p[i]]
    const key = Array.isArray(into) ? Number(p[i]) : p[i]
    if (i === p.length - 1) {
      ;(into as Record<string | number, unknown>)[key] = from
      break
    }
    const slot = (into as Record<string | number, unknown>)[key]
    const next = slot ?? (Array.isArray(from) ? [] : {})
    ;(into as Record<string | number, unknown>)[key] = next
    into = next as Record<string, unknown> | unknown[]
  }
}
