/** The locale categories `LC_ALL` sets at once, but for messages. */
const CATEGORIES = ['LC_CTYPE', 'LC_COLLATE', 'LC_TIME', 'LC_NUMERIC', 'LC_MONETARY'] as const

/**
 * The environment git runs with: the command's, with git's messages in English. adrgate reads some
 * of git's messages (`not a git repository`, a shallow clone's missing commits …) to say what is
 * wrong in its own words, and those are matched in English; a translated message (`LANGUAGE=de`, or
 * a German `LC_ALL`) arrived raw. Only the messages change: `LANGUAGE` (which gettext reads even
 * under `C.UTF-8`) is dropped and `LC_MESSAGES` is `C`, while what `LC_ALL` said of the other
 * categories (the character set above all) is kept, each set on its own.
 */
export function untranslatedGitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {LANGUAGE: _language, LC_ALL: all, ...rest} = env
  const kept: NodeJS.ProcessEnv = {...rest}
  if (all) for (const category of CATEGORIES) kept[category] = all
  kept.LC_MESSAGES = 'C'
  return kept
}
