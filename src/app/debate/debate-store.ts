import path from 'node:path'
import {loadAdrs} from '../../adapters/adr-store.js'
import {readLastRender, writeLastRender} from '../../adapters/debate-state.js'
import {writeFileAtomic} from '../../adapters/files/atomic-write.js'
import {readTextFile} from '../../adapters/files/contained-read.js'
import {assertWritableInside} from '../../adapters/files/containment.js'
import {withDirectoryLock} from '../../adapters/files/directory-lock.js'
import {writeAll} from '../../adapters/files/multi-write.js'
import {makeDirectory, pathExists} from '../../adapters/paths.js'
import type {Workspace} from '../../adapters/workspace.js'
import type {Adr} from '../../core/adr/model.js'
import {debateKeyOf} from '../../core/adr/renumber-debates.js'
import {resolveRef} from '../../core/adr/resolve-ref.js'
import {checkRecordShape} from '../../core/debate/lint-record.js'
import {mergeDebateAdr} from '../../core/debate/merge-adr.js'
import {type DebateRecord, hasPassed} from '../../core/debate/record.js'
import {renderDebateAdr} from '../../core/debate/render-adr.js'
import {AdrError} from '../../core/errors.js'
import {parseYaml, stringifyYaml} from '../../core/yaml/yaml.js'
import {narrowToRef} from '../adr/load-for-write.js'

export interface DebateFiles {
  adr: Adr
  /** Absolute paths. */
  adrFile: string
  recordFile: string
  lockFile: string
  /** The record's path relative to the ADR directory, as the ADR's `debate:` key has it. */
  debateKey: string
}

export function debateFiles(ws: Workspace, adr: Adr): DebateFiles {
  const debateKey = debateKeyOf(adr.file)
  const recordFile = path.join(ws.adrDir, debateKey)
  return {
    adr,
    adrFile: path.join(ws.adrDir, adr.file),
    recordFile,
    lockFile: path.join(path.dirname(recordFile), `.${path.basename(recordFile)}.lock`),
    debateKey,
  }
}

/**
 * The debate of the ADR a user names (`12`, `0012-primary-datastore.md`, `datastore`); in a
 * workspace of several ADR directories, in the directory the reference names (`web/12`, or a bare
 * one that matches in one directory only), the record beside that ADR.
 */
export async function findDebate(workspace: Workspace, ref: string): Promise<DebateFiles> {
  const {ws, ref: inner} = await narrowToRef(workspace, ref)
  const {adrs} = await loadAdrs(ws)
  const files = debateFiles(ws, resolveRef(adrs, inner))
  if (!(await pathExists(files.recordFile))) {
    throw new AdrError('DEBATE_NOT_FOUND', `${files.adr.file} has no debate record (${files.debateKey})`, {
      suggestions: ['Start one with `adr debate start TITLE --participant A --participant B --approver C`.'],
    })
  }
  return files
}

/**
 * Reads a debate record and validates it against the record's schema before any gate sees it: a
 * hand-edited record (`participants: 5`, `gate: G9`) is a located error naming the line, never a
 * crash or a question about `frame.positions.undefined`.
 */
export async function readRecord(ws: Workspace, file: string): Promise<DebateRecord> {
  const read = await readTextFile(file, ws.root)
  const shown = path.relative(ws.cwd, file)
  if (!read.ok) throw new AdrError('PARSE_FAILED', `${shown} ${read.reason}`)
  const problems = checkRecordShape(read.text)
  if (problems.length > 0) {
    const lines = problems.slice(0, 8).map((p) => `  ${shown}:${p.line}:${p.column} ${p.message}`)
    const more = problems.length > 8 ? [`  … and ${problems.length - 8} more`] : []
    throw new AdrError('INVALID_RECORD', `${shown} is not a valid debate record:\n${[...lines, ...more].join('\n')}`, {
      suggestions: ['Fix the lines named above (or restore the record from git), then run the command again; `adr lint` checks it too.'],
    })
  }
  const parsed = parseYaml(read.text)
  // checkRecordShape has parsed the same text with the same options: it is valid YAML.
  return (parsed.ok ? parsed.data : undefined) as DebateRecord
}

/** The order of the keys (docs/logic-gates.md, Where it is stored), so records read the same and diff well; the gate in progress last. */
const KEY_ORDER = [
  'schema_version',
  'adr',
  'question',
  'context',
  'out_of_scope',
  'track',
  'expected_track',
  'timebox',
  'roles',
  'reversibility',
  'drivers',
  'weights',
  'drivers_lock',
  'null_option',
  'options',
  'scoring',
  'results',
  'cruxes',
  'premortem',
  'objections',
  'decision',
  'commitments',
  'consequences',
  'confirmation',
  'revisit',
  'gate_log',
  'in_progress',
]

export function serialiseRecord(record: DebateRecord): string {
  const ordered: Record<string, unknown> = {}
  const data = record as unknown as Record<string, unknown>
  for (const key of [...KEY_ORDER, ...Object.keys(data)]) if (data[key] !== undefined && !(key in ordered)) ordered[key] = data[key]
  return stringifyYaml(ordered)
}

