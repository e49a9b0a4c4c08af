import {promises as fs} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {AdrError} from '../core/errors.js'

/** The built-in templates shipped in the package's `adr-templates/` directory. */
export const BUILT_IN_TEMPLATES = ['nygard', 'madr', 'madr-minimal', 'y-statement', 'nygard-init', 'madr-init'] as const
export type BuiltInTemplate = (typeof BUILT_IN_TEMPLATES)[number]

const TEMPLATE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../adr-templates')

export function isBuiltInTemplate(name: string | undefined): name is BuiltInTemplate {
  return (BUILT_IN_TEMPLATES as readonly string[]).includes(name ?? '')
}

export function builtInTemplatePath(name: BuiltInTemplate): string {
  return path.join(TEMPLATE_DIR, `${name}.md`)
}

/** Reads a template file; a missing one is an error that names it. */
export async function readTemplate(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    throw new AdrError('INVALID_ARGUMENT', `The template ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
      suggestions: ['Check ADR_TEMPLATE, or the file <adr-dir>/templates/template.md.'],
    })
  }
}

/** The project's own template, `<adr-dir>/templates/template.md`, when there is one. */
export async function findProjectTemplate(adrDir: string): Promise<string | undefined> {
  const file = path.join(adrDir, 'templates', 'template.md')
  const stat = await fs.stat(file).catch(() => undefined)
  return stat?.isFile() ? file : undefined
}

/** The templates whose text is guidance to replace (not the `*-init` ADRs, whose text is the first decision). */
const GUIDANCE_TEMPLATES: readonly BuiltInTemplate[] = ['nygard', 'madr', 'madr-minimal', 'y-statement']

/** The texts of the built-in guidance templates and of the project's `templates/template.md`, for lint. */
export async function readGuidanceTemplates(adrDir: string): Promise<string[]> {
  const project = await findProjectTemplate(adrDir)
  const files = [...GUIDANCE_TEMPLATES.map(builtInTemplatePath), ...(project ? [project] : [])]
  return Promise.all(files.map((file) => fs.readFile(file, 'utf8').catch(() => '')))
}
