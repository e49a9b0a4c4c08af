import {mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {firstLinkOnTheWay} from '../../src/adapters/files/containment.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})
const temp = () => {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-links-')))
  made.push(dir)
  return dir
}

describe('firstLinkOnTheWay', () => {
  it('names the first symbolic link between the root and the target, with the real path it leads to', () => {
    const root = temp()
    const elsewhere = temp()
    symlinkSync(elsewhere, path.join(root, 'doc'))
    expect(firstLinkOnTheWay(root, path.join(root, 'doc/adr'))).toEqual({link: path.join(root, 'doc'), to: elsewhere})
    mkdirSync(path.join(root, 'docs'))
    symlinkSync(path.join(elsewhere, 'missing'), path.join(root, 'docs/adr'))
    // a link to nothing yet: its target as it would be
    expect(firstLinkOnTheWay(root, path.join(root, 'docs/adr'))).toEqual({
      link: path.join(root, 'docs/adr'),
      to: path.join(elsewhere, 'missing'),
    })
  })

  it('is undefined for plain folders, for parts that do not exist, and for a target outside the root', () => {
    const root = temp()
    mkdirSync(path.join(root, 'doc/adr'), {recursive: true})
    expect(firstLinkOnTheWay(root, path.join(root, 'doc/adr'))).toBeUndefined()
    expect(firstLinkOnTheWay(root, path.join(root, 'not/there'))).toBeUndefined()
    expect(firstLinkOnTheWay(root, temp())).toBeUndefined()
  })
})
