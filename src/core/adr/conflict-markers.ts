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
