const OLD_DATE = /Date: (\d{2})\/(\d{2})\/(\d{4})/

/**
 * adr-tools' `upgrade-repository`: on each line, the first `Date: DD/MM/YYYY` becomes
 * `Date: YYYY-MM-DD`. Every other byte stays as it was.
 */
export function upgradeDates(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(OLD_DATE, (_, day, month, year) => `Date: ${year}-${month}-${day}`))
    .join('\n')
}
