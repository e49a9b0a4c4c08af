/** What the core knows of a workspace of several ADR directories: qualified references, ambiguity, the ToC. */
import {describe, expect, it} from 'vitest'
import type {Adr} from '../../src/core/adr/model.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {renderToc} from '../../src/core/adr/render-toc.js'
import {resolveRef, splitQualifiedRef} from '../../src/core/adr/resolve-ref.js'
import {isAdrError} from '../../src/core/errors.js'

const WEB = {name: 'web', path: 'packages/web/adr'}
const API = {name: 'api', path: 'services/api/adr'}
const adr = (file: string, title: string, dir?: Adr['dir']): Adr => ({...parseAdr(`# ${title}\n`, file), ...(dir ? {dir} : {})})

const ADRS = [
  adr('0001-render-on-the-server.md', '1. Render on the server', WEB),
  adr('0002-bundle-with-esbuild.md', '2. Bundle with esbuild', WEB),
  adr('0001-expose-rest.md', '1. Expose REST', API),
  adr('0003-cursor-pages.md', '3. Cursor pages', API),
]

function errorOf(fn: () => unknown) {
  try {
    fn()
  } catch (error) {
    if (isAdrError(error)) return error
    throw error
  }
  throw new Error('expected an AdrError')
}

describe('references in a workspace of several directories', () => {
  it('a qualified reference finds the ADR of that directory: by number, file or title', () => {
    expect(resolveRef(ADRS, 'web/1').file).toBe('0001-render-on-the-server.md')
    expect(resolveRef(ADRS, 'api/1').file).toBe('0001-expose-rest.md')
    expect(resolveRef(ADRS, 'api/0001').file).toBe('0001-expose-rest.md')
    expect(resolveRef(ADRS, 'web/bundle').file).toBe('0002-bundle-with-esbuild.md')
    expect(resolveRef(ADRS, 'api/0003-cursor-pages.md').file).toBe('0003-cursor-pages.md')
  })

  it('a bare reference found in one directory only needs no qualifier', () => {
    expect(resolveRef(ADRS, '3').dir?.name).toBe('api')
    expect(resolveRef(ADRS, '2').dir?.name).toBe('web')
  })

  it('a bare number found in several directories is an error that lists the qualified references', () => {
    const error = errorOf(() => resolveRef(ADRS, '1'))
    expect(error.code).toBe('AMBIGUOUS_REF')
    expect(error.message.split('\n')).toEqual([
      '"1" matches 2 ADRs:',
      '  web/1  Render on the server (packages/web/adr/0001-render-on-the-server.md)',
      '  api/1  Expose REST (services/api/adr/0001-expose-rest.md)',
    ])
    expect(error.suggestions).toEqual(['Qualify it with its directory: web/1 or api/1.'])
  })

  it('a path from the repository root picks its directory', () => {
    expect(resolveRef(ADRS, 'services/api/adr/0001-expose-rest.md').dir?.name).toBe('api')
    expect(resolveRef(ADRS, './packages/web/adr/0001-render-on-the-server.md').dir?.name).toBe('web')
  })

  it('a qualifier that names no directory is not one: a path such as doc/adr/0001-x.md stays a path', () => {
    expect(splitQualifiedRef(ADRS, 'doc/1')).toBeUndefined()
    expect(splitQualifiedRef(ADRS, 'web/1')).toEqual({dir: 'web', ref: '1'})
    const single = [adr('0001-x.md', '1. X')]
    expect(resolveRef(single, 'doc/adr/0001-x.md').file).toBe('0001-x.md')
    expect(errorOf(() => resolveRef(ADRS, 'web/9')).code).toBe('ADR_NOT_FOUND')
  })
})

describe('the ToC of several directories', () => {
  it('has a heading per directory and links from the repository root', () => {
    expect(renderToc(ADRS)).toBe(
      [
        '# Architecture Decision Records',
        '',
        '## web',
        '',
        '* [1. Render on the server](packages/web/adr/0001-render-on-the-server.md)',
        '* [2. Bundle with esbuild](packages/web/adr/0002-bundle-with-esbuild.md)',
        '',
        '## api',
        '',
        '* [1. Expose REST](services/api/adr/0001-expose-rest.md)',
        '* [3. Cursor pages](services/api/adr/0003-cursor-pages.md)',
        '',
      ].join('\n'),
    )
  })

  it('is adr-tools’ own for one directory', () => {
    expect(renderToc([adr('0001-x.md', '1. X')])).toBe('# Architecture Decision Records\n\n* [1. X](0001-x.md)\n')
  })
})
