import path from 'node:path'
import {listAdrFiles} from '../../adapters/adr-store.js'
import {today} from '../../adapters/clock.js'
import {type DemoDirectory, demoDirectory, markDemoRepository} from '../../adapters/demo-directory.js'
import {writeFileAtomic} from '../../adapters/files/atomic-write.js'
import {readTextFile} from '../../adapters/files/contained-read.js'
import {makeEmptyDirectory} from '../../adapters/files/temp-dirs.js'
import {type DatedIdentity, openGit} from '../../adapters/git/git.js'
import {openWorkspace, type Workspace} from '../../adapters/workspace.js'
import {parseAdr} from '../../core/adr/parse-adr.js'
import {formatAdrLabel} from '../../core/adr/render-toc.js'
import {shellQuote} from '../../core/cli/shell-quote.js'
import {AdrError} from '../../core/errors.js'
import {generateToc} from '../adr/generate-toc.js'
import {listAdrs} from '../adr/list-adrs.js'
import {showAdr} from '../adr/show-adr.js'
import {playDebateFromFile} from '../debate/play.js'
import {renderSession} from '../debate/session.js'
import {addGitDates, renderDatedList} from '../history/list-dates.js'
import {exportSite} from '../site/export-site.js'
import {DEBATE_AUTHOR, demoAuthor} from './demo-team.js'

/** What every demo step gets: the throwaway repository, opened as a workspace. */
export interface DemoContext {
  ws: Workspace
  repoDir: string
  /** The answers file the debate step plays, copied into the repository (`invoicing-answers.yaml`). */
  debateAnswers: string
  /** The command's environment, which git runs with. */
  env: NodeJS.ProcessEnv
}

/**
 * One thing the demo shows: the command a user would type, and what it prints. Steps run in order
 * on the same repository; a later feature adds its own step to `DEMO_STEPS` (a debate replay, say).
 */
export interface DemoStep {
  id: string
  /** The command as a user would type it in the repository, e.g. `adr list --long`. */
  command: string
  run(ctx: DemoContext): Promise<string>
}

export interface DemoStepOutput {
  id: string
  command: string
  output: string
}

export interface DemoResult {
  /** The repository's absolute path. */
  dir: string
  /** `reused`: the user's demo directory, replaced by the next `adr demo`; `kept`: made with --keep; `out`: --out. */
  kind: DemoDirectory['kind']
  /** How many ADRs the repository holds at the end (the samples and the one the debate wrote). */
  adrCount: number
  /** The ADR directory, relative to the repository. */
  adrDir: string
  /** One entry per sample ADR, in the order they were committed. */
  adrs: {file: string; title: string; commit: string}[]
  steps: DemoStepOutput[]
  /** A command line that takes the user there: `cd /tmp/… && adr list --long`. */
  explore: string
  /** The command that removes the repository. */
  remove: string
  /** How the printed commands run adrgate: `adr`, or `node …/bin/run.js` when this adrgate is not on PATH. */
  cli: string
}

export const DEMO_ADR_DIR = 'docs/adr'
/** The sample ADR the `show` step prints: the one that supersedes another. */
const SHOWN = '4'

/** The answers file, as copied into the demo repository (the debate step's command names it). */
export const DEMO_ANSWERS_FILE = 'invoicing-answers.yaml'

export const DEMO_STEPS: DemoStep[] = [
  {id: 'list', command: 'adr list --long', run: async ({ws}) => renderDatedList((await addGitDates(ws, (await listAdrs(ws)).adrs)).rows)},
  {id: 'show', command: `adr show ${SHOWN}`, run: async ({ws}) => (await showAdr(ws, SHOWN)).adr.text.trimEnd()},
  {id: 'toc', command: 'adr generate toc', run: async ({ws}) => (await generateToc(ws)).markdown.trimEnd()},
  {
    id: 'debate',
    command: `adr debate start --file ${DEMO_ANSWERS_FILE} --no-input   # a full-track Logic Gates debate, played from a file`,
    run: async ({ws, repoDir, debateAnswers, env}) => {
      const played = await playDebateFromFile(ws, debateAnswers)
      const files = [played.session.adr, played.session.record].map((f) => path.resolve(ws.cwd, f))
      const date = parseAdr(played.adrText, path.basename(played.session.adr)).date ?? '2026-11-20'
      await openGit(repoDir, env).addAndCommit([...files, debateAnswers], 'docs(adr): settle the primary datastore with the Logic Gates', {
        ...DEBATE_AUTHOR,
        date: `${date}T16:30:00+01:00`,
      })
      return renderSession(played.session)
    },
  },
  {
    id: 'show-debated',
    command: 'adr show 6   # the ADR the debate wrote: its trade-offs are data that adr lint checks',
    run: async ({ws}) => (await showAdr(ws, '6')).adr.text.trimEnd(),
  },
  {
    id: 'site',
    command: 'adr export site --out adr-site   # the decisions as a website: open adr-site/index.html',
    run: async ({ws, repoDir}) => {
      const site = await exportSite(ws, {out: path.join(repoDir, DEMO_SITE_DIR), today: today({})})
      return `Wrote ${site.counts.pages} pages (${site.counts.adrs} ADRs) to ${DEMO_SITE_DIR}\nOpen ${path.join(repoDir, site.index)}`
    },
  },
]

/** Where the demo's site step writes the site, in the demo repository. */
export const DEMO_SITE_DIR = 'adr-site'

