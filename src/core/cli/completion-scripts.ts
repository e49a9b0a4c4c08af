/**
 * The completion script of each shell (`adr completion SHELL`). Each one asks `adr complete -- WORDS…`
 * (the words after `adr`, the last the one being completed) for candidates, one per line as
 * `value<TAB>description`; the line `:files` or `:dirs` hands completion back to the shell's own
 * path completion. The scripts hold no command or flag names: a new command completes without a
 * new script.
 */
export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const
export type Shell = (typeof SHELLS)[number]

export function completionScript(shell: Shell, bin: string): string {
  const fn = `_${bin.replace(/\W/g, '_')}_complete`
  switch (shell) {
    case 'bash':
      return `# ${bin} completion for bash. Install: eval "$(${bin} completion bash)" in ~/.bashrc,
# or save it as ~/.local/share/bash-completion/completions/${bin}
${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} line value IFS=$'\\n'
  local -a words out
  words=("\${COMP_WORDS[@]:1:COMP_CWORD}")
  # after --flag= bash gives "=" as the word; the value starts empty
  [[ $cur == "=" ]] && { cur=""; words+=(""); }
  out=($(${bin} complete -- "\${words[@]}" 2>/dev/null))
  COMPREPLY=()
  case \${out[0]} in
    :files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    :dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;
  esac
  for line in "\${out[@]}"; do
    value=\${line%%$'\\t'*}
    [[ $value == *[[:space:]]* ]] && value=$(printf '%q' "$value")
    COMPREPLY+=("$value")
  done
}
complete -F ${fn} ${bin}
`
    case 'zsh':
      return `#compdef ${bin}
# ${bin} completion for zsh. Install: eval "$(${bin} completion zsh)" in ~/.zshrc (after compinit),
# or save it as _${bin} in a directory of your $fpath
${fn}() {
  local -a lines described
  local line value
  lines=("\${(@f)$(${bin} complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  case $lines[1] in
    :files) _files; return ;;
    :dirs) _files -/; return ;;
  esac
  for line in $lines; do
    [[ -z $line ]] && continue
    value=\${line%%$'\\t'*}
    if [[ $line == *$'\\t'* ]]; then described+=("\${value//:/\\\\:}:\${line#*$'\\t'}"); else described+=("\${value//:/\\\\:}"); fi
  done
  (( $#described )) && _describe -t values ${bin} described -U
}
if [[ $funcstack[1] == _${bin} ]]; then ${fn} "$@"; else compdef ${fn} ${bin}; fi
`
    case 'fish':
      return `# ${bin} completion for fish. Install: ${bin} completion fish > ~/.config/fish/completions/${bin}.fish
function ${fn}
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l out (${bin} complete -- $words[2..-1] "$current" 2>/dev/null)
    switch "$out[1]"
        case :files
            __fish_complete_path "$current"
        case :dirs
            __fish_complete_directories "$current"
        case '*'
            printf '%s\\n' $out
    end
end
complete -c ${bin} -f -a '(${fn})'
`
    case 'powershell':
      return `# ${bin} completion for PowerShell. Install: add this line to your $PROFILE:
#   ${bin} completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName ${bin} -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Select-Object -Skip 1 |
        Where-Object { $_.Extent.EndOffset -lt $cursorPosition -or ($wordToComplete -ne '' -and $_.Extent.EndOffset -eq $cursorPosition) } |
        ForEach-Object { $_.Extent.Text })
    if ($wordToComplete -ne '' -and $words.Count -gt 0) { $words = @($words | Select-Object -SkipLast 1) }
    # the word being completed goes as --current=WORD: an empty argument would not reach ${bin}
    $out = @(& ${bin} complete "--current=$wordToComplete" -- @words 2>$null)
    if ($out.Count -gt 0 -and ($out[0] -eq ':files' -or $out[0] -eq ':dirs')) { return }
    foreach ($line in $out) {
        if (-not $line) { continue }
        $parts = $line -split "\`t", 2
        $value = $parts[0]
        $text = if ($value -match '\\s') { "'" + ($value -replace "'", "''") + "'" } else { $value }
        $tip = if ($parts.Count -gt 1) { $parts[1] } else { $value }
        [System.Management.Automation.CompletionResult]::new($text, $value, 'ParameterValue', $tip)
    }
}
`
  }
}
