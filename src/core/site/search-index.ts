import MiniSearch from 'minisearch'

export interface SearchDoc {
  /** Site-relative page. */
  page: string
  label: string
  status: string
  title: string
  /** Body words, tags, deciders. */
  text: string
}

/** The fields the index holds; search.js must load it with the same. */
export const SEARCH_FIELDS = ['title', 'text']

/** Words too common to be worth a place in the index. */
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from has have if in into is it its of on or so than that the their them then there these they this those to was we were which will with'.split(
    ' ',
  ),
)

/** MiniSearch's tokens, lowercased, with stop words left out (the same function runs in the browser: search.js). */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase()
  return t.length < 2 || STOP_WORDS.has(t) ? null : t
}

/**
 * `search-index.js`: the documents to show (page, label, status) and the MiniSearch index built at
 * export time, as one script (a page opened from `file://` cannot fetch JSON, but it can load a script).
 */
export function buildSearchIndex(docs: readonly SearchDoc[]): {script: string; indexBytes: number} {
  const search = new MiniSearch<{id: number; title: string; text: string}>({fields: SEARCH_FIELDS, storeFields: [], processTerm})
  search.addAll(docs.map((d, id) => ({id, title: d.title, text: d.text})))
  const index = JSON.stringify(search).replace(/</g, '\\u003c')
  const shown = JSON.stringify(docs.map((d) => [d.page, d.label, d.status])).replace(/</g, '\\u003c')
  const script = `window.ADRGATE_SEARCH={stopWords:${JSON.stringify([...STOP_WORDS])},fields:${JSON.stringify(SEARCH_FIELDS)},docs:${shown},index:${index}};\n`
  return {script, indexBytes: new TextEncoder().encode(script).length}
}
