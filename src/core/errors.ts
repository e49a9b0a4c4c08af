/** Exit codes, the same for every command: 0 ok, 1 findings, 2 usage or runtime failure. */
export const EXIT = {ok: 0, findings: 1, failure: 2} as const

export type ErrorCode =
  | 'ADR_DIR_NOT_FOUND'
  | 'NO_ADRS'
  | 'ADR_NOT_FOUND'
  | 'AMBIGUOUS_REF'
  | 'ILLEGAL_TRANSITION'
  | 'UNKNOWN_STATUS'
  | 'NO_TITLE'
  | 'INVALID_ARGUMENT'
  | 'FILE_EXISTS'
  | 'UNSAFE_PATH'
  | 'PARSE_FAILED'
  | 'RENDER_FAILED'
  | 'NOT_A_GIT_REPOSITORY'
  | 'GIT_FAILED'
  | 'LOCKED'
  | 'MISSING_ANSWER'
  | 'GATE_FAILED'
  | 'INVALID_CONFIG'
  | 'IO_FAILED'
  | 'INTERRUPTED'
  | 'DEBATE_NOT_FOUND'
  | 'INVALID_RECORD'
  | 'UNKNOWN_REF'

/**
 * The one error class. Errors are values: a stable `code` tests can assert on, the exit code, and
 * suggestions that say how to fix it. Commands render it; nothing below `commands/` prints.
 */
export class AdrError extends Error {
  readonly code: ErrorCode
  readonly exit: number
  readonly suggestions: string[]

  constructor(code: ErrorCode, message: string, options: {exit?: number; suggestions?: string[]; cause?: unknown} = {}) {
    super(message, {cause: options.cause})
    this.name = 'AdrError'
    this.code = code
    this.exit = options.exit ?? EXIT.failure
    this.suggestions = options.suggestions ?? []
  }
}

export function isAdrError(error: unknown): error is AdrError {
  return error instanceof AdrError
}
