/**
 * Test-only hooks at every step of a write that changes what is on disk (each rename, link and
 * unlink of a multi-file write, the journal's). They let the tests stop a real process exactly
 * there, as a crash, a `kill -9` or a Ctrl-Z would:
 *
 * - `ADRGATE_TEST_CRASH_AT=N` kills the process (SIGKILL) just before its Nth step;
 * - `ADRGATE_TEST_STOP_AT=N` stops it (SIGSTOP, as Ctrl-Z does) just before its Nth step.
 *
 * This is the one place below `commands/` that reads the environment, and only for these two
 * variables; unset (always, outside the tests), a step costs one comparison.
 */
const crashAt = Number(process.env.ADRGATE_TEST_CRASH_AT ?? 0)
const stopAt = Number(process.env.ADRGATE_TEST_STOP_AT ?? 0)
let steps = 0

export function crashPoint(): void {
  if (crashAt === 0 && stopAt === 0) return
  steps++
  if (steps === crashAt) process.kill(process.pid, 'SIGKILL')
  if (steps === stopAt) process.kill(process.pid, 'SIGSTOP')
}
