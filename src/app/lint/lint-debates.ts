import path from 'node:path'
import {readTextFile} from '../../adapters/files/contained-read.js'
import {listDebateFiles} from '../../adapters/lint/lint-inputs.js'
import type {Adr, Problem} from '../../core/adr/model.js'
import {parseAdr} from '../../core/adr/parse-adr.js'
import type {DebateRecord} from '../../core/debate/record.js'
import {parseYaml} from '../../core/yaml/yaml.js'

export interface DebateFile {
  /** Relative to the ADR directory: `debates/0012-primary-datastore.yaml`. */
  file: string
  problems: Problem[]
  /** Problems of the record's ADR (`debate/adr-record`: it says something its record does not), under the ADR's file name. */
  adr?: {file: string; problems: Problem[]}
}

/** The text of a record at the `--since` ref, for `debate/accepted-frozen`; undefined when there is no ref or no such file. */
export type PreviousText = (absolute: string) => Promise<string | undefined>

/**
 * Every `*.yaml` record in `<adr-dir>/debates/`, checked by the debate rules of issue 4
 * (`lintDebateRecord`, rule ids `debate/…`), each problem reported under the record's path.
 */
export async function lintDebates(
  adrDir: string,
  root: string,
  adrs: Adr[],
  today: string,
  previous?: PreviousText,
): Promise<DebateFile[]> {
  const records = await listDebateFiles(adrDir)
  if (records.length === 0) return []
  // Loaded only when there are records: the debate rules bring their own schema and ajv.
  const {lintDebateRecord} = await import('../../core/debate/lint-record.js')
  const {checkAdrAgainstRecord, ADR_RECORD_RULE_ID} = await import('../../core/debate/adr-record.js')
  const out: DebateFile[] = []
  for (const name of records) {
    const file = `debates/${name}`
    const absolute = path.join(adrDir, 'debates', name)
    const read = await readTextFile(absolute, root)
    if (!read.ok) {
      out.push({
        file,
        problems: [{line: read.line ?? 1, column: 1, severity: 'error', rule: 'parse/read', message: `${name} ${read.reason}`}],
      })
      continue
    }
    let problems: Problem[]
    try {
      problems = lintDebateRecord(read.text, file, {adrs, today, previous: previous ? await previous(absolute) : undefined})
    } catch (error) {
      const message = `adrgate could not check this record (${(error as Error)?.message ?? String(error)}); please report this`
      problems = [{line: 1, column: 1, severity: 'error', rule: 'debate/internal', message}]
    }
    out.push({file, problems, adr: await checkItsAdr(file, read.text, problems)})
  }
  return out

  /** A record the schema accepts is held against its ADR, read in full (the lint cache keeps no text). */
  async function checkItsAdr(file: string, text: string, problems: Problem[]): Promise<DebateFile['adr']> {
    if (problems.some((p) => p.rule === 'debate/yaml' || p.rule === 'debate/schema')) return undefined
    const parsed = parseYaml(text)
    if (!parsed.ok) return undefined
    const record = parsed.data as DebateRecord
    const adr = adrs.find((a) => a.file === record.adr)
    if (!adr) return undefined
    const read = await readTextFile(path.join(adrDir, adr.file), root)
    if (!read.ok) return undefined
    const findings = checkAdrAgainstRecord(parseAdr(read.text, adr.file), record, file)
    return {
      file: adr.file,
      problems: findings.map((f) => ({line: f.line, column: f.column, severity: 'error', rule: ADR_RECORD_RULE_ID, message: f.message})),
    }
  }
}
