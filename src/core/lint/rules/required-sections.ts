import type {Nodes, Root, RootContent} from 'mdast'
import type {Adr} from '../../model.js'
import {columnOf, fileLines, titlePosition} from '../locate.js'
import type {FileRule, Finding} from '../rule.js'
import {everywhere} from '../rule.js'
import {MADR_BODY, MINIMAL, madr, nygard} from './examples.js'

interface Required {
  /** As it should be written. */
  heading: string
  /** Headings accepted for it, lowercase. */
  accepts: string[]
}

const CONTEXT: Required = {
  heading: 'Context and Problem Statement',
  accepts: ['context and problem statement', 'context', 'problem statement'],
}
const OPTIONS: Required = {heading: 'Considered Options', accepts: ['considered options', 'options']}
const OUTCOME: Required = {heading: 'Decision Outcome', accepts: ['decision outcome', 'decision']}
const CONSEQUENCES: Required = {heading: 'Consequences', accepts: ['consequences']}

/** The sections each format requires (MADR 2 has no front matter and no Consequences heading). */
function sectionsOf(adr: Adr): Required[] {
  if (adr.format === 'nygard')
    return [
      {heading: 'Status', accepts: ['status']},
      {heading: 'Context', accepts: ['context']},
      {heading: 'Decision', accepts: ['decision']},
      {heading: 'Consequences', accepts: ['consequences']},
    ]
  if (adr.format === 'log4brains') return [CONTEXT, OUTCOME]
  return adr.frontMatter ? [CONTEXT, OPTIONS, OUTCOME, CONSEQUENCES] : [CONTEXT, OPTIONS, OUTCOME]
}

