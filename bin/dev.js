#!/usr/bin/env node
// Development launcher: oclif's development mode. Run it as `node --import tsx bin/dev.js …` (tsx is not
// a dependency: `npx tsx` fetches it) to run the TypeScript sources; without a TypeScript loader oclif
// falls back to the build in dist/. `bin/run.js` is what users run.
import {execute} from '@oclif/core'

await execute({development: true, dir: import.meta.url})
