import type {Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {gfm} from 'micromark-extension-gfm'

/** Markdown (GFM: tables included) as an mdast tree. Loaded only when a rule that reads bodies is on. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
}
