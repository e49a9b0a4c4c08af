/** A fence line: up to three spaces, then three or more backticks or tildes (CommonMark). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** Fenced code, line by line: `holds(line)` is true for a fence line and every line between two. One per scan (it keeps the open fence). */
export class FencedCode {
  private fence: string | undefined

  holds(line: string): boolean {
    const f = FENCE.exec(line)
    if (f) {
      if (!this.fence) this.fence = f[1][0].repeat(f[1].length)
      else if (line.trim().startsWith(this.fence)) this.fence = undefined
      return true
    }
    return this.fence !== undefined
  }
}
