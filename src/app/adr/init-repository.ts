import path from 'node:path'
import {writeFileAtomic} from '../../adapters/files/atomic-write.js'
import type {Workspace} from '../../adapters/workspace.js'
import {AdrError} from '../../core/errors.js'
import type {WritableFormat} from '../../core/formats/choose-format.js'
import {type CreatedAdr, createAdr} from './create-adr.js'
import {loadAdrsOrNone} from './load-for-write.js'

export interface InitRequest {
  /** `adr init DIR`: the directory as typed, written to `.adr-dir` in the working directory. */
  dir?: string
  format?: WritableFormat
  date: string
}

export interface InitResult extends CreatedAdr {
  /** The ADR directory, relative to the working directory. */
  dir: string
  /** `.adr-dir`, relative to the working directory, when it was written. */
  adrDirFile?: string
  /** What to say on stderr: where the directory (or `.adr-dir`) went when that is not the working directory, and why. */
  notices?: string[]
}

export const FIRST_TITLE = 'Record architecture decisions'

/**
 * `adr init [DIR]`: creates the directory and its first ADR, "Record architecture decisions", as
 * adr-tools does (accepted: running `adr init` is taking that decision). With DIR, `.adr-dir` in the
 * working directory records it, so every command finds it from any subdirectory, and the repository
 * is in adr-tools' layout (nygard format unless `--format madr`). A directory that already holds ADRs
 * is left alone.
 */
export async function initRepository(ws: Workspace, request: InitRequest): Promise<InitResult> {
  const dir = path.relative(ws.cwd, ws.adrDir) || '.'
  const {adrs} = await loadAdrsOrNone(ws)
  if (adrs.length > 0) {
    throw new AdrError('FILE_EXISTS', `${dir} already holds ${adrs.length} ADR${adrs.length === 1 ? '' : 's'}: it is initialised`, {
      suggestions: ['`adr new TITLE…` adds the next one.'],
    })
  }
  const created = await createAdr(ws, {
    title: [FIRST_TITLE],
    date: request.date,
    format: request.format,
    first: true,
    adrToolsLayout: request.dir !== undefined,
  })
  const notices = [...(created.notices ?? [])]
  let adrDirFile: string | undefined
  const root = ws.gitRoot ?? ws.cwd
  if (request.dir !== undefined) {
    // .adr-dir goes at the repository root, naming the directory from there: adr-tools and adrgate
    // look for it from the working directory up, so one in a subdirectory is missed from the root.
    const fromRoot = path.relative(root, ws.adrDir)
    const inside = ws.cwd !== root && fromRoot !== '' && !fromRoot.startsWith('..') && !path.isAbsolute(fromRoot)
    const file = path.join(inside ? root : ws.cwd, '.adr-dir')
    await writeFileAtomic(file, `${inside ? fromRoot.split(path.sep).join('/') : request.dir}\n`)
    adrDirFile = path.relative(ws.cwd, file)
    if (inside) {
      notices.push(
        `Wrote ${adrDirFile} at the repository root (it names ${fromRoot}), so every command finds the ADRs from anywhere in the repository.`,
      )
    }
  } else if (ws.source === 'default' && ws.cwd !== root) {
    notices.push(`Made ${dir} at the repository root, where adrgate and adr-tools look for it; \`adr init DIR\` puts it elsewhere.`)
  }
  return {...created, dir, adrDirFile, ...(notices.length > 0 ? {notices} : {})}
}
