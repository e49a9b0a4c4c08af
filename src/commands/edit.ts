import path from 'node:path'
import {Args, Flags} from '@oclif/core'
import {chooseEditor, openEditor} from '../adapters/editor.js'
import {showAdr} from '../app/adr/show-adr.js'
import {BaseCommand} from '../cli/base-command.js'
import {AdrError} from '../core/errors.js'

export interface EditedAdr {
  /** Relative to the working directory. */
  path: string
  number?: number
  title: string
  /** The editor command that was run. */
  editor: string
}

export default class Edit extends BaseCommand {
  static summary = 'Open an ADR in $VISUAL (else $EDITOR).'
  static description =
    'REF is a number, a file name or path, or a unique fragment of a title, as for `adr show`. The editor runs with the terminal attached and the command waits for it; without a terminal (a script, CI) nothing is opened unless --force. Prints nothing; --json tells which file was opened.'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> 7',
    '<%= config.bin %> <%= command.id %> "primary datastore"',
    'VISUAL="code --wait" <%= config.bin %> <%= command.id %> 7',
  ]
  static args = {
    ref: Args.string({description: 'The ADR: a number, a file name or path, or a unique title fragment.', required: true}),
  }
  static flags = {
    force: Flags.boolean({summary: 'Open the editor even when stdin or stdout is not a terminal.'}),
  }

  async run(): Promise<EditedAdr> {
    const {args, flags} = await this.parse(Edit)
    const ws = this.workspace(flags.dir)
    const {adr} = await showAdr(ws, args.ref)
    const editor = chooseEditor(this.env)
    if (!editor) {
      throw new AdrError('INVALID_ARGUMENT', `Neither $VISUAL nor $EDITOR is set: no editor to open ${adr.path} in`, {
        suggestions: ['export EDITOR=vim (or nano, or "code --wait"), then run it again.'],
      })
    }
    if (!this.interactive && !flags.force) {
      throw new AdrError('INVALID_ARGUMENT', `No terminal to open ${editor} in; ${adr.path} was left as it is`, {
        suggestions: [`Run it at a terminal, or pass --force to open ${editor} anyway.`],
      })
    }
    await openEditor(editor, path.relative(ws.cwd, path.join(ws.adrDir, adr.file)) || adr.file, {cwd: ws.cwd, env: this.env})
    return {path: adr.path, number: adr.number, title: adr.title, editor}
  }
}
