"""`ind-tui drafts list|check|pack|unpack` and `ind-tui documents check`.

Exit codes: 0 ok, 2 refused (one line on stderr: code, detail, guidance), 1 the operation
failed otherwise (e.g. the disk is full). The drafts package is imported inside the
handlers: `ind-tui --help` and the TUI start should not pay for pydantic and pypdf.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ind_tui.cli import EXIT_FAILED, EXIT_OK, BadInput
from ind_tui.i18n import language, t, text

if TYPE_CHECKING:
    from ind_tui.local.drafts.errors import DraftError, Lang


def _lang(args: argparse.Namespace) -> Lang:
    return "nl" if getattr(args, "lang", None) == "nl" else "en"


def _fail(exc: DraftError, args: argparse.Namespace) -> int:
    """Refusals are bad input (exit 2); anything else the operation failing (exit 1)."""
    from ind_tui.local.drafts.errors import BundleRefused, DocumentRefused

    if isinstance(exc, BundleRefused | DocumentRefused):
        raise BadInput(exc.one_line(_lang(args)))
    sys.stderr.write(f"ind-tui: {exc.one_line(_lang(args))}\n")
    return EXIT_FAILED


def _unreadable(path: Path, exc: OSError) -> BadInput:
    return BadInput(f"{path}: {exc.strerror or type(exc).__name__}")  # the system's words


def _need_action(args: argparse.Namespace) -> int:
    raise BadInput(text("cli.refuse.action", _lang(args), actions=args.actions))


# --- drafts -------------------------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    from ind_tui.local.drafts.bundle import list_drafts

    folder: Path | None = args.dir
    try:
        infos = list_drafts(folder)
    except OSError as exc:
        raise _unreadable(folder or Path("drafts"), exc) from None
    rows: list[dict[str, Any]] = []
    for info in infos:
        d = info.draft
        name = d.answers.get("employee_name") if d else None
        rows.append(
            {
                "file": info.path.name,
                "form": d.form_id if d else None,
                "form_version": d.form_version if d else None,
                "kvk": d.kvk if d else None,
                "company": d.sponsor_name if d else None,
                "employee": name if isinstance(name, str) else None,
                "stage": d.stage.value if d else None,
                "updated": d.updated_at.isoformat() if d else None,
                "documents": len(d.documents) if d else None,
                "status": "ok" if info.error is None else info.error.code.value,
            }
        )
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
        return EXIT_OK
    lang = _lang(args)
    if not rows:
        sys.stdout.write(text("cli.drafts.none", lang) + "\n")
        return EXIT_OK
    # An unbound draft (from before drafts were bound) shows "unbound" as its company.
    heads = ["file", "form", "kvk", "company", "employee", "stage", "updated", "status"]
    table = [[_cell(r, h, lang) for h in heads] for r in rows]
    titles = [text(f"cli.drafts.col.{h}", lang).upper() for h in heads]
    widths = [max(len(h), *(len(line[i]) for line in table)) for i, h in enumerate(titles)]
    for line in [titles, *table]:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))
        sys.stdout.write("\n")
    return EXIT_OK


def _cell(row: dict[str, Any], head: str, lang: str) -> str:
    from datetime import datetime

    from ind_tui.cli.words import stage_name
    from ind_tui.i18n.format import local

    value = row[head]
    if head == "kvk" and value is None and row["status"] == "ok":
        return text("drafts.unbound", lang)
    if head == "updated" and value:
        return local(datetime.fromisoformat(value), lang)
    if head == "stage" and value:
        return stage_name(value, lang)
    return "" if value is None else str(value)


def _check(args: argparse.Namespace) -> int:
    from ind_tui.cli.drafts_view import resolve_draft
    from ind_tui.local.drafts.bundle import open_draft
    from ind_tui.local.drafts.errors import DraftError

    path: Path = resolve_draft(args.file)
    try:
        opened = open_draft(path, verify=True)
    except DraftError as exc:
        return _fail(exc, args)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    from ind_tui.cli.words import portal_name
    from ind_tui.i18n.format import local, number, plural

    d = opened.draft
    lang = _lang(args)
    major, minor = d.format_version
    out = sys.stdout
    out.write(text("cli.drafts.check.ok", lang, name=path.name, version=f"{major}.{minor}")
              + "\n")
    out.write(text("cli.drafts.check.form", lang, form=d.form_id, version=d.form_version)
              + "\n")
    out.write(text("cli.drafts.check.owner", lang, profile=d.profile,
                   kvk=d.kvk or text("drafts.unbound", lang), company=d.sponsor_name or "-",
                   portal=portal_name(d.portal, lang)) + "\n")
    out.write(text("cli.drafts.check.times", lang, created=local(d.created_at, lang),
                   updated=local(d.updated_at, lang)) + "\n")
    if d.idempotency_key:
        out.write(text("cli.drafts.check.started", lang) + "\n")
    for slot, ref in sorted(d.documents.items()):
        state = "cli.drafts.missing" if slot in opened.missing else "cli.drafts.present"
        out.write(text("cli.drafts.check.document", lang, slot=slot, name=ref.name,
                       size=text("cli.cases.bytes", lang, n=number(ref.size, lang)),
                       pages=plural("cli.drafts.pages", ref.pages, lang),
                       state=text(state, lang)) + "\n")
    if opened.missing:
        from ind_tui.local.drafts.errors import Code, guidance

        out.write(text("cli.drafts.reattach", lang, slots=", ".join(opened.missing)) + "\n")
        out.write(guidance(Code.DOCUMENT_MISSING, lang) + "\n")
    return EXIT_OK


def _pack(args: argparse.Namespace) -> int:
    from ind_tui.local.drafts.errors import DraftError
    from ind_tui.local.drafts.packed import PACK_SUFFIX, pack_draft

    src: Path = args.file
    out: Path = args.out
    if out.is_dir():
        out = out / (src.stem + PACK_SUFFIX)
    if out.exists() and not args.force:
        raise BadInput(text("cli.refuse.exists", _lang(args), path=str(out)))
    if not out.parent.is_dir():
        raise BadInput(text("cli.refuse.no_folder", _lang(args), path=str(out.parent)))
    try:
        result = pack_draft(src, out)
    except DraftError as exc:
        return _fail(exc, args)
    except OSError as exc:
        raise _unreadable(src, exc) from None
    from ind_tui.i18n.format import plural

    lang = _lang(args)
    sys.stdout.write(plural("cli.drafts.packed", result.documents, lang, path=result.path)
                     + "\n")
    if result.missing:
        sys.stdout.write(text("cli.drafts.left_out", lang, slots=", ".join(result.missing))
                         + "\n")
    return EXIT_OK


def _unpack(args: argparse.Namespace) -> int:
    from ind_tui.local.drafts.errors import DraftError
    from ind_tui.local.drafts.packed import unpack_draft

    src: Path = args.file
    try:
        result = unpack_draft(src, args.outdir)
    except DraftError as exc:
        return _fail(exc, args)
    except OSError as exc:
        raise _unreadable(src, exc) from None
    from ind_tui.i18n.format import plural

    lang = _lang(args)
    sys.stdout.write(plural("cli.drafts.unpacked", result.documents, lang, path=result.path)
                     + "\n")
    if result.missing:
        sys.stdout.write(text("cli.drafts.reattach", lang, slots=", ".join(result.missing))
                         + "\n")
    return EXIT_OK


# --- documents ----------------------------------------------------------------------------


def _document_check(args: argparse.Namespace) -> int:
    from ind_tui.local.drafts.documents import check_document
    from ind_tui.local.drafts.errors import DocumentRefused, guidance

    path: Path = args.file
    try:
        result = check_document(path, max_bytes=args.max_bytes, timeout=args.timeout)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if not result.ok and result.reason is not None:
        return _fail(DocumentRefused(result.reason, result.detail), args)
    from ind_tui.i18n.format import number, plural

    lang = _lang(args)
    sys.stdout.write(text("cli.documents.ok", lang, name=path.name,
                          pages=plural("cli.drafts.pages", result.pages, lang),
                          size=text("cli.cases.bytes", lang, n=number(result.size, lang)))
                     + "\n")
    for warning in result.warnings:
        sys.stdout.write(text("cli.documents.warning", lang, code=warning.value,
                              reason=guidance(warning, lang)) + "\n")
    return EXIT_OK


def _positive(given: str) -> int:
    value = int(given)
    if value < 1:
        raise argparse.ArgumentTypeError(text("cli.refuse.at_least_one", language()))
    return value


def _seconds(given: str) -> float:
    value = float(given)
    if not value > 0:
        raise argparse.ArgumentTypeError(text("cli.refuse.more_than_zero", language()))
    return value


def _connected(args: argparse.Namespace) -> int:
    from ind_tui.cli.drafts_file import connected

    return connected(args)


def _show(args: argparse.Namespace) -> int:
    from ind_tui.cli.drafts_file import show

    return show(args)


def _add_filing_actions(dsub: Any) -> None:
    """new, show, file, bind (cli/drafts_file.py; imported when one of them runs)."""
    p = dsub.add_parser("new", help=t("cli.help.drafts.new"))
    p.add_argument("--type", required=True, dest="form_id", metavar="TYPE",
                   help=t("cli.help.drafts.type"))
    p.add_argument("--employee", metavar="V-NUMBER",
                   help=t("cli.help.drafts.employee"))
    p.add_argument("--answers", type=Path, metavar="FILE.json", help=t("cli.help.drafts.answers"))
    p.add_argument("--attach", action="append", default=[], metavar="SLOT=FILE.pdf",
                   help=t("cli.help.drafts.attach"))
    p.add_argument("--out", type=Path, metavar="FILE.tfa", help=t("cli.help.drafts.out"))
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=_connected)

    p = dsub.add_parser("show", help=t("cli.help.drafts.show"))
    p.add_argument("file", type=Path, metavar="FILE.tfa")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=_show)

    p = dsub.add_parser("file", help=t("cli.help.drafts.file"))
    p.add_argument("file", type=Path, metavar="FILE.tfa")
    p.add_argument("--yes", action="store_true",
                   help=t("cli.help.drafts.yes"))
    p.add_argument("--allow-duplicate", action="store_true",
                   help=t("cli.help.drafts.allow_duplicate"))
    p.add_argument("--method", choices=("direct_debit", "one_off"), default="direct_debit",
                   help=t("cli.help.drafts.method"))
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=_connected)

    p = dsub.add_parser("bind", help=t("cli.help.drafts.bind"))
    p.add_argument("file", type=Path, metavar="FILE.tfa")
    p.add_argument("--yes", action="store_true", help=t("cli.help.drafts.yes2"))
    p.set_defaults(handler=_connected)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    drafts = subparsers.add_parser(
        "drafts", help=t("cli.help.drafts.drafts"))
    drafts.set_defaults(handler=_need_action,
                        actions="list, new, show, check, file, bind, pack, unpack")
    dsub = drafts.add_subparsers(dest="drafts_command", metavar="ACTION")
    _add_filing_actions(dsub)

    p = dsub.add_parser("list", help=t("cli.help.drafts.list"))
    p.add_argument("--dir", type=Path, help=t("cli.help.drafts.dir"))
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=_list)

    p = dsub.add_parser("check", help=t("cli.help.drafts.check"))
    p.add_argument("file", type=Path, metavar="FILE.tfa",
                   help=t("cli.help.drafts.file2"))
    p.set_defaults(handler=_check)

    p = dsub.add_parser("pack", help=t("cli.help.drafts.pack"))
    p.add_argument("file", type=Path, metavar="FILE.tfa")
    p.add_argument("out", type=Path, metavar="OUT", help=t("cli.help.drafts.out2"))
    p.add_argument("--force", action="store_true", help=t("cli.help.drafts.force"))
    p.set_defaults(handler=_pack)

    p = dsub.add_parser("unpack", help=t("cli.help.drafts.unpack"))
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("outdir", type=Path, nargs="?", metavar="OUTDIR",
                   help=t("cli.help.drafts.outdir"))
    p.set_defaults(handler=_unpack)

    documents = subparsers.add_parser("documents", help=t("cli.help.drafts.documents"))
    documents.set_defaults(handler=_need_action, actions="check")
    csub = documents.add_subparsers(dest="documents_command", metavar="ACTION")
    p = csub.add_parser("check", help=t("cli.help.drafts.check2"))
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.add_argument(
        "--max-bytes",
        type=_positive,
        default=8 * 1024 * 1024,
        help=t("cli.help.drafts.max_bytes"),
    )
    p.add_argument("--timeout", type=_seconds, default=20.0, help=t("cli.help.drafts.timeout"))
    p.set_defaults(handler=_document_check)
