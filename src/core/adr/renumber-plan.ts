import {formatFileName, parseFileName} from './file-name.js'
import type {Adr, NamingScheme} from './model.js'
import {nextNumber} from './numbering.js'

export interface RenumberInput {
  /** Every ADR in the directory, parsed. */
  adrs: readonly Adr[]
  /** When each file was added (a sortable value such as the adding commit's timestamp); a file absent is uncommitted: latest. */
  addedOrder: ReadonlyMap<string, number>
  /** Numbers used on other branches, never handed out. */
  taken?: readonly number[]
  naming: NamingScheme
  /** Only the ADRs sharing this number (`adr renumber 3`); all duplicate numbers without it. */
  only?: number
}

export interface RenumberMove {
  from: string
  to: string
  oldNumber: number
  newNumber: number
  title: string
  /** The file that keeps the number. */
  kept: string
}

export interface RenumberEdit {
  file: string
  text: string
  /** The file this one replaces (the moved ADR's old name). */
  replaces?: string
}

export interface RenumberPlan {
  moves: RenumberMove[]
  /** Every file to write: the moved ADRs under their new names, and every ADR whose links changed. */
  edits: RenumberEdit[]
  /** Links that name a duplicated number, not a file: they now mean the ADR that kept the number. */
  warnings: string[]
}

/**
 * Finds duplicate numbers and plans the fix: in each group the ADR added first keeps the number; each
 * later one (uncommitted counts as latest) gets the next free number, a new file name, its title
 * number where the format carries one (`# 7. Title`), and every link to its old name is rewritten.
 */
export function planRenumber(input: RenumberInput): RenumberPlan {
  const groups = new Map<number, Adr[]>()
  for (const adr of input.adrs) {
    if (adr.number === undefined) continue
    groups.set(adr.number, [...(groups.get(adr.number) ?? []), adr])
  }
  const used = [...input.adrs.map((a) => a.number), ...(input.taken ?? [])]
  const order = (adr: Adr) => input.addedOrder.get(adr.file) ?? Number.POSITIVE_INFINITY
  const moves: RenumberMove[] = []
  for (const [number, group] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (group.length < 2 || (input.only !== undefined && number !== input.only)) continue
    const sorted = [...group].sort((a, b) => order(a) - order(b) || (a.file < b.file ? -1 : 1))
    for (const adr of sorted.slice(1)) {
      const newNumber = nextNumber(used)
      used.push(newNumber)
      const name = parseFileName(adr.file)
      const to = formatFileName(newNumber, name.slug, name.naming ?? input.naming)
      moves.push({from: adr.file, to, oldNumber: number, newNumber, title: adr.title, kept: sorted[0].file})
    }
  }
  const byOld = new Map(moves.map((m) => [m.from, m]))
  const edits: RenumberEdit[] = []
  const warnings: string[] = []
  for (const adr of input.adrs) {
    const move = byOld.get(adr.file)
    let text = rewriteLinks(adr, byOld)
    if (move) text = renumberTitle(text, adr, move)
    if (move) edits.push({file: move.to, text, replaces: move.from})
    else if (text !== adr.text) edits.push({file: adr.file, text})
    for (const link of adr.links) {
      const moved = moves.find((m) => m.oldNumber === link.targetNumber)
      if (moved && link.targetFile === undefined) {
        warnings.push(
          `${adr.file}:${link.line} links to ${link.target} by number; ${moved.oldNumber} is now ${moved.kept}, and ${moved.from} became ${moved.to}: check which one it means.`,
        )
      }
    }
  }
  return {moves, edits, warnings}
}

const MD_LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g

/** Markdown links in the body and status section, and front-matter link targets, that name a moved file. */
function rewriteLinks(adr: Adr, moves: ReadonlyMap<string, RenumberMove>): string {
  if (moves.size === 0) return adr.text
  const lines = adr.text.split('\n')
  const fm = adr.frontMatter
  return lines
    .map((line, i) => {
      const inFrontMatter = fm !== undefined && i + 1 > fm.startLine && i + 1 < fm.endLine
      if (inFrontMatter) return rewriteFileNames(line, moves)
      return line.replace(MD_LINK, (whole, label: string, href: string) => {
        const [target, ...anchor] = href.split('#')
        const base = target.split('/').pop() ?? ''
        const move = moves.get(base)
        if (!move) return whole
        const newHref = `${target.slice(0, target.length - base.length)}${move.to}${anchor.length ? `#${anchor.join('#')}` : ''}`
        return `[${renumberLabel(label, move)}](${newHref})`
      })
    })
    .join('\n')
}

function rewriteFileNames(line: string, moves: ReadonlyMap<string, RenumberMove>): string {
  let out = line
  for (const [from, move] of moves) {
    out = out.replace(
      new RegExp(`(^|[\\s/'"{,:\\[])${escapeRegExp(from)}(?=$|[\\s'"},\\]#])`, 'g'),
      (_, before: string) => `${before}${move.to}`,
    )
  }
  return out
}

/** `7. Use X` → `12. Use X`; `ADR-007: X` → `ADR-012: X`. */
function renumberLabel(label: string, move: RenumberMove): string {
  // a bare leading number needs a `.`, `:` or ` -` after it (`7 Habits` is a title, not a number)
  return label.replace(
    /^(ADR[-_ ]?)?(0*)(\d+)(?=[.:]|\s+[-–]|$|(?<=^ADR[-_ ]?0*\d+)\s)/i,
    (whole, prefix = '', zeros: string, digits: string) =>
      Number(digits) === move.oldNumber ? `${prefix}${pad(move.newNumber, zeros.length + digits.length, zeros.length > 0)}` : whole,
  )
}

/** The number in the title heading, where the format carries one (`# 7. Title`, `# ADR-007: Title`). */
function renumberTitle(text: string, adr: Adr, move: RenumberMove): string {
  if (adr.titleLine === undefined) return text
  const lines = text.split('\n')
  const index = adr.titleLine - 1
  lines[index] = lines[index].replace(/^(\s{0,3}#{1,6}\s+)(.*?)(\r?)$/, (whole, hashes: string, heading: string, cr: string) => {
    if (heading.trim() === adr.title) return whole
    const renamed = renumberLabel(heading, move)
    if (renamed !== heading) return `${hashes}${renamed}${cr}`
    return whole
  })
  return lines.join('\n')
}

function pad(n: number, width: number, padded: boolean): string {
  return padded ? String(n).padStart(width, '0') : String(n)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
