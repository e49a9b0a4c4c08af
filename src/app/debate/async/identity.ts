import type {AnswerFile} from '../../../core/debate/async/answer-file.js'
import type {Roles} from '../../../core/debate/async/owner.js'
import {AdrError} from '../../../core/errors.js'

export interface GitIdentity {
  name?: string
  email?: string
}

/**
 * Who is answering (ADR 17). The person is the role holder the git identity names: the one whose
 * answers file recorded this `user.email`, else the one named as the email's local part
 * (`ana@example.com` → `ana`), else as git's `user.name`. `--as` names the person; it is refused
 * when the identity names somebody else, or when that person's file recorded another email.
 */
export function resolvePerson(request: {as?: string; identity: GitIdentity; roles: Roles; files: readonly AnswerFile[]}): string {
  const {roles, identity, files} = request
  const everyone = [...new Set([...roles.participants, roles.approver, ...(roles.facilitator ? [roles.facilitator] : [])])]
  const email = identity.email?.toLowerCase()
  const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()
  const me =
    files.find((f) => f.email && same(f.email, email))?.participant ??
    everyone.find((n) => same(n, email?.split('@')[0])) ??
    everyone.find((n) => same(n, identity.name))
  const who = identity.email ? `git user.email ${identity.email}` : 'your git identity'
  if (request.as === undefined) {
    if (me) return me
    throw new AdrError('INVALID_ARGUMENT', `Cannot tell who you are in this debate from ${who}; the people are ${everyone.join(', ')}`, {
      suggestions: ['Pass --as NAME (your name in the debate), or set `git config user.email` to the address your name is recorded with.'],
    })
  }
  const as = request.as
  if (!everyone.includes(as)) {
    throw new AdrError('INVALID_ARGUMENT', `${as} takes no part in this debate; the people are ${everyone.join(', ')}`, {
      suggestions: ['Pass --as with a name from the record’s roles.'],
    })
  }
  if (me && me !== as) {
    throw new AdrError('NOT_YOURS', `You are ${me} here (${who}): answering as ${as} is refused`, {
      suggestions: [`Answer as yourself (--as ${me}); ${as} answers on their own clone.`],
    })
  }
  const recorded = files.find((f) => f.participant === as)?.email
  if (recorded && !same(recorded, identity.email)) {
    throw new AdrError(
      'NOT_YOURS',
      `${as}'s answers were written as ${recorded}, not ${identity.email ?? 'an unset user.email'}: answering as ${as} is refused`,
      {
        suggestions: [`Answer from ${as}'s own clone, or set \`git config user.email ${recorded}\` if that is you.`],
      },
    )
  }
  return as
}
