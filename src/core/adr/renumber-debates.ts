/**
 * A renumbered ADR takes its debate record with it: `debates/0003-use-queue.yaml` becomes
 * `debates/0006-use-queue.yaml`, the record's `adr:` names the new file and the ADR's `debate:` the
 * new record. Only those lines change.
 */

/** `0012-primary-datastore.md` → `debates/0012-primary-datastore.yaml`, the record's conventional key. */
export function debateKeyOf(adrFile: string): string {
  return `debates/${adrFile.replace(/\.md$/i, '')}.yaml`
}

/** The record's new key: renamed with its ADR when it had the conventional name, else kept. */
export function movedDebateKey(key: string, from: string, to: string): string {
  return key === debateKeyOf(from) ? debateKeyOf(to) : key
}

/** The record's top-level `adr:` line, pointed at the ADR's new file name. */
export function retargetRecord(recordText: string, from: string, to: string): string {
  return recordText.replace(
    new RegExp(`^(adr:[ \\t]*)(['"]?)${escapeRegExp(from)}\\2([ \\t]*(#.*)?)$`, 'm'),
    (_, key: string, quote: string, rest: string) => `${key}${quote}${to}${quote}${rest}`,
  )
}

/** The ADR's front-matter `debate:` line, pointed at the record's new key. */
export function retargetDebatePointer(adrText: string, fromKey: string, toKey: string): string {
  if (fromKey === toKey) return adrText
  const fm = /^---\r?\n[\s\S]*?\r?\n---/.exec(adrText)
  if (!fm) return adrText
  const rewritten = fm[0].replace(
    new RegExp(`^(debate:[ \\t]*)(['"]?)${escapeRegExp(fromKey)}\\2([ \\t]*(#.*)?)$`, 'm'),
    (_, key: string, quote: string, rest: string) => `${key}${quote}${toKey}${quote}${rest}`,
  )
  return rewritten + adrText.slice(fm[0].length)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
