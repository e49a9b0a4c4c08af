import type {Adr} from '../../core/adr/model.js'
import {parseAdr} from '../../core/adr/parse-adr.js'
import type {LintProblem, ProfileName} from '../../core/lint/lint-rule.js'
import {activateRules, lintFile, loadBodyParser} from '../../core/lint/run-rules.js'
import {compileAdrSchemas} from '../../core/lint/schema-validate.js'

/** Everything the per-file rules depend on; plain data, so it can be sent to worker threads. */
export interface FileLintSetup {
  adrSchema: Record<string, unknown>
  extraSchema?: Record<string, unknown>
  profile: ProfileName
  overrides: Record<string, string>
  today: string
  /** `.adrgate.yaml` `statuses:`: the team's own status words. */
  statuses?: Record<string, string>
  /** Untouched template text, normalised (derived from the templates by `templateLines`). */
  templateLines?: string[]
}

export interface FileInput {
  file: string
  text: string
}

export interface FileOutput {
  file: string
  /** The parsed ADR without its text (what repository rules and the cache need). */
  adr: Adr
  problems: LintProblem[]
}

/** Compiles the schemas and loads the Markdown parser once; returns the function that lints one file. */
export async function createFileLinter(setup: FileLintSetup): Promise<(input: FileInput) => FileOutput> {
  const validator = compileAdrSchemas(setup.adrSchema, setup.extraSchema)
  const active = activateRules({profile: setup.profile}, setup.overrides)
  const parseBody = await loadBodyParser(active)
  const settings = {
    profile: setup.profile,
    today: setup.today,
    validator,
    statuses: setup.statuses,
    templateLines: new Set(setup.templateLines ?? []),
  }
  return ({file, text}) => {
    const adr = parseAdr(text, file, {statuses: setup.statuses})
    return {file, adr: summariseAdr(adr), problems: lintFile(adr, settings, active, parseBody)}
  }
}

/**
 * The ADR as the repository rules and the debate rules read it (number, title, status, links…), without
 * its text, sections and front matter: small enough to cache for 10,000 files and to send between threads.
 */
export function summariseAdr(adr: Adr): Adr {
  return {...adr, text: '', sections: [], frontMatter: undefined, problems: []}
}
