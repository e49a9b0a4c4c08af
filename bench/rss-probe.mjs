// Loaded into every measured process through NODE_OPTIONS=--import=…: at exit, appends
// `<pid> <ppid> <maxRSS KiB> <user CPU µs> <system CPU µs> <children's CPU ticks>` to the file named by
// ADRGATE_BENCH_RSS_FILE. The children's ticks (Linux: cutime + cstime of /proc/self/stat) are the CPU
// of the child processes it waited for: git, mostly. Node child processes also append their own line.
import {appendFileSync, readFileSync} from 'node:fs'

const file = process.env.ADRGATE_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage()
      appendFileSync(file, `${process.pid} ${process.ppid} ${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime} ${childTicks()}\n`)
    } catch {
      // A probe must never change the outcome of the process it measures.
    }
  })
}

function childTicks() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields[0] is field 3 (state): cutime is field 16, cstime field 17
    return Number(fields[13]) + Number(fields[14])
  } catch {
    return 0
  }
}
