/**
 * The file-name slug (docs/architecture.md): lowercase, every run of characters that are not letters or digits becomes one
 * `-`, leading and trailing `-` trimmed. Letters outside ASCII are kept (`Café` → `café`).
 */
export function slugify(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}
