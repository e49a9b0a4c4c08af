import {AdrError} from '../../core/errors.js'

/** What an operating-system error code means for someone who must fix it, with the fix. */
const REASONS: Record<string, {what: string; fix: string}> = {
  ENOSPC: {what: 'the disk is full', fix: 'Free some space on the disk that holds it, then run the command again.'},
  EDQUOT: {what: 'the disk quota is used up', fix: 'Free some space within your quota, then run the command again.'},
  EACCES: {what: 'permission denied', fix: 'Check the permissions of the file and its directory.'},
  EPERM: {what: 'the operation is not permitted', fix: 'Check the permissions of the file and its directory.'},
  EROFS: {what: 'the file system is read-only', fix: 'Run the command on a writable checkout.'},
  ENOENT: {what: 'the directory does not exist', fix: 'Check that the directory exists (`adr init` creates it).'},
  ENOTDIR: {what: 'a part of the path is not a directory', fix: 'Check the path: a file stands where a directory should be.'},
  EISDIR: {what: 'it is a directory', fix: 'Remove or rename the directory that stands where the file should be.'},
  EMFILE: {what: 'too many files are open', fix: 'Raise the open-file limit (`ulimit -n`) or close other programs.'},
}

/** `IO_FAILED` naming the file, the verb and the reason in words (`the disk is full`), with the fix. */
export function ioError(file: string, error: unknown, verb = 'write'): AdrError {
  const code = (error as NodeJS.ErrnoException).code
  const reason = code ? REASONS[code] : undefined
  const why = reason ? `${reason.what} (${code})` : (code ?? (error as Error).message)
  return new AdrError('IO_FAILED', `Could not ${verb} ${file}: ${why}`, {
    cause: error,
    suggestions: [reason?.fix ?? 'Check the file, its directory and the disk, then run the command again.'],
  })
}