/** The debate's ADR as the record has it: title and date from the ADR, accepted (on the decision's date) once G8 has passed. */
export function renderRecordAdr(files: Pick<DebateFiles, 'adr' | 'debateKey'>, record: DebateRecord, today: string): string {
  const accepted = hasPassed(record, 'G8') && !record.in_progress
  return renderDebateAdr(record, {
    title: files.adr.title,
    status: accepted ? 'accepted' : 'proposed',
    date: accepted ? (record.decision?.date ?? today) : (files.adr.date ?? today),
    debate: files.debateKey,
  })
}

/** Refuses, before anything is created, a `debates/` directory that resolves outside the repository (a symbolic link). */
export function assertDebatesInside(ws: Workspace): void {
  if (ws.source !== 'flag') assertWritableInside(ws.root, path.join(ws.adrDir, 'debates', 'record.yaml'))
}

export async function writeRecord(ws: Workspace, file: string, record: DebateRecord): Promise<void> {
  const write = await recordWrite(ws, file, record)
  await writeFileAtomic(write.file, write.text)
}

/** The record's file and text, ready for `writeFileAtomic` or `writeAll`: checked inside the repository, its directory made. */
async function recordWrite(ws: Workspace, file: string, record: DebateRecord): Promise<{file: string; text: string}> {
  // a symbolic link `debates/` pointing out of the repository is never written through
  if (ws.source !== 'flag') assertWritableInside(ws.root, file)
  await makeDirectory(path.dirname(file))
  return {file, text: serialiseRecord(record)}
}

/** The debate's last render of each ADR, for this process (the session's start counts as one). */
const lastRenders = new Map<string, string>()

async function lastRender(ws: Workspace, files: DebateFiles): Promise<string | undefined> {
  return lastRenders.get(files.adrFile) ?? (await readLastRender(ws.gitRoot, files.adrFile))
}

export async function rememberRender(ws: Workspace, files: DebateFiles, text: string): Promise<void> {
  lastRenders.set(files.adrFile, text)
  await writeLastRender(ws.gitRoot, files.adrFile, text)
}

/** Takes the ADR as it is now as the debate's last render, when none is known (a session starts). */
export async function rememberAdrAsRendered(ws: Workspace, files: DebateFiles): Promise<void> {
  if ((await lastRender(ws, files)) !== undefined) return
  const read = await readTextFile(files.adrFile, ws.root)
  if (read.ok) lastRenders.set(files.adrFile, read.text)
}

/**
 * At a gate's pass: the record, and its ADR re-rendered from it, in one all-or-nothing write under the
 * ADR directory's lock (the one every writer of an ADR takes), so a kill between the two never leaves
 * an ADR that says one thing and its record another. Only the parts of the ADR the debate owns (its
 * front-matter keys, its sections) are replaced; what others wrote (`adr link`'s links, a section
 * written by hand) is kept. When the ADR cannot take the render (gone, or a part the debate owns
 * edited since its last render: `CHANGED_UNDER_US` names the parts), the record is still saved, alone,
 * before the error: it keeps every answer.
 */
export async function saveRecordAndAdr(ws: Workspace, files: DebateFiles, record: DebateRecord, today: string): Promise<void> {
  const recordFile = await recordWrite(ws, files.recordFile, record)
  await withDirectoryLock(ws, async () => {
    let adr: {text: string; changed: boolean}
    try {
      adr = await mergedDebateAdr(ws, files, record, today)
    } catch (error) {
      await writeFileAtomic(recordFile.file, recordFile.text)
      throw error
    }
    await writeAll([recordFile, ...(adr.changed ? [{file: files.adrFile, text: adr.text}] : [])])
    await rememberRender(ws, files, adr.text)
  })
}

/** The debate's ADR with the record's render merged in (parts a person wrote elsewhere kept), or CHANGED_UNDER_US. */
async function mergedDebateAdr(
  ws: Workspace,
  files: DebateFiles,
  record: DebateRecord,
  today: string,
): Promise<{text: string; changed: boolean}> {
  const rendered = renderRecordAdr(files, record, today)
  const shown = path.relative(ws.cwd, files.adrFile)
  const current = await readTextFile(files.adrFile, ws.root)
  if (!current.ok) {
    throw new AdrError('CHANGED_UNDER_US', `${shown} ${current.reason}; the debate cannot write its ADR`, {
      suggestions: ['Put the ADR back (git checkout -- FILE), then run `adr debate resume` again; the record keeps every answer.'],
    })
  }
  const merged = mergeDebateAdr(current.text, rendered, await lastRender(ws, files))
  if (!merged.ok) {
    throw new AdrError(
      'CHANGED_UNDER_US',
      `${shown} was changed while its debate ran: ${merged.edited.join(', ')}. The debate writes those parts, so it wrote nothing rather than lose the change; every answer is saved in ${path.relative(ws.cwd, files.recordFile)}`,
      {
        suggestions: [
          'Move your text to a section of your own (any other `##` heading is kept), or undo the change, then run `adr debate resume` again.',
        ],
      },
    )
  }
  return {text: merged.text, changed: merged.text !== current.text}
}
