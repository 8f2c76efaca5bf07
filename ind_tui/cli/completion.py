"""`ind-tui completion bash|zsh|fish`: a shell script completing commands, options, profile
names and the drafts in the drafts folder.

The tables in each script come from the argparse parser (`build_parser`), so a new command or
option completes without touching this module; only the few lines that walk the words typed
so far are written per shell. Profile and draft names change, so the scripts ask for them
when needed (`ind-tui completion --names profiles|drafts`, cheap: no portal, no sandbox).
"""

from __future__ import annotations

import argparse
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ind_tui.cli import EXIT_OK, BadInput
from ind_tui.i18n import t

ROOT = "ind-tui"
NAMES = ("profiles", "identities", "drafts", "routes")
SHELLS = ("bash", "zsh", "fish")
# What a value or positional completes to: these, or the words of its choices.
NONE, FILE, PROFILE, DRAFT = "@none", "@file", "@profile", "@draft"
IDENTITY = "@identity"  # the sandbox's test identities (`login --identity`)
ROUTE = "@route"  # the sandbox's route names (`sandbox faults add ROUTE KIND`)
_PATHLIKE = re.compile(r"\b(FILE|DIR|OUT|OUTDIR|PATH)\b")


def register(sub: Any) -> None:
    p = sub.add_parser("completion", help=t("cli.help.completion.completion"))
    p.add_argument("shell", nargs="?", choices=SHELLS)
    # What the scripts call for the names that change; not for people.
    p.add_argument("--names", choices=NAMES, help=argparse.SUPPRESS)
    p.set_defaults(handler=_completion)


@dataclass
class Node:
    """What may follow the words of one command path (e.g. `ind-tui sandbox faults`)."""

    commands: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # option taking a value → completion
    positional: str = NONE
    # A command whose positionals complete differently (`faults add ROUTE KIND`): the second,
    # third, ... (the first is `positional`).
    later: list[str] = field(default_factory=list)


def _kind(action: argparse.Action) -> str:
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        return " ".join(str(c) for c in action.choices)
    metavar = str(action.metavar or "")
    if action.dest == "profile":
        return PROFILE
    if action.dest == "identity":
        return IDENTITY
    if action.metavar == "ROUTE":
        return ROUTE
    if action.metavar == "KIND":  # a fault kind: the sandbox's list, known to the contract
        from ind_tui.api.sandbox_admin import FaultKind

        return " ".join(k.value for k in FaultKind)
    if metavar.lower().endswith(".tfa"):
        return DRAFT
    if action.type is Path or _PATHLIKE.search(metavar):
        return FILE
    return NONE


def tree(parser: argparse.ArgumentParser, path: str = ROOT) -> dict[str, Node]:
    """Every command path of `parser`, with what may follow it."""
    node = Node()
    nodes = {path: node}
    kinds: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                node.commands.append(name)
                nodes.update(tree(child, f"{path} {name}"))
        elif action.help == argparse.SUPPRESS:
            continue
        elif action.option_strings:
            node.options.extend(action.option_strings)
            if action.nargs != 0:
                for option in action.option_strings:
                    node.values[option] = _kind(action)
        else:
            kinds.append(_kind(action))
    # One completion for every positional of a command: drafts offer files too.
    for wanted in (DRAFT, FILE):
        if wanted in kinds:
            node.positional = wanted
            break
    else:
        node.positional = next((k for k in kinds if not k.startswith("@") or k == ROUTE),
                               NONE)
    if len(kinds) > 1 and ROUTE in kinds:
        node.positional, node.later = kinds[0], kinds[1:]
    return nodes


def _positionals(nodes: dict[str, Node]) -> dict[str, str]:
    """What each command's positionals complete to: `PATH` for the first (and any, unless
    told otherwise), `PATH#2`, `PATH#3`, ... for the later ones that differ."""
    pos = {p: n.positional for p, n in nodes.items()}
    for p, n in nodes.items():
        pos.update({f"{p}#{i}": kind for i, kind in enumerate(n.later, start=2)})
    return pos


def _bash(nodes: dict[str, Node], shell: str) -> str:
    def table(name: str, items: dict[str, str]) -> str:
        # bash takes [key]=value; zsh's portable form is key value pairs.
        row = "    [{}]={}\n" if shell == "bash" else "    {} {}\n"
        rows = "".join(row.format(shlex.quote(k), shlex.quote(v)) for k, v in items.items())
        return f"{name}=(\n{rows})\n"

    cmds = {p: " ".join(n.commands) for p, n in nodes.items() if n.commands}
    opts = {p: " ".join(n.options) for p, n in nodes.items()}
    vals = {f"{p}/{o}": v for p, n in nodes.items() for o, v in n.values.items()}
    pos = _positionals(nodes)
    tables = "".join(table(f"_ind_tui_{name}", items) for name, items in
                     (("cmds", cmds), ("opts", opts), ("vals", vals), ("pos", pos)))
    head = BASH_HEAD if shell == "bash" else ZSH_HEAD
    return head + tables + (BASH_BODY if shell == "bash" else ZSH_BODY)