export interface DemoRequest {
  /** Where the sample ADRs are (`examples/demo` in the package). */
  examplesDir: string
  /** The answers file of the debate step. */
  debateAnswers: string
  /** The repository to create (new or empty); else the user's demo directory, replaced (see `demoDirectory`). */
  out?: string
  /** Make a new temporary directory that no later run replaces. */
  keep?: boolean
  /** How the user runs adrgate (`adr`, or `node …/bin/run.js` when it is not on PATH): printed commands start with it. */
  cli?: string
  /** The command's environment, which git runs with. */
  env: NodeJS.ProcessEnv
  steps?: readonly DemoStep[]
}

/** Makes a throwaway git repository with the sample ADRs, committed as a team would have, then runs the steps on it. */
export async function runDemo(request: DemoRequest): Promise<DemoResult> {
  const samples = await readSamples(request.examplesDir)
  const answers = await readTextFile(request.debateAnswers, path.dirname(request.debateAnswers))
  if (!answers.ok) throw new AdrError('IO_FAILED', `The demo's answers file ${request.debateAnswers} ${answers.reason}`)
  const {dir, kind} = await demoDirectory({out: request.out, keep: request.keep, env: request.env})
  const adrDir = await makeEmptyDirectory(path.join(dir, DEMO_ADR_DIR))
  const git = openGit(dir, request.env)
  await git.init({branch: 'main'})
  await markDemoRepository(dir)
  const adrs: DemoResult['adrs'] = []
  for (const commit of planDemoCommits(samples)) {
    const files = commit.writes.map((w) => path.join(adrDir, w.file))
    for (const [i, write] of commit.writes.entries()) await writeFileAtomic(files[i], write.text)
    adrs.push({
      file: commit.file,
      title: commit.title,
      commit: await git.addAndCommit(files, `docs(adr): ${commit.title}`, commit.author),
    })
  }
  const debateAnswers = path.join(dir, DEMO_ANSWERS_FILE)
  await writeFileAtomic(debateAnswers, answers.text)
  const ctx: DemoContext = {ws: openWorkspace(dir, {env: request.env}), repoDir: dir, debateAnswers, env: request.env}
  const cli = request.cli ?? 'adr'
  const typed = (command: string) => command.replace(/^adr(?= |$)/, cli)
  const steps: DemoStepOutput[] = []
  for (const step of request.steps ?? DEMO_STEPS) steps.push({id: step.id, command: typed(step.command), output: await step.run(ctx)})
  const adrCount = (await listAdrFiles(adrDir)).length
  const remove = `rm -rf ${shellQuote(dir)}`
  return {dir, kind, adrCount, adrDir: DEMO_ADR_DIR, adrs, steps, explore: `cd ${shellQuote(dir)} && ${cli} list --long`, remove, cli}
}

export interface DemoSample {
  file: string
  /** The ADR as it ends up. */
  text: string
  /** The ADR as first written, before the later ADRs it links to existed (`examples/demo/first-versions/`). */
  first?: string
}

export interface DemoCommit {
  /** The ADR this commit adds, and its `N. Title`. */
  file: string
  title: string
  /** What the commit writes: the new ADR, and earlier ADRs whose status or links it changes. */
  writes: {file: string; text: string}[]
  /** Who committed it and when: one of the sample team, on the ADR's date. */
  author: DatedIdentity
}

/**
 * One commit per sample ADR, in number order. An ADR linking to later ones is committed first as it
 * was written, and in its final form with the ADR that completes its links (the one that supersedes
 * or amends it), so the history reads like a team's: 2 accepted, then superseded when 4 arrives.
 */
export function planDemoCommits(samples: readonly DemoSample[]): DemoCommit[] {
  const parsed = samples.map((s) => ({...s, adr: parseAdr(s.text, s.file)}))
  const ready = (s: (typeof parsed)[number], upTo: number) => s.adr.links.every((l) => (l.targetNumber ?? 0) <= upTo)
  const written = new Map<string, string>()
  return parsed.map((sample) => {
    const upTo = sample.adr.number ?? 0
    const writes = [{file: sample.file, text: ready(sample, upTo) ? sample.text : (sample.first ?? sample.text)}]
    for (const earlier of parsed) {
      if (earlier === sample || !written.has(earlier.file)) continue
      if (written.get(earlier.file) !== earlier.text && ready(earlier, upTo)) writes.push({file: earlier.file, text: earlier.text})
    }
    for (const w of writes) written.set(w.file, w.text)
    return {file: sample.file, title: formatAdrLabel(sample.adr), writes, author: demoAuthor(sample.adr)}
  })
}

async function readSamples(examplesDir: string): Promise<DemoSample[]> {
  const files = await listAdrFiles(examplesDir).catch(() => [])
  if (files.length === 0) {
    throw new AdrError('IO_FAILED', `The demo's sample ADRs are missing from ${examplesDir}`, {
      suggestions: ['Reinstall adrgate: the package ships them in examples/demo.'],
    })
  }
  return Promise.all(
    files.map(async (file) => {
      const read = await readTextFile(path.join(examplesDir, file), examplesDir)
      if (!read.ok) throw new AdrError('IO_FAILED', `The demo's sample ${file} ${read.reason}`)
      const first = await readTextFile(path.join(examplesDir, 'first-versions', file), examplesDir)
      return {file, text: read.text, first: first.ok ? first.text : undefined}
    }),
  )
}
