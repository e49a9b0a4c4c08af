import path from 'node:path'
import {writeFileAtomic} from '../../../adapters/files/atomic-write.js'
import {readTextFile} from '../../../adapters/files/contained-read.js'
import {assertWritableInside} from '../../../adapters/files/containment.js'
import type {PlannedWrite} from '../../../adapters/files/multi-write.js'
import {listYamlFiles, makeDirectory, pathExists} from '../../../adapters/paths.js'
import type {Workspace} from '../../../adapters/workspace.js'
import {ANSWER_FILE_VERSION, type AnswerFile, checkAnswerFile, orderAnswerFile} from '../../../core/debate/async/answer-file.js'
import {AdrError} from '../../../core/errors.js'
import {parseLocatedYaml, stringifyYaml} from '../../../core/yaml/yaml.js'
import type {DebateFiles} from '../debate-store.js'

/** `debates/0012-primary-datastore/`: the directory of the participants' own files, beside the record. */
export function answersDirectory(files: DebateFiles): string {
  return files.recordFile.replace(/\.ya?ml$/i, '')
}

/** `debates/0012-primary-datastore/ana.yaml`. */
export function answerFilePath(files: DebateFiles, person: string): string {
  return path.join(answersDirectory(files), `${person}.yaml`)
}

export interface LoadedAnswerFile {
  file: string
  data: AnswerFile
}

/** Every participant's file of a debate, validated; a broken one is a located error naming its line. */
export async function readAnswerFiles(ws: Workspace, files: DebateFiles): Promise<LoadedAnswerFile[]> {
  const dir = answersDirectory(files)
  const out: LoadedAnswerFile[] = []
  for (const name of await listYamlFiles(dir)) {
    const file = path.join(dir, name)
    out.push({file, data: await readAnswerFile(ws, file)})
  }
  return out
}

export async function readAnswerFile(ws: Workspace, file: string): Promise<AnswerFile> {
  const shown = path.relative(ws.cwd, file)
  const read = await readTextFile(file, ws.root)
  if (!read.ok) throw new AdrError('PARSE_FAILED', `${shown} ${read.reason}`)
  const yaml = parseLocatedYaml(read.text)
  const problems = yaml.errors.length
    ? yaml.errors.map((e) => ({line: e.line, column: e.column, message: e.message}))
    : checkAnswerFile(yaml.data).map((p) => ({...yaml.locate(p.path), message: p.message}))
  const person = path.basename(file).replace(/\.ya?ml$/i, '')
  const data = yaml.data as AnswerFile | undefined
  if (!problems.length && data?.participant !== person) {
    problems.push({...yaml.locate(['participant']), message: `names ${data?.participant}, but the file is ${person}'s`})
  }
  if (problems.length) {
    const lines = problems.slice(0, 8).map((p) => `  ${shown}:${p.line}:${p.column} ${p.message}`)
    throw new AdrError('INVALID_RECORD', `${shown} is not a valid answers file:\n${lines.join('\n')}`, {
      suggestions: ['Fix the lines named above (or restore the file from git); see schemas/debate-answer-file.schema.json.'],
    })
  }
  return data as AnswerFile
}

export function emptyAnswerFile(person: string): AnswerFile {
  return {schema_version: ANSWER_FILE_VERSION, participant: person}
}

export async function writeAnswerFile(ws: Workspace, file: string, data: AnswerFile): Promise<void> {
  if (ws.source !== 'flag') assertWritableInside(ws.root, file)
  await makeDirectory(path.dirname(file))
  const header =
    `# ${data.participant}'s answers to this debate, written by \`adr debate answer --as ${data.participant}\`.\n` +
    '# Blind rounds hold only a hash until every participant has committed; see docs/logic-gates.md.\n'
  await writeFileAtomic(file, header + stringifyYaml(orderAnswerFile(data)))
}

/** Whether the debate of REF is answered on people's own clones: it has its `debates/NNNN-slug/` directory. */
export async function asyncDebate(ws: Workspace, ref: string): Promise<boolean> {
  const {findDebate} = await import('../debate-store.js')
  return pathExists(answersDirectory(await findDebate(ws, ref)))
}

/**
 * `adr debate start --async`: the debate's directory of answers files, with a README saying what it
 * is for (git keeps no empty directory; its presence tells `adr debate answer` to write own files).
 */
export function answersDirectoryReadme(ws: Workspace, files: DebateFiles, ref: number | undefined): PlannedWrite {
  const file = path.join(answersDirectory(files), 'README.md')
  if (ws.source !== 'flag') assertWritableInside(ws.root, file)
  const n = ref ?? 'REF'
  // created with its directory: a new ADR's debate has no answers yet
  return {
    file,
    create: true,
    text: [
      `# Answers to the debate of ${files.adr.file}`,
      '',
      'Each person answers on their own clone, into their own file here (`<name>.yaml`), so branches merge without conflicts:',
      '',
      `- \`adr debate answer ${n} --as NAME --file answers.yaml\` writes your answers; blind ones only as a hash.`,
      `- \`adr debate reveal ${n}\` publishes your blind answers once everyone's hash is in.`,
      `- \`adr debate merge ${n}\` folds the files into the record; \`adr debate status ${n}\` shows who is awaited.`,
      '',
    ].join('\n'),
  }
}
