import {isUtf8} from 'node:buffer'

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/** Where bytes that are not UTF-8 start (0-based offset, 1-based line), or `undefined` for valid UTF-8. */
export function invalidUtf8(bytes: Uint8Array): {offset: number; line: number} | undefined {
  return isUtf8(bytes) ? undefined : firstInvalidUtf8(bytes)
}

/** Where the first byte that is not UTF-8 is in `bytes`, which are known not to be (0-based offset, 1-based line). */
export function firstInvalidUtf8(bytes: Uint8Array): {offset: number; line: number} {
  let line = 1
  for (let i = 0; i < bytes.length; i++) {
    const end = Math.min(bytes.length, i + 4)
    const b = bytes[i]
    if (b === 0x0a) line++
    if (b < 0x80) continue
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0
    if (len === 0 || i + len > end) return {offset: i, line}
    try {
      utf8.decode(bytes.subarray(i, i + len))
      i += len - 1
    } catch {
      return {offset: i, line}
    }
  }
  return {offset: 0, line: 1}
}
