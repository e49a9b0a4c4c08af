import type {RepositoryRule} from '../lint-rule.js'
import {duplicateNumber} from './duplicate-number.js'
import {linkReverse} from './link-reverse.js'
import {linkTarget} from './link-target.js'
import {numberingGap} from './numbering-gap.js'
import {supersedeCycle} from './supersede-cycle.js'
import {supersededSuccessor} from './superseded-successor.js'
import {tocCurrent} from './toc-current.js'

/** The rules that check the ADRs of a directory together, in the order of docs/rules.md: they run on every lint. */
export const REPOSITORY_RULES: readonly RepositoryRule[] = [
  duplicateNumber,
  numberingGap,
  linkTarget,
  linkReverse,
  supersededSuccessor,
  supersedeCycle,
  tocCurrent,
]
