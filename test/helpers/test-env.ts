import {createHash} from 'node:crypto'
import {tmpdir} from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** An empty home directory of this checkout's own, so nothing reads the developer's ~/.gitconfig or other dot files. */
export const TEST_HOME = path.join(tmpdir(), `adrgate-test-home-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`)

/**
 * The environment every test runs with (vitest `test.env`), and so every process a test spawns: git
 * reads no global or system configuration (a developer's `commit.gpgsign=true` or hooks path cannot
 * change a result), and HOME is an empty directory.
 */
export const TEST_ENV: Record<string, string> = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: TEST_HOME,
  XDG_CONFIG_HOME: path.join(TEST_HOME, '.config'),
  // tables that widen on a wide terminal (`list --long`) keep their narrow form unless a test sets it
  COLUMNS: '',
  // the CLI runs as a user runs it: vitest sets NODE_ENV=test, which oclif takes for a development
  // checkout, and so it read tsconfig.json with the TypeScript compiler (loading it: about half a
  // second of CPU) in every process a test spawned, to look for sources it never uses (ESM)
  NODE_ENV: 'production',
}
