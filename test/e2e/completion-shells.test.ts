/**
 * The completion scripts in the real shells: bash (always here), zsh and fish (skipped, with a notice,
 * when they are not installed; CI installs them). Each script is loaded as its install line says and
 * asked what it offers, with `adr` on PATH the built binary. PowerShell cannot be installed here: its
 * script's text and the `adr complete --current=…` it calls are tested in test/commands/complete.test.ts.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN} from '../helpers/run-command.js'

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0
const SHELLS = {bash: has('bash'), zsh: has('zsh'), fish: has('fish')}
for (const [shell, present] of Object.entries(SHELLS)) {
  if (present) continue
  // CI installs them (.ci/run): there a missing shell is a failure, not a skip
  if (process.env.ADRGATE_SHELL_TESTS === 'require') throw new Error(`Completion tests need ${shell}, and it is not installed`)
  console.warn(`Completion tests for ${shell} skipped: ${shell} not found (apt-get install ${shell}).`)
}

const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n`
let repo: TempRepo
let home: string
let env: NodeJS.ProcessEnv

beforeAll(() => {
  repo = makeRepo({
    '.adrgate.yaml': 'dir: doc/adr\nstatuses:\n  in-review: proposed\nrelations:\n  implements: implemented by\n',
    'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
    'doc/adr/0002-use-postgresql.md': nygard(2, 'Use PostgreSQL'),
    'doc/adr/0012-queue-invoice-pdfs.md': nygard(12, 'Queue invoice PDFs'),
  })
  // a home of this file's own (fish keeps its history there), and `adr` on PATH: the built binary
  home = mkdtempSync(path.join(tmpdir(), 'adrgate-completion-'))
  const bin = path.join(home, 'bin')
  spawnSync('mkdir', ['-p', bin])
  writeFileSync(path.join(bin, 'adr'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`)
  chmodSync(path.join(bin, 'adr'), 0o755)
  env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.data'),
    PATH: `${bin}:${process.env.PATH}`,
  }
  // each shell's script, as `adr completion SHELL` prints it, loaded from a file by every case as its
  // install line loads the output (one `adr completion` per shell, not one per case)
  for (const name of ['bash', 'zsh', 'fish'] as const) {
    if (!SHELLS[name]) continue
    const r = spawnSync('adr', ['completion', name], {cwd: repo.dir, env, encoding: 'utf8', timeout: 60_000})
    expect(r.status, r.stderr).toBe(0)
    writeFileSync(path.join(home, `completion.${name}`), r.stdout)
  }
})
/** The file holding `adr completion SHELL`'s output. */
const script = (name: string) => JSON.stringify(path.join(home, `completion.${name}`))
afterAll(() => {
  repo?.cleanup()
  if (home) rmSync(home, {recursive: true, force: true})
})

function shell(name: string, script: string): string[] {
  const r = spawnSync(name, ['-c', script], {cwd: repo.dir, env, encoding: 'utf8', timeout: 60_000})
  expect(r.status, r.stderr).toBe(0)
  return r.stdout.split('\n').filter(Boolean)
}

describe.skipIf(!SHELLS.bash)('bash', () => {
  /** What the script puts in COMPREPLY for the words (the last one being completed), as bash would call it. */
  const complete = (...words: string[]) =>
    shell(
      'bash',
      `eval "$(cat ${script('bash')})"\nCOMP_WORDS=(adr ${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length}\n_adr_complete\nprintf '%s\\n' "\${COMPREPLY[@]}"`,
    )

  it('offers each command once, and a topic’s commands', () => {
    const top = complete('')
    expect(top.filter((w) => w === 'debate')).toEqual(['debate'])
    expect(top).toEqual([...new Set(top)])
    expect(top).toEqual(expect.arrayContaining(['completion', 'generate', 'list', 'show', 'status', 'help']))
    expect(complete('generate', '')).toEqual(['graph', 'toc'])
    expect(complete('de')).toEqual(['debate', 'demo'])
  })

  it('offers ADR numbers for a REF, and file names from a fragment of the title', () => {
    expect(complete('show', '')).toEqual(['1', '2', '12'])
    expect(complete('show', '1')).toEqual(['1', '12'])
    expect(complete('show', 'invoice')).toEqual(['0012-queue-invoice-pdfs.md'])
  })

  it('offers statuses and relations, configured ones too, and flags with their values, --flag=value as bash splits it', () => {
    expect(complete('status', '2', '')).toEqual(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'in-review'])
    expect(complete('link', '2', 'imp')).toEqual(['implements', 'implemented\\ by'])
    expect(complete('link', '2', 'relates')).toEqual(['relates\\ to'])
    expect(complete('list', '--st')).toEqual(['--status'])
    expect(complete('list', '--status', '=', 'ac')).toEqual(['accepted'])
    expect(complete('list', '--status', '=')).toContain('in-review')
    expect(complete('lint', '--profile', '')).toEqual(['adr-tools', 'recommended', 'strict'])
  })

  it('hands paths back to bash', () => {
    expect(complete('generate', 'toc', '--write', 'do')).toEqual(['doc'])
  })
})

describe.skipIf(!SHELLS.zsh)('zsh', () => {
  // the completion system's functions, stubbed to print what the script hands them
  const stubs = `compdef() { :; }\n_describe() { local name=$4; print -rl -- "\${(@P)name}"; }\n_files() { print -r -- ":files $*"; }\n`
  const complete = (...words: string[]) =>
    shell(
      'zsh',
      `${stubs}eval "$(cat ${script('zsh')})"\nwords=(adr ${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length + 1}\n_adr_complete`,
    )

  it('describes commands once each, ADRs by their title, and keeps --flag=value whole', () => {
    const top = complete('')
    expect(top.filter((w) => w.startsWith('debate:'))).toHaveLength(1)
    expect(complete('show', '1')).toEqual(['1:record architecture decisions', '12:queue invoice pdfs'])
    expect(complete('list', '--status=in')).toEqual(['--status=in-review'])
    expect(complete('debate', 'st')).toEqual([
      expect.stringMatching(/^start:Start a Logic Gates debate/),
      expect.stringMatching(/^status:/),
    ])
    expect(complete('init', '')).toEqual([':files -/'])
  })
})

describe.skipIf(!SHELLS.fish)('fish', () => {
  const complete = (line: string) => shell('fish', `cat ${script('fish')} | source\ncomplete -C '${line}'`)

  it('completes commands, REFs with their titles, and configured statuses', () => {
    const top = complete('adr ')
    expect(top.filter((w) => w.startsWith('debate\t'))).toHaveLength(1)
    expect(complete('adr show 1')).toEqual(['1\trecord architecture decisions', '12\tqueue invoice pdfs'])
    expect(complete('adr status 2 in-')).toEqual(['in-review'])
    expect(complete('adr list --status=ac')).toEqual(['--status=accepted'])
    expect(complete('adr generate ')).toEqual([expect.stringMatching(/^graph\t/), expect.stringMatching(/^toc\t/)])
  })
})
