/**
 * Names for adrgate's own files, without loading `node:crypto` (issue 13: its load is some 18 M
 * instructions, 2 % of a small command's start-up, and the readers and `adr new` used it only here).
 *
 * `pathKey` names a file by a path: the first 12 hex digits of the path's SHA-1, exactly what
 * `createHash('sha1')` gave before, so the journals and caches that earlier versions wrote keep their
 * names. It is not used for anything secret. `test/adapters/path-key.test.ts` pins it to `node:crypto`.
 */
export function pathKey(text: string): string {
  return sha1Hex(Buffer.from(text, 'utf8')).slice(0, 12)
}

/**
 * `bytes` random bytes as hex, for names that must not collide (a temporary file's, a lock owner's
 * token): unique, not secret. Math.random is seeded from the system's entropy at each start.
 */
export function uniqueHex(bytes: number): string {
  let hex = ''
  for (let i = 0; i < bytes; i++)
    hex += Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0')
  return hex
}

/** SHA-1 (FIPS 180-4) of `data`, as 40 hex digits. Written for one short input a run: plain loops, no DataView. */
export function sha1Hex(data: Uint8Array): string {
  const length = data.length
  // the message, a 1 bit, zeros, and its length in bits as 64 bits: a multiple of 64 bytes
  const padded = new Uint8Array((((length + 8) >> 6) + 1) << 6)
  padded.set(data)
  padded[length] = 0x80
  const bits = length * 8
  for (let i = 1, high = Math.floor(bits / 0x100000000); i <= 4; i++, high >>>= 8) padded[padded.length - 4 - i] = high & 0xff
  for (let i = 1, low = bits >>> 0; i <= 4; i++, low >>>= 8) padded[padded.length - i] = low & 0xff
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]
  const w = new Int32Array(80)
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) {
      const at = block + i * 4
      w[i] = (padded[at] << 24) | (padded[at + 1] << 16) | (padded[at + 2] << 8) | padded[at + 3]
    }
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
      w[i] = (x << 1) | (x >>> 31)
    }
    let [a, b, c, d, e] = h
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d)
      const t = (((a << 5) | (a >>> 27)) + f + e + K[(i / 20) | 0] + w[i]) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = t
    }
    h[0] = (h[0] + a) | 0
    h[1] = (h[1] + b) | 0
    h[2] = (h[2] + c) | 0
    h[3] = (h[3] + d) | 0
    h[4] = (h[4] + e) | 0
  }
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('')
}

/** The rounds' constants, 20 rounds each. */
const K = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6]
