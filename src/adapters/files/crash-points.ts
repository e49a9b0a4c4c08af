/**
 * Test-only hooks at every step of a write that changes what is on disk (each rename, link and
 * unlink of a multi-file write, the journal's). They let the tests stop a real process exactly
 * there, as a crash, a `kill -9` or a Ctrl-Z would. The command passes its environment in
 * (`configureCrashPoints`, from BaseCommand):
 *
 * - `ADRGATE_TEST_CRASH_AT=N` kills the process (SIGKILL) just before its Nth step;
 * - `ADRGATE_TEST_STOP_AT=N` stops it (SIGSTOP, as Ctrl-Z does) just before its Nth step.
 *
 * Unset (always, outside the tests), a step costs one comparison.
 */
let crashAt = 0
let stopAt = 0
let steps = 0

export function configureCrashPoints(env: Record<string, string | undefined>): void {
  crashAt = Number(env.ADRGATE_TEST_CRASH_AT ?? 0) || 0
  stopAt = Number(env.ADRGATE_TEST_STOP_AT ?? 0) || 0
  steps = 0
}

export function crashPoint(): void {
  if (crashAt === 0 && stopAt === 0) return
  steps++
  if (steps === crashAt) process.kill(process.pid, 'SIGKILL')
  if (steps === stopAt) process.kill(process.pid, 'SIGSTOP')
}
