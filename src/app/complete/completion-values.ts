import {listAdrEntries} from '../../adapters/adr-store.js'
import {eachDir, type Workspace} from '../../adapters/workspace.js'
import {parseFileName} from '../../core/adr/file-name.js'
import {STATUSES} from '../../core/adr/model.js'
import {knownRelations} from '../../core/adr/status.js'
import type {CompletionPlan, CompletionValues} from '../../core/cli/complete.js'
import {configValues} from '../../core/config/config-values.js'
import {AdrError} from '../../core/errors.js'

type ValuesPlan = Extract<CompletionPlan, {kind: 'values'}>

/**
 * The repository's values a completion asks for, and only those: ADRs from their file names alone
 * (a directory listing, nothing read or parsed), statuses and relations from `.adrgate.yaml` and the
 * ones adrgate knows, the names of several directories, the lint rules. Nothing is written: an
 * interrupted write is left for the next real command to complete.
 */
export async function completionValues(ws: Workspace, values: ValuesPlan['values']): Promise<CompletionValues> {
  const empty: CompletionValues = {adrs: [], statuses: [], relations: [], packages: [], rules: []}
  switch (values) {
    case 'ref': {
      const adrs: {file: string; number?: number; slug: string; dir?: string}[] = []
      for (const sub of eachDir(ws)) {
        const listed = await listAdrEntries(sub.adrDir, () => new AdrError('ADR_DIR_NOT_FOUND', sub.adrDir)).catch(() => undefined)
        for (const file of listed?.files ?? []) {
          const {number, slug} = parseFileName(file)
          adrs.push({file, number, slug, ...(sub.dirName === undefined ? {} : {dir: sub.dirName})})
        }
      }
      return {...empty, adrs}
    }
    case 'status':
      return {...empty, statuses: [...STATUSES, ...Object.keys(configValues(ws.config).statuses ?? {})]}
    case 'relation': {
      const relations = knownRelations(configValues(ws.config).relations).flat()
      return {...empty, relations}
    }
    case 'package':
      return {...empty, packages: (ws.dirs ?? []).map((d) => d.name)}
    case 'rule': {
      // the rule modules load only when a rule id is being completed
      const {EXTERNAL_RULES} = await import('../../core/lint/profiles.js')
      const {RULES} = await import('../../core/lint/rules/index.js')
      return {...empty, rules: [...RULES, ...EXTERNAL_RULES].map((r) => ({value: r.id, description: r.description}))}
    }
  }
}
