import path from 'node:path'
import {openGit} from '../../adapters/git/git.js'
import type {Workspace} from '../../adapters/workspace.js'
import {isAdrFileName} from '../../core/adr/file-name.js'
import {shellQuote} from '../../core/cli/shell-quote.js'

/** A folder whose path says it holds decisions (`architecture/decisions`, `design/ADRs`). */
const DECISIONS_FOLDER = /(?:^|[/_-])(?:adrs?|decisions?|decision-records?)(?:$|[/_-])/i

/**
 * What `adr new` says when it made adr-tools' default directory (no ADR directory was found) while
 * tracked files named like ADRs sit in a folder whose name says it holds decisions, one adrgate does
 * not look in (`architecture/decisions`): the new ADR would otherwise start a second numbering there,
 * silently. `undefined` when there is no such folder (a new repository: nothing to say), outside git,
 * or when git cannot list the files. `created` is the new ADR's path as printed.
 */
export async function madeDefaultDirNotice(ws: Workspace, created: string): Promise<string | undefined> {
  if (!ws.gitRoot) return undefined
  const tracked = await openGit(ws.cwd, ws.env)
    .trackedFiles('**/*.md')
    .catch(() => [] as string[])
  // the directory just made is not another folder, though git may still track files in it (removed, or outside a sparse checkout)
  const made = path.relative(ws.gitRoot, ws.adrDir).split(path.sep).join('/')
  const counts = new Map<string, number>()
  for (const file of tracked) {
    const slash = file.lastIndexOf('/')
    const folder = file.slice(0, Math.max(slash, 0))
    if (folder === made || folder.startsWith(`${made}/`)) continue
    if (!DECISIONS_FOLDER.test(folder) || !isAdrFileName(file.slice(slash + 1))) continue
    counts.set(folder, (counts.get(folder) ?? 0) + 1)
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  if (!best) return undefined
  const shownMade = path.relative(ws.cwd, ws.adrDir) || '.'
  const [folder, count] = best
  const shown = path.relative(ws.cwd, path.join(ws.gitRoot, ...folder.split('/'))) || '.'
  // moving the new ADR there would give it a number that folder has already: it is made again there instead
  return `Made ${shownMade} (adr-tools' default) for ${created}: no ADR directory was found, but ${shown} holds ${count} file${count === 1 ? '' : 's'} named like ADRs. If those are your ADRs, remove what was just made (rm -r ${shellQuote(shownMade)}), name that folder for adrgate (write ${folder} in .adr-dir at the repository root, or pass --dir ${shellQuote(shown)}) and run the command again: it numbers from the ADRs there.`
}
