/**
 * Merge-conflict markers git leaves in a file (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`, and
 * diff3's `||||||| base`). A line of seven `=` counts only between an opening and a closing marker:
 * alone it may underline a heading.
 */
const OPEN = /^<{7}(?: |$)/
const BASE = /^\|{7}(?: |$)/
const SPLIT = /^={7}\s*$/
const CLOSE = /^>{7}(?: |$)/

export interface ConflictMarker {
  line: number
  marker: string
}

export function findConflictMarkers(text: string): ConflictMarker[] {
  if (!mayHoldConflictMarkers(text)) return []
  return scanConflictMarkers(text)
}

/**
 * The fast path of `scanConflictMarkers`, which splits every file linted into lines and tests four
 * patterns on each: a file without seven `<`, `>` or `|` in a row anywhere has no line that opens,
 * closes or splits off a base, so no `=======` line counts either. Pinned to the scan in
 * test/core/conflict-markers.test.ts.
 */
export function mayHoldConflictMarkers(text: string): boolean {
  return text.includes('<<<<<<<') || text.includes('>>>>>>>') || text.includes('|||||||')
}

/** Every marker, line by line (the general path). */
export function scanConflictMarkers(text: string): ConflictMarker[] {
  const lines = text.split(/\r?\n/)
  const found: ConflictMarker[] = []
  let open = false
  lines.forEach((line, i) => {
    if (OPEN.test(line)) {
      open = true
      found.push({line: i + 1, marker: '<<<<<<<'})
    } else if (CLOSE.test(line)) {
      open = false
      found.push({line: i + 1, marker: '>>>>>>>'})
    } else if (BASE.test(line)) found.push({line: i + 1, marker: '|||||||'})
    else if (open && SPLIT.test(line)) found.push({line: i + 1, marker: '======='})
  })
  return found
}
