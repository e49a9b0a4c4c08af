/**
 * A pure function of one string, remembered by its argument: for the small readers lint and the
 * history ask of every heading or status of thousands of files, which repeat from file to file (the
 * same template's `## Context and Problem Statement`, `Accepted`). At most `max` answers are kept; the
 * memory starts again when it is full, so a repository of unique headings costs only the lookups.
 */
export function remembered<T>(fn: (text: string) => T, max = 4096): (text: string) => T {
  const answers = new Map<string, T>()
  return (text) => {
    // one lookup for an answer that is there (`has` is asked only of an `undefined` one)
    const known = answers.get(text)
    if (known !== undefined || answers.has(text)) return known as T
    const answer = fn(text)
    if (answers.size >= max) answers.clear()
    answers.set(text, answer)
    return answer
  }
}
