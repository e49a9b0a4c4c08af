import {openWorkspace} from './dist/adapters/workspace.js'
import {loadAdrs} from './dist/adapters/adr-store.js'
import {readHistory} from './dist/app/history/history.js'
import {buildSiteModel} from './dist/core/site/site-model.js'
import {siteGraphDot, inlineSvg} from './dist/core/site/graph-dot.js'
import {renderDotToSvg} from './dist/adapters/graphviz.js'
import {renderHere} from './dist/app/site/render-bodies.js'
import {bodySource} from './dist/core/site/markdown.js'
import {buildSite} from './dist/core/site/build-site.js'
import {buildSearchIndex} from './dist/core/site/search-index.js'
const t = () => performance.now(); let s = t(); const lap = (n) => { const x = t(); console.log(n.padEnd(14), (x - s).toFixed(0), 'ms'); s = x }
const ws = openWorkspace(process.argv[2])
const {adrs} = await loadAdrs(ws); lap('load')
const h = await readHistory(ws); lap('history')
const model = buildSiteModel({adrs, events: h.events, records: h.records, debates: new Map(), dir: 'docs/adr'}); lap('model')
const g = siteGraphDot(adrs); const svg = inlineSvg(await renderDotToSvg(g.dot)); lap('graph')
const bodies = await renderHere(adrs.map(bodySource), {files: adrs.map(a => a.file), depth: 1, dir: 'docs/adr'}); lap('bodies')
const site = buildSite({title: 'x', generated: '2026-12-01'}, model, {bodies, graph: {...g, svg}, miniSearchSource: '', today: '2026-12-01'}); lap('buildSite')
