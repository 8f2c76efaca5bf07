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
    return BadInput(f"{path}: {exc.strerror or type(exc).__name__}")


def _need_action(args: argparse.Namespace) -> int:
    raise BadInput(f"choose an action: {args.actions}")


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
    if not rows:
        sys.stdout.write("no drafts\n")
        return EXIT_OK
    # An unbound draft (from before drafts were bound) shows "unbound" as its company.
    heads = ["file", "form", "kvk", "company", "employee", "stage", "updated", "status"]
    table = [[_cell(r, h) for h in heads] for r in rows]
    widths = [max(len(h), *(len(line[i]) for line in table)) for i, h in enumerate(heads)]
    for line in [[h.upper() for h in heads], *table]:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))
        sys.stdout.write("\n")
    return EXIT_OK


def _cell(row: dict[str, Any], head: str) -> str:
    value = row[head]
    if head == "kvk" and value is None and row["status"] == "ok":
        return "unbound"
    if head == "updated" and value:
        return str(value)[:16].replace("T", " ")
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
    d = opened.draft
    major, minor = d.format_version
    out = sys.stdout
    out.write(f"ok: {path.name} (format {major}.{minor})\n")
    out.write(f"form: {d.form_id} version {d.form_version}\n")
    out.write(f"profile: {d.profile}  kvk: {d.kvk or 'unbound'}  company: {d.sponsor_name or '-'}"
              f"  portal: {d.portal or '-'}\n")
    out.write(f"created: {d.created_at.isoformat()}  updated: {d.updated_at.isoformat()}\n")
    if d.idempotency_key:
        out.write("a submission was started: its idempotency key is kept\n")
    for slot, ref in sorted(d.documents.items()):
        state = "re-attach" if slot in opened.missing else "present"
        out.write(f"document {slot}: {ref.name} ({ref.size} bytes, {ref.pages} p.) {state}\n")
    if opened.missing:
        from ind_tui.local.drafts.errors import Code, guidance

        out.write(f"to re-attach: {', '.join(opened.missing)}\n")
        out.write(guidance(Code.DOCUMENT_MISSING, _lang(args)) + "\n")
    return EXIT_OK


def _pack(args: argparse.Namespace) -> int:
    from ind_tui.local.drafts.errors import DraftError
    from ind_tui.local.drafts.packed import PACK_SUFFIX, pack_draft

    src: Path = args.file
    out: Path = args.out
    if out.is_dir():
        out = out / (src.stem + PACK_SUFFIX)
    if out.exists() and not args.force:
        raise BadInput(f"{out} exists (use --force to replace it)")
    if not out.parent.is_dir():
        raise BadInput(f"{out.parent}: no such folder")
    try:
        result = pack_draft(src, out)
    except DraftError as exc:
        return _fail(exc, args)
    except OSError as exc:
        raise _unreadable(src, exc) from None
    sys.stdout.write(f"packed {result.documents} document(s) into {result.path}\n")
    if result.missing:
        sys.stdout.write(f"not on this computer, not included: {', '.join(result.missing)}\n")
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
    sys.stdout.write(f"draft written to {result.path} ({result.documents} document(s))\n")
    if result.missing:
        sys.stdout.write(f"to re-attach: {', '.join(result.missing)}\n")
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
    sys.stdout.write(f"ok: {path.name}: {result.pages} page(s), {result.size} bytes\n")
    for warning in result.warnings:
        sys.stdout.write(f"warning: {warning.value}: {guidance(warning, _lang(args))}\n")
    return EXIT_OK


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _connected(args: argparse.Namespace) -> int:
    from ind_tui.cli.drafts_file import connected

    return connected(args)


def _show(args: argparse.Namespace) -> int:
    from ind_tui.cli.drafts_file import show

    return show(args)


def _add_filing_actions(dsub: Any) -> None:
    """new, show, file, bind (cli/drafts_file.py; imported when one of them runs)."""
    p = dsub.add_parser("new", help="a draft for the company the login acts for")
    p.add_argument("--type", required=True, dest="form_id", metavar="TYPE",
                   help="the application type (see `ind-tui forms show`)")
    p.add_argument("--employee", metavar="V-NUMBER",
                   help="prefill from the register and this employee's latest case")
    p.add_argument("--answers", type=Path, metavar="FILE.json", help="answers by field key")
    p.add_argument("--attach", action="append", default=[], metavar="SLOT=FILE.pdf",
                   help="a document for a slot (repeat for more)")
    p.add_argument("--out", type=Path, metavar="FILE.tfa", help="where to write the draft")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=_connected)

    p = dsub.add_parser("show", help="what a draft holds and what blocks filing")
    p.add_argument("file", type=Path, metavar="FILE.tfa")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=_show)

    p = dsub.add_parser("file", help="upload, submit and pay a draft, exactly once")
    p.add_argument("file", type=Path, metavar="FILE.tfa")
    p.add_argument("--yes", action="store_true",
                   help="file and pay without asking (and bind an unbound draft)")
    p.add_argument("--allow-duplicate", action="store_true",
                   help="file although the same person has an application of this kind")
    p.add_argument("--method", choices=("direct_debit", "one_off"), default="direct_debit",
                   help="how to pay the fee")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=_connected)

    p = dsub.add_parser("bind", help="bind a draft from before drafts were bound, once")
    p.add_argument("file", type=Path, metavar="FILE.tfa")
    p.add_argument("--yes", action="store_true", help="bind without asking")
    p.set_defaults(handler=_connected)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    drafts = subparsers.add_parser(
        "drafts", help="prepare, check, file, pack and unpack drafts (.tfa)")
    drafts.set_defaults(handler=_need_action,
                        actions="list, new, show, check, file, bind, pack, unpack")
    dsub = drafts.add_subparsers(dest="drafts_command", metavar="ACTION")
    _add_filing_actions(dsub)

    p = dsub.add_parser("list", help="the drafts in the drafts folder")
    p.add_argument("--dir", type=Path, help="another folder to list")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=_list)

    p = dsub.add_parser("check", help="check a draft and say which documents to re-attach")
    p.add_argument("file", type=Path, metavar="FILE.tfa",
                   help="a file, or the name of a draft in the drafts folder")
    p.set_defaults(handler=_check)

    p = dsub.add_parser("pack", help="one portable file with the draft and its documents")
    p.add_argument("file", type=Path, metavar="FILE.tfa")
    p.add_argument("out", type=Path, metavar="OUT", help="the file to write (or a folder)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(handler=_pack)

    p = dsub.add_parser("unpack", help="bring a packed draft and its documents in")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("outdir", type=Path, nargs="?", metavar="OUTDIR", help="where to write the .tfa")
    p.set_defaults(handler=_unpack)

    documents = subparsers.add_parser("documents", help="check documents before attaching")
    documents.set_defaults(handler=_need_action, actions="check")
    csub = documents.add_subparsers(dest="documents_command", metavar="ACTION")
    p = csub.add_parser("check", help="would the portal accept this PDF?")
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.add_argument(
        "--max-bytes",
        type=_positive,
        default=8 * 1024 * 1024,
        help="the portal's size limit (default 8 MB)",
    )
    p.add_argument("--timeout", type=_seconds, default=20.0, help="seconds the check may take")
    p.set_defaults(handler=_document_check)
