import type {HistoryEvent} from '../history/history.js'
import type {SiteInfo} from './layout.js'
import type {SiteModel} from './site-model.js'

/** One ADR in `adrs.json`: the fields of `adr list --json`, the people and links, and its history. */
export interface ExportedAdr {
  number?: number
  title: string
  status?: string
  date?: string
  tags: string[]
  format: string
  file: string
  /** In the repository. */
  path: string
  /** Site-relative. */
  page: string
  deciders: string[]
  consulted: string[]
  informed: string[]
  links: {rel: string; target?: number | string; page?: string}[]
  created?: string
  lastChanged?: string
  history: Omit<HistoryEvent, 'adr' | 'email'>[]
}

/** `adrs.json`: the same data as `adr list --json`, plus links and history, for other tools. */
export function renderAdrsJson(site: SiteInfo, model: SiteModel): string {
  const adrs: ExportedAdr[] = model.entries.map((e) => ({
    number: e.adr.number,
    title: e.adr.title,
    status: e.adr.status,
    date: e.adr.date,
    tags: e.adr.tags,
    format: e.adr.format,
    file: e.adr.file,
    path: e.sourcePath,
    page: e.page,
    deciders: e.adr.deciders,
    consulted: e.adr.consulted,
    informed: e.adr.informed,
    links: e.links.map((l) => ({rel: l.rel, target: l.target?.adr.number ?? l.target?.adr.file ?? l.text, page: l.target?.page})),
    created: e.created,
    lastChanged: e.lastChanged,
    history: e.events.map(({adr: _adr, email: _email, ...rest}) => rest),
  }))
  return `${JSON.stringify({title: site.title, generated: site.generated, adrs}, null, 1)}\n`
}
