#!/usr/bin/env node
// `node scripts/lint-fixtures.js [--profile P] [--json]`: the default `adr lint` over every fixture
// family (test/fixtures/adrs/<family>/ and test/fixtures/repos/<scenario>/), one row a family with
// its error and warning counts and each finding that remains (rule, file, message), so the findings
// left on real-world variations can be read at a glance (issue 9). Runs the built CLI (`npm run build`
// first) on a copy of each fixture in a temporary git repository, so nothing is written to the tree.
// Families that are not ADR directories on purpose (`adrs/not-adrs`, `repos/no-adr-directory`,
// `repos/dir-decoy`) are shown with what lint says of them. Exits 0: it reports, it does not gate.
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BIN = path.join(ROOT, 'bin', 'run.js')
const FIXTURES = path.join(ROOT, 'test', 'fixtures')
const {values: options} = parseArgs({options: {profile: {type: 'string'}, json: {type: 'boolean', default: false}}})

if (!existsSync(path.join(ROOT, 'dist', 'commands', 'lint.js'))) {
  process.stderr.write('Build first: npm run build\n')
  process.exit(2)
}

const env = {...process.env, NO_COLOR: '1', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null'}
for (const key of ['ADRGATE_NO_FAST_PATHS', 'EDITOR', 'VISUAL']) delete env[key]

/** Lints one fixture: `adrs/<family>` as an ADR directory (`adr lint DIR`), a `repos/<scenario>` from its root. */
function lintFamily(kind, name) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'adrgate-lint-fixtures-'))
  try {
    const source = path.join(FIXTURES, kind, name)
    const target = kind === 'adrs' ? path.join(scratch, 'docs', 'adr') : scratch
    cpSync(source, target, {recursive: true})
    const git = (...args) => execFileSync('git', args, {cwd: scratch, env, stdio: 'ignore'})
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git('-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.org', 'commit', '-q', '--allow-empty', '-m', 'fixture')
    const args = [BIN, 'lint', '--json', '--no-cache', ...(options.profile ? ['--profile', options.profile] : [])]
    if (kind === 'adrs') args.push('docs/adr')
    const run = spawnSync(process.execPath, args, {cwd: scratch, env, encoding: 'utf8', maxBuffer: 1 << 26})
    let report
    try {
      report = JSON.parse(run.stdout)
    } catch {
      return {family: `${kind}/${name}`, exit: run.status, error: (run.stderr || run.stdout).trim().split('\n')[0]}
    }
    if (report.error) return {family: `${kind}/${name}`, exit: run.status, error: `${report.error.code}: ${report.error.message}`}
    const flat = report.problems ?? []
    return {
      family: `${kind}/${name}`,
      exit: run.status,
      files: report.files?.length,
      errors: flat.filter((p) => p.severity === 'error').length,
      warnings: flat.filter((p) => p.severity === 'warning').length,
      findings: flat.map((p) => ({rule: p.rule, severity: p.severity, file: kind === 'adrs' ? path.relative('docs/adr', p.file) : p.file, line: p.line, message: p.message})),
    }
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
}

const families = ['adrs', 'repos'].flatMap((kind) =>
  readdirSync(path.join(FIXTURES, kind), {withFileTypes: true})
    .filter((e) => e.isDirectory())
    .map((e) => [kind, e.name]),
)
const rows = families.map(([kind, name]) => lintFamily(kind, name))

if (options.json) {
  process.stdout.write(`${JSON.stringify({profile: options.profile ?? 'default', families: rows}, null, 2)}\n`)
} else {
  const out = [`adr lint (${options.profile ?? 'default profile'}) over ${rows.length} fixture families`, '']
  const width = Math.max(...rows.map((r) => r.family.length))
  out.push(`${'family'.padEnd(width)}  exit  files  errors  warnings`)
  for (const r of rows) {
    if (r.error) {
      out.push(`${r.family.padEnd(width)}  ${String(r.exit).padStart(4)}  ${r.error}`)
      continue
    }
    out.push(
      `${r.family.padEnd(width)}  ${String(r.exit).padStart(4)}  ${String(r.files ?? '?').padStart(5)}  ${String(r.errors).padStart(6)}  ${String(r.warnings).padStart(8)}`,
    )
    for (const f of r.findings) out.push(`${''.padEnd(width)}    ${f.severity === 'error' ? 'E' : 'W'} ${f.rule}  ${f.file}:${f.line}  ${f.message}`)
  }
  process.stdout.write(`${out.join('\n')}\n`)
}
