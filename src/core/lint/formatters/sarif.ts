import type {LintProblem} from '../lint-rule.js'
import {EXTERNAL_RULES} from '../profiles.js'
import type {LintReport} from '../report.js'
import {RULES} from '../rules/index.js'

const DOCS = 'https://github.com/adrgate/adrgate/blob/main/docs/rules.md'

interface SarifRule {
  id: string
  shortDescription: {text: string}
  helpUri: string
}

/** SARIF 2.1.0 for code-scanning UIs: stable rule ids and fingerprints that survive moved lines. */
export function formatSarif(report: LintReport, version: string): string {
  const rules: SarifRule[] = [...RULES, ...EXTERNAL_RULES].map((r) => ({
    id: r.id,
    shortDescription: {text: r.description},
    helpUri: `${DOCS}#${anchor(r.id)}`,
  }))
  const indexOf = (id: string): number => {
    let i = rules.findIndex((r) => r.id === id)
    if (i < 0) {
      i = rules.push({id, shortDescription: {text: id}, helpUri: `${DOCS}#${anchor(id.replace(/\/[^/]*$/, '/*'))}`}) - 1
    }
    return i
  }
  const results = report.problems.map((p) => ({
    ruleId: p.rule,
    ruleIndex: indexOf(p.rule),
    level: p.severity,
    message: {text: p.message},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri: toUri(p.file), uriBaseId: '%SRCROOT%'},
          region: {startLine: p.line, startColumn: p.column},
        },
      },
    ],
    partialFingerprints: {'adrgate/v1': fingerprint(p)},
  }))
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'adrgate', version, informationUri: 'https://github.com/adrgate/adrgate', rules}},
        results,
      },
    ],
  }
  return `${JSON.stringify(sarif, null, 2)}\n`
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/')
}

function anchor(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** FNV-1a over rule, file and message (not the line: a problem keeps its fingerprint when text above it moves). */
export function fingerprint(p: Pick<LintProblem, 'rule' | 'file' | 'message'>): string {
  let hash = 0x811c9dc5
  const text = `${p.rule}\u0000${p.file}\u0000${p.message}`
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}
