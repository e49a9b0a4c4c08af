import {format} from 'node:util'
import {Command, Flags, type Interfaces, ux} from '@oclif/core'
import {configureCrashPoints} from '../adapters/files/crash-points.js'
import {setNoticeSink} from '../adapters/notices.js'
import {openWorkspace, type Workspace} from '../adapters/workspace.js'
import {closest} from '../core/cli/closest.js'
import {isAdrError} from '../core/errors.js'
import {useBuiltValidators} from '../core/schema/compiled-validators.js'
import {visible} from '../core/visible.js'

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

  /** Whether `workspace()` prints what is wrong with `.adrgate.yaml` (`adr lint` reports it as findings instead). */
  static warnsAboutConfig = true

  /**
   * Before the command runs: what is wrong with `.adrgate.yaml` against its schema, as warnings on
   * stderr. The checker (and ajv) load only when there is a config file, so a run without one pays
   * nothing; a config that cannot be read at all is left for the command, which reports it.
   */
  async init(): Promise<void> {
    await super.init()
    // oclif reads a missing argument from stdin when stdin is not a terminal (waiting up to 10 ms for
    // it), so `cat answers.yaml | adr debate start --file -` took the answers as the title: arguments
    // come from the command line only, stdin is for `--file -`
    for (const arg of Object.values(this.ctor.args ?? {})) arg.ignoreStdin = true
    configureCrashPoints(this.env)
    // the schema validators the build compiled, unless the general paths are asked for
    useBuiltValidators(this.fastPaths)
    // the config check opens the workspace once more: its notices are said once, by the command
    setNoticeSink(() => undefined)
    try {
      await this.warnAboutConfig()
    } finally {
      // notices from the adapters (a lock recovered, an interrupted write completed) go to stderr
      setNoticeSink((line) => this.logToStderr(line))
    }
  }

  private async warnAboutConfig(): Promise<void> {
    if (!(this.constructor as typeof BaseCommand).warnsAboutConfig) return
    let ws: Workspace
    try {
      ws = openWorkspace(process.cwd(), {dir: dirFlagOf(this.argv)})
    } catch {
      return
    }
    if (!ws.configFile) return
    const {configWarnings} = await import('../app/config/config-warnings.js')
    for (const warning of configWarnings(ws)) this.logToStderr(`Warning: ${warning}`)
  }

  /** Human output: control characters from ADRs, commits and records are shown, never obeyed (`--json` is exact). */
  log(message = '', ...args: unknown[]): void {
    super.log(visible(format(message, ...args)))
  }

  logToStderr(message = '', ...args: unknown[]): void {
    super.logToStderr(visible(format(message, ...args)))
  }

  /** Text written as it is (no newline added), such as a whole ADR or a generated document, shown the same way. */
  protected write(text: string): void {
    process.stdout.write(visible(text))
  }

  protected workspace(dir?: string): Workspace {
    return openWorkspace(process.cwd(), {dir})
  }

  /** The environment, read here and passed down: nothing below `commands/` reads `process.env`. */
  protected get env(): NodeJS.ProcessEnv {
    return process.env
  }

  /** Whether a person is at a terminal (stdin and stdout both are one): only then do editors open. */
  protected get interactive(): boolean {
    return Boolean(process.stdin.isTTY && process.stdout.isTTY)
  }

  /** The terminal's width for tables that can widen: `COLUMNS` when set, else the terminal's; none for a pipe. */
  protected get terminalWidth(): number | undefined {
    const columns = Number(this.env.COLUMNS)
    if (Number.isInteger(columns) && columns > 0) return columns
    return process.stdout.isTTY ? process.stdout.columns : undefined
  }

  /**
   * Whether the fast paths (`listAdrPaths`, `showAdrText` …) may be taken. `ADRGATE_NO_FAST_PATHS=1`
   * takes the general paths instead: the bench and the tests compare the two outputs byte for byte.
   */
  protected get fastPaths(): boolean {
    return this.env.ADRGATE_NO_FAST_PATHS !== '1'
  }

  /** `this.log` for many lines, in one write (`this.log` is a format and a write per line); nothing under --json. */
  protected logLines(lines: readonly string[]): void {
    if (lines.length && !this.jsonEnabled()) process.stdout.write(`${lines.join('\n')}\n`)
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
    const unknownFlags = (error as {flags?: unknown}).flags
    // oclif's NonExistentFlagsError: its message is generic and its help a wall; say which flag was meant
    if (!isAdrError(error) && 'parse' in error && Array.isArray(unknownFlags)) {
      const suggestions = this.unknownFlags(unknownFlags.map(String))
      if (!this.jsonEnabled()) return undefined
      process.exitCode = 2
      this.logJson({error: {code: 'INVALID_ARGUMENT', message: error.message.split('\n')[0], suggestions}})
      return undefined
    }
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
      this.logJson({error: {code: error.code, message: error.message, suggestions: error.suggestions, ...error.data}})
      return undefined
    }
    // adr-tools' exact first line for a missing directory, so scripts that match it keep working
    this.logToStderr(error.code === 'ADR_DIR_NOT_FOUND' ? error.message : `Error: ${error.message}`)
    for (const suggestion of error.suggestions) this.logToStderr(`  Try: ${suggestion}`)
    return undefined
  }

  /**
   * A mistyped flag: which one, the closest this command has, exit 2 (usage error); no wall of help.
   * Prints to stderr (unless --json) and returns the suggestions.
   */
  private unknownFlags(typed: string[]): string[] {
    const known = new Map<string, string>()
    const flags = {...this.ctor.baseFlags, ...this.ctor.flags} as Record<string, {char?: string; allowNo?: boolean}>
    if (this.ctor.enableJsonFlag) flags.json = {}
    for (const [name, flag] of Object.entries(flags)) {
      known.set(`--${name}`, `--${name}`)
      if (flag.allowNo) known.set(`--no-${name}`, `--no-${name}`)
      if (flag.char) known.set(`-${flag.char}`, `-${flag.char}`)
    }
    const command = `${this.config.bin} ${(this.id ?? '').replaceAll(':', ' ')}`.trim()
    const suggestions: string[] = []
    const json = this.jsonEnabled()
    for (const flag of typed) {
      const name = flag.split('=')[0]
      const suggestion = name.startsWith('--')
        ? closest(
            name,
            [...known.keys()].filter((k) => k.startsWith('--')),
          )
        : undefined
      if (!json) this.logToStderr(`Error: \`${command}\` has no flag ${name}.`)
      if (suggestion) {
        suggestions.push(`Did you mean ${suggestion}?`)
        if (!json) this.logToStderr(`  Did you mean ${suggestion}?`)
      }
    }
    suggestions.push(`\`${command} --help\` lists its flags.`)
    if (!json) this.logToStderr(`  Try: \`${command} --help\` lists its flags.`)
    process.exitCode = 2
    return suggestions
  }
}

/** `--dir X` or `--dir=X` in the raw arguments (before `--`), for the config check that runs before parsing. */
function dirFlagOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return undefined
    if (argv[i] === '--dir') return argv[i + 1]
    if (argv[i].startsWith('--dir=')) return argv[i].slice('--dir='.length)
  }
  return undefined
}
