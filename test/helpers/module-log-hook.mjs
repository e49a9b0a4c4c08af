// Preloaded with `node --import` by test/e2e/lazy-modules.test.ts: records every module the process
// loads (ES modules through a loader hook, CommonJS through Module._load) and writes their URLs or
// paths, one a line, to $ADRGATE_MODULE_LOG when the process exits.
import {writeFileSync} from 'node:fs'
import Module, {register} from 'node:module'
import {MessageChannel} from 'node:worker_threads'

const loaded = new Set()
const {port1, port2} = new MessageChannel()
port1.on('message', (url) => loaded.add(url))
port1.unref()
register('./module-log-loader.mjs', {parentURL: import.meta.url, data: {port: port2}, transferList: [port2]})

const load = Module._load
Module._load = function (request, parent, isMain, ...rest) {
  const exported = load.call(this, request, parent, isMain, ...rest)
  try {
    loaded.add(Module._resolveFilename(request, parent, isMain))
  } catch {
    loaded.add(request)
  }
  return exported
}

process.on('exit', () => writeFileSync(process.env.ADRGATE_MODULE_LOG, `${[...loaded].join('\n')}\n`))
