/**
 * A 64-bit digest (16 hex digits) of what a warm `adr lint` compares with its cache on every run: the
 * cache's key (adrgate's version, today, the settings, the schemas' and templates' texts) and the
 * repository findings' fingerprint (that key, every file's name and content hash). Each is compared
 * with the one the previous run of the same repository saved, never with anyone else's, so a
 * non-cryptographic hash tells them apart as well as SHA-1 does: two different inputs share a digest
 * once in 2^64. It takes node:crypto off a warm lint (its load was some 30 M instructions, 3 % of the
 * run; ADR 42). A file's content is still hashed with SHA-1 (`hashText`), when the file is read.
 *
 * Two 32-bit multiply-xor lanes over the UTF-16 code units, mixed at the end (cyrb53's rounds, both
 * lanes kept whole).
 */
export function cacheDigest(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return hex8(h2) + hex8(h1)
}

function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0')
}
