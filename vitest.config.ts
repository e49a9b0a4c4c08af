import {availableParallelism} from 'node:os'
import {defineConfig} from 'vitest/config'
import EndToEndFirst from './test/helpers/sequencer.js'
import {TEST_ENV} from './test/helpers/test-env.js'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One worker more than cores (ADR 40): vitest's default is one fewer (one on two cores), while much
    // of the suite waits on the git and adr processes it spawns; three workers on two cores took 138–140 s
    // where two took 146–159 s. No per-file module isolation: the tests share no module state (no
    // vi.mock, no patched global; commands run in a context of their own, ADR 20), and importing the
    // sources afresh for each of a hundred files cost a sixth of the CPU (ADR 26).
    maxWorkers: availableParallelism() + 1,
    isolate: false,
    env: TEST_ENV,
    globalSetup: ['test/helpers/global-setup.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    sequence: {sequencer: EndToEndFirst},
  },
})
