import {execFileSync, spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import type {DebateRecord} from '../../src/core/debate/record.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN, PROJECT_ROOT} from '../helpers/run-command.js'

/**
 * Drives a real interactive session in a pseudo-terminal with python3's `pty` module: it waits until
 * each expected prompt text is on the screen, then types the keys (no sleeps). dist/ is built once,
 * before the suite (test/helpers/global-setup.ts). Prints a JSON report: exit status and transcript.
 */
const DRIVER = `
import fcntl, json, os, pty, select, struct, sys, termios, time
argv, steps, cwd = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
pid, fd = pty.fork()
if pid == 0:
    os.chdir(cwd)
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 200, 0, 0))
    os.environ.update({'NO_COLOR': '1', 'TERM': 'xterm', 'COLUMNS': '200', 'LINES': '50'})
    os.execvp(argv[0], argv)
out, pos, failed = b'', 0, None
def read(deadline):
    global out
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            out += chunk
            return True
    return True
for expect, keys in steps:
    deadline = time.time() + 20
    while out.find(expect.encode(), pos) < 0:
        if time.time() > deadline or not read(deadline):
            failed = expect
            break
    if failed:
        break
    pos = out.find(expect.encode(), pos) + len(expect)
    os.write(fd, ''.join(keys).encode())
end = time.time() + (2 if failed else 30)
while time.time() < end and read(end):
    pass
if failed:
    os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
print(json.dumps({'status': os.waitstatus_to_exitcode(status), 'failed': failed, 'transcript': out.decode('utf8', 'replace')}))
`

const hasPython = spawnSync('python3', ['-c', 'import pty'], {encoding: 'utf8'}).status === 0
const ENTER = '\r'
const DOWN = '\u001b[B'
const TAB = '\t'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

function drive(args: string[], steps: [string, string[]][], cwd: string): {status: number; failed: string | null; transcript: string} {
  const out = execFileSync('python3', ['-c', DRIVER, JSON.stringify([process.execPath, BIN, ...args]), JSON.stringify(steps), cwd], {
    encoding: 'utf8',
    env: {...process.env, ADR_DATE: '2026-11-20'},
    timeout: 240_000,
  })
  return JSON.parse(out)
}

const TITLE = hasPython
  ? 'adr debate at a real terminal (pseudo-terminal)'
  : 'adr debate at a real terminal: SKIPPED, python3 with its pty module is needed to drive a pseudo-terminal'

describe.skipIf(!hasPython)(TITLE, () => {
  it('runs a fast-track session end to end: blind answers hidden (length too) with Tab to show them, the gates shown, the ADR accepted', () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const type = (text: string) => [text, ENTER]
    const r = drive(
      ['debate', 'start', 'Feature flags', '--participant', 'alice', '--participant', 'bob', '--approver', 'dana', '--fast'],
      [
        ['product question', type('Which flags tool')],
        ['ending in "?"', ['\u007f'.repeat(16), ...type('How do product teams get feature flags to customers within a day?')]],
        ['alice › Which option do you favour now?', type('LaunchDarkly')],
        ['alice › What does success look like', type('A flag ships the day it is asked for')],
        ['bob › Which option do you favour now?', type('Unleash')],
        ['bob › What does success look like', type('Flags cost nothing per seat')],
        // a blind answer is typed hidden; Tab shows what was typed, Tab again hides it
        ['alice › Person-weeks to reverse', ['1, 2, two-way', TAB]],
        ['1, 2, two-way [shown: Tab hides it]', [TAB, ENTER]],
        ['bob › Person-weeks to reverse', type('0.5, 3, two-way')],
        ['One to three drivers', type('Flags ship within a day; Cost stays under 200 euros a month')],
        ['Which options are on the table?', type('LaunchDarkly, Unleash')],
        ['dana › Which option do you decide for?', [DOWN, ENTER]],
        ["dana › Why, in the product's terms?", type('It meets both drivers at the lowest cost')],
        ['What gets worse?', type('We run one more service')],
        ['How will you confirm', type('npm test runs the flag contract test in CI')],
        ['alice › Your stance on Unleash?', [DOWN, ENTER]],
        ['alice › Your dissent on Unleash', [ENTER]],
        ['bob › Your stance on Unleash?', [ENTER]],
      ],
      repo.dir,
    )
    expect(r.failed, r.transcript).toBeNull()
    expect(r.status, r.transcript).toBe(0)
    expect(r.transcript).toContain('Gate 1 of 8 · Frame')
    expect(r.transcript).toContain('Gate 3 of 8 · Drivers (lite)')
    expect(r.transcript).toContain('Gate 8 of 8 · Consent & commit (lite)')
    const beforeReveal = r.transcript.slice(0, r.transcript.indexOf('Revealed:'))
    expect(beforeReveal).not.toContain('0.5, 3')
    // nothing of a hidden answer shows, not even its length: no mask character per letter
    expect(beforeReveal).toContain('bob › Person-weeks to reverse')
    expect(beforeReveal).toContain('[hidden: Tab shows what you typed]')
    expect(beforeReveal).not.toMatch(/\*{3,}/)
    expect(beforeReveal).toContain('[given, hidden until everyone has answered]')
    expect(r.transcript).toContain('bob two-way (0.5 / 3 weeks)')
    const adr = readFileSync(path.join(repo.dir, 'docs/adr/0001-feature-flags.md'), 'utf8')
    expect(adr).toContain('status: accepted')
    expect(adr).toContain('Chosen option: "Unleash"')
    const record = parse(readFileSync(path.join(repo.dir, 'docs/adr/debates/0001-feature-flags.yaml'), 'utf8')) as DebateRecord
    expect(record.question).toBe('How do product teams get feature flags to customers within a day?')
    expect(record.track).toBe('fast')
    expect(record.decision?.chosen).toBe('unleash')
    expect(record.commitments).toEqual([
      {participant: 'alice', stance: 'disagree-and-commit'},
      {participant: 'bob', stance: 'agree'},
    ])
  })

  it('Ctrl-C keeps every answer given; resume picks up at the same question', () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const first = drive(
      ['debate', 'start', 'Primary datastore', '--participant', 'alice', '--participant', 'bob', '--approver', 'dana'],
      [
        ['product question', ['How should Tally store invoices so that totals are never wrong?', ENTER]],
        ['Context:', ['\u0003']],
      ],
      repo.dir,
    )
    expect(first.status, first.transcript).toBe(130)
    expect(first.transcript).toContain('Every answer given so far is saved')
    expect(first.transcript).toContain('Started ADR 1: docs/adr/0001-primary-datastore.md')
    expect(first.transcript).toContain('adr debate resume 1')
    const second = drive(['debate', 'resume', '1'], [['Context:', ['\u0003']]], repo.dir)
    expect(second.transcript).not.toContain('product question')
    expect(second.status).toBe(130)
    const record = parse(readFileSync(path.join(repo.dir, 'docs/adr/debates/0001-primary-datastore.yaml'), 'utf8')) as DebateRecord
    expect(record.in_progress?.answers['frame.question']).toBe('How should Tally store invoices so that totals are never wrong?')
  })
})

describe('adr debate answer --file - (stdin, no terminal)', () => {
  it('reads the answers from stdin and never waits', () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const env = {...process.env, ADR_DATE: '2026-11-20', NO_COLOR: '1'}
    const started = spawnSync(
      process.execPath,
      [BIN, 'debate', 'start', 'Primary datastore for Tally', '--participant', 'alice', '--participant', 'bob', '--approver', 'dana'],
      {cwd: repo.dir, env, encoding: 'utf8', input: ''},
    )
    expect(started.status).toBe(2)
    expect(started.stderr).toContain('No answer for `frame.question`')
    const input = readFileSync(path.join(PROJECT_ROOT, 'examples/debates/invoicing-answers.yaml'), 'utf8')
    const r = spawnSync(process.execPath, [BIN, 'debate', 'answer', '1', '--file', '-'], {cwd: repo.dir, env, encoding: 'utf8', input})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('docs/adr/0001-primary-datastore-for-tally.md\taccepted\tPostgreSQL 16\n')
  })
})
