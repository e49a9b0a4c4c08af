import type {Rule} from '../lint-rule.js'
import {conflictMarkers} from './conflict-markers.js'
import {date} from './date.js'
import {duplicateNumber} from './duplicate-number.js'
import {fileName} from './file-name.js'
import {linkReverse} from './link-reverse.js'
import {linkTarget} from './link-target.js'
import {numberingGap} from './numbering-gap.js'
import {requiredSections} from './required-sections.js'
import {schema} from './schema.js'
import {status} from './status.js'
import {statusSynonymRule} from './status-synonym.js'
import {supersedeCycle} from './supersede-cycle.js'
import {supersededSuccessor} from './superseded-successor.js'
import {title} from './title.js'
import {tocCurrent} from './toc-current.js'
import {tradeOffsBadConsequence} from './trade-offs-bad-consequence.js'
import {tradeOffsChosen} from './trade-offs-chosen.js'
import {tradeOffsDrivers} from './trade-offs-drivers.js'
import {tradeOffsOptions} from './trade-offs-options.js'
import {tradeOffsRequired} from './trade-offs-required.js'
import {tradeOffsRevisit} from './trade-offs-revisit.js'
import {tradeOffsRevisitOverdue} from './trade-offs-revisit-overdue.js'
import {tradeOffsWeights} from './trade-offs-weights.js'
import {unknownKey} from './unknown-key.js'

/** Every rule the runner checks, in the order of docs/rules.md: per file, trade-offs, then across the repository. */
export const RULES: readonly Rule[] = [
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
  duplicateNumber,
  numberingGap,
  linkTarget,
  linkReverse,
  supersededSuccessor,
  supersedeCycle,
  tocCurrent,
]
