import type {Answer, Question} from '../prompter.js'

export type Normalised = {ok: true; value: Answer} | {ok: false; message: string}

const YES = new Set(['y', 'yes', 'true', '1', 'ja', 'oui'])
const NO = new Set(['n', 'no', 'false', '0', 'nein', 'non'])

/**
 * Turns a raw answer (typed text, a YAML value) into the question's kind and runs its check. Every
 * prompter's answer goes through here, so a person and an answers file meet the same rules.
 */
export function normaliseAnswer(question: Question, raw: Answer): Normalised {
  const value = coerce(question, raw)
  if (!value.ok) return value
  const empty = value.value === '' || (Array.isArray(value.value) && value.value.length === 0)
  if (empty && !question.optional) return {ok: false, message: 'an answer is required here'}
  if (empty) return value
  const problem = question.validate?.(value.value)
  return problem ? {ok: false, message: problem} : value
}

function coerce(question: Question, raw: Answer): Normalised {
  switch (question.kind) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(',', '.'))
      if (String(raw).trim() === '' && question.optional) return {ok: true, value: ''}
      return Number.isFinite(n) ? {ok: true, value: n} : {ok: false, message: `"${String(raw)}" is not a number`}
    }
    case 'confirm': {
      if (typeof raw === 'boolean') return {ok: true, value: raw}
      const text = String(raw).trim().toLowerCase()
      if (YES.has(text)) return {ok: true, value: true}
      if (NO.has(text)) return {ok: true, value: false}
      return {ok: false, message: `"${String(raw)}" is neither yes nor no`}
    }
    case 'select': {
      const text = String(raw).trim()
      const choice = question.choices?.find((c) => c.value === text || c.value.toLowerCase() === text.toLowerCase() || c.name === text)
      if (choice || (text === '' && question.optional)) return {ok: true, value: choice?.value ?? ''}
      const allowed = (question.choices ?? []).map((c) => c.value).join(', ')
      return {ok: false, message: `"${text}" is not one of: ${allowed}`}
    }
    case 'list': {
      const items = Array.isArray(raw) ? raw : String(raw).split(/[;\n]|,(?!\d)/)
      return {ok: true, value: items.map((s) => String(s).trim()).filter(Boolean)}
    }
    default:
      return {ok: true, value: String(raw).trim()}
  }
}
