import {afterEach, describe, expect, it} from 'vitest'
import Complete from '../../src/commands/complete.js'
import Completion from '../../src/commands/completion.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n`
const complete = async (words: string[], cwd = repo?.dir ?? '', options: string[] = []) => {
  const r = await runCommand(Complete, [...options, '--', ...words], cwd)
  expect(r.exitCode).toBe(0)
  expect(r.stderr).toBe('')
  return r.stdout.split('\n').filter(Boolean)
}

describe('adr complete', () => {
  it('qualifies ADR numbers by directory among several, and completes directory names for --package', async () => {
    repo = makeRepo({
      '.adrgate.yaml': 'dirs:\n  - {name: web, path: web/adr}\n  - {name: api, path: api/adr}\n',
      'web/adr/0001-use-react.md': nygard(1, 'Use React'),
      'api/adr/0001-use-go.md': nygard(1, 'Use Go'),
      'api/adr/0002-use-grpc.md': nygard(2, 'Use gRPC'),
    })
    expect(await complete(['show', ''])).toEqual(['web/1\tuse react', 'api/1\tuse go', 'api/2\tuse grpc'])
    expect(await complete(['show', 'api/'])).toEqual(['api/1\tuse go', 'api/2\tuse grpc'])
    expect(await complete(['show', 'grpc'])).toEqual(['api/0002-use-grpc.md\tuse grpc'])
    expect(await complete(['new', '--package', ''])).toEqual(['web', 'api'])
    expect(await complete(['generate', 'toc', '--package=a'])).toEqual(['--package=api'])
  })

  it('reads the directory --dir names, and offers lint rule ids with their descriptions', async () => {
    repo = makeRepo({'elsewhere/0007-use-kafka.md': nygard(7, 'Use Kafka'), 'doc/adr/0001-record.md': nygard(1, 'Record')})
    expect(await complete(['show', '--dir', 'elsewhere', ''])).toEqual(['7\tuse kafka'])
    expect(await complete(['show', ''])).toEqual(['1\trecord'])
    const rules = await complete(['lint', '--rule', 'toc'])
    expect(rules).toEqual([expect.stringMatching(/^toc-current\tA table of contents/)])
  })

  it('takes the word being completed from --current=, as PowerShell passes it (an empty one too)', async () => {
    repo = makeRepo({'doc/adr/0001-record.md': nygard(1, 'Record'), 'doc/adr/0002-use-x.md': nygard(2, 'Use X')})
    expect(await complete(['show'], repo.dir, ['--current='])).toEqual(['1\trecord', '2\tuse x'])
    expect(await complete(['status', '1'], repo.dir, ['--current=acc'])).toEqual(['accepted'])
  })

  it('prints nothing, and exits 0, where there is nothing to offer or the repository cannot be read', async () => {
    repo = makeRepo({'README.md': '# No ADRs here\n', '.adrgate.yaml': 'dir: [not, a, string]\n'})
    expect(await complete(['show', ''])).toEqual([])
    expect(await complete(['nonsense', ''])).toEqual([])
    expect(await complete(['search', ''])).toEqual([])
  })
})

describe('adr completion', () => {
  it('prints a script per shell that calls adr complete, and how to install each without SHELL', async () => {
    repo = makeRepo()
    const scripts: Record<string, string> = {}
    for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
      const r = await runCommand(Completion, [shell], repo.dir)
      expect(r.exitCode).toBe(0)
      expect(r.stdout).toContain('adr complete')
      scripts[shell] = r.stdout
    }
    expect(scripts.bash).toContain('complete -F _adr_complete adr')
    expect(scripts.zsh.split('\n')[0]).toBe('#compdef adr')
    expect(scripts.fish).toContain("complete -c adr -f -a '(_adr_complete)'")
    // PowerShell: a native completer that passes the word apart, keeps paths to PowerShell, quotes values with spaces
    expect(scripts.powershell).toContain('Register-ArgumentCompleter -Native -CommandName adr -ScriptBlock')
    expect(scripts.powershell).toContain('& adr complete "--current=$wordToComplete" -- @words')
    expect(scripts.powershell).toContain("$out[0] -eq ':files'")
    expect(scripts.powershell).toContain("[System.Management.Automation.CompletionResult]::new($text, $value, 'ParameterValue', $tip)")
    const help = await runCommand(Completion, [], repo.dir)
    expect(help.stdout).toContain('eval "$(adr completion bash)"')
    expect(help.stdout).toContain('Invoke-Expression')
    expect((await runCommand(Completion, ['tcsh'], repo.dir)).exitCode).toBe(2)
  })
})
