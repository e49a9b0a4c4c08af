import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {gfm} from 'micromark-extension-gfm'
const unit = '## Heading\n\nSome text with a [link](x) and `code`, a longer sentence to be realistic about prose.\n\n* a list item here\n* b another item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n'
for (let i = 0; i < 3; i++) fromMarkdown(unit, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
for (const n of [10, 100, 1000, 10000]) {
  const text = unit.repeat(n)
  let t = performance.now()
  fromMarkdown(text, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
  const g = performance.now() - t
  t = performance.now(); fromMarkdown(text); 
  console.log(text.length, 'gfm', g.toFixed(1), 'plain', (performance.now() - t).toFixed(1))
}
const para = 'word '.repeat(20000)
let t = performance.now(); fromMarkdown(para, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]}); console.log('para100k gfm', (performance.now()-t).toFixed(1))
