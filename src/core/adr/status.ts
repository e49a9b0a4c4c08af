import {remembered} from '../remembered.js'
import {STATUSES, type Status} from './model.js'

/**
 * The ADR lifecycle (docs/architecture.md): proposed → accepted | rejected | superseded; accepted → deprecated |
 * superseded. Rejected, deprecated and superseded are final.
 */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
  proposed: ['accepted', 'rejected', 'superseded'],
  accepted: ['deprecated', 'superseded'],
  rejected: [],
  deprecated: [],
  superseded: [],
}

export function isStatus(value: string | undefined): value is Status {
  return (STATUSES as readonly string[]).includes(value ?? '')
}

/** The statuses an ADR may move to from `from` (an unknown status may move to any known one). */
export function allowedTransitions(from: string | undefined): readonly Status[] {
  if (isStatus(from)) return TRANSITIONS[from]
  return STATUSES
}

/**
 * A team's own status words mapped onto the lifecycle (`.adrgate.yaml` `statuses:`), keys lowercase:
 * `{implemented: 'accepted', 'on hold': 'proposed'}`.
 */
export type StatusMap = Readonly<Record<string, string>>

/**
 * Words teams use for a lifecycle status. They are read as that status, and lint suggests the
 * `statuses:` line that makes it official.
 */
export const STATUS_SYNONYMS: StatusMap = {
  approved: 'accepted',
  implemented: 'accepted',
  adopted: 'accepted',
  agreed: 'accepted',
  decided: 'accepted',
  done: 'accepted',
  active: 'accepted',
  pending: 'proposed',
  draft: 'proposed',
  proposal: 'proposed',
  open: 'proposed',
  'in progress': 'proposed',
  'in review': 'proposed',
  'under review': 'proposed',
  'under discussion': 'proposed',
  'on hold': 'proposed',
  wip: 'proposed',
  declined: 'rejected',
  refused: 'rejected',
  withdrawn: 'rejected',
  abandoned: 'rejected',
  obsolete: 'deprecated',
  retired: 'deprecated',
  replaced: 'superseded',
}

/**
 * The status text without its decoration: blockquote marks, bullets, emphasis, code marks, a leading
 * `Status:` label and leading emoji or symbols (`> **✅ Accepted**` → `Accepted`). Links are kept.
 */
export function cleanStatusText(text: string): string {
  // a pure function of its text, and a history reads the same few status lines thousands of times
  return cleanedText(text)
}

const cleanedText = remembered((text) => cleanStatusTextOnce(text))

