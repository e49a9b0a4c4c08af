/**
 * CONTRIBUTING.md's map is a check, not a hope: every folder of src/app, src/core and src/adapters,
 * and every module at the top of src/adapters and src/core, is named in it, under its layer.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {PROJECT_ROOT} from '../helpers/run-command.js'

const LAYERS = ['app', 'core', 'adapters'] as const

/** The map's block (the first fenced block after "The layout in one screen"), its lines per layer. */
function mapSections(): Record<string, string> {
  const text = readFileSync(path.join(PROJECT_ROOT, 'CONTRIBUTING.md'), 'utf8')
  const block = text.slice(text.indexOf('## The layout in one screen')).split('```')[1]
  const sections: Record<string, string> = {}
  let layer = ''
  for (const line of block.split('\n')) {
    const top = /^src\/([a-z]+)\//.exec(line)
    if (top) layer = top[1]
    else if (/^\S/.test(line)) layer = ''
    if (layer) sections[layer] = `${sections[layer] ?? ''}${line}\n`
  }
  return sections
}

describe("CONTRIBUTING.md's map", () => {
  const sections = mapSections()
  for (const layer of LAYERS) {
    const entries = readdirSync(path.join(PROJECT_ROOT, 'src', layer), {withFileTypes: true})
    it(`names every folder of src/${layer}/`, () => {
      const missing = entries.filter(
        (e) => e.isDirectory() && !new RegExp(`^ {2}(?:[\\w.-]+/, )*${e.name}/`, 'm').test(sections[layer] ?? ''),
      )
      expect(missing.map((e) => `src/${layer}/${e.name}/`)).toEqual([])
    })
    if (layer === 'app') continue
    it(`names every module at the top of src/${layer}/`, () => {
      const missing = entries.filter(
        (e) => e.isFile() && e.name.endsWith('.ts') && !(sections[layer] ?? '').includes(e.name.replace(/\.ts$/, '')),
      )
      expect(missing.map((e) => `src/${layer}/${e.name}`)).toEqual([])
    })
  }
})
