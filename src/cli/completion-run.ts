import type {Workspace} from '../adapters/workspace.js'
import {completionValues} from '../app/complete/completion-values.js'
import {formatCandidates, planCompletion, valueCandidates} from '../core/cli/complete.js'
import {type CompletionSource, completionSpecs} from './completion-specs.js'

/**
 * What `adr complete` prints for its arguments: the candidates for the last word typed, one a line
 * (`value<TAB>description`). The words are those after `--`; `--current=WORD` gives the last one
 * apart (PowerShell cannot pass an empty argument). The same for the command (through oclif) and for
 * `completeEarly` (before oclif loads). It never fails: anything wrong prints nothing.
 */
export async function completionText(
  source: CompletionSource,
  argv: readonly string[],
  open: (dir?: string) => Workspace,
): Promise<string> {
  const dashes = argv.indexOf('--')
  const options = dashes < 0 ? [] : argv.slice(0, dashes)
  const words = dashes < 0 ? [...argv] : argv.slice(dashes + 1)
  const current = options.find((o) => o.startsWith('--current='))
  if (current !== undefined) words.push(current.slice('--current='.length))
  try {
    const {commands, topics} = completionSpecs(source)
    const plan = planCompletion(commands, topics, words)
    const candidates =
      plan.kind === 'candidates'
        ? plan.candidates
        : plan.kind === 'values'
          ? valueCandidates(plan, await completionValues(open(dirOf(words)), plan.values))
          : []
    return formatCandidates(plan, candidates)
  } catch {
    // a completion that fails offers nothing; the command the person then runs says what is wrong
    return ''
  }
}

/** `--dir X` among the words typed: the ADRs offered are that directory's. */
function dirOf(words: readonly string[]): string | undefined {
  for (const [i, word] of words.entries()) {
    if (word.startsWith('--dir=')) return word.slice('--dir='.length)
    if (word === '--dir' && i + 1 < words.length - 1) return words[i + 1]
  }
  return undefined
}
