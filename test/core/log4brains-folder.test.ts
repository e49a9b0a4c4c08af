import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {scanLog4brainsFolder} from '../../src/core/yaml/log4brains-folder.js'
import {YAML_OPTIONS} from '../../src/core/yaml/yaml.js'

/** What the workspace did before the line scan: parse with yaml, take `project.adrFolder` if it is a string. */
function viaYaml(text: string): string | undefined {
  try {
    const data = parse(text, YAML_OPTIONS) as {project?: {adrFolder?: unknown}}
    return typeof data?.project?.adrFolder === 'string' ? data.project.adrFolder : undefined
  } catch {
    return undefined
  }
}

const SURE = {
  'log4brains init': '---\nproject:\n  name: tally\n  tz: Europe/Paris\n  adrFolder: ./docs/adr\n',
  'without the document marker': 'project:\n  name: tally\n  adrFolder: docs/decisions\n',
  'comments and blank lines': '# log4brains\n\nproject:\n  # where the ADRs are\n  adrFolder: ./adr\n\n  name: x\n',
  'a second top-level block': 'project:\n  adrFolder: ./adr\ntopics:\n  name: y\n',
  'four-space indentation': 'project:\n    name: tally\n    adrFolder: ./docs/adr\n',
  'no adrFolder': 'project:\n  name: tally\n',
  'no project': 'other:\n  adrFolder: ./docs/adr\n',
  'a number': 'project:\n  adrFolder: 42\n',
  null: 'project:\n  adrFolder: null\n',
  'a boolean': 'project:\n  adrFolder: true\n',
  'project is a scalar': 'project: tally\n',
  'project is empty': 'project:\nother: 1\n',
  'adrFolder at the top': 'adrFolder: ./docs/adr\n',
  empty: '',
  'a dot path with a dash and digits': 'project:\n  adrFolder: ./docs/adr-2024_v2\n',
  'a bare dot': 'project:\n  adrFolder: .\n',
  'a name with letters beyond ASCII': 'project:\n  adrFolder: ./décisions\n',
}

const UNSURE = {
  quoted: 'project:\n  adrFolder: "./docs/adr"\n',
  'single-quoted': "project:\n  adrFolder: './docs/adr'\n",
  'trailing comment': 'project:\n  adrFolder: ./docs/adr # here\n',
  anchor: 'project: &p\n  adrFolder: ./docs/adr\n',
  'flow mapping': 'project: {adrFolder: ./docs/adr}\n',
  'duplicate key': 'project:\n  adrFolder: ./a\n  adrFolder: ./b\n',
  'duplicate project': 'project:\n  adrFolder: ./a\nproject:\n  adrFolder: ./b\n',
  'a third level': 'project:\n  adrFolder:\n    path: x\n',
  'uneven indentation': 'project:\n  name: x\n   adrFolder: ./a\n',
  tabs: 'project:\n\tadrFolder: ./a\n',
  'a list': 'project:\n  - adrFolder: ./a\n',
  'a second document': 'project:\n  adrFolder: ./a\n---\nproject:\n  adrFolder: ./b\n',
  'a float': 'project:\n  adrFolder: 1.5\n',
  'a leading-dot float': 'project:\n  adrFolder: .5\n',
  infinity: 'project:\n  adrFolder: .inf\n',
  'a colon inside': 'project:\n  adrFolder: a: b\n',
  'CRLF line ends': 'project:\r\n  adrFolder: ./a\r\n',
  'a broken line elsewhere': 'project:\n  adrFolder: ./a\nbroken: [\n',
}

describe('scanLog4brainsFolder', () => {
  it.each(Object.entries(SURE))('reads %s as yaml does', (_name, text) => {
    const scanned = scanLog4brainsFolder(text)
    expect(scanned).not.toBe('unsure')
    expect(scanned === 'unsure' ? 'unsure' : scanned.folder).toBe(viaYaml(text))
  })

  it.each(Object.entries(UNSURE))('leaves %s to yaml', (_name, text) => {
    expect(scanLog4brainsFolder(text)).toBe('unsure')
  })
})
