import path from 'node:path'
import {readTextFile} from '../adapters/files.js'
import {listDebateFiles} from '../adapters/lint-inputs.js'
import type {Adr, Problem} from '../core/model.js'

export interface DebateFile {
  /** Relative to the ADR directory: `debates/0012-primary-datastore.yaml`. */
  file: string
  problems: Problem[]
}

type LintDebateRecord = (text: string, file: string, context: {adrs: Adr[]; today: string}) => Problem[]

/**
 * THE PLACE FOR THE DEBATE-RECORD CHECKS (issue 4). The contract: `src/core/debate/lint-record.ts`
 * exports `lintDebateRecord(text, file, {adrs, today}): Problem[]`, every rule id starting `debate/`.
 * Until that module exists it is looked up at run time and the records are only listed; once it
 * exists, replace this function with a static `import {lintDebateRecord} from '../core/debate/lint-record.js'`.
 */
async function loadDebateLinter(): Promise<LintDebateRecord | undefined> {
  const modulePath = '../core/debate/lint-record.js'
  try {
    const mod = (await import(/* @vite-ignore */ modulePath)) as {lintDebateRecord?: LintDebateRecord}
    return mod.lintDebateRecord
  } catch {
    return undefined
  }
}

/** Every `*.yaml` record in `<adr-dir>/debates/`, checked by the debate rules when they are there. */
export async function lintDebates(adrDir: string, root: string, adrs: Adr[], today: string): Promise<DebateFile[]> {
  const dir = path.join(adrDir, 'debates')
  const records = await listDebateFiles(adrDir)
  if (records.length === 0) return []
  const lint = await loadDebateLinter()
  const out: DebateFile[] = []
  for (const name of records) {
    const file = `debates/${name}`
    const read = await readTextFile(path.join(dir, name), root)
    if (!read.ok) {
      out.push({
        file,
        problems: [{line: read.line ?? 1, column: 1, severity: 'error', rule: 'parse/read', message: `${name} ${read.reason}`}],
      })
      continue
    }
    let problems: Problem[] = []
    try {
      problems = lint ? lint(read.text, file, {adrs, today}) : []
    } catch (error) {
      problems = [
        {
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'debate/internal',
          message: `adrgate could not check this record (${(error as Error).message}); please report this`,
        },
      ]
    }
    out.push({file, problems})
  }
  return out
}
