#!/usr/bin/env node
// `adr --version` (and `-v`) is answered before oclif loads (it prints what oclif would print), so
// scripts that probe the version pay for Node's start-up only. Everything else goes through oclif.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
  const {readFileSync} = await import('node:fs')
  const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`adrgate/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  const {execute} = await import('@oclif/core')
  await execute({dir: import.meta.url})
}
