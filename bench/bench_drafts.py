"""Drafts benchmark: references + document store against a bundle that embeds documents.

Prints its figures; run with `make bench` or `python -m bench.bench_drafts [--smoke]`.
Everything is written under a temp dir (IND_TUI_HOME points there) and removed at the end.

  1. refusing hostile bundles: time and peak memory (goal < 1 s, < 50 MB each)
  2. checking one 8 MB PDF
  3. a draft with 20 attached 8 MB PDFs: .tfa size (must be <= 64 KB), save and open times
     against a baseline that embeds the documents in the bundle (the web portal's way;
     stored, not recompressed, which is the baseline's best case); goal >= 100x faster
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

MB = 1024 * 1024
DOC_BYTES = 8 * MB
DOCS = 20


def pdf_of_size(size: int) -> bytes:
    """A valid one-page PDF of exactly `size` bytes (random, incompressible padding)."""

    def build(pad: int) -> bytes:
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (pad, os.urandom(pad)),
        ]
        out = io.BytesIO()
        out.write(b"%PDF-1.7\n")
        offsets = []
        for number, body in enumerate(objects, 1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for offset in offsets:
            out.write(b"%010d 00000 n \n" % offset)
        out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
        out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
        return out.getvalue()

    pad = size - 400
    for _ in range(5):
        data = build(pad)
        if len(data) == size:
            return data
        pad += size - len(data)
    raise RuntimeError("could not build a PDF of the requested size")


def timed(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak / 1024


# --- hostile bundles ----------------------------------------------------------------------


def _set_sizes(data: bytes, name: str, size: int) -> bytes:
    """Make the directory record of `name` claim `size` bytes, compressed and not."""
    raw = bytearray(data)
    record = raw.find(b"PK\x01\x02")
    while raw[record + 46 : record + 46 + len(name)] != name.encode():
        record = raw.find(b"PK\x01\x02", record + 4)
    raw[record + 20 : record + 28] = size.to_bytes(4, "little") * 2
    return bytes(raw)


def _all_offsets_zero(data: bytes) -> bytes:
    raw = bytearray(data)
    record = raw.find(b"PK\x01\x02")
    while record >= 0:
        raw[record + 42 : record + 46] = bytes(4)
        record = raw.find(b"PK\x01\x02", record + 4)
    return bytes(raw)


def hostile_files(root: Path, kind: str) -> dict[str, Path]:
    """The same attacks shaped as a .tfa or as a pack (names each reader expects)."""
    import hashlib
    import json

    from ind_tui.local.drafts.bundle import bundle_bytes
    from ind_tui.local.drafts.model import DocumentRef, Draft, utcnow

    sha = hashlib.sha256(b"x").hexdigest()
    draft = Draft(form_id="hsm_first", form_version=1)
    draft.documents["passport"] = DocumentRef(
        sha256=sha, name="p.pdf", size=1024, pages=1, checked_at=utcnow()
    )
    tfa = bundle_bytes(draft)
    if kind == "tfa":
        with zipfile.ZipFile(io.BytesIO(tfa)) as zf:
            base = {name: zf.read(name) for name in zf.namelist()}
        target, others = "answers.json", [f"k{i}.json" for i in range(15)]
    else:
        info = {"format": "ind-tui-pack", "format_version": "1.0", "draft_name": "x.tfa"}
        base = {"pack.json": json.dumps(info).encode(), "draft.tfa": tfa}
        target, others = f"documents/{sha}", [f"documents/{i:064x}" for i in range(15)]
    files: dict[str, Path] = {}

    # 1 GiB of zeros in about 1 MB: refused on its declared size and ratio, never inflated.
    bomb = root / f"ratio-bomb.{kind}"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in base.items():
            if name != target:
                zf.writestr(name, content)
        with zf.open(target, "w") as w:
            zeros = bytes(MB)
            for _ in range(1024):
                w.write(zeros)
    files["ratio bomb, 1 GiB declared"] = bomb

    # The same bomb with a directory record claiming 1 KB: passes the size checks, is read
    # (or streamed into the store) with a hard cap, and fails its CRC.
    lying = root / f"lying-bomb.{kind}"
    lying.write_bytes(_set_sizes(bomb.read_bytes(), target, 1024))
    files["bomb declaring 1 KB"] = lying

    # Overlapped entries: every directory record points at the same local file.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(target, os.urandom(256 * 1024))
        for name in others:
            zf.writestr(name, b"{}")
    overlap = root / f"overlap.{kind}"
    overlap.write_bytes(_all_offsets_zero(out.getvalue()))
    files["overlapping entries"] = overlap

    # A 10 GB file (sparse): refused by its size without reading it.
    huge = root / f"huge.{kind}"
    with open(huge, "wb") as f:
        f.truncate(10 * 1024 * MB)
    files["10 GB file"] = huge
    return files


def bench_hostile(root: Path) -> None:
    from ind_tui.local.drafts.bundle import read_bundle
    from ind_tui.local.drafts.errors import BundleRefused
    from ind_tui.local.drafts.packed import unpack_draft
    from ind_tui.local.drafts.store import DocumentStore

    store = DocumentStore(root / "hostile-store")
    readers: dict[str, Callable[[Path], object]] = {
        "tfa": read_bundle,
        "pack": lambda path: unpack_draft(path, root / "hostile-out", store),
    }
    print("hostile bundles (goal: < 1 s, < 50 MB each)")
    for kind, reader in readers.items():
        for label, path in hostile_files(root, kind).items():
            rss_before = rss_mb()
            tracemalloc.start()
            start = time.perf_counter()
            try:
                reader(path)
                outcome = "ACCEPTED (unexpected)"
            except BundleRefused as exc:
                outcome = exc.code.value
            seconds = time.perf_counter() - start
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            grown = rss_mb() - rss_before
            verdict = "ok" if seconds < 1 and peak / MB < 50 and grown < 50 else "MISSED"
            print(
                f"  {kind:<4} {label:<28} {outcome:<28} {seconds * 1000:7.1f} ms"
                f"  peak {peak / MB:5.1f} MB traced, +{grown:4.1f} MB rss  {verdict}"
            )
            path.unlink()
    written = [p for p in (root / "hostile-store").rglob("*") if p.is_file()]
    print(f"  files left in the store after all refusals: {len(written)}")


# --- the draft with 20 documents ----------------------------------------------------------


def bench_documents(root: Path) -> bool:
    from ind_tui.base.atomic import atomic_writer
    from ind_tui.local.drafts.bundle import bundle_bytes, open_draft, save_draft
    from ind_tui.local.drafts.documents import attach_document
    from ind_tui.local.drafts.model import Draft
    from ind_tui.local.drafts.pdfcheck import check_pdf
    from ind_tui.local.drafts.store import DocumentStore

    pdfs = root / "pdfs"
    pdfs.mkdir()
    start = time.perf_counter()
    for i in range(DOCS):
        (pdfs / f"doc{i:02}.pdf").write_bytes(pdf_of_size(DOC_BYTES))
    print(f"\ngenerated {DOCS} PDFs of 8 MB in {time.perf_counter() - start:.1f} s")

    check_s = timed(lambda: check_pdf(pdfs / "doc00.pdf"), 3)
    print(f"check one 8 MB PDF: {check_s * 1000:.0f} ms (median of 3)")

    store = DocumentStore()
    draft = Draft(form_id="hsm_first", form_version=3, kvk="12345678",
                  answers={"employee": {"name": "A. Jansen", "salary": 5942}})  # fmt: skip
    start = time.perf_counter()
    for i in range(DOCS):
        attach_document(draft, f"doc{i:02}", pdfs / f"doc{i:02}.pdf", store=store)
    print(f"attach {DOCS} documents (check + store): {time.perf_counter() - start:.1f} s")

    ours = root / "ours.tfa"
    save_ours = timed(lambda: save_draft(draft, ours), 20)
    open_ours = timed(lambda: open_draft(ours, store), 20)
    size = ours.stat().st_size

    # Baseline: the same bundle with the documents inside, saved just as safely.
    theirs = root / "embedded.tfa"

    def save_theirs() -> None:
        with atomic_writer(theirs) as f, zipfile.ZipFile(f, "w") as zf:
            with zipfile.ZipFile(io.BytesIO(bundle_bytes(draft))) as small:
                for name in small.namelist():
                    zf.writestr(name, small.read(name))
            for slot in draft.documents:
                zf.write(pdfs / f"{slot}.pdf", f"documents/{slot}.pdf")

    def open_theirs() -> None:
        with zipfile.ZipFile(theirs) as zf:
            for name in zf.namelist():
                with zf.open(name) as entry:
                    while entry.read(MB):  # a reopen loads every document (CRC-checked)
                        pass

    save_base = timed(save_theirs, 2)
    open_base = timed(open_theirs, 2)
    base_size = theirs.stat().st_size

    size_ok = size <= 64 * 1024
    print(f"\n{'':<22}{'ours (.tfa + store)':>22}{'embedded (baseline)':>22}{'ratio':>10}")
    print(f"{'bundle size':<22}{size / 1024:>19.1f} KB{base_size / MB:>19.1f} MB"
          f"{base_size / size:>9.0f}x")  # fmt: skip
    for label, a, b in (("save", save_ours, save_base), ("open", open_ours, open_base)):
        ratio = b / a
        verdict = "ok" if ratio >= 100 else "MISSED"
        print(f"{label:<22}{a * 1000:>19.2f} ms{b * 1000:>19.1f} ms{ratio:>9.0f}x  {verdict}")
    print(f".tfa size <= 64 KB: {'ok' if size_ok else 'FAILED'}")
    return size_ok


def main() -> int:
    global DOCS, DOC_BYTES
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--smoke", action="store_true",
                        help="a tiny run (2 documents of 1 MB) that shows the bench works")
    if parser.parse_args().smoke:
        DOCS, DOC_BYTES = 2, MB
    root = Path(tempfile.mkdtemp(prefix="bench-drafts-"))
    os.environ["IND_TUI_HOME"] = str(root / "home")
    try:
        bench_hostile(root)
        ok = bench_documents(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
