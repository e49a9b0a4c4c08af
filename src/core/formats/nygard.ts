import type {FormatDescriptor} from './format.js'

/**
 * adr-tools (Michael Nygard's format): `# 7. Title`, a `Date:` line, the status and its link lines
 * in `## Status`, then Context, Decision, Consequences. Front matter that a documentation site adds
 * (`id:`, `title:`) does not change the format: its sections say what it is.
 */
export const NYGARD: FormatDescriptor = {
  id: 'nygard',
  name: 'an adr-tools ADR',
  naming: 'numbered',
  status: 'status-section',
  date: 'date-line',
  links: 'status-section',
  // never a front matter `status:` (that makes it MADR); a documentation site's `date:` comes before the `Date:` line
  reads: {status: ['status-section', 'field'], date: ['front-matter', 'field', 'date-line', 'changelog', 'file-name']},
  optional: {status: false, date: false},
  requiredSections: () => [
    {heading: 'Status', accepts: ['status']},
    {heading: 'Context', accepts: ['context']},
    {heading: 'Decision', accepts: ['decision']},
    {heading: 'Consequences', accepts: ['consequences']},
  ],
  numberedTitle: true,
  initialStatus: 'Accepted',
  firstStatus: 'Accepted',
  writable: true,
  templates: ['nygard', 'nygard-init'],
  initTemplate: 'nygard-init',
  addsFrontMatter: false,
  tradeOffs: 'none',
  recognise: (s) =>
    s.statusSection && !s.frontMatterStatus && (!s.frontMatter || (s.sections.has('context') && s.sections.has('decision'))),
}
