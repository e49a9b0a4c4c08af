import {Command, Flags, type Interfaces, ux} from '@oclif/core'
import {openWorkspace, type Workspace} from '../adapters/workspace.js'
import {isAdrError} from '../core/errors.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>

/**
 * What every adrgate command shares: `--dir`, error rendering with stable codes and exit codes
 * (0 ok, 1 findings, 2 failure), and the workspace. Commands stay thin: parse, call one use case,
 * render.
 */
export abstract class BaseCommand extends Command {
  static baseFlags = {
    dir: Flags.string({
      summary: 'The ADR directory (default: found from .adrgate.yaml, .adr-dir, or doc/adr, docs/adr …).',
      helpGroup: 'GLOBAL',
    }),
  }

  protected workspace(dir?: string): Workspace {
    return openWorkspace(process.cwd(), {dir})
  }

  /** The environment, read here and passed down: nothing below `commands/` reads `process.env`. */
  protected get env(): NodeJS.ProcessEnv {
    return process.env
  }

  /**
   * Plain `JSON.stringify` unless a JSON theme is configured: oclif's colouriser re-tokenises the
   * whole document, which costs most of a second on 10,000 log events.
   */
  protected logJson(json: unknown): void {
    if (this.config.theme?.json) super.logJson(json)
    else ux.stdout(JSON.stringify(json, null, 2))
  }

  protected async catch(error: Error & {exitCode?: number}): Promise<unknown> {
    if (!isAdrError(error)) {
      // A crash is a runtime failure (2), never "findings" (1, oclif's default for unknown errors).
      const withExit = error as Error & {oclif?: {exit?: number}}
      if (withExit.oclif?.exit === undefined) withExit.oclif = {...withExit.oclif, exit: 2}
      if (this.jsonEnabled()) {
        // oclif would print the whole parser context (its config included) and exit 1: one small object, exit 2
        process.exitCode = withExit.oclif.exit
        // an error before the arguments were parsed is a usage error (a parse error, a flag given twice)
        const usage = 'parse' in error || !this.parsed
        const help = `Run \`${this.config.bin} ${(this.id ?? '').replaceAll(':', ' ')} --help\`.`
        this.logJson({
          error: {code: usage ? 'INVALID_ARGUMENT' : 'INTERNAL_ERROR', message: error.message, suggestions: usage ? [help] : []},
        })
        return undefined
      }
      return super.catch(error)
    }
    process.exitCode = error.exit
    if (this.jsonEnabled()) {
      this.logJson({error: {code: error.code, message: error.message, suggestions: error.suggestions}})
      return undefined
    }
    // adr-tools' exact first line for a missing directory, so scripts that match it keep working
    this.logToStderr(error.code === 'ADR_DIR_NOT_FOUND' ? error.message : `Error: ${error.message}`)
    for (const suggestion of error.suggestions) this.logToStderr(`  Try: ${suggestion}`)
    return undefined
  }
}
