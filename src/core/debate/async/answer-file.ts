/**
 * A participant's own answers file, `<adr-dir>/debates/NNNN-slug/<name>.yaml` (ADR 17): what one
 * person answered on their own clone, so that any set of people's branches merges without a conflict.
 * Open answers sit under `answers` in the answers-file shape (`schemas/debate-answers.schema.json`);
 * a blind round is first only a hash under `commitments`, then the answers and the salt under
 * `reveals`. Its shape is `answer-file-schema.ts` (TypeBox, the source of
 * `schemas/debate-answer-file.schema.json`); this module checks and orders files of that shape.
 */
import {schemaValidator, type Validate} from '../../schema/compiled-validators.js'
import type {DataPath} from '../../yaml/yaml.js'
import {ANSWER_FILE_SCHEMA, type AnswerFile} from './answer-file-schema.js'

export {ANSWER_FILE_VERSION, type AnswerFile, type Commitment, type Reveal} from './answer-file-schema.js'

let validator: Validate | undefined

export interface AnswerFileProblem {
  path: DataPath
  message: string
}

/** Checks a parsed file against the schema: each problem with the path of the node concerned. */
export function checkAnswerFile(data: unknown): AnswerFileProblem[] {
  // the build's standalone validator (ADR 18), compiled with the options of `createAjv`
  validator ??= schemaValidator('answer-file', ANSWER_FILE_SCHEMA as unknown as Record<string, unknown>)
  if (validator(data)) return []
  return (validator.errors ?? []).map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    const extra = (e.params as {additionalProperty?: string}).additionalProperty
    return {path: extra ? [...path, extra] : path, message: extra ? `unexpected key \`${extra}\`` : (e.message ?? 'invalid')}
  })
}

/** The order keys are written in, so files read the same and diff well. */
export function orderAnswerFile(file: AnswerFile): AnswerFile {
  const {schema_version, participant, email, answers: open, commitments, reveals} = file
  return {
    schema_version,
    participant,
    ...(email ? {email} : {}),
    ...(open && Object.keys(open).length ? {answers: open} : {}),
    ...(commitments && Object.keys(commitments).length ? {commitments: sortKeys(commitments)} : {}),
    ...(reveals && Object.keys(reveals).length ? {reveals: sortKeys(reveals)} : {}),
  }
}

function sortKeys<T>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)))
}
