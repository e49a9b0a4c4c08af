import {parentPort, workerData} from 'node:worker_threads'
import type {BodySource} from '../../core/site/markdown.js'
import {type BodyJob, renderHere} from './render-bodies.js'

/** A worker thread of `adr export site`: renders one share of the ADR bodies and posts them back. */
const {sources, job} = workerData as {sources: BodySource[]; job: BodyJob}
parentPort?.postMessage(await renderHere(sources, job))
