/**
 * One-line notices from the adapters (a lock recovered from a dead process, an interrupted write
 * completed). They go to the sink the command installs (its stderr); never to stdout, so they never
 * mix with data or `--json`.
 */
type Sink = (line: string) => void

let sink: Sink = (line) => void process.stderr.write(`${line}\n`)

export function setNoticeSink(next: Sink): void {
  sink = next
}

export function notice(line: string): void {
  sink(`adrgate: ${line}`)
}
