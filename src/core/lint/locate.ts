import {textLines} from '../adr/headings.js'
import type {Adr} from '../adr/model.js'
import {findKeyLine} from '../formats/read/front-matter-values.js'
import {type DataPath, type Position, parseLocatedYaml} from '../yaml/yaml.js'

/** The file's lines (BOM removed), as the parser numbered them (the parser's own, while it is the same text: `textLines`). */
export function fileLines(adr: Adr): readonly string[] {
  return textLines(adr.text)
}

/** Where a top-level front-matter key is, or the front matter's opening line, or the title. */
export function keyPosition(adr: Adr, key: string): Position {
  const fm = adr.frontMatter
  if (!fm) return {line: adr.titleLine ?? 1, column: 1}
  const line = findKeyLine(fileLines(adr), fm.startLine, fm.endLine, key)
  return {line: line ?? fm.startLine, column: 1}
}

/** Where a value inside the front matter is (`['decision', 'chosen']`), falling back to its top-level key. */
export function valuePosition(adr: Adr, path: DataPath): Position {
  const fm = adr.frontMatter
  if (!fm) return {line: adr.titleLine ?? 1, column: 1}
  return parseLocatedYaml(fm.raw, {lineOffset: fm.startLine}).find(path) ?? keyPosition(adr, String(path[0]))
}

/** The column of `needle` on a 1-based line (1 when it is not there). */
export function columnOf(adr: Adr, line: number, needle: string): number {
  const text = fileLines(adr)[line - 1] ?? ''
  const index = needle ? text.indexOf(needle) : -1
  return index < 0 ? 1 : index + 1
}

/** The position of the title heading, or of the first body line when there is none. */
export function titlePosition(adr: Adr): Position {
  if (adr.titleLine) return {line: adr.titleLine, column: 1}
  return {line: adr.frontMatter ? adr.frontMatter.endLine + 1 : 1, column: 1}
}
