import {spawn} from 'node:child_process'
import {AdrError} from '../core/errors.js'

/** The editor to open: `$VISUAL`, else `$EDITOR` (empty values count as unset), as adr-tools chooses. */
export function chooseEditor(env: Record<string, string | undefined>): string | undefined {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || undefined
}

/**
 * Opens `file` in the editor and waits for it, with the terminal attached. The editor setting is a
 * command line the user wrote (`code --wait`, `vim -u NONE`), so it runs through `sh -c` as git runs
 * `core.editor`; the file is passed as an argument (`"$@"`), never pasted into the command text, so
 * no character of a path or title reaches the shell.
 */
export async function openEditor(editor: string, file: string, options: {cwd: string; env: NodeJS.ProcessEnv}): Promise<void> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `${editor} "$@"`, editor, file], {cwd: options.cwd, env: options.env, stdio: 'inherit'})
    child.on('error', reject)
    child.on('exit', (status) => resolve(status))
  }).catch((error: Error) => {
    throw new AdrError('IO_FAILED', `Could not start the editor \`${editor}\`: ${error.message}`, {cause: error})
  })
  if (code !== 0) {
    throw new AdrError('IO_FAILED', `The editor \`${editor}\` exited with status ${code}; ${file} was written before it opened`, {
      suggestions: ['Check $VISUAL / $EDITOR, or pass --no-edit.'],
    })
  }
}
