/** `assets/site.css`: light and dark (the system's choice), readable in print, no web font. */
export const SITE_CSS = `:root {
  --bg: #f7f8fa; --surface: #ffffff; --fg: #1a202c; --muted: #5a6473; --line: #e2e6ec; --accent: #2b6cb0; --accent-fg: #ffffff;
  --shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 1px 3px rgba(16, 24, 40, .08);
  --proposed-bg: #fff4d6; --proposed-fg: #8a5a00; --accepted-bg: #e3f5e9; --accepted-fg: #22663f;
  --rejected-bg: #fde8e8; --rejected-fg: #a61b1b; --deprecated-bg: #edf0f3; --deprecated-fg: #4a5568;
  --superseded-bg: #efe9fb; --superseded-fg: #553c9a; --other-bg: #e8eef6; --other-fg: #2d3b4e;
  --warn-bg: #fff4d6; --warn-fg: #7a4f00; --win: #2f855a; --out: #c53030; --divergent: #fbd38d;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f141a; --surface: #171e27; --fg: #e6eaf0; --muted: #9aa5b4; --line: #2a3441; --accent: #7cb4f0; --accent-fg: #0f141a;
    --shadow: none;
    --proposed-bg: #3d3110; --proposed-fg: #f6d37a; --accepted-bg: #143324; --accepted-fg: #8fe0b0;
    --rejected-bg: #3f1a1a; --rejected-fg: #f5a3a3; --deprecated-bg: #262e38; --deprecated-fg: #b8c2cf;
    --superseded-bg: #2b2445; --superseded-fg: #c9b8f5; --other-bg: #1f2a38; --other-fg: #c4d0df;
    --warn-bg: #3d3110; --warn-fg: #f6d37a; --win: #68d391; --out: #fc8181; --divergent: #7b5a1e;
  }
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .9em; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-fg); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; top: .5rem; }
.muted { color: var(--muted); }

.site-header { background: var(--surface); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 5; }
.bar { max-width: 76rem; margin: 0 auto; padding: .6rem 1.25rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
.brand { font-weight: 700; font-size: 1.05rem; color: var(--fg); text-decoration: none; display: flex; gap: .45rem; align-items: center; }
.logo { color: var(--accent); }
.site-header nav ul { list-style: none; margin: 0; padding: 0; display: flex; gap: .25rem; }
.site-header nav a { display: block; padding: .35rem .7rem; border-radius: 6px; color: var(--muted); text-decoration: none; font-weight: 500; }
.site-header nav a:hover { color: var(--fg); background: var(--bg); }
.site-header nav a[aria-current="page"] { color: var(--fg); background: var(--bg); box-shadow: inset 0 -2px 0 var(--accent); }
.quick-search { margin-left: auto; }
.quick-search input { width: 15rem; }
input[type="search"], select, button { font: inherit; color: var(--fg); background: var(--surface); border: 1px solid var(--line); border-radius: 6px; padding: .4rem .6rem; }
button { cursor: pointer; }
input[type="search"]:focus, select:focus { border-color: var(--accent); }

main { max-width: 76rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; display: block; }
main:focus { outline: none; }
.page-head h1 { margin: .2rem 0 .2rem; font-size: 1.9rem; letter-spacing: -.01em; }
.lede { margin: 0 0 1.2rem; color: var(--muted); font-size: 1.05rem; }
.site-footer { max-width: 76rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted); font-size: .875rem; border-top: 1px solid var(--line); }

.chip { display: inline-block; padding: .05rem .55rem; border-radius: 999px; font-size: .8rem; font-weight: 600; line-height: 1.5; white-space: nowrap; background: var(--other-bg); color: var(--other-fg); }
.chip s { text-decoration-thickness: 1.5px; }
.chip-proposed { background: var(--proposed-bg); color: var(--proposed-fg); }
.chip-accepted { background: var(--accepted-bg); color: var(--accepted-fg); }
.chip-rejected { background: var(--rejected-bg); color: var(--rejected-fg); }
.chip-deprecated { background: var(--deprecated-bg); color: var(--deprecated-fg); }
.chip-superseded { background: var(--superseded-bg); color: var(--superseded-fg); }
.successor { font-size: .85rem; font-weight: 600; text-decoration: none; margin-left: .15rem; }
.tag { display: inline-block; font-size: .78rem; padding: 0 .45rem; border: 1px solid var(--line); border-radius: 4px; color: var(--muted); margin: .1rem .1rem .1rem 0; }

.counts { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .5rem; }
.count { display: flex; align-items: center; gap: .5rem; background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: .45rem .75rem; box-shadow: var(--shadow); }
.count .n { font-weight: 700; font-size: 1.1rem; font-variant-numeric: tabular-nums; }
.count[aria-pressed="true"] { border-color: var(--accent); box-shadow: 0 0 0 2px var(--accent); }
.filters { display: none; flex-wrap: wrap; gap: .75rem 1rem; align-items: flex-end; background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: .8rem 1rem; margin-bottom: 1rem; box-shadow: var(--shadow); }
.js .filters { display: flex; }
.field { display: flex; flex-direction: column; gap: .2rem; }
.field label { font-size: .78rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.shown { margin: 0 0 .4rem auto; color: var(--muted); font-size: .9rem; }
.table-wrap { overflow-x: auto; background: var(--surface); border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .55rem .8rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); background: var(--bg); }
tbody tr:last-child > * { border-bottom: 0; }
.adr-table tbody tr:hover { background: var(--bg); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.adr-table td.num { color: var(--muted); width: 3.5rem; }
.adr-table td.title a { font-weight: 600; text-decoration: none; color: var(--fg); }
.adr-table td.title a:hover { color: var(--accent); text-decoration: underline; }
.date { white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; }
.empty { padding: 1rem; text-align: center; color: var(--muted); }

.crumbs { font-size: .9rem; color: var(--muted); margin-bottom: .5rem; }
.adr-head { background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: 1.2rem 1.4rem; box-shadow: var(--shadow); margin-bottom: 1.25rem; }
.adr-head h1 { margin: 0 0 .8rem; font-size: 1.85rem; line-height: 1.25; letter-spacing: -.01em; }
.adr-number { display: inline-block; min-width: 2.4rem; padding: 0 .5rem; margin-right: .2rem; text-align: center; border-radius: 8px; background: var(--bg); border: 1px solid var(--line); color: var(--muted); font-variant-numeric: tabular-nums; }
.banner { border-radius: 8px; padding: .6rem .9rem; margin: 0 0 1rem; border-left: 4px solid; }
.banner-superseded { background: var(--superseded-bg); color: var(--superseded-fg); }
.banner-deprecated { background: var(--deprecated-bg); color: var(--deprecated-fg); }
.banner-proposed { background: var(--proposed-bg); color: var(--proposed-fg); }
.banner a { color: inherit; font-weight: 700; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .6rem 1.2rem; margin: 0; }
.facts dt { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
.facts dd { margin: .1rem 0 0; }
.facts .wide { grid-column: span 2; }
.source-links { margin: 1rem 0 0; font-size: .9rem; }
.adr-layout { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: 1.5rem; align-items: start; }
@media (max-width: 60rem) { .adr-layout { grid-template-columns: 1fr; } .quick-search { margin-left: 0; } }
.markdown { background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: .4rem 1.6rem 1.2rem; box-shadow: var(--shadow); min-width: 0; }
.markdown h2 { font-size: 1.3rem; margin: 1.6rem 0 .5rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
.markdown h3 { font-size: 1.08rem; margin: 1.3rem 0 .4rem; }
.markdown pre { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; overflow-x: auto; }
.markdown :not(pre) > code { background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: .05rem .3rem; }
.markdown table { margin: 1rem 0; border: 1px solid var(--line); }
.markdown blockquote { margin: 1rem 0; padding: .2rem 1rem; border-left: 4px solid var(--line); color: var(--muted); }
.markdown li.task-list-item { list-style: none; }
.markdown img { max-width: 100%; }
.adr-side section { background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: .8rem 1rem; box-shadow: var(--shadow); margin-bottom: 1rem; }
.adr-side h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 .5rem; }
.links, .history { list-style: none; margin: 0; padding: 0; }
.links li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
.links li:last-child, .history li:last-child { border-bottom: 0; }
.rel { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); margin-right: .3rem; }
.dangling { color: var(--out); text-decoration: line-through dotted; }
.history li { padding: .4rem 0; border-bottom: 1px solid var(--line); font-size: .9rem; }
.history time, .timeline time { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: .3rem; }
.who { color: var(--muted); }
.sha { font-size: .8rem; color: var(--muted); }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 1.5rem; }

.month h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; color: var(--muted); }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 2px solid var(--line); }
.timeline li { position: relative; padding: .45rem 0 .45rem .8rem; }
.timeline li::before { content: ""; position: absolute; left: -1.42rem; top: .95rem; width: .7rem; height: .7rem; border-radius: 50%; background: var(--surface); border: 2px solid var(--muted); }
.timeline .event-created::before { border-color: var(--accent); background: var(--accent); }
.timeline .event-superseded::before, .timeline .event-superseding::before { border-color: var(--superseded-fg); }
.timeline .event-status-changed::before { border-color: var(--win); }
.change { color: var(--muted); }

.graph { margin: 0; background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: 1rem; overflow: auto; box-shadow: var(--shadow); }
.graph svg { display: block; margin: 0 auto; max-width: none; height: auto; }
.graph svg a:focus-visible polygon, .graph svg a:focus-visible path { stroke: var(--accent); stroke-width: 3; }
.graph svg a:hover path, .graph svg a:hover polygon { stroke-width: 2.5; }
.graph figcaption { color: var(--muted); font-size: .85rem; margin-top: .5rem; text-align: center; }
@media (prefers-color-scheme: dark) {
  .graph svg text { fill: var(--fg); }
  .graph .edge path, .graph .edge polygon { stroke: var(--muted); }
  .graph .edge polygon { fill: var(--muted); }
  .graph .node path, .graph .node polygon { fill: var(--other-bg); }
  .graph .status-accepted path, .graph .status-accepted polygon { fill: var(--accepted-bg); }
  .graph .status-proposed path, .graph .status-proposed polygon { fill: var(--proposed-bg); }
  .graph .status-superseded path, .graph .status-superseded polygon { fill: var(--superseded-bg); }
  .graph .status-rejected path, .graph .status-rejected polygon { fill: var(--rejected-bg); }
  .graph .status-deprecated path, .graph .status-deprecated polygon { fill: var(--deprecated-bg); }
}
.legend .chip { margin-right: .3rem; }
.edges { margin-top: 1rem; }

.search-form { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin-bottom: .8rem; }
.search-form input { flex: 1; min-width: 14rem; font-size: 1.1rem; padding: .6rem .8rem; }
.search-form button { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); padding: .6rem 1rem; font-weight: 600; }
.search-status { color: var(--muted); }
.results { list-style: none; padding: 0; margin: 0; }
.results li { background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: .7rem 1rem; margin-bottom: .5rem; box-shadow: var(--shadow); display: flex; gap: .7rem; align-items: center; }
.results a { font-weight: 600; }

.debate { margin-top: 1.5rem; background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: .6rem 1.6rem 1.4rem; box-shadow: var(--shadow); }
.debate h2 { font-size: 1.45rem; }
.debate h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.debate .table-wrap { box-shadow: none; }
.question { font-size: 1.1rem; }
.y-statement { margin: 1rem 0; padding: .6rem 1rem; border-left: 4px solid var(--accent); background: var(--bg); border-radius: 0 8px 8px 0; font-style: italic; }
.driver-id { display: inline-block; font-size: .75rem; font-weight: 700; padding: 0 .35rem; border-radius: 4px; background: var(--bg); border: 1px solid var(--line); color: var(--muted); }
.knockout { font-size: .72rem; font-weight: 700; text-transform: uppercase; color: var(--out); letter-spacing: .03em; }
.weight { color: var(--muted); font-weight: 400; text-transform: none; }
.matrix tr.winner th, .matrix tr.winner .total { color: var(--win); font-weight: 700; }
.matrix tr.out th { color: var(--muted); text-decoration: line-through; }
.cell-out { color: var(--out); font-weight: 700; }
.cell-divergent, .key.cell-divergent { background: var(--divergent); }
.key { display: inline-block; padding: 0 .35rem; border-radius: 3px; font-variant-numeric: tabular-nums; }
.badge-win { font-size: .7rem; font-weight: 700; text-transform: uppercase; padding: .05rem .4rem; border-radius: 999px; background: var(--accepted-bg); color: var(--accepted-fg); vertical-align: middle; }
.stable { color: var(--win); font-weight: 600; }
.unstable { color: var(--warn-fg); background: var(--warn-bg); padding: .4rem .7rem; border-radius: 6px; font-weight: 600; }
.flips li { margin: .25rem 0; }
.chart-box { margin: 1rem 0; }
.chart-box figcaption { color: var(--muted); font-size: .85rem; }
.chart { width: 100%; max-width: 42rem; height: auto; display: block; }
.chart text { fill: var(--fg); font-size: 12px; font-family: system-ui, sans-serif; }
.chart .tick, .chart .axis { fill: var(--muted); font-size: 11px; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .bar { fill: var(--accent); opacity: .55; }
.chart .bar-winner { fill: var(--win); opacity: 1; }
.chart .bar-out { fill: var(--out); opacity: .45; }
.chart .series { stroke-width: 2.5; }
.chart .now { stroke: var(--fg); stroke-dasharray: 4 3; }
.chart .flip { stroke: var(--out); stroke-dasharray: 2 3; stroke-width: 1.5; }
.chart .flip-label { fill: var(--out); font-size: 11px; }
.chart .now-label { font-size: 11px; }
.s0 { stroke: #2f855a; fill: #2f855a; } .s1 { stroke: #3182ce; fill: #3182ce; } .s2 { stroke: #d69e2e; fill: #d69e2e; }
.s3 { stroke: #805ad5; fill: #805ad5; } .s4 { stroke: #e53e3e; fill: #e53e3e; } .s5 { stroke: #319795; fill: #319795; }
.chart text.series-label { stroke: none; }
.revisit.overdue { background: var(--warn-bg); color: var(--warn-fg); padding: .5rem .8rem; border-radius: 6px; }
.overdue-flag { text-transform: uppercase; letter-spacing: .04em; }
.winners, .cruxes, .dissent, .checks, .triggers, .reviews { padding-left: 1.2rem; }
.winners li, .cruxes li, .dissent li, .checks li { margin: .3rem 0; }

@media print {
  :root { --bg: #fff; --surface: #fff; --fg: #000; --muted: #444; --line: #bbb; --shadow: none; }
  .site-header, .filters, .counts, .quick-search, .pager, .skip, .site-footer { display: none !important; }
  main { max-width: none; padding: 0; }
  .adr-layout { display: block; }
  .markdown, .adr-head, .adr-side section, .debate, .table-wrap, .graph { border: 0; box-shadow: none; padding-left: 0; padding-right: 0; }
  a { color: inherit; }
  .markdown a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: #444; }
  tr, li, figure { break-inside: avoid; }
  .edges { display: block; }
}
`

/** `assets/icon.svg`: the site's icon (a browser asks for one; a missing icon is an error in its console). */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#2b6cb0"/><path d="M16 6l10 10-10 10L6 16z" fill="#fff"/></svg>
`
