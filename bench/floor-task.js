// The file-system floors (see floors.js): the least Node can do for a task, run as its own process.
//   node bench/floor-task.js readdir DIR | read-one FILE | read-all DIR | write-one DIR | git ARGS…
// `git ARGS…` runs git and drains its output (its CPU counts as this process's children's).
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

const [task, target] = process.argv.slice(2)
const decoder = new TextDecoder('utf-8', {fatal: true})
if (task === 'readdir') process.stdout.write(`${readdirSync(target).length}\n`)
else if (task === 'read-one') process.stdout.write(decoder.decode(readFileSync(target)))
else if (task === 'read-all') {
  let bytes = 0
  for (const name of readdirSync(target)) if (name.endsWith('.md')) bytes += decoder.decode(readFileSync(path.join(target, name))).length
  process.stdout.write(`${bytes}\n`)
} else if (task === 'write-one') {
  const file = path.join(target, `${readdirSync(target).length + 1}-floor.md`)
  writeFileSync(file, '# Floor\n', {flag: 'wx'})
  rmSync(file)
  process.stdout.write(`${file}\n`)
} else if (task === 'git') {
  const result = spawnSync('git', process.argv.slice(3), {stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30})
  process.stdout.write(`${result.stdout?.length ?? 0}\n`)
  process.exitCode = result.status ?? 2
} else {
  process.stderr.write('Usage: node bench/floor-task.js readdir DIR | read-one FILE | read-all DIR | write-one DIR | git ARGS…\n')
  process.exit(2)
}
