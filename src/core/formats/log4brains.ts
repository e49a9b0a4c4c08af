import type {FormatDescriptor} from './format.js'
import {CONTEXT, OUTCOME} from './madr.js'

/**
 * log4brains: MADR 2's body, files named by date (`20201002-slug.md`), status and date as
 * `- Status:` / `- Date:` bullets under the title. adrgate reads and edits it, and `adr new` in a
 * log4brains repository writes it (`adr-templates/log4brains.md`), named by the day.
 */
export const LOG4BRAINS: FormatDescriptor = {
  id: 'log4brains',
  name: 'a log4brains ADR',
  naming: 'dated',
  status: 'field',
  date: 'field',
  links: 'front-matter',
  // a `## Status` section, in a dated file that has one, before the field (never a front matter `status:`: that makes it MADR)
  reads: {status: ['status-section', 'field'], date: ['front-matter', 'field', 'date-line', 'changelog', 'file-name']},
  optional: {status: false, date: true},
  requiredSections: () => [CONTEXT, OUTCOME],
  numberedTitle: false,
  initialStatus: 'proposed',
  firstStatus: 'accepted',
  writable: true,
  templates: ['log4brains'],
  addsFrontMatter: false,
  tradeOffs: 'none',
  recognise: (s) => s.datedName && !s.frontMatterStatus,
}
