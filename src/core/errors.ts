/** Exit codes, the same for every command: 0 ok, 1 findings, 2 usage or runtime failure. */
/** 130 is what a shell reports for a process stopped by Ctrl-C (128 + SIGINT). */
export const EXIT = {ok: 0, findings: 1, failure: 2, interrupted: 130} as const

/** Every error `code` a command can report (`--json`: schemas/output/error.schema.json lists the same). */
export const ERROR_CODES = [
  'ADR_DIR_NOT_FOUND',
  'NO_ADRS',
  'ADR_NOT_FOUND',
  'AMBIGUOUS_REF',
  'ILLEGAL_TRANSITION',
  'UNKNOWN_STATUS',
  'NO_TITLE',
  'INVALID_ARGUMENT',
  'FILE_EXISTS',
  'UNSAFE_PATH',
  'PARSE_FAILED',
  'RENDER_FAILED',
  'NOT_A_GIT_REPOSITORY',
  'GIT_FAILED',
  'LOCKED',
  'LOCK_LOST',
  'CHANGED_UNDER_US',
  'CONFLICT_MARKERS',
  'MISSING_ANSWER',
  'GATE_FAILED',
  'INVALID_CONFIG',
  'IO_FAILED',
  'INTERRUPTED',
  'DEBATE_NOT_FOUND',
  'INVALID_RECORD',
  'NOT_YOURS',
  'EARLY_REVEAL',
  'ANSWER_REVEALED',
  'UNKNOWN_REF',
  'TOC_MARKERS',
  'INTERNAL_ERROR',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * The one error class. Errors are values: a stable `code` tests can assert on, the exit code, and
 * suggestions that say how to fix it. Commands render it; nothing below `commands/` prints.
 */
export class AdrError extends Error {
  readonly code: ErrorCode
  readonly exit: number
  readonly suggestions: string[]
  /** Facts a `--json` caller needs even though the command failed (e.g. the `ref` of the ADR `debate start` created). */
  readonly data?: Record<string, string | number>

  constructor(
    code: ErrorCode,
    message: string,
    options: {exit?: number; suggestions?: string[]; cause?: unknown; data?: Record<string, string | number>} = {},
  ) {
    super(message, {cause: options.cause})
    this.name = 'AdrError'
    this.code = code
    this.exit = options.exit ?? EXIT.failure
    this.suggestions = options.suggestions ?? []
    this.data = options.data
  }

  /** The same error, with facts added (`{ref: 12}`) and its suggestions rewritten. */
  with(data: Record<string, string | number>, suggestions: string[] = this.suggestions): AdrError {
    return new AdrError(this.code, this.message, {exit: this.exit, suggestions, cause: this.cause, data: {...this.data, ...data}})
  }
}

export function isAdrError(error: unknown): error is AdrError {
  return error instanceof AdrError
}
