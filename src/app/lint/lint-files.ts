import {useFastFrontMatterSplit} from '../../core/adr/front-matter.js'
import type {Adr} from '../../core/adr/model.js'
import {parseAdr, parseAdrForLint} from '../../core/adr/parse-adr.js'
import type {LintProblem, ProfileName} from '../../core/lint/lint-rule.js'
import {FILE_RULES} from '../../core/lint/rules/file-rules.js'
import {activateRules, type BodyParser, BodyParserNeeded, lintFile, loadBodyParser} from '../../core/lint/run-rules.js'
import {compileAdrSchemas} from '../../core/lint/schema-validate.js'
import {templateLines} from '../../core/lint/template-text.js'
import {useBuiltValidators} from '../../core/schema/compiled-validators.js'

/** Everything the per-file rules depend on; plain data, so it can be sent to worker threads. */
export interface FileLintSetup {
  adrSchema: Record<string, unknown>
  extraSchema?: Record<string, unknown>
  profile: ProfileName
  overrides: Record<string, string>
  today: string
  /** `.adrgate.yaml` `statuses:`: the team's own status words. */
  statuses?: Record<string, string>
  /** `.adrgate.yaml` `relations:`: the team's own relations (read by the repository rules). */
  relations?: Record<string, string>
  /**
   * The templates' texts. The linter derives the untouched template text from them (`templateLines`) when
   * it is made, so a warm lint that lints no file does not (ADR 42).
   */
  templates?: string[]
  /** Whether the build's standalone schema validators may be used (a worker thread has its own modules). */
  builtValidators?: boolean
  /** Whether the threads split front matter without gray-matter, as the command does (`useFastFrontMatterSplit`). */
  fastFrontMatterSplit?: boolean
  /** `false` (`ADRGATE_NO_FAST_PATHS=1`): the rules take their general paths (`LintSettings.fastPaths`). */
  fastPaths?: boolean
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

/**
 * Compiles the schemas once; returns the function that lints files. The Markdown parser is loaded on
 * the first file a rule needs it for (`BodyParserNeeded`), so a run where every section reads as
 * written text never loads it.
 */
export function createFileLinter(setup: FileLintSetup): (inputs: readonly FileInput[]) => Promise<FileOutput[]> {
  if (setup.builtValidators !== undefined) useBuiltValidators(setup.builtValidators)
  if (setup.fastFrontMatterSplit !== undefined) useFastFrontMatterSplit(setup.fastFrontMatterSplit)
  const validator = compileAdrSchemas(setup.adrSchema, setup.extraSchema)
  const active = activateRules({profile: setup.profile}, setup.overrides, FILE_RULES)
  let parseBody: BodyParser | undefined
  const settings = {
    profile: setup.profile,
    today: setup.today,
    validator,
    statuses: setup.statuses,
    templateLines: new Set(templateLines(setup.templates ?? [])),
    fastPaths: setup.fastPaths,
  }
  const parse = setup.fastPaths === false ? parseAdr : parseAdrForLint
  const lintOne = ({file, text}: FileInput): FileOutput => {
    const adr = parse(text, file, {statuses: setup.statuses})
    return {file, adr: summariseAdr(adr), problems: lintFile(adr, settings, active, parseBody)}
  }
  return async (inputs) => {
    const out: FileOutput[] = []
    for (const input of inputs) {
      try {
        out.push(lintOne(input))
      } catch (error) {
        if (!(error instanceof BodyParserNeeded) || parseBody) throw error
        parseBody = await loadBodyParser(active)
        out.push(lintOne(input))
      }
    }
    return out
  }
}

/**
 * The ADR as the repository rules and the debate rules read it (number, title, status, links…), without
 * its text, sections and front matter: small enough to cache for 10,000 files and to send between threads.
 */
export function summariseAdr(adr: Adr): Adr {
  return {...adr, text: '', sections: [], frontMatter: undefined, problems: []}
}