def _fish(nodes: dict[str, Node]) -> str:
    def switch(name: str, items: dict[str, str]) -> str:
        cases = "".join(f"        case {shlex.quote(k)}\n            echo {shlex.quote(v)}\n"
                        for k, v in items.items())
        return (f"function {name}\n    switch $argv[1]\n{cases}"
                "        case '*'\n            return 1\n    end\nend\n")

    cmds = {p: " ".join(n.commands) for p, n in nodes.items() if n.commands}
    opts = {p: " ".join(n.options) for p, n in nodes.items()}
    vals = {f"{p}/{o}": v for p, n in nodes.items() for o, v in n.values.items()}
    pos = _positionals(nodes)
    return FISH_HEAD + "".join(switch(f"__ind_tui_{name}", items) for name, items in
                               (("cmds", cmds), ("opts", opts), ("vals", vals),
                                ("pos", pos))) + FISH_BODY


def script(shell: str) -> str:
    from ind_tui.cli import build_parser

    nodes = tree(build_parser())
    return _fish(nodes) if shell == "fish" else _bash(nodes, shell)


def names(kind: str) -> list[str]:
    """Profile names, test identities, or the drafts in the drafts folder (full paths); none
    on any error:
    a completion never prints a complaint into the command line being typed."""
    try:
        if kind == "profiles":
            from ind_tui.local.settings import load_settings

            return sorted(load_settings().profiles)
        if kind == "identities":
            from ind_tui.sandbox.identities import IDENTITIES

            return sorted(i.name for i in IDENTITIES)
        if kind == "routes":
            from ind_tui.sandbox.app import route_names

            return route_names()  # `*` (every route) is left out: shells would expand it
        from ind_tui.local.paths import drafts_dir

        return sorted(str(p) for p in drafts_dir().glob("*.tfa"))
    except Exception:
        return []


def _completion(args: argparse.Namespace) -> int:
    if args.names:
        for name in names(args.names):
            print(name)
        return EXIT_OK
    if args.shell is None:
        raise BadInput(t("cli.refuse.shell", shells=", ".join(SHELLS)))
    print(script(args.shell), end="")
    return EXIT_OK


BASH_HEAD = """\
# ind-tui completion for bash (4 or later); made by `ind-tui completion bash`.
# Install: see "Shell completion" in the README.
declare -gA _ind_tui_cmds _ind_tui_opts _ind_tui_vals _ind_tui_pos
"""

BASH_BODY = r"""
_ind_tui_value() {  # $1: what to complete, $2: the word so far, $3: names to ask for
    local line
    case "$1" in
        @none) ;;
        @file) compgen -f -- "$2" ;;
        @profile | @identity | @route)
            compgen -W "$("${COMP_WORDS[0]}" completion --names "$3" 2>/dev/null)" -- "$2" ;;
        @draft)
            # A draft by its name or its path, then the files here.
            while IFS= read -r line; do
                [[ "$line" == "$2"* || "${line##*/}" == "$2"* ]] && printf '%s\n' "$line"
            done < <("${COMP_WORDS[0]}" completion --names drafts 2>/dev/null)
            compgen -f -- "$2" ;;
        *) compgen -W "$1" -- "$2" ;;
    esac
}

_ind_tui() {
    local cur="${COMP_WORDS[COMP_CWORD]}" cmdpath="ind-tui" want="" w i npos=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="${COMP_WORDS[i]}"
        if [[ -n "${_ind_tui_vals["$cmdpath/$w"]+set}" ]]; then
            ((i == COMP_CWORD - 1)) && want="${_ind_tui_vals["$cmdpath/$w"]}"
            ((i++))
            continue
        fi
        if [[ " ${_ind_tui_cmds["$cmdpath"]} " == *" $w "* ]]; then
            cmdpath="$cmdpath $w"
        elif [[ "$w" != -* ]]; then
            npos=$((npos + 1))  # a positional typed already: the next one may differ
        fi
    done
    if [[ -z "$want" ]]; then
        if [[ "$cur" == -* ]]; then
            want="${_ind_tui_opts["$cmdpath"]}"
        elif [[ -n "${_ind_tui_cmds["$cmdpath"]}" ]]; then
            want="${_ind_tui_cmds["$cmdpath"]}"
        else
            w="$cmdpath#$((npos + 1))"
            want="${_ind_tui_pos["$w"]:-${_ind_tui_pos["$cmdpath"]:-@none}}"
        fi
    fi
    [[ "$want" == @file || "$want" == @draft ]] && compopt -o filenames 2>/dev/null
    local names=profiles
    [[ "$want" == @identity ]] && names=identities
    [[ "$want" == @route ]] && names=routes
    mapfile -t COMPREPLY < <(_ind_tui_value "$want" "$cur" "$names")
}
complete -F _ind_tui ind-tui
"""

