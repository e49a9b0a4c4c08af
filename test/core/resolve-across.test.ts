import {describe, expect, it} from 'vitest'
import type {Adr} from '../../src/core/adr/model.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {findLinkTargetIn, indexAdrs, indexWorkspace, resolveAcross} from '../../src/core/adr/resolve-link.js'

const nygard = (n: number, title: string, status: string) =>
  `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\nWhy.\n`
const inDir = (name: string, path: string, file: string, text: string): Adr => ({...parseAdr(text, file), dir: {name, path}})

const shop1 = inDir(
  'shop',
  'apps/shop/adr',
  '0001-use-helm.md',
  nygard(1, 'Use Helm', 'Accepted\n\nAmends [1. Kubernetes](../../../platform/adr/0001-kubernetes.md)'),
)
const shop2 = inDir(
  'shop',
  'apps/shop/adr',
  '0002-carts.md',
  '---\nstatus: accepted\nlinks:\n  - {rel: relates to, target: platform/2}\n---\n# Carts\n',
)
const shop3 = inDir(
  'shop',
  'apps/shop/adr',
  '0003-gone.md',
  nygard(3, 'Gone', 'Accepted\n\nAmends [9. Nothing](../../../platform/adr/0009-nothing.md)'),
)
const platform1 = inDir('platform', 'platform/adr', '0001-kubernetes.md', nygard(1, 'Kubernetes', 'Accepted'))
const platform2 = inDir('platform', 'platform/adr', '0002-postgres.md', nygard(2, 'Postgres', 'Accepted'))
const all = [shop1, shop2, shop3, platform1, platform2]

describe('links that leave their ADR directory', () => {
  const workspace = indexWorkspace(all)!
  const shopIndex = indexAdrs([shop1, shop2, shop3])

  it('a relative path into another directory finds that ADR, not the one of the same number in its own', () => {
    expect(resolveAcross(workspace, shop1, shop1.links[0])).toEqual({adr: platform1, by: 'path'})
    expect(findLinkTargetIn(shopIndex, workspace, shop1, shop1.links[0])).toBe(platform1)
  })

  it('a qualified reference (`platform/2`) finds that directory’s ADR', () => {
    expect(findLinkTargetIn(shopIndex, workspace, shop2, shop2.links[0])).toBe(platform2)
  })

  it('a path into another directory that names no ADR there is dangling: never its number in its own directory', () => {
    expect(resolveAcross(workspace, shop3, shop3.links[0])).toBeNull()
    expect(findLinkTargetIn(shopIndex, workspace, shop3, shop3.links[0])).toBeUndefined()
  })

  it('a link inside its own directory, and any link in a repository of one directory, is left to the directory', () => {
    const own = inDir('shop', 'apps/shop/adr', '0004-x.md', nygard(4, 'X', 'Accepted\n\nAmends [1. Use Helm](0001-use-helm.md)'))
    expect(resolveAcross(workspace, own, own.links[0])).toBeUndefined()
    expect(indexWorkspace([parseAdr(nygard(1, 'A', 'Accepted'), '0001-a.md')])).toBeUndefined()
  })
})
