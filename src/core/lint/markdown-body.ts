import type {Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {gfm} from 'micromark-extension-gfm'
import type {Adr} from '../model.js'
import {fileLines} from './locate.js'

/**
 * The body of an ADR as an mdast tree with GFM (tables included). The front-matter lines are blanked,
 * not removed, so every node's line is the line in the file. Loaded only by rules that need it.
 */
export function parseBody(adr: Adr): Root {
  const lines = fileLines(adr)
  const end = adr.frontMatter?.endLine ?? 0
  for (let i = 0; i < end && i < lines.length; i++) lines[i] = ''
  return fromMarkdown(lines.join('\n'), {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
}
