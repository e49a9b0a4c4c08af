import {readFileSync, readdirSync} from 'node:fs'
import {parseMarkdown} from './dist/core/lint/markdown-body.js'
import {toHast} from 'mdast-util-to-hast'
import {sanitize, defaultSchema} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'
import {fromMarkdown} from 'mdast-util-from-markdown'
const dir = '/tmp/adrgate-bench-site-1000/repo/docs/adr'
const texts = readdirSync(dir).filter(f => /^\d/.test(f)).slice(0, 200).map(f => readFileSync(dir + '/' + f, 'utf8'))
const time = (n, f) => { const s = performance.now(); const r = texts.map(f); console.log(n.padEnd(10), ((performance.now() - s) / texts.length).toFixed(2), 'ms/adr'); return r }
time('warm', (t) => parseMarkdown(t))
const trees = time('parse', (t) => parseMarkdown(t))
time('commonmark', (t) => fromMarkdown(t))
const hasts = trees.map(t => toHast(t)); time('toHast', (t, i) => toHast(parseMarkdown(t)))
time('sanitize', (t, i) => sanitize(hasts[i], defaultSchema))
time('toHtml', (t, i) => toHtml(hasts[i]))
console.log('avg bytes', texts.reduce((a, t) => a + t.length, 0) / texts.length)
time('toHast2', (t, i) => toHast(trees[i]))
time('parse2', (t) => parseMarkdown(t))
time('toHast3', (t, i) => toHast(trees[i]))
