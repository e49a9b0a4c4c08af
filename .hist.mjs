import {openWorkspace} from './dist/adapters/workspace.js'
import {readHistory} from './dist/app/history/history.js'
const s = performance.now()
const h = await readHistory(openWorkspace(process.argv[2]))
console.log('history', (performance.now() - s).toFixed(0), 'ms', h.events.length, 'events')
