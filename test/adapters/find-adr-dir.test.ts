import {mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {findConventionalAdrDir, holdsLazily, holdsOf} from '../../src/adapters/find-adr-dir.js'

let root: string | undefined
afterEach(() => {
  if (root) rmSync(root, {recursive: true, force: true})
  root = undefined
})

/** The listing `holdsOf` reads: what findConventionalAdrDir's walk records of a folder. */
function listed(dir: string) {
  try {
    return readdirSync(dir, {withFileTypes: true}).map((e) => ({
      name: e.name,
      file: e.isFile(),
      dir: e.isDirectory() || e.isSymbolicLink(),
    }))
  } catch {
    return undefined
  }
}

describe('holdsLazily, the folder check that stops at the first ADR-looking entry', () => {
  it('says what holdsOf says of the whole listing, for every kind of folder', () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-holds-')))
    const make = (name: string, files: Record<string, string>, dirs: string[] = []) => {
      const dir = path.join(root as string, name)
      mkdirSync(dir, {recursive: true})
      for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text)
      for (const d of dirs) mkdirSync(path.join(dir, d), {recursive: true})
      return dir
    }
    const many = Object.fromEntries(Array.from({length: 300}, (_, i) => [`${String(i + 1).padStart(4, '0')}-x${i}.md`, '# X\n']))
    const folders = [
      make('adrs', {'README.md': '# D\n', ...many}),
      make('notes-then-adr', {'notes.txt': 'x', 'zz-0001-late.md': '', '0002-b.md': ''}),
      make('empty', {}),
      make('readme-only', {'README.md': '', '.gitkeep': '', 'template.md': ''}),
      make('other', {'notes.txt': 'x', 'README.md': ''}),
      make('template-named', {'0000-template.md': '', 'index.md': ''}),
      make('folder-per-adr', {}, ['0001-use-kafka', 'assets']),
      make('dated', {'20240101-first.md': ''}),
    ]
    symlinkSync(path.join(root, 'folder-per-adr', '0001-use-kafka'), path.join(make('linked', {}), '0002-linked'))
    folders.push(path.join(root, 'linked'), path.join(root, 'missing'), path.join(root, 'adrs', '0001-x0.md'))
    const got = folders.map((dir) => ({dir: path.basename(dir), holds: holdsLazily(dir)}))
    expect(got).toEqual(folders.map((dir) => ({dir: path.basename(dir), holds: holdsOf(listed(dir))})))
    expect(got.map((g) => g.holds)).toEqual([
      'adrs',
      'adrs',
      'nothing yet',
      'nothing yet',
      'other',
      'other',
      'adrs',
      'adrs',
      'adrs',
      'nothing yet',
      'nothing yet',
    ])
  })

  it('findConventionalAdrDir still takes the folder with ADRs over an empty one found first, and the working directory inside it', () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-holds-')))
    mkdirSync(path.join(root, 'doc/adr'), {recursive: true})
    writeFileSync(path.join(root, 'doc/adr/README.md'), '')
    mkdirSync(path.join(root, 'docs/adr'), {recursive: true})
    writeFileSync(path.join(root, 'docs/adr/0001-a.md'), '# 1. A\n')
    expect(findConventionalAdrDir([root])).toEqual({level: root, dir: path.join(root, 'docs/adr')})
    rmSync(path.join(root, 'docs/adr/0001-a.md'))
    expect(findConventionalAdrDir([root])).toEqual({level: root, dir: path.join(root, 'doc/adr')})
  })
})
