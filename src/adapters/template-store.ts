import {promises as fs} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {AdrError} from '../core/errors.js'
import {readChosenTextFile, readTextFile} from './files/contained-read.js'
import {resolvesInside} from './files/containment.js'
import {notice} from './notices.js'

/** The built-in templates shipped in the package's `adr-templates/` directory. */
export const BUILT_IN_TEMPLATES = ['nygard', 'madr', 'madr-minimal', 'y-statement', 'log4brains', 'nygard-init', 'madr-init'] as const
export type BuiltInTemplate = (typeof BUILT_IN_TEMPLATES)[number]

const TEMPLATE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../adr-templates')

export function isBuiltInTemplate(name: string | undefined): name is BuiltInTemplate {
  return (BUILT_IN_TEMPLATES as readonly string[]).includes(name ?? '')
}

export function builtInTemplatePath(name: BuiltInTemplate): string {
  return path.join(TEMPLATE_DIR, `${name}.md`)
}

/**
 * Where a template comes from, which decides what it may be: a built-in one is adrgate's; the
 * project's (`<adr-dir>/templates/template.md`) must resolve inside the repository, like every path
 * the repository names; one the user chose (`--template FILE`, `ADR_TEMPLATE`) may be anywhere, and
 * says so when it is outside the repository. Every one must be a regular file.
 */
export type TemplateSource = {kind: 'built-in'} | {kind: 'project'; root: string} | {kind: 'chosen'; label: string; root: string}

/** Reads a template file; one that cannot be used is an error that names it and says why. */
export async function readTemplate(file: string, source: TemplateSource = {kind: 'built-in'}): Promise<string> {
  const read = source.kind === 'project' ? await readTextFile(file, source.root) : await readChosenTextFile(file)
  if (!read.ok) {
    throw new AdrError('INVALID_ARGUMENT', `The template ${file} ${read.reason}`, {
      suggestions: ['Check --template, ADR_TEMPLATE, or the file <adr-dir>/templates/template.md.'],
    })
  }
  if (source.kind === 'chosen' && !resolvesInside(source.root, file)) {
    notice(`the template ${file} (${source.label}) is outside the repository; using it, as asked`)
  }
  return read.text
}

/** The project's own template, `<adr-dir>/templates/template.md`, when there is one (a link counts: it is checked when read). */
export async function findProjectTemplate(adrDir: string): Promise<string | undefined> {
  const file = path.join(adrDir, 'templates', 'template.md')
  const stat = await fs.lstat(file).catch(() => undefined)
  return stat?.isFile() || stat?.isSymbolicLink() ? file : undefined
}

/** The templates whose text is guidance to replace (not the `*-init` ADRs, whose text is the first decision). */
const GUIDANCE_TEMPLATES: readonly BuiltInTemplate[] = ['nygard', 'madr', 'madr-minimal', 'y-statement', 'log4brains']

/** The texts of the built-in guidance templates and of the project's `templates/template.md`, for lint. */
export async function readGuidanceTemplates(adrDir: string): Promise<string[]> {
  const project = await findProjectTemplate(adrDir)
  const files = [...GUIDANCE_TEMPLATES.map(builtInTemplatePath), ...(project ? [project] : [])]
  return Promise.all(files.map((file) => fs.readFile(file, 'utf8').catch(() => '')))
}
