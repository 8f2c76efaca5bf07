"""PDF checks on generated files: valid, damaged, encrypted, oversized, looping, hostile."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter

from ind_tui.local.drafts.errors import Code, DocumentRefused
from ind_tui.local.drafts.pdfcheck import DEFAULT_MAX_DOCUMENT_BYTES, PdfCheck, check_pdf
from tests.conftest_drafts import build_pdf, pdf_bytes, pdf_of_size

CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE = b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def check(tmp_path: Path, data: bytes, name: str = "doc.pdf", **kw: float) -> PdfCheck:
    path = tmp_path / name
    path.write_bytes(data)
    return check_pdf(path, **kw)  # type: ignore[arg-type]


def refused(tmp_path: Path, data: bytes, **kw: float) -> Code | None:
    result = check(tmp_path, data, **kw)
    assert not result.ok and result.pages == 0
    return result.reason


def encrypted(user: str, owner: str, algorithm: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_valid_pdf_is_accepted_with_its_page_count(tmp_path: Path) -> None:
    result = check(tmp_path, pdf_bytes(pages=3))
    assert (result.ok, result.reason, result.pages, result.warnings) == (True, None, 3, ())
    result.raise_if_refused()  # no-op when accepted


def test_pypdf_written_pdf_is_accepted(tmp_path: Path) -> None:
    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    assert check(tmp_path, out.getvalue()).pages == 2


def test_content_decides_not_the_name(tmp_path: Path) -> None:
    assert check(tmp_path, pdf_bytes(), name="scan.TXT").ok
    word = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200  # a .docx is a zip
    assert refused(tmp_path, word) == Code.DOCUMENT_NOT_PDF
    assert refused(tmp_path, b"") == Code.DOCUMENT_NOT_PDF
    assert refused(tmp_path, b"\xef\xbb\xbf%PDF-1.7 with a BOM") == Code.DOCUMENT_NOT_PDF
    assert refused(tmp_path, b"<html>%PDF-1.7</html>") == Code.DOCUMENT_NOT_PDF


def test_size_limit_is_a_parameter_with_the_portal_default(tmp_path: Path) -> None:
    assert DEFAULT_MAX_DOCUMENT_BYTES == 8 * 1024 * 1024
    exact = pdf_of_size(20_000)
    assert check(tmp_path, exact, max_bytes=20_000).ok
    assert refused(tmp_path, exact, max_bytes=19_999) == Code.DOCUMENT_TOO_LARGE


def test_over_the_default_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as f:
        f.write(pdf_bytes())
        f.truncate(DEFAULT_MAX_DOCUMENT_BYTES + 1)  # sparse, cheap
    result = check_pdf(path)
    assert result.reason == Code.DOCUMENT_TOO_LARGE
    assert result.size == DEFAULT_MAX_DOCUMENT_BYTES + 1


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128"])
def test_password_protected_is_refused(tmp_path: Path, algorithm: str) -> None:
    assert refused(tmp_path, encrypted("secret", "owner", algorithm)) == Code.DOCUMENT_ENCRYPTED


def test_owner_password_only_is_refused_too(tmp_path: Path) -> None:
    # Opens without a password, but it is still encrypted and the portal refuses those.
    assert refused(tmp_path, encrypted("", "owner", "RC4-128")) == Code.DOCUMENT_ENCRYPTED


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8, 0.95])
def test_truncated_is_unreadable(tmp_path: Path, fraction: float) -> None:
    data = pdf_bytes(pages=2)
    assert refused(tmp_path, data[: int(len(data) * fraction)]) == Code.DOCUMENT_UNREADABLE


def test_broken_xref_is_unreadable(tmp_path: Path) -> None:
    data = bytearray(pdf_bytes(pages=2))
    at = data.find(b"xref")
    data[at : at + 60] = b"x" * 60
    assert refused(tmp_path, bytes(data)) == Code.DOCUMENT_UNREADABLE


def test_garbage_after_the_magic_is_unreadable(tmp_path: Path) -> None:
    assert refused(tmp_path, b"%PDF-1.7\n" + bytes(range(256)) * 40) == Code.DOCUMENT_UNREADABLE


def test_missing_catalog_is_unreadable(tmp_path: Path) -> None:
    data = build_pdf([b"<< /Type /Pages /Count 0 /Kids [] >>"], root=7)
    assert refused(tmp_path, data) == Code.DOCUMENT_UNREADABLE


def test_page_tree_loop_is_refused(tmp_path: Path) -> None:
    # /Kids of the page-tree node points back to its parent.
    node = b"<< /Type /Pages /Parent 2 0 R /Count 1 /Kids [2 0 R] >>"
    looping = build_pdf([CATALOG, ONE_PAGE, node])
    assert refused(tmp_path, looping) == Code.DOCUMENT_UNREADABLE
    self_loop = build_pdf([CATALOG, b"<< /Type /Pages /Count 1 /Kids [2 0 R] >>"])
    assert refused(tmp_path, self_loop) == Code.DOCUMENT_UNREADABLE


def test_no_pages_is_refused(tmp_path: Path) -> None:
    data = build_pdf([CATALOG, b"<< /Type /Pages /Count 0 /Kids [] >>"])
    assert refused(tmp_path, data) == Code.DOCUMENT_NO_PAGES


def test_oversized_object_is_unreadable(tmp_path: Path) -> None:
    junk = b"[" + b"0 " * 300_000 + b"]"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] /Junk %s >>" % junk
    assert refused(tmp_path, build_pdf([CATALOG, ONE_PAGE, page])) == Code.DOCUMENT_UNREADABLE


def test_javascript_is_a_warning(tmp_path: Path) -> None:
    data = pdf_bytes(catalog_extra=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")
    result = check(tmp_path, data)
    assert result.ok and result.warnings == (Code.DOCUMENT_HAS_JAVASCRIPT,)


def test_javascript_in_an_annotation_is_a_warning(tmp_path: Path) -> None:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] /Annots [4 0 R] >>"
    annot = b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A 5 0 R >>"
    action = b"<< /S /JavaScript /JS 6 0 R >>"
    script = b"<< /Length 11 >>\nstream\napp.alert()\nendstream"
    result = check(tmp_path, build_pdf([CATALOG, ONE_PAGE, page, annot, action, script]))
    assert result.ok and Code.DOCUMENT_HAS_JAVASCRIPT in result.warnings


def test_embedded_files_are_a_warning(tmp_path: Path) -> None:
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>"
    names = b"<< /Names [(invoice.exe) 5 0 R] >>"
    spec = b"<< /Type /Filespec /F (invoice.exe) >>"
    result = check(tmp_path, build_pdf([catalog, ONE_PAGE, PAGE, names, spec]))
    assert result.ok and result.warnings == (Code.DOCUMENT_HAS_EMBEDDED_FILES,)


def test_time_limit_stops_the_check(tmp_path: Path) -> None:
    assert refused(tmp_path, pdf_bytes(), timeout=0.001) == Code.DOCUMENT_CHECK_TIMEOUT


def test_memory_limit_applies_in_the_child(tmp_path: Path) -> None:
    # Far below what the parser needs: the child fails, the caller gets a refusal.
    result = check(tmp_path, pdf_bytes(), memory_bytes=16 * 1024 * 1024)
    assert result.reason == Code.DOCUMENT_UNREADABLE


def test_refusal_raises_a_typed_error_with_guidance(tmp_path: Path) -> None:
    result = check(tmp_path, encrypted("pw", "pw", "AES-128"))
    with pytest.raises(DocumentRefused) as err:
        result.raise_if_refused()
    assert err.value.code == Code.DOCUMENT_ENCRYPTED
    assert "wachtwoord" in err.value.guidance("nl")
    assert "password" in err.value.guidance("en")


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        check_pdf(tmp_path / "nope.pdf")


def test_an_80_mb_file_is_refused_and_nothing_is_kept(tmp_path: Path) -> None:
    from ind_tui.local.drafts.documents import attach_document
    from ind_tui.local.drafts.errors import DocumentRefused
    from ind_tui.local.drafts.model import Draft
    from ind_tui.local.drafts.store import DocumentStore

    big = tmp_path / "scan-of-everything.pdf"
    with open(big, "wb") as f:
        f.write(pdf_bytes())
        f.truncate(80 * 1024 * 1024)  # sparse: cheap to make, 80 MB to read
    store = DocumentStore(tmp_path / "store")
    draft = Draft(form_id="hsm_first_vvr", form_version=1, answers={"job_title": "Engineer"})
    with pytest.raises(DocumentRefused) as refused_:
        attach_document(draft, "passport", big, store=store)
    assert refused_.value.code == Code.DOCUMENT_TOO_LARGE
    assert "8" in refused_.value.guidance("en")  # says what the limit is
    assert list(store.hashes()) == [] and draft.documents == {}
    assert draft.answers == {"job_title": "Engineer"}
