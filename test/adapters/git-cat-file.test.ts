import {mkdtempSync, readdirSync, realpathSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openCatFile, readTexts} from '../../src/adapters/git/git-cat-file.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('readTexts: many objects through one git cat-file --batch --buffer', () => {
  it('gives each text in the order asked, a missing one as undefined, as the streaming reader reads them', async () => {
    const big = `${'# 2. Big\n\nA line of text.\n'.repeat(5000)}`
    repo = makeRepo({'a.md': '# 1. A\n\nÇa marche\n', 'big.md': big, 'empty.md': '', 'lines.md': '\n\n\n'}, {commit: true})
    const names = ['HEAD:big.md', 'HEAD:a.md', 'HEAD:missing.md', 'HEAD:empty.md', 'HEAD:lines.md', 'HEAD:a.md', 'HEAD:big.md']
    const read = await readTexts(repo.dir, process.env, names)
    const texts = names.map((_, i) => read.text(i))
    expect(texts).toEqual([big, '# 1. A\n\nÇa marche\n', undefined, '', '\n\n\n', '# 1. A\n\nÇa marche\n', big])
    const reader = openCatFile(repo.dir, process.env)
    try {
      expect(await Promise.all(names.map((n) => reader.readText(n)))).toEqual(texts)
    } finally {
      await reader.close()
    }
    expect((await readTexts(repo.dir, process.env, [])).text(0)).toBeUndefined()
    expect(read.text(names.length)).toBeUndefined()
    await expect(readTexts(repo.dir, process.env, ['HEAD:a.md\nHEAD:big.md'])).rejects.toMatchObject({code: 'INVALID_ARGUMENT'})
  })

  it('reads the same through a pipe (no fast paths) as through its temporary file, and leaves no file behind', async () => {
    const big = `${'# 2. Big\n\nÇa marche.\n'.repeat(20000)}`
    repo = makeRepo({'a.md': '# 1. A\n', 'big.md': big, 'empty.md': ''}, {commit: true})
    const names = ['HEAD:big.md', 'HEAD:missing.md', 'HEAD:a.md', 'HEAD:empty.md', 'HEAD:big.md']
    const temporary = mkdtempSync(path.join(tmpdir(), 'adrgate-tmpdir-'))
    const before = process.env.TMPDIR
    process.env.TMPDIR = temporary
    try {
      const viaFile = await readTexts(repo.dir, process.env, names)
      const viaPipe = await readTexts(repo.dir, process.env, names, false)
      const texts = names.map((_, i) => viaFile.text(i))
      expect(texts).toEqual([big, undefined, '# 1. A\n', '', big])
      expect(names.map((_, i) => viaPipe.text(i))).toEqual(texts)
      expect(readdirSync(temporary)).toEqual([])
      await expect(readTexts(path.join(repo.dir, 'no-such-dir'), process.env, names)).rejects.toMatchObject({code: 'GIT_FAILED'})
      expect(readdirSync(temporary)).toEqual([])
    } finally {
      if (before === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = before
      rmSync(temporary, {recursive: true, force: true})
    }
  })
})

