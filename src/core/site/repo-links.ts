/**
 * Links into the repository's web host, from `--repo-url` (`https://github.com/org/repo`). GitLab's
 * paths have a `/-/` before the verb; every other host is taken to read GitHub's (Gitea, Forgejo and
 * Bitbucket Server redirect or follow the same form). `HEAD` names the default branch on both.
 */
export interface RepoLinks {
  view(file: string): string
  edit(file: string): string
  commit(sha: string): string
  /** "GitHub", "GitLab", or the host name. */
  host: string
}

export function repoLinks(repoUrl: string): RepoLinks {
  const base = repoUrl.replace(/\/+$/, '').replace(/\.git$/, '')
  let hostname = ''
  try {
    hostname = new URL(base).hostname
  } catch {}
  const gitlab = /gitlab/i.test(hostname)
  const sep = gitlab ? '/-/' : '/'
  const encode = (file: string) => file.split('/').map(encodeURIComponent).join('/')
  return {
    view: (file) => `${base}${sep}blob/HEAD/${encode(file)}`,
    edit: (file) => `${base}${sep}edit/HEAD/${encode(file)}`,
    commit: (sha) => `${base}${sep}commit/${encodeURIComponent(sha)}`,
    host: /github/i.test(hostname) ? 'GitHub' : gitlab ? 'GitLab' : hostname || 'the repository',
  }
}

/** Only http(s) URLs are taken for `--repo-url` and `--base-url`: anything else could run script in the site. */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === 'https:' || u.protocol === 'http:'
  } catch {
    return false
  }
}
