import {AdrError} from '../../errors.js'
import {type DebateRecord, type DoorClass, hasPassed, participantNames} from '../record.js'
import {mostCautious} from './g2-door.js'

/**
 * Fast track → full track: a participant re-nominates the door as costly or one-way. The class
 * becomes the most cautious nomination; the debate goes on from Gate 3 in full (drivers and options
 * already given are kept; weights, steelmen and scores are asked), or stays at the gate it is at
 * when that gate has not passed yet.
 */
export function escalateRecord(record: DebateRecord, who: string, cls: Exclude<DoorClass, 'two-way'>): DebateRecord {
  if (!participantNames(record).includes(who)) {
    throw new AdrError('INVALID_ARGUMENT', `${who} is not a participant of this debate (${participantNames(record).join(', ')})`, {
      suggestions: ['Pass --by with the name of a participant.'],
    })
  }
  if (!hasPassed(record, 'G2') || !record.reversibility) {
    throw new AdrError('INVALID_ARGUMENT', 'The door has not been classed yet, so there is no track to escalate', {
      suggestions: ['Nominate the door as costly or one-way at Gate 2.'],
    })
  }
  if (record.track === 'full') {
    throw new AdrError('INVALID_ARGUMENT', 'This debate is already on the full track', {suggestions: ['adr debate resume REF']})
  }
  if (hasPassed(record, 'G8')) {
    throw new AdrError('INVALID_ARGUMENT', 'This debate is decided; a decision changes by a new ADR that supersedes it', {
      suggestions: ['adr debate start TITLE …, then adr status … superseded'],
    })
  }
  const nominations = record.reversibility.nominations.map((n) => (n.participant === who ? {...n, class: cls} : n))
  const at = record.in_progress?.gate ?? 'G3'
  record.reversibility = {nominations, class: mostCautious(nominations.map((n) => n.class))}
  record.track = 'full'
  const reason = `${who} escalated: the door is ${cls}`
  record.in_progress = hasPassed(record, 'G3')
    ? {gate: 'G3', from: at, reason, failed: 0, answers: {}}
    : {gate: at, reason, failed: 0, answers: record.in_progress?.answers ?? {}}
  return record
}
