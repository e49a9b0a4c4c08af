import path from 'node:path'
import {readTextFile} from '../../adapters/files/contained-read.js'
import type {Git} from '../../adapters/git/git.js'
import {openCatFile} from '../../adapters/git/git-cat-file.js'
import {listDebateFiles} from '../../adapters/lint/lint-inputs.js'
import {listYamlFiles} from '../../adapters/paths.js'
import type {AnswerFile} from '../../core/debate/async/answer-file.js'
import {ANSWER_RULES} from '../../core/debate/async/answer-rule-ids.js'
import type {AnswerFileText, AnswerLintProblem} from '../../core/debate/async/answer-rules.js'
import {sameAnswers} from '../../core/debate/async/commitment.js'
import {type DebateRecord, participantNames} from '../../core/debate/record.js'
import {parseLocatedYaml, parseYaml} from '../../core/yaml/yaml.js'

const NO_BLOB = /^0+$/

export interface DebateAnswersLint {
  /** Every answers file checked, relative to the ADR directory. */
  files: string[]
  problems: AnswerLintProblem[]
}

/**
 * `adr lint` on the participants' own answers files of every debate (ADR 17): the checks of
 * `answer-rules.ts` on the working tree, then, in a git repository, the branch's history of each
 * debate's directory — a reveal must come in a commit whose tree already holds every participant's
 * hash for its round, and a revealed round must not change afterwards.
 */
export async function lintDebateAnswers(adrDir: string, root: string, git: Git | undefined): Promise<DebateAnswersLint> {
  const out: DebateAnswersLint = {files: [], problems: []}
  for (const name of await listDebateFiles(adrDir)) {
    const stem = name.replace(/\.ya?ml$/i, '')
    const dir = path.join(adrDir, 'debates', stem)
    const names = await listYamlFiles(dir)
    if (names.length === 0) continue
    const recordText = await readTextFile(path.join(adrDir, 'debates', name), root)
    const parsed = recordText.ok ? parseYaml(recordText.text) : undefined
    const record = parsed?.ok ? (parsed.data as DebateRecord) : undefined
    // a record that does not parse or has no roles is the record rules' finding
    if (!record?.roles?.participants || !Array.isArray(record.roles.participants)) continue
    const entries: AnswerFileText[] = []
    for (const n of names) {
      const file = `debates/${stem}/${n}`
      out.files.push(file)
      const read = await readTextFile(path.join(dir, n), root)
      if (read.ok) entries.push({file, text: read.text})
      else out.problems.push({file, line: read.line ?? 1, column: 1, severity: 'error', rule: 'parse/read', message: `${n} ${read.reason}`})
    }
    const checks = await loadAnswerChecks()
    out.problems.push(...checks.checkAnswerFiles(record, entries))
    if (git) out.problems.push(...(await checkHistory(git, dir, `debates/${stem}`, record, entries, checks.label)))
  }
  return out
}

/**
 * The checks of the answers files, loaded on the first debate that has any: they fold the answers
 * through the gate engine (about 40 modules), which a repository without asynchronous debates, and
 * so most runs of `adr lint`, never needs.
 */
async function loadAnswerChecks(): Promise<Pick<typeof import('../../core/debate/async/answer-rules.js'), 'checkAnswerFiles' | 'label'>> {
  return import('../../core/debate/async/answer-rules.js')
}

async function checkHistory(
  git: Git,
  dir: string,
  shownDir: string,
  record: DebateRecord,
  entries: readonly AnswerFileText[],
  label: (round: string) => string,
): Promise<AnswerLintProblem[]> {
  if (!(await git.isRepository()) || (await git.headCommit()).kind === 'unborn') return []
  const top = await git.topLevel()
  const dirRel = await git.repoPath(dir)
  const commits = await git.logPaths([dirRel])
  const reader = openCatFile(top, git.env)
  const participants = participantNames(record)
  const found = new Map<string, AnswerLintProblem>()
  const locate = (person: string, at: readonly string[]) => {
    const entry = entries.find((e) => e.file === `${shownDir}/${person}.yaml`)
    const yaml = entry ? parseLocatedYaml(entry.text) : undefined
    return {file: `${shownDir}/${person}.yaml`, ...(yaml?.find(at, {key: true}) ?? {line: 1, column: 1})}
  }
  const report = (person: string, round: string, rule: string, message: string) => {
    const key = `${person}\0${round}\0${rule}`
    if (!found.has(key)) found.set(key, {...locate(person, ['reveals', round]), severity: 'error', rule, message})
  }
  const read = async (object: string): Promise<AnswerFile | undefined> => {
    const text = await reader.readText(object)
    const parsed = text === undefined ? undefined : parseYaml(text)
    return parsed?.ok && parsed.data && typeof parsed.data === 'object' ? (parsed.data as AnswerFile) : undefined
  }
  try {
    for (const commit of commits) {
      const where = `${commit.sha.slice(0, 7)} ("${commit.subject}")`
      for (const change of commit.changes) {
        if (path.posix.dirname(change.path) !== dirRel || !/\.ya?ml$/i.test(change.path) || change.status === 'D') continue
        const person = path.posix.basename(change.path).replace(/\.ya?ml$/i, '')
        const after = await read(change.blob)
        const before = NO_BLOB.test(change.fromBlob) ? undefined : await read(change.fromBlob)
        for (const [round, reveal] of Object.entries(before?.reveals ?? {})) {
          const now = after?.reveals?.[round]
          const kept = now && sameAnswers(now, reveal) && sameAnswers(after?.commitments?.[round], before?.commitments?.[round])
          if (!kept) report(person, round, ANSWER_RULES.changed.id, `${label(round)} changed in ${where}, after its reveal`)
        }
        for (const round of Object.keys(after?.reveals ?? {})) {
          if (before?.reveals?.[round]) continue
          const missing: string[] = []
          for (const p of participants) {
            const theirs = p === person ? after : await read(`${commit.sha}:${dirRel}/${p}.yaml`)
            if (!theirs?.commitments?.[round]) missing.push(p)
          }
          if (missing.length) {
            report(
              person,
              round,
              ANSWER_RULES.early.id,
              `${label(round)} was revealed in ${where} before the hash of ${missing.join(', ')} was committed`,
            )
          }
        }
      }
    }
    // uncommitted: the working tree against HEAD
    for (const entry of entries) {
      const person = path.posix.basename(entry.file).replace(/\.ya?ml$/i, '')
      const head = await read(`HEAD:${dirRel}/${path.posix.basename(entry.file)}`)
      const parsed = parseYaml(entry.text)
      const now = parsed.ok ? (parsed.data as AnswerFile | undefined) : undefined
      for (const [round, reveal] of Object.entries(head?.reveals ?? {})) {
        const kept =
          now?.reveals?.[round] &&
          sameAnswers(now.reveals[round], reveal) &&
          sameAnswers(now.commitments?.[round], head?.commitments?.[round])
        if (!kept)
          report(person, round, ANSWER_RULES.changed.id, `${label(round)} changed in the working tree, after its reveal was committed`)
      }
    }
  } finally {
    await reader.close()
  }
  return [...found.values()]
}
