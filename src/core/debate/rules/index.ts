import {authority} from './authority.js'
import {commitments} from './commitments.js'
import {copiedRationale} from './copied-rationale.js'
import {cruxDuties} from './crux-duties.js'
import {cruxLinks} from './crux-links.js'
import {dates} from './dates.js'
import type {DebateRule} from './debate-rule.js'
import {decision} from './decision.js'
import {doorClass} from './door-class.js'
import {driversLocked} from './drivers-locked.js'
import {fastTrack} from './fast-track.js'
import {missingCommitment} from './missing-commitment.js'
import {optionNames} from './option-names.js'
import {premortem} from './premortem.js'
import {progress} from './progress.js'
import {references} from './references.js'
import {resultsRecomputed} from './results-recomputed.js'
import {revisitOverdue} from './revisit-overdue.js'
import {scoreCompleteness} from './score-completeness.js'
import {steelman} from './steelman.js'
import {uniqueIds} from './unique-ids.js'
import {weights} from './weights.js'

export type {DebateRule, DebateRuleFinding, RuleContext, RuleExample} from './debate-rule.js'

/** Every code rule of a debate record (docs/logic-gates.md), run after the schema in this order. */
export const DEBATE_RULES: readonly DebateRule[] = [
  references,
  uniqueIds,
  weights,
  scoreCompleteness,
  resultsRecomputed,
  cruxLinks,
  steelman,
  cruxDuties,
  premortem,
  authority,
  decision,
  commitments,
  missingCommitment,
  optionNames,
  dates,
  driversLocked,
  doorClass,
  fastTrack,
  copiedRationale,
  revisitOverdue,
  progress,
]
