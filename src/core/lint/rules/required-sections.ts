import type {Adr} from '../../adr/model.js'
import {formatOf, type RequiredSection} from '../../formats/index.js'
import {remembered} from '../../remembered.js'
import {fileRule, type LintFinding, type ProfileName} from '../lint-rule.js'
import {columnOf, fileLines, titlePosition} from '../locate.js'
import {inspectSection, inspectSectionText, plainLines, plainText} from '../placeholders.js'
import {findTemplateLineIn} from '../template-text.js'
import {MADR_BODY, MINIMAL, madr, nygard} from './examples.js'

/** The sections each format requires: its descriptor says (src/core/formats). */
function sectionsOf(adr: Adr, profile: ProfileName): readonly RequiredSection[] {
  return formatOf(adr.format).requiredSections(profile)
}

const NONE: ReadonlySet<string> = new Set()

/** Sections longer than this are searched as text: GFM parsing takes seconds on megabytes. */
const MAX_PARSED = 64 * 1024

export const requiredSections = fileRule({
  id: 'required-sections',
  needsBody: true,
  description:
    "The sections the format requires (its descriptor in src/core/formats says which) exist and hold more than template text: MADR Context and Problem Statement, Considered Options, Decision Outcome (and Consequences under `strict`); adr-tools Status, Context, Decision, Consequences; log4brains Context and Problem Statement, Decision Outcome. GFM tables count as content; `{placeholders}`, `<placeholders>`, adr-tools' template sentences and any line left as the built-in templates (nygard, madr, madr-minimal, y-statement, log4brains) or the project's `templates/template.md` wrote it do not. Under `adr-tools` (structure only) only the sections' presence is checked.",
  severity: 'error',
  check(context) {
    const {adr} = context
    if (!adr.title && adr.sections.length === 0) return []
    const findings: LintFinding[] = []
    const lines = fileLines(adr)
    // each heading normalised once, not once for each required section
    const headings = adr.sections.map((s) => (s.depth >= 2 ? normaliseHeading(s.heading) : undefined))
    for (const required of sectionsOf(adr, context.profile)) {
      const found = headings.findIndex((h) => h !== undefined && required.accepts.includes(h))
      const section = found < 0 ? undefined : adr.sections[found]
      if (!section) {
        findings.push({...titlePosition(adr), message: `Missing section \`${required.heading}\`, expected it in ${describeFormat(adr)}`})
        continue
      }
      // `adr-tools` is structure only: the sections must be there; what they say is the team's business
      if (context.profile === 'adr-tools') continue
      const template = findTemplateLineIn(lines, section.line, Math.min(section.endLine, lines.length), context.templateLines ?? NONE)
      if (template) {
        const line = section.line + template.line
        findings.push({
          line,
          column: columnOf(adr, line, template.text.slice(0, 20)),
          message: `Unexpected template text \`${shorten(template.text)}\` in section \`${section.heading}\`, expected your own text`,
        })
        continue
      }
      // nearly every section is written text: told line by line (plainLines), then the section is not joined
      if (context.fastPaths !== false && plainLines(lines, section.line, section.endLine)) continue
      const text = lines.slice(section.line, section.endLine).join('\n')
      if (plainText(text)) continue
      // A huge section is not empty; it is searched for placeholders as text (GFM parsing is slow on megabytes).
      const problem =
        text.length > MAX_PARSED ? inspectSectionText(text, section.line) : inspectSection(context.markdown(text), section.line)
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
          '0001-use-postgresql.md': madr(
            MINIMAL,
            'Use PostgreSQL',
            MADR_BODY.replace(
              'Chosen option: "PostgreSQL", because invoices are relational.',
              'In the context of <the feature or component>, we decided for PostgreSQL.',
            ),
          ),
        },
        messages: [
          '0001-use-postgresql.md:19:19 Unexpected template text `<the feature or component>` in section `Decision Outcome`, expected your own text',
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
})

const normaliseHeading = remembered((heading) =>
  heading
    .replace(/[*_`:]/g, '')
    .trim()
    .toLowerCase(),
)

function describeFormat(adr: Adr): string {
  return formatOf(adr.format).name
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}…` : text
}
