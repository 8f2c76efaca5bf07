"""`ind-tui open FILE.tfa`: check the draft, then start the TUI, which opens it in the wizard
right after login. A refused file is one line on stderr and exit 2; nothing else starts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ind_tui.cli import BadInput
from ind_tui.i18n import t


def _lang(args: argparse.Namespace) -> str:
    from ind_tui.i18n import choose_language

    return choose_language(getattr(args, "lang", None))


def _shown(path: Path) -> str:
    # A file name may hold control characters; the reason must stay one harmless line.
    return "".join(ch if ch.isprintable() else "?" for ch in str(path))


def check_draft(path: Path, lang: str) -> Path:
    """The draft file, absolute, if the wizard can open it; else BadInput with the reason."""
    from ind_tui.domain.forms.schema import load_form
    from ind_tui.i18n import set_language, t
    from ind_tui.local.drafts.bundle import read_bundle
    from ind_tui.local.drafts.errors import DraftError
    from ind_tui.local.drafts.packed import PACK_SUFFIX

    set_language(lang)
    if path.suffix.lower() == PACK_SUFFIX:
        raise BadInput(t("drafts.open.packed", path=_shown(path)))
    try:
        draft = read_bundle(path)
    except DraftError as exc:
        raise BadInput(f"{_shown(path)}: {exc.one_line('nl' if lang == 'nl' else 'en')}") from None
    except OSError as exc:
        raise BadInput(f"{_shown(path)}: {exc.strerror or type(exc).__name__}") from None
    try:
        load_form(draft.form_id)
    except (KeyError, ValueError, OSError):
        raise BadInput(t("drafts.open.unknown_form", path=_shown(path),
                         form=draft.form_id)) from None
    return path.absolute()


def _open(args: argparse.Namespace) -> int:
    path = check_draft(args.file, _lang(args))
    from ind_tui.cli.tui import run

    return run(portal=args.portal, profile=args.profile, lang=args.lang, open_path=path)


def register(sub: Any) -> None:
    p = sub.add_parser("open", help=t("cli.help.opener.open"))
    p.add_argument("file", type=Path, metavar="FILE.tfa")
    p.set_defaults(handler=_open)
