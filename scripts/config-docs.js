#!/usr/bin/env node
// The README's "Configuration" section, generated from schemas/config.schema.json (each key's
// `description`), between <!-- config --> and <!-- configstop -->.
//   node scripts/config-docs.js          rewrite README.md (npm run docs:config)
//   node scripts/config-docs.js --check  exit 1 when README.md is not what the schema generates (CI)
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const START = '<!-- config -->'
const END = '<!-- configstop -->'

/** One row per top-level key: the key, the values it takes, and its description. */
export function renderConfigSection(schema) {
  const rows = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const description = String(property.description ?? '').replaceAll('|', '\\|')
    return `| \`${key}\` | ${valuesOf(property)} | ${description} |`
  })
  return [
    `${schema.description ?? ''} Every command checks it against [\`schemas/config.schema.json\`](schemas/config.schema.json)`,
    'and warns, with the line, about a value it does not take or a key it does not know (naming the closest',
    'valid key); `adr lint` reports the same as findings of its `config` rule.',
    '',
    '| key | value | what it sets |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n')
}

function valuesOf(property) {
  if (Array.isArray(property.enum)) return property.enum.map((v) => `\`${v}\``).join(', ')
  if (Array.isArray(property.oneOf)) return property.oneOf.map(valuesOf).join(' or ')
  if (property.type === 'object' && property.additionalProperties && typeof property.additionalProperties === 'object') {
    return `a mapping to ${valuesOf(property.additionalProperties)}`
  }
  if (property.type === 'array') return `a list of ${property.items ? valuesOf(property.items) : 'values'}`
  if (property.type === 'object') return 'a mapping'
  return property.type === 'string' ? 'text' : String(property.type ?? 'any')
}

export function withConfigSection(readme, schema) {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`)
  return `${readme.slice(0, start + START.length)}\n${renderConfigSection(schema)}\n${readme.slice(end)}`
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readmeFile = path.join(ROOT, 'README.md')
  const readme = readFileSync(readmeFile, 'utf8')
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/config.schema.json'), 'utf8'))
  const expected = withConfigSection(readme, schema)
  if (process.argv.includes('--check')) {
    if (expected !== readme) {
      process.stderr.write('README.md: the Configuration section differs from schemas/config.schema.json; run `npm run docs:config`\n')
      process.exit(1)
    }
  } else if (expected !== readme) writeFileSync(readmeFile, expected)
}
