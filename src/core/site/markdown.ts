import path from 'node:path'
import type {Root as HastRoot} from 'hast'
import {defaultSchema, sanitize} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'
import type {Nodes, Parents, Root} from 'mdast'
import {toHast} from 'mdast-util-to-hast'
import type {Adr} from '../adr/model.js'
import {parseMarkdown} from '../lint/markdown-body.js'
import {repoLinks} from './repo-links.js'
import {pageHref, pageOf} from './site-model.js'

export interface BodyOptions {
  /** The ADR files of the site (`0002-use-x.md`): a link to one of them goes to its page. */
  files: ReadonlySet<string>
  /** How many folders below the site root the page is (ADR pages: 1; 2 in a repository of several ADR directories). */
  depth: number
  /** In a repository of several ADR directories: the name of this ADR's, whose pages `files` are (`adr/<name>/…`). */
  pageDir?: string
  /**
   * In a repository of several ADR directories: the page of every ADR of the site by its path in the
   * repository (`services/api/adr/0001-x.md`), so a relative link into another directory goes to its page.
   */
  pages?: Readonly<Record<string, string>>
  /** The ADR directory relative to the repository root (`docs/adr`). */
  dir: string
  /** `https://github.com/org/repo`: relative links to other files in the repository go there. */
  repoUrl?: string
  /** Filled in with every `.md` name a relative link names, and whether it is in `files`. */
  refs?: Map<string, boolean>
}

/** What the renderer needs of an ADR: plain data, so a worker thread can take it. */
export interface BodySource {
  /** The file's text as read. */
  text: string
  /** The 1-based line of the closing `---` of its front matter, if it has one. */
  frontMatterEnd?: number
}

export interface RenderedBody {
  /** Sanitised HTML: no script, no event handler, no `javascript:` URL, no raw HTML from the file. */
  html: string
  /** The `.md` file names its relative links name, and whether each was an ADR of the site (a cache checks them). */
  refs: [name: string, found: boolean][]
  /** The words of the body, for the search index. */
  text: string
}

/** A cache of rendered bodies read back (`{hash: RenderedBody}`), when every entry has the shape `renderBody` returns. */
export function isRenderedBodies(value: unknown): value is Record<string, RenderedBody> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  return Object.values(value).every((b: Partial<RenderedBody> | null) => {
    if (!b || typeof b !== 'object' || typeof b.html !== 'string' || typeof b.text !== 'string' || !Array.isArray(b.refs)) return false
    return b.refs.every((r) => Array.isArray(r) && r.length === 2 && typeof r[0] === 'string' && typeof r[1] === 'boolean')
  })
}

/**
 * An ADR's Markdown body (GFM) as safe HTML: the front matter and the title heading left out (the page
 * shows them), links between ADRs rewritten to the site's pages, images turned into links (the site
 * loads nothing from anywhere), raw HTML dropped, and the tree sanitised with GitHub's schema.
 */
export function renderBody(source: BodySource, options: BodyOptions): RenderedBody {
  const tree = parseMarkdown(bodyText(source))
  const first = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 1)
  if (first !== -1 && tree.children.slice(0, first).every((n) => n.type === 'html' || n.type === 'definition')) {
    tree.children.splice(first, 1)
  }
  const words: string[] = []
  const refs = new Map<string, boolean>()
  rewrite(tree, {...options, refs}, words)
  const hast = toHast(tree as Root) as HastRoot
  const safe = sanitize(hast, SCHEMA) as HastRoot
  return {html: toHtml(safe), refs: [...refs], text: words.join(' ')}
}

/** GitHub's schema (hast-util-sanitize's default), which already drops scripts, handlers and unsafe protocols. */
const SCHEMA = {...defaultSchema, protocols: {...defaultSchema.protocols, href: ['http', 'https', 'mailto']}}

/** The lines after the front matter (the whole text when there is none), without a byte-order mark. */
export function bodyText(source: BodySource): string {
  const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text
  if (!source.frontMatterEnd) return text
  return text.split(/\r?\n/).slice(source.frontMatterEnd).join('\n')
}

/** The renderer's input for an ADR. */
export function bodySource(adr: Adr): BodySource {
  return {text: adr.text, frontMatterEnd: adr.frontMatter?.endLine}
}

function rewrite(node: Nodes, options: BodyOptions, words: string[]): void {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') words.push(node.value)
  if (node.type === 'link' || node.type === 'definition') node.url = resolveHref(node.url, options)
  if (!('children' in node)) return
  const parent = node as Parents
  parent.children.forEach((child, i) => {
    if (child.type === 'image' || child.type === 'imageReference') {
      const alt = child.alt || 'image'
      words.push(alt)
      const url = child.type === 'image' ? resolveHref(child.url, options) : undefined
      const text = {type: 'text' as const, value: `[image: ${alt}]`}
      parent.children[i] = (url ? {type: 'link', url, children: [text]} : {type: 'emphasis', children: [text]}) as unknown as typeof child
      return
    }
    rewrite(child, options, words)
  })
}

/** A link as written in the ADR, as the site needs it. Unsafe schemes are left for the sanitiser to drop. */
export function resolveHref(url: string, options: BodyOptions): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('//') || url === '') return url
  const cut = url.search(/[?#]/)
  const file = cut === -1 ? url : url.slice(0, cut)
  const rest = cut === -1 ? '' : url.slice(cut)
  let decoded = file
  try {
    decoded = decodeURIComponent(file)
  } catch {}
  const name = path.posix.basename(decoded)
  if (options.pages && !decoded.startsWith('/')) {
    const page = options.pages[path.posix.normalize(path.posix.join(options.dir || '.', decoded))]
    if (page !== undefined) return pageHref(page, options.depth) + rest
  }
  if (/\.md$/i.test(name)) options.refs?.set(name, options.files.has(name))
  if (options.files.has(name)) return pageHref(pageOf(name, options.pageDir), options.depth) + rest
  if (!options.repoUrl || file.startsWith('/')) return url
  const inRepo = path.posix.normalize(path.posix.join(options.dir || '.', decoded))
  if (inRepo.startsWith('..')) return url
  return repoLinks(options.repoUrl).view(inRepo) + rest
}
