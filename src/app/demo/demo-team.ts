import type {DatedIdentity, Identity} from '../../adapters/git/git.js'
import type {Adr} from '../../core/adr/model.js'

/**
 * The sample team of `adr demo`: the decision-makers the sample ADRs name, as the people who
 * committed them, so `adr log` shows who decided what over the months, as a real repository would.
 */
const TEAM: Record<string, Identity> = {
  dana: {name: 'Dana Okafor', email: 'dana@tally.example'},
  priya: {name: 'Priya Raman', email: 'priya@tally.example'},
  marco: {name: 'Marco Bianchi', email: 'marco@tally.example'},
}

/** Dana approves the Logic Gates debate the demo plays, and commits its result. */
export const DEBATE_AUTHOR: Identity = TEAM.dana

/** The times of day the samples were committed, one after another: a working day's spread, not midnight. */
const TIMES = ['09:12:00', '14:47:00', '11:05:00', '16:20:00', '10:38:00']

/**
 * Who committed a sample ADR, and when: its last decision-maker (the one who wrote it up) on the
 * ADR's own date, so the history spans the months the dates do.
 */
export function demoAuthor(adr: Adr): DatedIdentity {
  const who = [...adr.deciders].reverse().find((d) => TEAM[d.toLowerCase()]) ?? 'dana'
  const day = adr.date ?? '2026-01-12'
  const time = TIMES[((adr.number ?? 1) - 1) % TIMES.length]
  return {...TEAM[who.toLowerCase()], date: `${day}T${time}+01:00`}
}
