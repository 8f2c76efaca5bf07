"""`ind-tui completion bash|zsh|fish`: the scripts, run in the real shells."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ind_tui.cli import build_parser
from ind_tui.cli.completion import DRAFT, PROFILE, script, tree
from ind_tui.local.paths import drafts_dir
from ind_tui.local.settings import Profile, set_profile

# The scripts call the program by the name typed; here that name runs this checkout.
PROGRAM = f"{shlex.quote(sys.executable)} -m ind_tui"


def _bash_complete(tmp_path: Path, *lines: tuple[str, ...]) -> list[list[str]]:
    """What the bash script offers for each command line (the last word is being typed)."""
    path = tmp_path / "ind-tui.bash"
    path.write_text(script("bash"))
    calls = "".join(
        f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)}); "
        f"COMP_CWORD={len(words) - 1}; COMPREPLY=(); _ind_tui; "
        "printf '%s\\n' \"${COMPREPLY[*]}\"\n"
        for words in lines
    )
    program = f"ind-tui() {{ {PROGRAM} \"$@\"; }}\nsource {shlex.quote(str(path))}\n"
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", program + calls],
                          capture_output=True, text=True, timeout=120, check=True)
    assert done.stderr == ""
    return [line.split() for line in done.stdout.splitlines()]


def test_bash_completes_commands_options_values_and_names(tmp_path: Path) -> None:
    set_profile(Profile(name="noordzee-prod", portal="https://portal.example.nl"))
    draft = drafts_dir() / "werknemer-jansen.tfa"
    draft.write_bytes(b"")
    offered = _bash_complete(
        tmp_path,
        ("ind-tui", "dr"),
        ("ind-tui", "sandbox", "fa"),
        ("ind-tui", "--lang", "nl", "sandbox", "faults", ""),
        ("ind-tui", "sandbox", "clock", "--f"),
        ("ind-tui", "sandbox", "clock", "--format", ""),
        ("ind-tui", "--profile", "noord"),
        ("ind-tui", "drafts", "check", "werk"),
        ("ind-tui", "completion", ""),
        ("ind-tui", "login", "--identity", "agent-"),
    )
    assert offered == [
        ["drafts"],
        ["faults"],
        ["list", "add", "clear"],
        ["--format", "--freeze"],
        ["text", "json"],
        ["noordzee-prod"],
        [str(draft)],
        ["bash", "zsh", "fish"],
        ["agent-delta", "agent-non-recognised", "agent-noordzee", "agent-unregistered"],
    ]


def test_the_tables_come_from_the_parser() -> None:
    nodes = tree(build_parser())
    assert "clock" in nodes["ind-tui sandbox"].commands
    assert nodes["ind-tui"].values["--profile"] == PROFILE
    assert nodes["ind-tui drafts check"].positional == DRAFT
    assert "--embedded" not in nodes["ind-tui sandbox serve"].options  # hidden stays hidden
    assert nodes["ind-tui sandbox faults add"].values["--delay"] == "@none"


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed here")
def test_fish_script_parses_and_completes(tmp_path: Path) -> None:
    path = tmp_path / "ind-tui.fish"
    path.write_text(script("fish"))
    subprocess.run(["fish", "-n", str(path)], check=True, timeout=60)
    program = f"function ind-tui; {PROGRAM} $argv; end; source {shlex.quote(str(path))}; "
    done = subprocess.run(
        ["fish", "--no-config", "-c", program + "complete -C 'ind-tui sandbox fa'; "
         "complete -C 'ind-tui --lang '"],
        capture_output=True, text=True, timeout=120, check=True)  # fmt: skip
    assert done.stdout.split() == ["faults", "en", "nl"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed here")
def test_zsh_script_parses_and_walks_the_words(tmp_path: Path) -> None:
    path = tmp_path / "_ind-tui"
    path.write_text(script("zsh"))
    subprocess.run(["zsh", "-n", str(path)], check=True, timeout=60)
    # Without a terminal, zsh's completion system cannot run: its `compadd` is stood in for
    # by one that prints what it is given (zsh itself filters that by the word typed).
    stubs = "compdef() { :; }; compadd() { shift; print -r -- \"$*\"; }; "
    walk = ("words=(ind-tui --lang nl sandbox fa); CURRENT=5; PREFIX=fa; _ind_tui; "
            "words=(ind-tui sandbox clock --format ''); CURRENT=5; PREFIX=''; _ind_tui")
    done = subprocess.run(["zsh", "-f", "-c", f"{stubs}source {path}; {walk}"],
                          capture_output=True, text=True, timeout=60, check=True)
    sandbox_actions = " ".join(tree(build_parser())["ind-tui sandbox"].commands)
    assert done.stdout.splitlines() == [sandbox_actions, "text json"]


def test_fault_routes_and_kinds_complete_in_their_places(tmp_path: Path) -> None:
    from ind_tui.api.sandbox_admin import FaultKind
    from ind_tui.sandbox.app import route_names

    offered = _bash_complete(
        tmp_path,
        ("ind-tui", "sandbox", "faults", "add", "cases.l"),
        ("ind-tui", "sandbox", "faults", "add", "cases.list", ""),
        ("ind-tui", "--lang", "nl", "sandbox", "faults", "add", "--count", "2", "cases.list",
         "un"),
        ("ind-tui", "sandbox", "faults", "clear", "applications.s"),
    )
    assert offered == [
        ["cases.list"],
        [k.value for k in FaultKind],
        ["unavailable"],
        ["applications.submit"],
    ]
    assert "cases.list" in route_names()


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed here")
def test_fish_completes_fault_kinds_after_the_route(tmp_path: Path) -> None:
    path = tmp_path / "ind-tui.fish"
    path.write_text(script("fish"))
    program = f"function ind-tui; {PROGRAM} $argv; end; source {shlex.quote(str(path))}; "
    done = subprocess.run(
        ["fish", "--no-config", "-c", program
         + "complete -C 'ind-tui sandbox faults add cases.li'; "
         "complete -C 'ind-tui sandbox faults add cases.list rate'"],
        capture_output=True, text=True, timeout=120, check=True)  # fmt: skip
    assert done.stdout.split() == ["cases.list", "rate_limit"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed here")
def test_zsh_completes_fault_kinds_after_the_route(tmp_path: Path) -> None:
    path = tmp_path / "_ind-tui"
    path.write_text(script("zsh"))
    stubs = "compdef() { :; }; compadd() { shift; print -r -- \"$*\"; }; "
    walk = "words=(ind-tui sandbox faults add cases.list ''); CURRENT=6; PREFIX=''; _ind_tui"
    done = subprocess.run(["zsh", "-f", "-c", f"{stubs}source {path}; {walk}"],
                          capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["latency", "unavailable", "server_error", "rate_limit",
                                   "commit_then_drop", "commit_then_error"]
