/**
 * A start-up fast path for bin/run.js. While oclif loads its config it sorts each plugin's command
 * ids with `String#localeCompare` (`Plugin.load`). The first `localeCompare` of a process builds
 * ICU's collator: about 13 ms of CPU, 6 % of a command's whole start-up, which nothing else in a
 * run needs (oclif's help sorts by code point). For the strings command ids are made of (a–z, `:`
 * and `-`), code-point order is the collator's order under the root and English collations (and
 * under POSIX, which is `C` and `POSIX` locales' own), so while the config loads `localeCompare`
 * compares two such strings by code point and hands anything else, and every call with locales or
 * options, to the real one. It is put back as soon as the config is loaded. Under another default
 * locale (a language that tailors a–z, as Danish puts `aa` after `z`) nothing is changed.
 * test/core/plain-id-order.test.ts pins the comparison to ICU's.
 */

/** What command ids are made of; code-point order and the root collation agree on such strings. */
const PLAIN_ID = /^[a-z:-]*$/

/** `a` against `b` by code point, when both are plain ids; undefined otherwise (the collator decides). */
export function comparePlainIds(a: string, b: string): number | undefined {
  if (!PLAIN_ID.test(a) || !PLAIN_ID.test(b)) return undefined
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Whether the default locale collates a–z as the root collation does. Node's ICU takes its default
 * from the first of LC_ALL, LC_MESSAGES and LANG that is set; `C` and `POSIX` mean en-US.
 */
export function collatesLikeRoot(env: NodeJS.ProcessEnv): boolean {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return locale === '' || /^(C|POSIX)([._@]|$)/.test(locale) || /^en([-_.@]|$)/.test(locale)
}

/** Runs `load` (oclif's `Config.load`) with plain ids compared by code point, and puts `localeCompare` back after. */
export async function withPlainIdOrder<T>(env: NodeJS.ProcessEnv, load: () => Promise<T>): Promise<T> {
  if (!collatesLikeRoot(env)) return load()
  const localeCompare = String.prototype.localeCompare
  // biome-ignore lint/suspicious/noExplicitAny: the built-in's own signature, restored in `finally`
  String.prototype.localeCompare = function plainIdFirst(this: string, that: string, ...rest: any[]): number {
    const plain = rest.length === 0 && typeof that === 'string' ? comparePlainIds(String(this), that) : undefined
    return plain ?? localeCompare.call(this, that, ...rest)
  }
  try {
    return await load()
  } finally {
    String.prototype.localeCompare = localeCompare
  }
}
