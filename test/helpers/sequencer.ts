import {BaseSequencer, type TestSpecification} from 'vitest/node'

/**
 * The order test files start in: vitest's own (the longest first by the last run's durations, and
 * without them, as in a fresh clone's CI, the largest files first), with the end-to-end files moved
 * ahead of the rest. They spawn processes and are the suite's longest per byte (the README's blocks,
 * the completion shells), so by size alone some of them started last, with the other worker idle
 * beside them; started first, the many short files fill in around them.
 */
export default class EndToEndFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const endToEnd = (f: TestSpecification) => f.moduleId.replaceAll('\\', '/').includes('/test/e2e/')
    return [...sorted.filter(endToEnd), ...sorted.filter((f) => !endToEnd(f))]
  }
}
