#!/usr/bin/env node
// Runs the oclif developer CLI (`oclif manifest`, `oclif readme`) without its "update available"
// check, so builds print only what they did. Portable where an `ENV=value cmd` npm script is not.
import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const bin = path.join(path.dirname(require.resolve('oclif/package.json')), 'bin', 'run.js')
const env = {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true', npm_config_update_notifier: 'false'}
const result = spawnSync(process.execPath, [bin, ...process.argv.slice(2)], {stdio: 'inherit', env})
process.exit(result.status ?? 1)
