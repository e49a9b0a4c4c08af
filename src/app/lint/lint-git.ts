import path from 'node:path'
import type {Git} from '../../adapters/git/git.js'
import {parseAdr} from '../../core/adr/parse-adr.js'
import {findImmutableChanges} from '../../core/lint/immutable.js'
import type {LintProblem} from '../../core/lint/lint-rule.js'

export interface GitChanges {
  /** ADR file names (in the ADR directory) added, modified or renamed since the ref, uncommitted work included. */
  changed: Set<string>
  /** For each changed file, its path at the ref (the same unless renamed); absent for added files. */
  before: Map<string, string>
}

/** Which ADR files changed since `ref` (merge base to the working tree). The ref reaches git only as a value. */
export async function findChangedAdrs(git: Git, ref: string, adrDir: string): Promise<GitChanges> {
  const changes = await git.changedFiles(ref, adrDir)
  const top = await git.topLevel()
  const dir = await git.repoPath(adrDir)
  const changed = new Set<string>()
  const before = new Map<string, string>()
  for (const c of changes) {
    if (c.status === 'deleted' || path.posix.dirname(c.path) !== (dir || '.')) continue
    const file = path.posix.basename(c.path)
    changed.add(file)
    if (c.status === 'modified' || c.status === 'renamed') before.set(file, path.join(top, ...(c.from ?? c.path).split('/')))
  }
  return {changed, before}
}

/** `accepted-immutable`: every changed ADR that was accepted at `ref`, compared with its text there. */
export async function checkImmutability(
  git: Git,
  ref: string,
  changes: GitChanges,
  texts: ReadonlyMap<string, string>,
): Promise<LintProblem[]> {
  const problems: LintProblem[] = []
  for (const [file, oldPath] of changes.before) {
    const now = texts.get(file)
    if (now === undefined) continue
    const old = await git.readFileAt(ref, oldPath)
    if (old === undefined) continue
    let findings: ReturnType<typeof findImmutableChanges>
    try {
      findings = findImmutableChanges(parseAdr(old, path.basename(oldPath)), parseAdr(now, file), ref)
    } catch {
      continue // front matter too deep to compare: the parse rules report it
    }
    for (const f of findings) problems.push({file, ...f, severity: 'error', rule: 'accepted-immutable'})
  }
  return problems
}
