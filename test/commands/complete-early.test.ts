/**
 * `adr complete` before oclif loads (src/cli/complete-early.ts) against the `complete` command oclif
 * runs: the same commands and topics read from the manifest file as from oclif's loaded config, the
 * same candidates for every kind of word, and bin/run.js taking the early path only for the command
 * lines the completion scripts run.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Config} from '@oclif/core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {openWorkspace} from '../../src/adapters/workspace.js'
import {completeEarly, isEarlyCompletion, manifestSource} from '../../src/cli/complete-early.js'
import {completionText} from '../../src/cli/completion-run.js'
import {completionSpecs} from '../../src/cli/completion-specs.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN, PROJECT_ROOT, runBin} from '../helpers/run-command.js'

const json = (file: string) => JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Record<string, unknown>
const manifest = json('oclif.manifest.json')
const pjson = json('package.json')
const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n`

let config: Config
let repo: TempRepo
beforeAll(async () => {
  config = await Config.load(PROJECT_ROOT)
  repo = makeRepo({
    '.adrgate.yaml':
      'dirs:\n  - {name: web, path: web/adr}\n  - {name: api, path: api/adr}\nstatuses:\n  in-review: proposed\nrelations:\n  implements: implemented by\n',
    'web/adr/0001-use-react.md': nygard(1, 'Use React'),
    'api/adr/0001-use-go.md': nygard(1, 'Use Go'),
    'api/adr/0002-use-grpc.md': nygard(2, 'Use gRPC'),
  })
})
afterAll(() => repo?.cleanup())

/** Word lists of every kind, for every command: its name typed in part, its flags, its values. */
function wordLists(): string[][] {
  const lists: string[][] = [[''], ['g'], ['generate', ''], ['debate', 's'], ['help', ''], ['help', 'generate', ''], ['--'], ['nope', '']]
  for (const command of config.commands) {
    const words = command.id.split(':')
    lists.push(
      [...words.slice(0, -1), words.at(-1)?.slice(0, 2) ?? ''],
      [...words, ''],
      [...words, '-'],
      [...words, '--'],
      [...words, '--no-'],
    )
    for (const flag of Object.values(command.flags ?? {})) {
      if (flag.type !== 'option') continue
      lists.push([...words, `--${flag.name}`, ''], [...words, `--${flag.name}=`], [...words, `--${flag.name}`, '=', 'a'])
    }
    lists.push([...words, 'x', ''], [...words, '--dir', 'web/adr', ''])
  }
  return lists
}

describe('adr complete before oclif loads', () => {
  it('reads the same commands and topics from the manifest file as oclif’s loaded config holds', () => {
    const early = manifestSource(manifest, pjson)
    expect(early).toBeDefined()
    expect(completionSpecs(early ?? config)).toEqual(completionSpecs(config))
    expect(early?.bin).toBe(config.bin)
  })

  it('offers the same candidates as the command for every kind of word', async () => {
    const early = manifestSource(manifest, pjson)
    if (!early) throw new Error('no manifest source')
    const open = (dir?: string) => openWorkspace(repo.dir, {dir, env: process.env})
    const lists = wordLists()
    expect(lists.length).toBeGreaterThan(200)
    const differ: string[] = []
    let offered = 0
    for (const words of lists) {
      const argv = ['--', ...words]
      const [fast, general] = [await completionText(early, argv, open), await completionText(config, argv, open)]
      if (fast !== general) differ.push(JSON.stringify(words))
      if (fast) offered++
    }
    expect(differ).toEqual([])
    // the lists reach commands, flags and the repository's values, not only empty answers
    expect(offered).toBeGreaterThan(lists.length / 2)
  })

  it('does not trust a manifest built for another version, nor one without commands', () => {
    expect(manifestSource({...manifest, version: '9.9.9'}, pjson)).toBeUndefined()
    expect(manifestSource({version: manifest.version}, pjson)).toBeUndefined()
  })

  it('is taken only for the command lines the completion scripts run, never with ADRGATE_NO_FAST_PATHS=1', async () => {
    const env = {}
    expect(isEarlyCompletion(['complete', '--', 'show', ''], env)).toBe(true)
    expect(isEarlyCompletion(['complete', '--current=', '--', 'show'], env)).toBe(true)
    expect(isEarlyCompletion(['complete', '--help', '--', 'show'], env)).toBe(false)
    expect(isEarlyCompletion(['complete', 'show', ''], env)).toBe(false)
    expect(isEarlyCompletion(['list', '--', 'x'], env)).toBe(false)
    expect(isEarlyCompletion(['complete', '--', 'show', ''], {ADRGATE_NO_FAST_PATHS: '1'})).toBe(false)
    // refused: nothing written, for oclif to run the command
    const out: string[] = []
    const stream = {write: (s: string) => out.push(s) > 0} as unknown as NodeJS.WritableStream
    const context = {cwd: () => repo.dir, env: {}, stdout: stream, stderr: stream}
    expect(await completeEarly(['complete', '--help'], context)).toBe(false)
    expect(out).toEqual([])
  })

  it('leaves a working directory removed under the shell to oclif, which says so (no crash of its own)', () => {
    const r = spawnSync(
      'sh',
      ['-c', `mkdir gone && cd gone && rmdir ../gone && exec "$0" "$1" complete -- show ''`, process.execPath, BIN],
      {
        cwd: repo.dir,
        encoding: 'utf8',
      },
    )
    expect(r.stderr).toContain('current directory does not exist')
    expect(r.stderr).not.toMatch(/\bat file:/)
    expect(r.stdout).toBe('')
  })

  it('the binary answers early, without loading oclif, what the command prints through oclif', () => {
    // the hook of lazy-modules.test.ts records every module the process loads
    const log = path.join(repo.dir, '.git', 'modules.txt')
    const hook = {NODE_OPTIONS: `--import=${path.join(PROJECT_ROOT, 'test/helpers/module-log-hook.mjs')}`, ADRGATE_MODULE_LOG: log}
    const early = runBin(['complete', '--', 'show', 'api/'], repo.dir, hook)
    expect(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((m) => m.includes('node_modules/@oclif/')),
    ).toEqual([])
    const general = runBin(['complete', '--', 'show', 'api/'], repo.dir, {ADRGATE_NO_FAST_PATHS: '1'})
    expect(early).toEqual({stdout: 'api/1\tuse go\napi/2\tuse grpc\n', stderr: '', exitCode: 0})
    expect(general).toEqual(early)
  })
})
