"""Helpers shared by the drafts and PDF-check tests: PDFs, zips and the CLI runner.

A plain module (not a conftest): the tests import what they need from it.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

from ind_tui.local.drafts.bundle import bundle_bytes
from ind_tui.local.drafts.model import DocumentRef, Draft, utcnow

# --- PDFs ---------------------------------------------------------------------------------


def build_pdf(objects: Sequence[bytes], root: int = 1, trailer: bytes = b"") -> bytes:
    """A PDF with the given objects (numbered from 1) and a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s >>\n" % (len(objects) + 1, root, trailer))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def pdf_bytes(pages: int = 1, pad: int = 0, catalog_extra: bytes = b"") -> bytes:
    """A valid PDF with `pages` pages; `pad` random bytes in an unused stream object."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog_extra,
        b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    if pad:
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (pad, os.urandom(pad)))
    return build_pdf(objects)


def pdf_of_size(size: int, pages: int = 1) -> bytes:
    """A valid PDF of exactly `size` bytes (incompressible padding)."""
    pad = max(0, size - len(pdf_bytes(pages)) - 80)
    for _ in range(5):
        data = pdf_bytes(pages, pad)
        if len(data) == size:
            return data
        pad += size - len(data)
    raise AssertionError("could not hit the size")


def write_pdf(path: Path, data: bytes | None = None) -> Path:
    path.write_bytes(pdf_bytes() if data is None else data)
    return path


# --- bundles and zips ---------------------------------------------------------------------


def sample_draft(**changes: object) -> Draft:
    draft = Draft(
        form_id="hsm_first",
        form_version=3,
        answers={"employee": {"name": "A. Jansen", "salary": 5942}, "note": "line 1\nline 2"},
        kvk="12345678",
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def fake_ref(content: bytes = b"%PDF-1.7 fake", name: str = "passport.pdf") -> DocumentRef:
    import hashlib

    return DocumentRef(
        sha256=hashlib.sha256(content).hexdigest(),
        name=name,
        size=len(content),
        pages=1,
        checked_at=utcnow(),
    )


def bundle_entries(draft: Draft | None = None) -> dict[str, bytes]:
    """The entries of a valid bundle, to tamper with."""
    data = bundle_bytes(draft or sample_draft())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def zip_bytes(
    entries: Sequence[tuple[str | zipfile.ZipInfo, bytes]],
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    import warnings

    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are made on purpose
        with zipfile.ZipFile(out, "w", compression) as zf:
            for name, content in entries:
                zf.writestr(name, content)
    return out.getvalue()


def central_records(data: bytes) -> list[int]:
    """Offsets of the central directory records (to patch declared fields)."""
    end = data.rfind(b"PK\x05\x06")
    count, _, start = struct.unpack("<HLL", data[end + 10 : end + 20])
    offsets = []
    pos = start
    for _ in range(count):
        assert data[pos : pos + 4] == b"PK\x01\x02"
        offsets.append(pos)
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[pos + 28 : pos + 34])
        pos += 46 + name_len + extra_len + comment_len
    return offsets


def patch_central(data: bytes, index: int, field: str, value: int) -> bytes:
    """Change one field of the index-th central directory record."""
    where = {"flags": (8, "<H"), "method": (10, "<H"), "file_size": (24, "<L"),
             "compress_size": (20, "<L"), "header_offset": (42, "<L"),
             "external_attr": (38, "<L")}[field]  # fmt: skip
    pos = central_records(data)[index] + where[0]
    patched = bytearray(data)
    patched[pos : pos + struct.calcsize(where[1])] = struct.pack(where[1], value)
    return bytes(patched)


def tree(root: Path) -> list[str]:
    """Every file under root (relative), to prove that nothing was written."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


# --- CLI ----------------------------------------------------------------------------------


def run_cli(argv: list[str]) -> int:
    """`ind_tui.cli.main` when every command module exists; otherwise the same contract
    with only the drafts commands registered."""
    import ind_tui.cli as cli

    try:
        for name in cli.COMMAND_MODULES:
            importlib.import_module(f"ind_tui.cli.{name}")
    except ImportError:
        pass
    else:
        return cli.main(argv)
    from ind_tui.cli import drafts as drafts_cli

    parser = cli._Parser(prog="ind-tui")
    parser.add_argument("--lang", choices=("nl", "en"))
    sub = parser.add_subparsers(dest="command", parser_class=cli._Parser)
    drafts_cli.register(sub)
    args: argparse.Namespace = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except cli.BadInput as exc:
        import sys

        sys.stderr.write(f"ind-tui: {exc}\n")
        return cli.EXIT_BAD_INPUT
