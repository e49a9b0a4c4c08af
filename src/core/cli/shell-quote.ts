/**
 * A word as a POSIX shell reads it back unchanged: as it is when it holds only plain path characters,
 * else in single quotes (a `'` inside closed, escaped and reopened), so `$HOME`, backticks and spaces
 * in a title or path printed in advice are not expanded when the advice is pasted.
 */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`
}
