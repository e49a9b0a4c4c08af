/**
 * Today's date as `YYYY-MM-DD` in local time, as adr-tools writes it (`date +%Y-%m-%d`). `ADR_DATE`,
 * when set and not empty, is taken as it is (adr-tools' tests set `ADR_DATE=12/01/1992`).
 */
export function today(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const fixed = env.ADR_DATE
  if (fixed !== undefined && fixed !== '') return fixed
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
