"""No user-facing English literal stands in widget code: every text a widget shows, every
key description and notification comes from the catalogues."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import ind_tui
from ind_tui.i18n import known

TUI = Path(ind_tui.__file__).parent / "tui"
# Call name -> which positional arguments are shown to a person (None: the first).
SHOWN_ARGS: dict[str, tuple[int, ...]] = {
    "Static": (0,), "Label": (0,), "Button": (0,), "Option": (0,), "Panel": (0,),
    "Checkbox": (0,), "RadioButton": (0,), "Tab": (0,), "TabPane": (0,), "Collapsible": (0,),
    "notify": (0,), "update": (0,), "Binding": (2,), "Column": (1,), "set_text": (2,),
    "DiscoveryHit": (0,), "SystemCommand": (0, 1),
}
SHOWN_KEYWORDS = {"placeholder", "title", "tooltip", "label", "description", "help", "prompt"}
SHOWN_ATTRIBUTES = {"title", "sub_title", "border_title", "border_subtitle", "placeholder",
                    "tooltip", "empty_text"}
# Literals that are not words of a language: examples of what to type.
ALLOWED = {"~/employees.csv", ":account"}
WORDS = re.compile(r"[A-Za-z]{2,}")
MARKUP = re.compile(r"\[/?[a-z$ #0-9_.-]*\]")
KEY_PREFIX = re.compile(r"[a-z_]+(\.[a-z_]+)*\.")  # f"home.area.{name}": a key built from data


def _shown_values(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        positions = SHOWN_ARGS.get(name or "", ())
        values = [a for i, a in enumerate(node.args) if i in positions]
        keywords = [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        if name == "Binding":  # a binding's `description` is positional or named
            keywords = [k.value for k in node.keywords if k.arg in ("description", "tooltip")]
        return values + keywords
    if isinstance(node, ast.Assign):
        return [node.value for target in node.targets
                if isinstance(target, ast.Attribute) and target.attr in SHOWN_ATTRIBUTES]
    return []


def _english(value: ast.expr) -> list[str]:
    """The literal text in `value` that reads as words and is not a catalogue key."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        parts = [] if known(value.value) else [value.value]
    elif isinstance(value, ast.JoinedStr):
        parts = [p.value for p in value.values if isinstance(p, ast.Constant)
                 and isinstance(p.value, str) and not KEY_PREFIX.fullmatch(p.value)]
    else:
        return []
    return [p for p in parts if p not in ALLOWED and WORDS.search(MARKUP.sub("", p))]


def literals_in(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        for value in _shown_values(node):
            found += [(value.lineno, text) for text in _english(value)]
    return sorted(found)


def test_no_english_literal_in_widget_code() -> None:
    found = [f"{path.relative_to(TUI)}:{line}: {text!r}"
             for path in sorted(TUI.rglob("*.py"))
             for line, text in literals_in(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_scan_finds_what_it_names() -> None:
    source = '''
yield Static("Loading cases")
yield Input(placeholder="search")
self.notify(f"Saved {path}")
BINDINGS = [Binding("s", "sort", "Sort"), Binding("x", "go", description="Go")]
panel.border_title = "Details"
Column("amount", "Amount")
yield Static(t("cases.title")), Binding("q", "quit", "key.quit"), Static("[b]·[/b]")
'''
    assert sorted(text for _, text in literals_in(source)) == sorted([
        "Loading cases", "search", "Saved ", "Sort", "Go", "Details", "Amount"])
