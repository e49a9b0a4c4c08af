/**
 * Whose answer each key of an answers file is, for the asynchronous flow (ADR 17): a person's own
 * answers sit under their name (`door.ana`, `scores.ana`, `frame.positions.ana`, `cruxes.x.D1.ana`);
 * the approver's are the downgrade of the door, the decision and the resolution of objections; the
 * group's (the frame, the drivers, the options, the agreed weights, consequences) are written by the
 * facilitator, or by the approver when there is none. When the debate folds the files in, the gate
 * engine's own `who` decides: this table is the check made when a file is written.
 */
import type {DebateRecord} from '../record.js'
import {participantNames} from '../record.js'

export interface Roles {
  participants: readonly string[]
  approver: string
  facilitator?: string
}

export function rolesOf(record: DebateRecord): Roles {
  return {participants: participantNames(record), approver: record.roles.approver, facilitator: record.roles.facilitator}
}

/** Who writes the group's answers: the facilitator, else the approver. */
export function groupOwner(roles: Roles): string {
  return roles.facilitator ?? roles.approver
}

const PERSONAL = new Set(['door', 'weights', 'scores', 'reveal', 'premortem', 'consent', 'commitments'])

/**
 * Who may answer the key at `path` (its segments, as in the file): one or more names. An empty list:
 * the key is not an answer at all (`title`, `roles`: the debate's start sets them).
 */
export function ownersOf(path: readonly string[], roles: Roles): string[] {
  let rest = path
  if (rest[0] === 'again') rest = rest.slice(3)
  const [section, second, third] = rest
  const isParticipant = (name: string | undefined) => name !== undefined && roles.participants.includes(name)
  if (section === undefined || ['title', 'today', 'roles'].includes(section)) return []
  if (section === 'door' && second === 'downgrade') return [roles.approver]
  if (PERSONAL.has(section) && isParticipant(second)) return [second]
  if (section === 'frame' && second === 'positions') return isParticipant(third) ? [third] : []
  if (section === 'steelman') {
    if (!isParticipant(third)) return []
    // the champion acknowledges the case made for their option (the engine checks which champion)
    const field = rest[rest.length - 1]
    if (field === 'acknowledged' || field === 'missing_points') return roles.participants.filter((p) => p !== third)
    return [third]
  }
  if (section === 'cruxes') {
    const owner = rest.slice(1).find((segment) => isParticipant(segment))
    return owner ? [owner] : [groupOwner(roles)]
  }
  if (section === 'objections') {
    if (third === 'summary') return [groupOwner(roles)]
    if (third === 'confirmed') return isParticipant(second) ? [second] : []
    return [roles.approver]
  }
  // on the fast track the approver may delegate the decision to the leading option's champion
  if (section === 'decision') return second === 'delegate' ? [roles.approver] : [roles.approver, ...roles.participants]
  return [groupOwner(roles)]
}

/** The keys of `answers` that `person` may not give, each with who may. */
export function foreignKeys(paths: readonly (readonly string[])[], person: string, roles: Roles): {key: string; owners: string[]}[] {
  return paths.flatMap((path) => {
    const owners = ownersOf(path, roles)
    return owners.includes(person) ? [] : [{key: path.join('.'), owners}]
  })
}
