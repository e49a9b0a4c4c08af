/**
 * Links between two ADR directories of one workspace (ADR 19): how the history names their targets
 * (`qualifiedTarget`, `readVersion` with a place) and what `adr link` writes on each side (`acrossTarget`).
 */
import {describe, expect, it} from 'vitest'
import {addLink, linkTargetOf} from '../../src/core/adr/edit-adr.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {acrossTarget, indexWorkspace, qualifiedTarget, resolveAcross} from '../../src/core/adr/resolve-link.js'
import {readVersion} from '../../src/core/history/history.js'

const SHOP = {name: 'shop', path: 'apps/shop/adr'}
const PLATFORM = {name: 'platform', path: 'platform/adr'}
const DIRS = [SHOP, PLATFORM]
const from = {dir: SHOP, file: '0001-deploy-with-helm.md'}

const nygard = (n: number, title: string, extra = '') =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\nAccepted\n${extra}\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n`
const madr = (title: string) => `---\nstatus: accepted\ndate: 2026-01-05\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`

describe('qualifiedTarget', () => {
  it.each([
    ['a relative path into the other directory, by number', '../../../platform/adr/0001-run-on-kubernetes.md', 'platform/1'],
    ['a folder-per-ADR path there', '../../../platform/adr/0003-queue-jobs/README.md', 'platform/3'],
    ['a file without a number there, by file', '../../../platform/adr/notes.md', 'platform/notes.md'],
    ['a qualified reference, its number read', 'platform/0002', 'platform/2'],
    ['a qualified reference by file', 'platform/0002-offer-postgres.md', 'platform/2'],
  ])('names %s', (_, target, expected) => {
    expect(qualifiedTarget(DIRS, from, target)).toBe(expected)
  })

  it.each([
    ['a link in its own directory', '0002-keep-carts.md'],
    ['its own directory qualified', 'shop/2'],
    ['a number', '2'],
    ['a path into no ADR directory', '../../../README.md'],
    ['a name no directory has', 'billing/2'],
    ['a URL', 'https://example.org/platform/adr/0001-x.md'],
    ['an anchor', '#context'],
  ])('leaves %s alone', (_, target) => {
    expect(qualifiedTarget(DIRS, from, target)).toBeUndefined()
  })
})

describe('the history of a link into another directory', () => {
  const text = nygard(1, 'Deploy with Helm', '\nAmends [platform/1. Run on Kubernetes](../../../platform/adr/0001-run-on-kubernetes.md)\n')

  it('names its target qualified when it knows the directories, and by number when it does not', () => {
    const placed = readVersion(text, from.file, undefined, {dir: SHOP, dirs: DIRS})
    expect(placed.links).toEqual([{key: 'amends|platform/1', relKey: 'amends', target: 'platform/1'}])
    // without the workspace's directories (one directory): as before
    expect(readVersion(text, from.file).links).toEqual([{key: 'amends|1', relKey: 'amends', target: '1'}])
  })

  it('keeps a link into another directory apart from the same number in its own', () => {
    const both = nygard(
      1,
      'Deploy with Helm',
      '\nAmends [2. Keep carts](0002-keep-carts.md)\n\nAmends [platform/2. Offer Postgres](../../../platform/adr/0002-offer-postgres.md)\n',
    )
    expect(readVersion(both, from.file, undefined, {dir: SHOP, dirs: DIRS}).links.map((l) => l.target)).toEqual(['2', 'platform/2'])
  })
})

describe('what adr link writes across directories', () => {
  const shopAdr = {...parseAdr(nygard(1, 'Deploy with Helm'), '0001-deploy-with-helm.md'), dir: SHOP}
  const cartsAdr = {...parseAdr(madr('Keep carts in Postgres'), '0002-keep-carts-in-postgres.md'), dir: SHOP}
  const platformAdr = {...parseAdr(nygard(1, 'Run on Kubernetes'), '0001-run-on-kubernetes.md'), dir: PLATFORM}

  it('an adr-tools file: the path from one file to the other, the label qualified', () => {
    const target = acrossTarget(platformAdr, PLATFORM, shopAdr, SHOP)
    expect(target).toEqual({
      number: 1,
      file: '../../../platform/adr/0001-run-on-kubernetes.md',
      label: 'platform/1. Run on Kubernetes',
      ref: 'platform/1',
    })
    const linked = addLink(shopAdr, 'Amends', target)
    expect(linked.text).toContain('Amends [platform/1. Run on Kubernetes](../../../platform/adr/0001-run-on-kubernetes.md)\n\n## Context')
    const back = addLink(platformAdr, 'Amended by', acrossTarget(shopAdr, SHOP, platformAdr, PLATFORM))
    expect(back.text).toContain('Amended by [shop/1. Deploy with Helm](../../apps/shop/adr/0001-deploy-with-helm.md)')
  })

  it('percent-encodes a directory path with a space, and the link reads back to the file', () => {
    const web = {name: 'web', path: 'apps/web app/adr'}
    const webAdr = {...parseAdr(nygard(1, 'Use React'), '0001-use-react.md'), dir: web}
    const target = acrossTarget(webAdr, web, platformAdr, PLATFORM)
    expect(target.file).toBe('../../apps/web%20app/adr/0001-use-react.md')
    const text = addLink(platformAdr, 'Relates to', target).text
    expect(text).toContain('Relates to [web/1. Use React](../../apps/web%20app/adr/0001-use-react.md)')
    // read as a link to the file (a raw space would have made the line plain text)
    const link = parseAdr(text, platformAdr.file).links.find((l) => l.relKey === 'relates to')
    expect(link).toMatchObject({targetFile: '0001-use-react.md', target: '../../apps/web%20app/adr/0001-use-react.md'})
  })

  it('a front-matter file: the qualified reference, once however often it is linked', () => {
    const target = acrossTarget(platformAdr, PLATFORM, cartsAdr, SHOP)
    const linked = addLink(cartsAdr, 'relates to', target)
    expect(linked.text).toContain('links:\n  - {rel: relates to, target: platform/1}\n')
    expect(addLink({...linked, dir: SHOP}, 'relates to', target).text).toBe(linked.text)
  })

  it('both sides resolve to each other as every command reads them', () => {
    const source = {...addLink(cartsAdr, 'amends', acrossTarget(platformAdr, PLATFORM, cartsAdr, SHOP)), dir: SHOP}
    const target = {...addLink(platformAdr, 'Amended by', acrossTarget(source, SHOP, platformAdr, PLATFORM)), dir: PLATFORM}
    const workspace = indexWorkspace([source, target, shopAdr])
    if (!workspace) throw new Error('no workspace index')
    expect(resolveAcross(workspace, source, source.links[0])?.adr.file).toBe(target.file)
    expect(resolveAcross(workspace, target, target.links[0])?.adr.file).toBe(source.file)
    expect(linkTargetOf(target).label).toBe('1. Run on Kubernetes')
  })
})
