import {parentPort, workerData} from 'node:worker_threads'
import {createFileLinter, type FileInput, type FileLintSetup} from './lint-files.js'

/** A worker thread of `adr lint`: lints one batch of files and posts the results back. */
const {setup, files} = workerData as {setup: FileLintSetup; files: FileInput[]}
const lint = createFileLinter(setup)
parentPort?.postMessage(await lint(files))
