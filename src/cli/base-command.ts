import {format} from 'node:util'
import {Command, Config, Flags, type Interfaces, ux} from '@oclif/core'
import {configureCrashPoints} from '../adapters/files/crash-points.js'
import {setNoticeSink} from '../adapters/notices.js'
import {openWorkspace, type Workspace} from '../adapters/workspace.js'
import {useFastFrontMatterSplit} from '../core/adr/front-matter.js'
import {closest} from '../core/cli/closest.js'
import {isAdrError} from '../core/errors.js'
import {useBuiltValidators} from '../core/schema/compiled-validators.js'
import {visible} from '../core/visible.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>

/** Where a command writes: the process's stdout or stderr, or a test's buffer. */
export type Output = NodeJS.WritableStream & {isTTY?: boolean}

/**
 * What a command reads from the world and writes to it, in one place, passed down from here: the
 * process's by default (`processContext`), a test's when it runs a command in-process
 * (`BaseCommand.runIn`), so that no test patches a global.
 */
export interface CommandContext {
  cwd: string
  env: NodeJS.ProcessEnv
  stdin: NodeJS.ReadableStream
  stdout: Output
  stderr: Output
  stdinIsTTY: boolean
  stdoutIsTTY: boolean
  /** Sets the code the run ends with (1 findings, 2 failure) without ending it. */
  setExitCode(code: number): void
}

/**
 * The real process's context: its working directory, environment and standard streams. stdin is
 * looked at only when a command asks for it: Node makes `process.stdin` when it is first read (a
 * `fs.ReadStream` when stdin is a file or /dev/null, a socket for a pipe), about 4 M instructions of
 * a bare `adr list`'s 235 M, and only `--file -`, the prompts and the editor check use it.
 */
