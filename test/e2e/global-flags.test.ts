import {afterEach, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runBin} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n`

describe('global flags before the command (spawned)', () => {
  it('runs `adr --dir X COMMAND …` and `adr --json COMMAND` as with the flags after the command', () => {
    repo = makeRepo({'decisions/0001-use-go.md': nygard(1, 'Use Go'), 'decisions/0002-use-grpc.md': nygard(2, 'Use gRPC')})
    const after = runBin(['list', '--dir', 'decisions'], repo.dir)
    expect(after.exitCode).toBe(0)
    for (const argv of [
      ['--dir', 'decisions', 'list'],
      ['--dir=decisions', 'list'],
    ]) {
      expect(runBin(argv, repo.dir)).toEqual(after)
    }
    expect(runBin(['--dir', 'decisions', 'generate', 'toc'], repo.dir).stdout).toContain('* [2. Use gRPC](0002-use-grpc.md)')
    const json = runBin(['--json', '--dir', 'decisions', 'show', '2'], repo.dir)
    expect(json.exitCode).toBe(0)
    expect(JSON.parse(json.stdout).adr).toMatchObject({number: 2, title: 'Use gRPC'})
  })

  it('refuses another flag before the command, or no command, with exit 2 and where to put it', () => {
    repo = makeRepo({'decisions/0001-use-go.md': nygard(1, 'Use Go')})
    const quiet = runBin(['--quiet', 'lint'], repo.dir)
    expect(quiet).toMatchObject({exitCode: 2, stdout: ''})
    expect(quiet.stderr).toContain('only --dir and --json may come first')
    const none = runBin(['--dir', 'decisions'], repo.dir)
    expect(none.exitCode).toBe(2)
    expect(none.stderr).toContain('--dir needs a command after it')
    const typo = runBin(['--dir', 'decisions', 'lsit'], repo.dir)
    expect(typo.exitCode).toBe(2)
    expect(typo.stderr).toContain('Try: `adr list --dir decisions`')
  })
})
