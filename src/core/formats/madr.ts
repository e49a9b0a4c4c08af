import type {FormatDescriptor, RequiredSection} from './format.js'

export const CONTEXT: RequiredSection = {
  heading: 'Context and Problem Statement',
  accepts: ['context and problem statement', 'context', 'problem statement'],
}
const OPTIONS: RequiredSection = {heading: 'Considered Options', accepts: ['considered options', 'options']}
export const OUTCOME: RequiredSection = {heading: 'Decision Outcome', accepts: ['decision outcome', 'decision']}
const CONSEQUENCES: RequiredSection = {heading: 'Consequences', accepts: ['consequences']}

/**
 * MADR 2, 3 and 4: status and date in front matter (MADR 2: `* Status:` bullets), typed links under
 * `links:`. MADR marks status, date and Consequences optional; `strict` asks for them.
 */
export const MADR: FormatDescriptor = {
  id: 'madr',
  name: 'a MADR ADR',
  naming: 'numbered',
  status: 'front-matter',
  date: 'front-matter',
  links: 'front-matter',
  // MADR 2's `* Status:` bullets, and a `## Status` section a team added, when the front matter has none
  reads: {status: ['front-matter', 'status-section', 'field'], date: ['front-matter', 'field', 'date-line', 'changelog', 'file-name']},
  optional: {status: true, date: true},
  requiredSections: (profile) => (profile === 'strict' ? [CONTEXT, OPTIONS, OUTCOME, CONSEQUENCES] : [CONTEXT, OPTIONS, OUTCOME]),
  numberedTitle: false,
  initialStatus: 'proposed',
  firstStatus: 'accepted',
  writable: true,
  templates: ['madr', 'madr-minimal', 'y-statement', 'madr-init'],
  initTemplate: 'madr-init',
  addsFrontMatter: true,
  tradeOffs: 'front-matter',
  recognise: () => true,
}