describe('git cat-file --batch reader', () => {
  it('reads many objects through one process, in request order, binary-safe', async () => {
    const binary = Buffer.from([0, 1, 2, 10, 10, 255, 0x0a, 0x20])
    repo = makeRepo({'doc/adr/0001-a.md': '# 1. A\n\nÇa marche\n', 'bin.dat': binary, 'empty.md': ''}, {commit: true})
    const reader = openCatFile(repo.dir, process.env)
    try {
      const blob = repo.git(['rev-parse', 'HEAD:doc/adr/0001-a.md']).trim()
      const results = await Promise.all([
        reader.readText('HEAD:doc/adr/0001-a.md'),
        reader.read('HEAD:bin.dat'),
        reader.readText('HEAD:doc/adr/0009-missing.md'),
        reader.readText('HEAD:empty.md'),
        reader.read(blob),
        ...Array.from({length: 200}, () => reader.readText(blob)),
      ])
      expect(results[0]).toBe('# 1. A\n\nÇa marche\n')
      expect((results[1] as {content: Buffer}).content.equals(binary)).toBe(true)
      expect(results[2]).toBeUndefined()
      expect(results[3]).toBe('')
      expect(results[4]).toMatchObject({oid: blob, type: 'blob'})
      expect(new Set(results.slice(5))).toEqual(new Set(['# 1. A\n\nÇa marche\n']))
    } finally {
      await reader.close()
    }
  })

  it('with `batch`, sends requests only when that many wait or on flush, and answers as without it', async () => {
    repo = makeRepo({'a.md': 'a\n', 'b.md': 'b\n', 'c.md': 'c\n'}, {commit: true})
    const names = ['HEAD:a.md', 'HEAD:b.md', 'HEAD:missing.md', 'HEAD:c.md', 'HEAD:a.md']
    const plain = openCatFile(repo.dir, process.env)
    const batched = openCatFile(repo.dir, process.env, {batch: 2})
    try {
      const want = await Promise.all(names.map((n) => plain.readText(n)))
      const answered: number[] = []
      const got = names.map((n, i) =>
        batched.readText(n).then((text) => {
          answered.push(i)
          return text
        }),
      )
      // the first four went in two full batches; the fifth waits for a flush
      await Promise.all(got.slice(0, 4))
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(answered).toEqual([0, 1, 2, 3])
      batched.flush()
      expect(await Promise.all(got)).toEqual(want)
      expect(want).toEqual(['a\n', 'b\n', undefined, 'c\n', 'a\n'])
    } finally {
      await plain.close()
      await batched.close()
    }
  })

  it('takes an option-looking name as an object name', async () => {
    repo = makeRepo({'a.md': 'a'}, {commit: true})
    const reader = openCatFile(repo.dir, process.env)
    try {
      expect(await reader.read('--output=/tmp/x')).toBeUndefined()
      await expect(reader.read('HEAD\n--batch-all-objects')).rejects.toMatchObject({code: 'INVALID_ARGUMENT'})
    } finally {
      await reader.close()
    }
  })

  it('rejects pending reads with NOT_A_GIT_REPOSITORY outside a repository', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-nogit-')))
    const reader = openCatFile(dir, process.env)
    try {
      await expect(reader.read('HEAD:a.md')).rejects.toMatchObject({code: 'NOT_A_GIT_REPOSITORY'})
    } finally {
      await reader.close()
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('refuses reads after close', async () => {
    repo = makeRepo({'a.md': 'a'}, {commit: true})
    const reader = openCatFile(repo.dir, process.env)
    await reader.close()
    await expect(reader.read('HEAD:a.md')).rejects.toMatchObject({code: 'GIT_FAILED'})
  })

  it('reads a blob that arrives in many chunks whole, between small ones, missing ones and empty ones', async () => {
    // 6 MB of varied lines: git writes it in hundreds of pipe chunks
    const big = Buffer.from(Array.from({length: 60_000}, (_, i) => `${String(i).padStart(6, '0')} ${'ab\x00cd'.repeat(13)}\n`).join(''))
    repo = makeRepo({'big.md': big, 'small.md': 'small\n', 'empty.md': ''}, {commit: true})
    const reader = openCatFile(repo.dir, process.env)
    try {
      const [before, whole, missing, empty, after, again] = await Promise.all([
        reader.readText('HEAD:small.md'),
        reader.read('HEAD:big.md'),
        reader.read('HEAD:nothing-here.md'),
        reader.readText('HEAD:empty.md'),
        reader.readText('HEAD:small.md'),
        reader.read('HEAD:big.md'),
      ])
      expect(before).toBe('small\n')
      expect(whole?.content.equals(big)).toBe(true)
      expect(missing).toBeUndefined()
      expect(empty).toBe('')
      expect(after).toBe('small\n')
      expect(again?.content.equals(big)).toBe(true)
    } finally {
      await reader.close()
    }
  })
})
