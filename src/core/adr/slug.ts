/**
 * The file-name slug (docs/architecture.md): lowercase, every run of characters that are not letters or digits becomes one
 * `-`, leading and trailing `-` trimmed. Letters outside ASCII are kept (`Café` → `café`).
 */
export function slugify(title: string): string {
  const lower = title.normalize('NFC').toLowerCase()
  // an ASCII title needs no Unicode classes (its letters and digits are [A-Za-z0-9]): the `\p{…}`
  // pattern costs every `adr new` some 0.4 ms to compile (test/core/slug.test.ts pins the two)
  const runs = ASCII.test(lower) ? /[^A-Za-z0-9]+/g : /[^\p{L}\p{N}]+/gu
  return lower.replace(runs, '-').replace(/^-+|-+$/g, '')
}

const ASCII = /^[\x00-\x7f]*$/
