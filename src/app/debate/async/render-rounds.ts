import type {RoundState} from '../../../core/debate/async/fold.js'
import {label} from './answer-as.js'

/** One line per blind round: who has committed, revealed, and who is awaited. */
export function renderRounds(rounds: readonly RoundState[]): string {
  if (rounds.length === 0) return 'No blind round yet.'
  return rounds
    .map((r) => {
      const parts = [`committed: ${r.committed.join(', ') || 'nobody'}`, `revealed: ${r.revealed.join(', ') || 'nobody'}`]
      const waiting = r.awaited.length
        ? `awaiting ${r.open_for_reveal ? 'the reveal of' : 'the hash of'} ${r.awaited.join(', ')}`
        : 'all revealed'
      const bad = r.mismatched.length ? ` · reveal does not match its hash: ${r.mismatched.join(', ')}` : ''
      return `${label(r.round)}: ${parts.join(' · ')} · ${waiting}${bad}`
    })
    .join('\n')
}
