/** The rules `adr lint` checks on the participants' own answers files (ADR 17); kept apart so the rule list loads nothing else. */
/** Their ids, descriptions and an example of each, for `--list-rules` and docs/rules.md. */
export const ANSWER_RULES = {
  file: {
    id: 'debate/answer-file',
    description:
      'Each person’s answers file (`debates/NNNN-slug/<name>.yaml`) is valid YAML against `schemas/debate-answer-file.schema.json`, names its person in the file name and belongs to a debate whose roles name that person.',
  },
  owner: {
    id: 'debate/answer-owner',
    description:
      'An answers file holds only its person’s own answers: e.g. `door.bob.class is bob’s to answer, not alice’s` in `alice.yaml`. The group’s answers are the facilitator’s (or the approver’s), the decision is the approver’s.',
  },
  hash: {
    id: 'debate/reveal-hash',
    description:
      'Every revealed round matches its committed hash (sha256 of the canonical JSON of answers, person, round and salt): e.g. `the reveal of G5 scores does not match the hash committed on 2026-11-20`.',
  },
  early: {
    id: 'debate/reveal-early',
    description:
      'No reveal came before every participant’s hash for its round: in the working tree, and, in a git repository, in the commit that brought the reveal into the branch’s history (e.g. `G5 scores was revealed in 1a2b3c4 (“ana reveals”) before the hash of ben was committed`).',
  },
  changed: {
    id: 'debate/changed-after-reveal',
    description:
      'An answer does not change after its reveal: the revealed answers, salt and hash stay as first committed in the branch’s history, and no open answer replaces a revealed one (e.g. `scores.ana.pg.D1.score changed after the reveal of G5 scores`).',
  },
} as const