function cleanStatusTextOnce(text: string): string {
  let t = text.trim()
  t = t.replace(/^(?:>\s*)+/, '').replace(/^[-*+][ \t]+/, '')
  t = t
    .replace(/\*\*|__|~~|`/g, '')
    .replace(/(^|[\s(])[*_]+(?=\S)/g, '$1')
    .replace(/(\S)[*_]+(?=[\s).,;:!?]|$)/g, '$1')
  t = leadingSymbolsRemoved(t)
  t = t.replace(/^status\s*[:-]\s*/i, '')
  t = leadingSymbolsRemoved(t)
  return t.trim()
}

/**
 * `text` without the emoji and symbols before its first letter, digit or `[`. A text that starts with
 * an ASCII letter, digit or `[` has none, and is returned without running the Unicode pattern, whose
 * compilation costs a start-up some 0.4 ms.
 */
function leadingSymbolsRemoved(text: string): string {
  if (text === '' || /^[A-Za-z0-9[]/.test(text)) return text
  return text.replace(/^[^\p{L}\p{N}[]+/u, '')
}

/** The words of a status before any link, reference or punctuation: `Superseded by [2. X](…)` → `superseded by`. */
export function statusPhrase(text: string): string {
  // a pure function of its text (remembered: see cleanStatusText); the parser and two lint rules ask
  return phrase(text)
}

const phrase = remembered((text) => statusPhraseOnce(text))

function statusPhraseOnce(text: string): string {
  const cleaned = cleanStatusText(text).toLowerCase()
  const phrase = cleaned.split(/\s*(?:[[(;,.:!]|\s[-–—]\s|\s(?:adr[-_ ]?)?\d)/)[0].trim()
  return phrase.replace(/supercede/g, 'supersede').replace(/\s+/g, ' ')
}

/**
 * The lifecycle status a text names: `Accepted` → `accepted`; `⌛️ Superceded by [2. X](…)` →
 * `superseded`; `accepted; supersedes ADR-0045` → `accepted`; a team's own word through `statuses`
 * (`Implemented` → `accepted`), then a known synonym. An unknown status is its words, lowercase, with
 * any link left out (`Draft` → `draft`), so file names are never lowercased.
 */
export function normaliseStatus(text: string, statuses?: StatusMap): string | undefined {
  if (statuses !== undefined) return normaliseStatusOnce(text, statuses)
  // without a team's own words, a pure function of the text (remembered: see cleanStatusText)
  return normalised(text)
}

const normalised = remembered((text) => normaliseStatusOnce(text, {}))

function normaliseStatusOnce(text: string, statuses: StatusMap): string | undefined {
  const phrase = statusPhrase(text)
  if (!phrase) {
    const cleaned = cleanStatusText(text)
    return cleaned ? cleaned.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').toLowerCase() || undefined : undefined
  }
  const first = phrase.split(' ')[0]
  if (isStatus(first)) return first
  for (const word of [phrase, first]) {
    const configured = lookup(statuses, word)
    if (configured) return configured
  }
  for (const word of [phrase, first]) {
    const synonym = STATUS_SYNONYMS[word]
    if (synonym) return synonym
  }
  return phrase
}

/**
 * The synonym a status text uses when it is not a lifecycle word and the team has not mapped it:
 * `Implemented` → `{word: 'implemented', status: 'accepted'}` (lint suggests the `statuses:` line).
 */
export function statusSynonym(text: string, statuses: StatusMap = {}): {word: string; status: string} | undefined {
  const phrase = statusPhrase(text)
  const first = phrase.split(' ')[0]
  if (!phrase || isStatus(first) || lookup(statuses, phrase) || lookup(statuses, first)) return undefined
  for (const word of [phrase, first]) if (STATUS_SYNONYMS[word]) return {word, status: STATUS_SYNONYMS[word]}
  return undefined
}

/**
 * The team's own word a status text is, as the config spells it (`statuses: {Draft: proposed}`:
 * `draft` → `Draft`), when it is one that maps onto the lifecycle; otherwise undefined.
 */
export function configuredStatusWord(text: string, statuses: StatusMap = {}): string | undefined {
  const phrase = statusPhrase(text)
  if (!phrase || isStatus(phrase)) return undefined
  for (const [key, value] of Object.entries(statuses)) {
    if (key.trim().toLowerCase().replace(/\s+/g, ' ') === phrase && isStatus(String(value).trim().toLowerCase())) return key.trim()
  }
  return undefined
}

function lookup(statuses: StatusMap, word: string): string | undefined {
  for (const [key, value] of Object.entries(statuses)) {
    if (key.trim().toLowerCase() === word && isStatus(String(value).trim().toLowerCase())) return String(value).trim().toLowerCase()
  }
  return undefined
}

/**
 * `Superceded by` → `superseded by`, `Supercedes` → `supersedes`, `Amends` → `amends`. A pure function
 * of its text, remembered: the history reads every link of every version of every ADR (some 60,000 on
 * the bench's repository), written with a handful of relations.
 */
export const normaliseRel: (rel: string) => string = remembered((rel) =>
  rel
    .trim()
    .toLowerCase()
    .replace(/supercede/g, 'supersede')
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' '),
)

/**
 * A team's own relations and their reverses (`.adrgate.yaml` `relations:`), e.g.
 * `{implements: 'implemented by', 'conflicts with': 'conflicts with'}`.
 */
export type RelationMap = Readonly<Record<string, string>>

/** Known relations and their reverses; `relates to` is its own reverse. */
const REVERSES: Record<string, string> = {
  supersedes: 'superseded by',
  amends: 'amended by',
  clarifies: 'clarified by',
  extends: 'extended by',
  'relates to': 'relates to',
  'depends on': 'depended on by',
}

/**
 * The reverse of a relation, normalised (`Amends` → `amended by`, `amended by` → `amends`): the
 * known ones first, then the team's own (`relations`), read both ways.
 */
export function reverseRel(rel: string, relations: RelationMap = {}): string | undefined {
  const key = normaliseRel(rel)
  if (REVERSES[key]) return REVERSES[key]
  const known = Object.entries(REVERSES).find(([, reverse]) => reverse === key)?.[0]
  if (known) return known
  for (const [name, reverse] of Object.entries(relations)) {
    if (typeof reverse !== 'string' || !normaliseRel(name) || !normaliseRel(reverse)) continue
    if (normaliseRel(name) === key) return normaliseRel(reverse)
    if (normaliseRel(reverse) === key) return normaliseRel(name)
  }
  return undefined
}

/** The relations adrgate knows, each with its reverse, and then a team's own. */
export function knownRelations(relations: RelationMap = {}): [string, string][] {
  const own = Object.entries(relations).filter(
    ([name, reverse]) => typeof reverse === 'string' && normaliseRel(name) && normaliseRel(reverse),
  )
  return [...Object.entries(REVERSES), ...own.map(([name, reverse]): [string, string] => [normaliseRel(name), normaliseRel(reverse)])]
}
