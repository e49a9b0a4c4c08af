import path from 'node:path'
import {compareAdrs, loadAllAdrs} from '../../adapters/adr-store.js'
import {readTextFile} from '../../adapters/files/contained-read.js'
import {eachDir, type Workspace} from '../../adapters/workspace.js'
import type {Adr} from '../../core/adr/model.js'
import {configValues} from '../../core/config/config-values.js'
import type {LintProblem, ProfileName, TocDocument} from '../../core/lint/lint-rule.js'
import {activateRules, lintRepository} from '../../core/lint/run-rules.js'
import {parseLocatedYaml} from '../../core/yaml/yaml.js'

/** The rule these findings are of (rules/toc-current.ts; its module loads only where a document is checked). */
const TOC_CURRENT = 'toc-current'

/**
 * The documents whose table of contents lint checks: the files `toc:` in `.adrgate.yaml` names (a
 * string or a list, relative to it), else the README.md or index.md of each ADR directory and the
 * repository's README.md, when they hold a marker. None is the usual case, and costs a few reads.
 */
export async function findTocDocuments(ws: Workspace): Promise<{documents: TocDocument[]; problems: LintProblem[]}> {
  const configured = configValues(ws.config).toc
  const candidates = configured
    ? configured.map((file) => ({file: path.resolve(path.dirname(ws.configFile ?? ws.root), file), configured: true}))
    : [
        ...eachDir(ws).flatMap((sub) => ['README.md', 'index.md'].map((name) => path.join(sub.adrDir, name))),
        path.join(ws.root, 'README.md'),
      ].map((file) => ({file, configured: false}))
  const documents: TocDocument[] = []
  const problems: LintProblem[] = []
  const seen = new Set<string>()
  for (const {file, configured} of candidates) {
    if (seen.has(file)) continue
    seen.add(file)
    const read = await readTextFile(file, ws.root)
    const shown = path.relative(ws.cwd, file) || path.basename(file)
    if (!read.ok) {
      if (configured) {
        const {TOC_END, TOC_START} = await import('../../core/adr/toc-block.js')
        const at = (ws.configText ? parseLocatedYaml(ws.configText).find(['toc'], {key: true}) : undefined) ?? {line: 1, column: 1}
        problems.push({
          file: ws.configFile ?? file,
          line: at.line,
          column: at.column,
          severity: 'error',
          rule: TOC_CURRENT,
          message: `Unexpected \`toc:\` file ${shown}: it ${read.reason}, expected a Markdown file that holds the lines \`${TOC_START}\` and \`${TOC_END}\` (\`adr generate toc --write ${shown}\` creates it)`,
        })
      }
      continue
    }
    if (!configured && !read.text.includes('adrgate:toc')) continue
    const {tocPlace} = await import('../adr/write-toc.js')
    documents.push({file, text: read.text, place: tocPlace(ws, file), configured, command: shown})
  }
  return {documents, problems}
}

/**
 * Rule toc-current over the whole workspace (a table of contents may list several directories):
 * `adrs` are the ADRs already read, or, with several directories, read here when a document needs them;
 * `looked`, the documents when the caller has looked for them already.
 */
export async function lintTocs(
  ws: Workspace,
  settings: {profile: ProfileName; today: string; overrides: Readonly<Record<string, string>>},
  adrs?: readonly Adr[],
  looked?: {documents: TocDocument[]; problems: LintProblem[]},
): Promise<LintProblem[]> {
  // no document, nothing to say: the rule and what it reads load only when there is
  if (looked && looked.documents.length === 0 && looked.problems.length === 0) return []
  const {REPOSITORY_RULES} = await import('../../core/lint/rules/repository-rules.js')
  const active = activateRules({profile: settings.profile}, settings.overrides, REPOSITORY_RULES)
  const rule = active.repository.filter((r) => r.rule.id === TOC_CURRENT)
  if (rule.length === 0) return []
  const {documents, problems} = looked ?? (await findTocDocuments(ws))
  if (documents.length === 0) return problems.map((p) => ({...p, severity: rule[0].severity}))
  const listed = adrs ? [...adrs].sort(compareAdrs) : (await loadAllAdrs(ws)).adrs
  const found = lintRepository(
    listed,
    {profile: settings.profile, today: settings.today, tocDocuments: documents},
    {...active, file: [], repository: rule},
  )
  return [...problems.map((p) => ({...p, severity: rule[0].severity})), ...found]
}
