import type {FileRule} from '../lint-rule.js'
import {conflictMarkers} from './conflict-markers.js'
import {date} from './date.js'
import {fileName} from './file-name.js'
import {requiredSections} from './required-sections.js'
import {schema} from './schema.js'
import {status} from './status.js'
import {statusSynonymRule} from './status-synonym.js'
import {title} from './title.js'
import {tradeOffsBadConsequence} from './trade-offs-bad-consequence.js'
import {tradeOffsChosen} from './trade-offs-chosen.js'
import {tradeOffsDrivers} from './trade-offs-drivers.js'
import {tradeOffsOptions} from './trade-offs-options.js'
import {tradeOffsRequired} from './trade-offs-required.js'
import {tradeOffsRevisit} from './trade-offs-revisit.js'
import {tradeOffsRevisitOverdue} from './trade-offs-revisit-overdue.js'
import {tradeOffsWeights} from './trade-offs-weights.js'
import {unknownKey} from './unknown-key.js'

/**
 * The rules that check one file at a time, in the order of docs/rules.md. Loaded only when a file is
 * linted: a warm `adr lint` (every result cached) needs only the repository rules.
 */
export const FILE_RULES: readonly FileRule[] = [
  schema,
  unknownKey,
  conflictMarkers,
  title,
  status,
  statusSynonymRule,
  date,
  requiredSections,
  fileName,
  tradeOffsRequired,
  tradeOffsDrivers,
  tradeOffsOptions,
  tradeOffsChosen,
  tradeOffsBadConsequence,
  tradeOffsWeights,
  tradeOffsRevisit,
  tradeOffsRevisitOverdue,
]
