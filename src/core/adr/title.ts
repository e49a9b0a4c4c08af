// How an ADR's title and number are read from its `# Title` heading: apart from the parser, so the
// readers that need the title only (`readHeadline`) do not load the parser and the format readers.

/** `7. Title`, `7: Title`, `7 - Title`, `ADR-007: Title`, `ADR 7 Title`; a bare leading number (`99 Luft Balloons`) is part of the title. */
const TITLE_NUMBER = /^(?:ADR[-_ ]?0*(\d+)(?:\.|:|\s+-|\s+–|\s*:)?|0*(\d+)(?:\.|\s+-|\s+–|\s*:))\s+(.+)$/i

/**
 * The title and the number: the title as the `# Title` heading (else front matter's `title:`) gives it,
 * with a number prefix taken off wherever it comes from (`# ADR-007: T`, `title: 'ADR001: T'`); the
 * number from the file name, else from that prefix.
 */
export function readTitle(given: string, fileNumber: number | undefined): {title: string; number: number | undefined} {
  const match = TITLE_NUMBER.exec(given)
  if (!match) return {title: given, number: fileNumber}
  return {title: match[3].trim(), number: fileNumber ?? Number(match[1] ?? match[2])}
}
