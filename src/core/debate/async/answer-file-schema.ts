/**
 * The shape of a participant's own answers file (`<adr-dir>/debates/NNNN-slug/<name>.yaml`, ADR 17),
 * built with TypeBox as the record is (ADR 14): the source of `schemas/debate-answer-file.schema.json`
 * and of the file's types. The build replaces this module in dist/ by its value as plain JSON
 * (`scripts/compile-schemas.js`), so a run loads no TypeBox; `answer-file.ts` checks files against it.
 */
import {type Static, Type} from '@sinclair/typebox'

export const ANSWER_FILE_VERSION = 1

const hex = (length: number, description: string) => Type.String({pattern: `^[0-9a-f]{${length}}$`, description})
const date = Type.String({pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'A date, YYYY-MM-DD.'})
const answers = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Answers shaped as schemas/debate-answers.schema.json describes, only this person’s own.',
})
/** `door`, `weights`, `scores`, `premortem`, `consent`, or `again.G5.0.scores` for a gate visited again. */
const roundId = '^(again\\.G[1-8]\\.[0-9]+\\.)?(door|weights|scores|premortem|consent)$'

export const ANSWER_FILE_SCHEMA = Type.Object(
  {
    schema_version: Type.Literal(ANSWER_FILE_VERSION, {description: 'The version of this file’s shape.'}),
    participant: Type.String({minLength: 1, maxLength: 100, description: 'Whose answers these are: a name in the record’s `roles`.'}),
    email: Type.Optional(Type.String({minLength: 3, description: 'The git `user.email` of the person, recorded on their first answer.'})),
    answers: Type.Optional(answers),
    commitments: Type.Optional(
      Type.Record(
        Type.String({pattern: roundId}),
        Type.Object(
          {
            sha256: hex(64, 'sha256 (hex) of the canonical JSON of {answers, participant, round, salt}.'),
            date: date,
          },
          {additionalProperties: false},
        ),
        {description: 'One hash per blind round, committed before anyone reveals.', additionalProperties: false},
      ),
    ),
    reveals: Type.Optional(
      Type.Record(
        Type.String({pattern: roundId}),
        Type.Object(
          {salt: hex(64, 'The random salt the hash was made with (32 bytes, hex).'), date: date, answers},
          {additionalProperties: false},
        ),
        {description: 'The answers of a round and its salt, once every participant has committed that round.', additionalProperties: false},
      ),
    ),
  },
  {
    $id: 'https://adrgate.dev/schemas/debate-answer-file.schema.json',
    title: 'A participant’s answers to a debate (adrgate)',
    description: 'debates/NNNN-slug/<name>.yaml: one person’s answers, blind rounds committed as a hash and then revealed (ADR 17).',
    additionalProperties: false,
  },
)

export type AnswerFile = Static<typeof ANSWER_FILE_SCHEMA>
export type Commitment = NonNullable<AnswerFile['commitments']>[string]
export type Reveal = NonNullable<AnswerFile['reveals']>[string]