/** Text adr-tools' and MADR's templates leave behind. */
const TEMPLATE_SENTENCES = [
  'the issue motivating this decision, and any context that influences or constrains the decision.',
  "the change that we're proposing or have agreed to implement.",
  'what becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.',
]
const BRACED = /\{[^{}\n]*[\s…][^{}\n]*\}/
const TODO = /^(?:todo|tbd|tbc|fixme|xxx|\.\.\.|…)[.!:]?$/i
const MAX_PARSED = 64 * 1024
const SUSPICIOUS =
  /[{<]|\btodo\b|\btbd\b|\btbc\b|\bfixme\b|\bxxx\b|^\s*(?:\.\.\.|…)\s*$|the issue motivating|the change that we're|what becomes easier/im

export const requiredSections: FileRule = {
  id: 'required-sections',
  scope: 'file',
  needsBody: true,
  description:
    'The sections the format requires exist and hold more than template text: MADR 3/4 Context and Problem Statement, Considered Options, Decision Outcome, Consequences (MADR 2: the first three); adr-tools Status, Context, Decision, Consequences. GFM tables count as content; `{placeholders}` and adr-tools template sentences do not.',
  severity: everywhere('error'),
  check(context) {
    const {adr} = context
    if (!adr.title && adr.sections.length === 0) return []
    const findings: Finding[] = []
    const lines = fileLines(adr)
    for (const required of sectionsOf(adr)) {
      const section = adr.sections.find((s) => s.depth >= 2 && required.accepts.includes(normaliseHeading(s.heading)))
      if (!section) {
        findings.push({...titlePosition(adr), message: `Missing section \`${required.heading}\`, expected it in ${describeFormat(adr)}`})
        continue
      }
      const text = lines.slice(section.line, section.endLine).join('\n')
      if (!SUSPICIOUS.test(text) && /\S/.test(text.replace(/^ {0,3}#{1,6}[ \t].*$/gm, ''))) continue
      // A huge section is not empty; it is searched for placeholders as text (GFM parsing is slow on megabytes).
      const problem = text.length > MAX_PARSED ? inspectText(text, section.line) : inspect(context.markdown(text), section.line)
      if (problem === 'empty')
        findings.push({line: section.line, column: 1, message: `Unexpected empty section \`${section.heading}\`, expected your own text`})
      else if (problem) {
        findings.push({
          line: problem.line,
          column: columnOf(adr, problem.line, problem.text.slice(0, 20)),
          message: `Unexpected template text \`${shorten(problem.text)}\` in section \`${section.heading}\`, expected your own text`,
        })
      }
    }
    return findings
  },
  examples: {
    ok: [
      {input: {'0001-use-postgresql.md': madr(MINIMAL)}},
      {input: {'0001-record-decisions.md': nygard(1, 'Record decisions')}},
      {
        input: {
          '0001-use-postgresql.md': madr(
            MINIMAL,
            'Use PostgreSQL',
            MADR_BODY.replace('* PostgreSQL\n* MongoDB', '| option | cost |\n|---|---|\n| PostgreSQL | low |\n| MongoDB | low |'),
          ),
        },
      },
    ],
    notOk: [
      {
        input: {
          '0001-use-postgresql.md': madr(MINIMAL, 'Use PostgreSQL', MADR_BODY.replace('* PostgreSQL\n* MongoDB\n', '<!-- list them -->\n')),
        },
        messages: ['0001-use-postgresql.md:12:1 Unexpected empty section `Considered Options`, expected your own text'],
      },
      {
        input: {'0001-use-postgresql.md': madr(MINIMAL, 'Use PostgreSQL', MADR_BODY.replace(/## Considered Options[^#]*/, ''))},
        messages: ['0001-use-postgresql.md:6:1 Missing section `Considered Options`, expected it in a MADR ADR'],
      },
      {
        input: {
          '0001-use-postgresql.md': madr(
            MINIMAL,
            'Use PostgreSQL',
            MADR_BODY.replace(
              'Invoices must never be wrong, and tenants define their own attributes.',
              '{Describe the context and problem statement}',
            ),
          ),
        },
        messages: [
          '0001-use-postgresql.md:10:1 Unexpected template text `{Describe the context and problem statement}` in section `Context and Problem Statement`, expected your own text',
        ],
      },
      {
        input: {
          '0001-record-decisions.md': nygard(1, 'Record decisions').replace(
            'We need to record the architectural decisions made on this project.',
            'The issue motivating this decision, and any context that influences or constrains the decision.',
          ),
        },
        messages: [
          '0001-record-decisions.md:11:1 Unexpected template text `The issue motivating this decision, and any context that influences or constrains the decision.` in section `Context`, expected your own text',
        ],
      },
    ],
  },
}

function normaliseHeading(heading: string): string {
  return heading
    .replace(/[*_`:]/g, '')
    .trim()
    .toLowerCase()
}

function describeFormat(adr: Adr): string {
  if (adr.format === 'nygard') return 'an adr-tools ADR'
  if (adr.format === 'log4brains') return 'a log4brains ADR'
  return 'a MADR ADR'
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}…` : text
}

type Verdict = 'empty' | {line: number; text: string} | undefined

/** Whether the section's content (subsections included) holds text, and if all or part of it is template text. */
function inspect(root: Root, offset: number): Verdict {
  const content = root.children.filter((n) => n.type !== 'heading' && n.type !== 'definition' && !(n.type === 'html' && isComment(n.value)))
  if (content.length === 0) return 'empty'
  for (const node of content) {
    const found = findPlaceholder(node)
    if (found) return {line: found.line + offset, text: found.text}
  }
  return undefined
}

function inspectText(text: string, offset: number): Verdict {
  const prose = text.replace(/^ {0,3}(`{3,}|~{3,})[\s\S]*?^ {0,3}\1/gm, '').replace(/`[^`\n]*`/g, '')
  const braced = BRACED.exec(prose)
  if (!braced) return undefined
  const before = text.slice(0, text.indexOf(braced[0]))
  return {line: offset + 1 + (before.match(/\n/g)?.length ?? 0), text: braced[0]}
}

function isComment(html: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(html)
}

function findPlaceholder(node: RootContent): {line: number; text: string} | undefined {
  if (node.type === 'code' || node.type === 'html') return undefined
  const text = textOf(node).trim()
  const line = node.position?.start.line ?? 1
  const braced = BRACED.exec(text)
  if (braced) return {line: line + (text.slice(0, braced.index).match(/\n/g)?.length ?? 0), text: braced[0]}
  if (TODO.test(text) || TEMPLATE_SENTENCES.includes(text.toLowerCase())) return {line, text}
  return undefined
}

/** The text of a node without its code (where braces are legitimate). */
function textOf(node: Nodes): string {
  if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') return ''
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join(node.type === 'list' || node.type === 'table' ? '\n' : '')
  return ''
}
