// Loaded into every measured process through NODE_OPTIONS=--import=…: at exit, appends
// `<pid> <ppid> <maxRSS KiB> <user CPU µs> <system CPU µs>` to the file named by ADRGATE_BENCH_RSS_FILE. Node child processes
// inherit NODE_OPTIONS and append their own line; git and other non-Node children are not counted.
import {appendFileSync} from 'node:fs'

const file = process.env.ADRGATE_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage()
      appendFileSync(file, `${process.pid} ${process.ppid} ${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}\n`)
    } catch {
      // A probe must never change the outcome of the process it measures.
    }
  })
}
