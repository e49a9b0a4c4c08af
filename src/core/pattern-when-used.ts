/**
 * A regular expression made the first time it is used, for a module-level pattern with Unicode
 * property classes (`\p{L}`, `\p{N}` …). V8 parses a pattern when the RegExp is made, and a property
 * class is expanded then into its thousands of ranges: the two such patterns that every command loaded
 * with the config readers (simple-yaml's plain scalars, log4brains' folder path) cost about 8 M
 * instructions of a bare `adr list`'s 221 M, at module load, though most runs read no YAML with them.
 */
export function patternWhenUsed(make: () => RegExp): {test(text: string): boolean} {
  let pattern: RegExp | undefined
  return {
    test(text) {
      pattern ??= make()
      return pattern.test(text)
    },
  }
}
