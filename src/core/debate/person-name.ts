import {AdrError} from '../errors.js'

/**
 * A person's name in a debate (`alice`, `j.doe`): the answers file's rule
 * (`schemas/debate-answers.schema.json` `$defs/name`), so a name given by a flag is held to what a
 * name in a file is. No `/` or `..` (names become keys and paths), no spaces, no control characters.
 */
export const PERSON_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

export function checkPersonName(name: string, flag: string): string {
  if (PERSON_NAME.test(name) && !name.includes('..')) return name
  throw new AdrError(
    'INVALID_ARGUMENT',
    `${flag} ${JSON.stringify(name)} is not a name adrgate accepts: letters, digits, '.', '_' and '-', starting with a letter or digit`,
    {
      suggestions: [`e.g. ${flag} alice, ${flag} j.doe`],
    },
  )
}
