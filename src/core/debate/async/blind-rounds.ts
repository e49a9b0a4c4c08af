/**
 * Which answers are blind, and the round they belong to (ADR 17). A blind round is one gate's blind
 * answers of one visit: `door` (G2), `weights` (G3), `scores` (G5), `premortem` (G7), `consent` (G8),
 * or `again.G5.0.scores` when a loop-back sends the debate through G5 a second time. Within a round,
 * only the fields the gate asks blind are hidden; what is asked after the reveal (the agreed
 * weights, an objection's summary, a risk's confirmation check) is an open answer.
 */
import type {GateId} from '../record.js'

export type Answers = Record<string, unknown>

/** The section of the answers file that holds each blind gate's answers, by participant name. */
export const BLIND_SECTIONS = {door: 'G2', weights: 'G3', scores: 'G5', premortem: 'G7', consent: 'G8'} as const satisfies Record<
  string,
  GateId
>
export type BlindSection = keyof typeof BLIND_SECTIONS

/** The fields of a participant's entry that are blind; `undefined`: all of them. */
const BLIND_FIELDS: Record<BlindSection, readonly string[] | undefined> = {
  door: undefined,
  weights: undefined,
  scores: undefined,
  premortem: ['story', 'likelihood', 'impact', 'response', 'action'],
  consent: ['kind', 'statement', 'harms', 'worse_than_acceptable'],
}

/** Keys in a blind section that are not a participant: the group's or the approver's, open. */
const OPEN_IN_SECTION: Record<BlindSection, readonly string[]> = {
  door: ['downgrade'],
  weights: ['agreed', 'explanations'],
  scores: [],
  premortem: [],
  consent: [],
}

export interface RoundInfo {
  id: string
  gate: GateId
  /** The visit of the gate, 1 for the first. */
  visit: number
}

/** `door` → G2, visit 1; `again.G5.0.scores` → G5, visit 2. */
export function describeRound(id: string): RoundInfo | undefined {
  const match = /^(?:again\.(G[1-8])\.(\d+)\.)?(door|weights|scores|premortem|consent)$/.exec(id)
  if (!match) return undefined
  const gate = BLIND_SECTIONS[match[3] as BlindSection]
  if (match[1] && match[1] !== gate) return undefined
  return {id, gate, visit: match[2] === undefined ? 1 : Number(match[2]) + 2}
}

/** The round id of a gate's blind answers on a visit (1 = first), or undefined for a gate with none. */
export function roundIdOf(gate: GateId, visit: number): string | undefined {
  const section = (Object.keys(BLIND_SECTIONS) as BlindSection[]).find((s) => BLIND_SECTIONS[s] === gate)
  if (!section) return undefined
  return visit <= 1 ? section : `again.${gate}.${visit - 2}.${section}`
}

/** The round id a gate's visit prefix and section name make: `scores`, `again.G5.0.scores`. */
function roundOf(prefix: string[], section: string): string {
  return [...prefix, section].join('.')
}

export interface SplitAnswers {
  /** Everything that is not blind, in the same nesting. */
  open: Answers
  /** Each blind round's answers, in the same nesting (`{door: {ana: {...}}}`), by round id. */
  rounds: Map<string, Answers>
}

/**
 * Splits one person's answers into the open ones and the blind rounds, keeping the answers-file
 * nesting on both sides, so that merging them back gives the answers as they were.
 */
export function splitAnswers(answers: Answers, participants: readonly string[]): SplitAnswers {
  const open: Answers = {}
  const rounds = new Map<string, Answers>()
  const visit = (node: Answers, prefix: string[]) => {
    for (const [key, value] of Object.entries(node)) {
      const here = [...prefix, key]
      if (prefix.length === 0 && key === 'again' && isObject(value)) {
        for (const [gate, visits] of Object.entries(value)) {
          if (!isObject(visits)) {
            put(open, here.concat(gate), visits)
            continue
          }
          for (const [n, sections] of Object.entries(visits)) {
            if (isObject(sections)) visit(sections, ['again', gate, n])
            else put(open, ['again', gate, n], sections)
          }
        }
        continue
      }
      const section = key as BlindSection
      if (!(key in BLIND_SECTIONS) || !isObject(value)) {
        put(open, here, value)
        continue
      }
      for (const [who, entry] of Object.entries(value)) {
        const at = here.concat(who)
        if (OPEN_IN_SECTION[section].includes(who) || !participants.includes(who)) {
          put(open, at, entry)
          continue
        }
        const fields = BLIND_FIELDS[section]
        const round = roundOf(prefix, key)
        const target = rounds.get(round) ?? {}
        rounds.set(round, target)
        if (!fields || !isObject(entry)) {
          put(target, at, entry)
          continue
        }
        for (const [field, v] of Object.entries(entry)) put(fields.includes(field) ? target : open, at.concat(field), v)
      }
    }
  }
  visit(answers, [])
  return {open, rounds}
}

/** Deep-merges `from` into `into` (objects merged, anything else replaced); returns `into`. */
export function mergeAnswers(into: Answers, from: Answers): Answers {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key]
    if (isObject(value) && isObject(current)) mergeAnswers(current, value)
    else into[key] = structuredClone(value)
  }
  return into
}

/** Every leaf of an answers object, as its path of keys (a list is a leaf). */
export function leafPaths(node: Answers, prefix: string[] = []): string[][] {
  const out: string[][] = []
  for (const [key, value] of Object.entries(node)) {
    if (isObject(value) && Object.keys(value).length > 0) out.push(...leafPaths(value, [...prefix, key]))
    else out.push([...prefix, key])
  }
  return out
}

export function isObject(value: unknown): value is Answers {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function put(target: Answers, path: readonly string[], value: unknown): void {
  let node = target
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {}
    node = node[key] as Answers
  }
  const last = path[path.length - 1]
  if (isObject(value) && isObject(node[last])) mergeAnswers(node[last] as Answers, value)
  else node[last] = structuredClone(value)
}
