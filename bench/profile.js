#!/usr/bin/env node
// Profiles one adr command on a synthetic repository and says where the time goes, by package and by
// function. With --keep FILE it also keeps the .cpuprofile there (it opens in Chrome DevTools:
// Performance → Load profile); its temporary directory is always removed. A command that writes (`new`)
// is undone afterwards, as the bench undoes it, so the cached repository stays as it was built.
//
//   npm run build && node bench/profile.js [--size 1000] [--no-manifest] [--keep out.cpuprofile] -- list --long
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {makeCliSnapshot} from './cli-snapshot.js'
import {ensureRepository, resetRepository} from './synthetic-repo.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    size: {type: 'string', default: '1000'},
    'no-manifest': {type: 'boolean', default: false},
    keep: {type: 'string'},
  },
})
const size = Number(values.size)
const log = (line) => process.stderr.write(`[profile] ${line}\n`)
const repo = ensureRepository({name: String(size), size, log})
const cli = makeCliSnapshot(ROOT)
const out = mkdtempSync(path.join(tmpdir(), 'adrgate-profile-'))
try {
  if (!values['no-manifest']) cli.withManifest()
  log(`adr ${positionals.join(' ')} in ${repo.dir}`)
  try {
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${out}`, cli.bin, ...positionals], {
      cwd: repo.dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  } catch (error) {
    log(`the command exited with ${error.status}; its profile is still read`)
  }
  // the main thread's profile (a lint's worker threads write theirs beside it, read here too)
  const files = readdirSync(out)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
  for (const [i, name] of files.entries()) {
    if (files.length > 1) process.stdout.write(`${i === 0 ? '' : '\n'}== ${i === 0 ? 'main thread' : `thread ${i}`}\n`)
    summarise(JSON.parse(readFileSync(path.join(out, name), 'utf8')))
  }
  if (values.keep && files.length) {
    copyFileSync(path.join(out, files[0]), values.keep)
    process.stdout.write(`\nprofile: ${path.resolve(values.keep)}\n`)
  }
} finally {
  cli.remove()
  rmSync(out, {recursive: true, force: true})
  resetRepository(repo.dir, 'docs/adr')
}

function summarise(profile) {
  const self = new Map()
  for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  const byPackage = new Map()
  const byFunction = new Map()
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0
    if (!us) continue
    const {url, functionName, lineNumber} = node.callFrame
    const where = ownerOf(url, functionName)
    byPackage.set(where, (byPackage.get(where) ?? 0) + us)
    const fn = `${functionName || '(anonymous)'} ${url ? `${shorten(url)}:${lineNumber + 1}` : ''}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us)
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  process.stdout.write(`${(total / 1000).toFixed(0)} ms sampled\n\nself time by package\n`)
  print(byPackage, 15)
  process.stdout.write('\nself time by function\n')
  print(byFunction, 20)
}

function ownerOf(url, functionName) {
  if (!url) return `(${functionName || 'native'})`
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1]
  if (url.startsWith('node:')) return 'node internals (module loading, streams, fs)'
  return url.includes('/dist/') ? `dist/${url.split('/dist/').pop()}` : url
}

function shorten(url) {
  return url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')
}

function print(map, count) {
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    process.stdout.write(`${(us / 1000).toFixed(1).padStart(9)} ms  ${key}\n`)
  }
}