export function processContext(): CommandContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    get stdin() {
      return process.stdin
    },
    stdout: process.stdout,
    stderr: process.stderr,
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY)
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    setExitCode: (code) => {
      process.exitCode = code
    },
  }
}

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

  private givenContext?: CommandContext

  /** The workspace the config check opened (`warnAboutConfig`), for the command's first `workspace()` (`reusedWorkspace`). */
  private checked?: {dir: string | undefined; ws: Workspace}

  /**
   * Runs the command as oclif's `Command.run` does (`new Command(argv, config)`, then `_run()`), in
   * `context`: what it leaves out is the process's. `config` is a loaded oclif Config, or the
   * project root to load one from. Tests run commands this way; the binary runs them through oclif.
   */
  static async runIn<T extends typeof BaseCommand>(
    this: T,
    argv: string[],
    context: Partial<CommandContext>,
    config: Config | string,
  ): Promise<unknown> {
    const loaded = typeof config === 'string' ? await Config.load(config) : config
    // `this` is the concrete command (List, Show …), constructed as oclif's own `run` does; Biome's fix
    // for this rule would construct the abstract BaseCommand, which has no `run` ("this.run is not a function")
    // biome-ignore lint/complexity/noThisInStatic: the subclass `runIn` is called on, not BaseCommand
    const Concrete = this as unknown as new (argv: string[], config: Config) => BaseCommand
    const command = new Concrete(argv, loaded)
    // as oclif's run names a command it did not find through the manifest: by its class
    command.id ??= Concrete.name.toLowerCase()
    command.givenContext = {...processContext(), ...context}
    return command._run()
  }

  /** The context the command runs in: the process's, unless `runIn` was given another. */
  protected get context(): CommandContext {
    this.givenContext ??= processContext()
    return this.givenContext
  }

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
    configureCrashPoints(this.env, this.context.cwd)
    // the schema validators the build compiled, unless the general paths are asked for
    useBuiltValidators(this.fastPaths)
    // and the front matter split without gray-matter (splitFrontMatterFast)
    useFastFrontMatterSplit(this.fastPaths)
    // the config check opens the workspace first: its notices are said once, by the command
    let noticed = false
    setNoticeSink(() => {
      noticed = true
    })
    try {
      await this.warnAboutConfig(() => noticed)
    } finally {
      // notices from the adapters (a lock recovered, an interrupted write completed) go to stderr
      setNoticeSink((line) => this.logToStderr(line))
    }
  }

  private async warnAboutConfig(noticed: () => boolean): Promise<void> {
    if (!(this.constructor as typeof BaseCommand).warnsAboutConfig) return
    let ws: Workspace
    const dir = dirFlagOf(this.argv)
    try {
      ws = openWorkspace(this.context.cwd, {dir, env: this.env})
    } catch {
      return
    }
    if (!noticed()) this.checked = {dir, ws}
    if (!ws.configFile) return
    const {configWarnings} = await import('../app/config/config-warnings.js')
    for (const warning of configWarnings(ws)) this.logToStderr(`Warning: ${warning}`)
  }

  /** Human output: control characters from ADRs, commits and records are shown, never obeyed (`--json` is exact). */
  log(message = '', ...args: unknown[]): void {
    if (!this.jsonEnabled()) this.context.stdout.write(`${visible(format(message, ...args))}\n`)
  }

  logToStderr(message = '', ...args: unknown[]): void {
    if (!this.jsonEnabled()) this.context.stderr.write(`${visible(format(message, ...args))}\n`)
  }

  /** Text written as it is (no newline added), such as a whole ADR or a generated document, shown the same way. */
  protected write(text: string): void {
    this.context.stdout.write(visible(text))
  }

  /** A line on stderr even under `--json` (stdout stays pure JSON, and CI logs still show it). */
  protected warnAlways(line: string): void {
    this.context.stderr.write(`${visible(line)}\n`)
  }

  protected setExitCode(code: number): void {
    this.context.setExitCode(code)
  }

  /** The workspace of the ADR directory `dir` names (--dir), else the one found from the working directory. */
  protected workspace(dir?: string): Workspace {
    return this.reusedWorkspace(dir) ?? openWorkspace(this.context.cwd, {dir, env: this.env})
  }

  /**
   * The fast path of `openWorkspace` for a command's first workspace: the one the config check opened
   * moments before in `init` (`warnAboutConfig`), when it was opened for the same --dir and said
   * nothing (a notice swallowed there must be said by the command's own opening). It skips finding the
   * directory and reading the settings files a second time. Taken once; never with
   * `ADRGATE_NO_FAST_PATHS=1`. `test/cli/reused-workspace.test.ts` pins it to `openWorkspace`.
   */
  private reusedWorkspace(dir: string | undefined): Workspace | undefined {
    const checked = this.checked
    this.checked = undefined
    return checked && checked.dir === dir && this.fastPaths ? checked.ws : undefined
  }

  /** The environment, read here and passed down: nothing below `commands/` reads `process.env`. */
  protected get env(): NodeJS.ProcessEnv {
    return this.context.env
  }

  /** What a prompter needs of the context: stdin (and whether a person types there), and stderr to draw on. */
  protected get terminal(): {stdin: NodeJS.ReadableStream; stdinIsTTY: boolean; stderr: NodeJS.WritableStream} {
    return {stdin: this.context.stdin, stdinIsTTY: this.context.stdinIsTTY, stderr: this.context.stderr}
  }

  /** Whether a person is at a terminal (stdin and stdout both are one): only then do editors open. */
  protected get interactive(): boolean {
    return this.context.stdinIsTTY && this.context.stdoutIsTTY
  }

  /** The terminal's width for tables that can widen: `COLUMNS` when set, else the terminal's; none for a pipe. */
  protected get terminalWidth(): number | undefined {
    const columns = Number(this.env.COLUMNS)
    if (Number.isInteger(columns) && columns > 0) return columns
    return this.context.stdoutIsTTY ? (this.context.stdout as {columns?: number}).columns : undefined
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
    if (lines.length && !this.jsonEnabled()) this.context.stdout.write(`${lines.join('\n')}\n`)
  }

  /**
   * Plain `JSON.stringify` unless a JSON theme is configured: oclif's colouriser re-tokenises the
   * whole document, which costs most of a second on 10,000 log events.
   */
  protected logJson(json: unknown): void {
    const text = this.config.theme?.json
      ? ux.colorizeJson(json, {pretty: true, theme: this.config.theme.json})
      : JSON.stringify(json, null, 2)
    this.context.stdout.write(`${text}\n`)
  }

  protected async catch(error: Error & {exitCode?: number}): Promise<unknown> {
    // a parse error means the arguments were read, and refused: not oclif's "did not parse its arguments" warning
    if ('parse' in error) this.parsed = true
    const unknownFlags = (error as {flags?: unknown}).flags
    // oclif's NonExistentFlagsError: its message is generic and its help a wall; say which flag was meant
    if (!isAdrError(error) && 'parse' in error && Array.isArray(unknownFlags)) {
      const suggestions = this.unknownFlags(unknownFlags.map(String))
      if (!this.jsonEnabled()) return undefined
      this.setExitCode(2)
      this.logJson({error: {code: 'INVALID_ARGUMENT', message: error.message.split('\n')[0], suggestions}})
      return undefined
    }
    if (!isAdrError(error)) {
      // A crash is a runtime failure (2), never "findings" (1, oclif's default for unknown errors).
      const withExit = error as Error & {oclif?: {exit?: number}}
      if (withExit.oclif?.exit === undefined) withExit.oclif = {...withExit.oclif, exit: 2}
      if (this.jsonEnabled()) {
        // oclif would print the whole parser context (its config included) and exit 1: one small object, exit 2
        this.setExitCode(withExit.oclif.exit ?? 2)
        // an error before the arguments were parsed is a usage error (a parse error, a flag given twice)
        const usage = 'parse' in error || !this.parsed
        const help = `Run \`${this.config.bin} ${(this.id ?? '').replaceAll(':', ' ')} --help\`.`
        this.logJson({
          error: {code: usage ? 'INVALID_ARGUMENT' : 'INTERNAL_ERROR', message: error.message, suggestions: usage ? [help] : []},
        })
        return undefined
      }
      // as oclif's own catch, without its process.exitCode: the error goes up, and oclif prints it and exits with its code
      this.setExitCode(withExit.oclif.exit ?? 2)
      throw error
    }
    this.setExitCode(error.exit)
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
    this.setExitCode(2)
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