ZSH_HEAD = """\
#compdef ind-tui
# ind-tui completion for zsh; made by `ind-tui completion zsh`.
# Install: see "Shell completion" in the README.
typeset -gA _ind_tui_cmds _ind_tui_opts _ind_tui_vals _ind_tui_pos
"""

ZSH_BODY = r"""
_ind_tui_value() {  # $1: what to complete
    case "$1" in
        @none) ;;
        @file) _files ;;
        @profile) compadd -- ${(f)"$($words[1] completion --names profiles 2>/dev/null)"} ;;
        @identity) compadd -- ${(f)"$($words[1] completion --names identities 2>/dev/null)"} ;;
        @route) compadd -- ${(f)"$($words[1] completion --names routes 2>/dev/null)"} ;;
        @draft)
            compadd -- ${(f)"$($words[1] completion --names drafts 2>/dev/null)"}
            _files ;;
        *) compadd -- ${=1} ;;
    esac
}

_ind_tui() {
    local cmdpath="ind-tui" want="" w i npos=0
    for ((i = 2; i < CURRENT; i++)); do
        w="$words[i]"
        if (( ${+_ind_tui_vals[$cmdpath/$w]} )); then
            (( i == CURRENT - 1 )) && want="$_ind_tui_vals[$cmdpath/$w]"
            (( i++ ))
            continue
        fi
        if [[ " $_ind_tui_cmds[$cmdpath] " == *" $w "* ]]; then
            cmdpath="$cmdpath $w"
        elif [[ "$w" != -* ]]; then
            npos=$((npos + 1))
        fi
    done
    if [[ -z "$want" ]]; then
        if [[ "$PREFIX" == -* ]]; then
            want="$_ind_tui_opts[$cmdpath]"
        elif [[ -n "$_ind_tui_cmds[$cmdpath]" ]]; then
            want="$_ind_tui_cmds[$cmdpath]"
        else
            w="$cmdpath#$((npos + 1))"
            want="${_ind_tui_pos[$w]:-${_ind_tui_pos[$cmdpath]:-@none}}"
        fi
    fi
    _ind_tui_value "$want"
}

# Autoloaded from $fpath, or sourced after compinit.
if [[ "$zsh_eval_context[-1]" == loadautofunc ]]; then
    _ind_tui "$@"
else
    compdef _ind_tui ind-tui
fi
"""

FISH_HEAD = """\
# ind-tui completion for fish; made by `ind-tui completion fish`.
# Install: see "Shell completion" in the README.
"""

FISH_BODY = r"""
function __ind_tui_value  # $argv[1]: what to complete, $argv[2]: the program
    switch $argv[1]
        case @none
        case @file
            __fish_complete_path (commandline -ct)
        case @profile
            $argv[2] completion --names profiles 2>/dev/null
        case @identity
            $argv[2] completion --names identities 2>/dev/null
        case @route
            $argv[2] completion --names routes 2>/dev/null
        case @draft
            $argv[2] completion --names drafts 2>/dev/null
            __fish_complete_path (commandline -ct)
        case '*'
            string split ' ' -- $argv[1]
    end
end

function __ind_tui_complete
    set -l tokens (commandline -opc)
    set -l cmdpath ind-tui
    set -l want ''
    set -l n (count $tokens)
    set -l i 2
    set -l npos 0
    while test $i -le $n
        set -l w $tokens[$i]
        if set -l value (__ind_tui_vals "$cmdpath/$w")
            test $i -eq $n; and set want $value
            set i (math $i + 2)
            continue
        end
        if contains -- $w (string split ' ' -- (__ind_tui_cmds "$cmdpath"))
            set cmdpath "$cmdpath $w"
        else if not string match -q -- '-*' $w
            set npos (math $npos + 1)
        end
        set i (math $i + 1)
    end
    if test -z "$want"
        if string match -q -- '-*' (commandline -ct)
            set want (__ind_tui_opts "$cmdpath")
        else if set -l commands (__ind_tui_cmds "$cmdpath")
            set want $commands
        else
            set -l nth "$cmdpath#"(math $npos + 1)
            set want (__ind_tui_pos $nth; or __ind_tui_pos "$cmdpath"; or echo @none)
        end
    end
    __ind_tui_value $want $tokens[1]
end

complete -c ind-tui -f -a '(__ind_tui_complete)'
"""
