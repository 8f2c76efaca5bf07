"""Drafts: round trip, versions, saving, the document store, orphans, guidance texts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ind_tui.local import paths
from ind_tui.local.drafts.bundle import (
    MAX_BUNDLE_BYTES,
    bundle_bytes,
    draft_path,
    list_drafts,
    open_draft,
    read_bundle,
    read_bundle_bytes,
    save_draft,
)
from ind_tui.local.drafts.documents import attach_document, collect_orphans
from ind_tui.local.drafts.errors import (
    BundleRefused,
    Code,
    DocumentRefused,
    DraftError,
    guidance,
)
from ind_tui.local.drafts.model import FORMAT_VERSION
from ind_tui.local.drafts.store import DocumentStore
from tests.conftest_drafts import (
    bundle_entries,
    fake_ref,
    pdf_bytes,
    sample_draft,
    tree,
    write_pdf,
    zip_bytes,
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "home"
    monkeypatch.setenv("IND_TUI_HOME", str(root))
    return root


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    draft = sample_draft(idempotency_key="8d0c2a4e-1b7f-4f00-9c55-aa11bb22cc33", profile="work")
    draft.documents["passport"] = fake_ref()
    path = save_draft(draft, tmp_path / "d.tfa")
    back = read_bundle(path)
    assert back == draft
    assert back.answers["note"] == "line 1\nline 2"
    assert back.idempotency_key == "8d0c2a4e-1b7f-4f00-9c55-aa11bb22cc33"
    assert back.documents["passport"].sha256 == fake_ref().sha256


def test_bundle_is_small_and_holds_no_document_bytes(tmp_path: Path) -> None:
    pdf = pdf_bytes(pad=200_000)
    draft = sample_draft()
    attach_document(draft, "passport", write_pdf(tmp_path / "p.pdf", pdf))
    path = save_draft(draft, tmp_path / "d.tfa")
    assert path.stat().st_size < 4096
    assert pdf[-3000:-2000] not in path.read_bytes()


def test_same_draft_same_bytes() -> None:
    draft = sample_draft()
    assert bundle_bytes(draft) == bundle_bytes(draft)


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "d.tfa"
    draft = sample_draft()
    for n in range(5):
        draft.answers["n"] = n
        save_draft(draft, path)
    assert os.listdir(tmp_path) == ["d.tfa"]
    assert read_bundle(path).answers["n"] == 4


def test_failed_save_keeps_previous_draft(tmp_path: Path) -> None:
    path = tmp_path / "d.tfa"
    draft = sample_draft()
    save_draft(draft, path)
    before = path.read_bytes()
    draft.answers["bad"] = object()  # not JSON
    with pytest.raises(DraftError) as err:
        save_draft(draft, path)
    assert err.value.code == Code.DRAFT_INVALID
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["d.tfa"]


def test_save_refuses_what_it_would_not_read(tmp_path: Path) -> None:
    with pytest.raises(DraftError) as err:
        save_draft(sample_draft(kvk="123"), tmp_path / "d.tfa")
    assert err.value.code == Code.DRAFT_INVALID
    with pytest.raises(DraftError) as err:
        save_draft(sample_draft(answers={"x": "\x1b[2J"}), tmp_path / "d.tfa")
    assert err.value.code == Code.DRAFT_INVALID
    assert not (tmp_path / "d.tfa").exists()


def test_very_repetitive_answers_still_save_and_reopen(tmp_path: Path) -> None:
    # They compress beyond the reader's bomb ratio: the writer stores them uncompressed.
    draft = sample_draft(answers={"text": "ab" * 200_000, "list": [{"a": 1}] * 5000})
    path = save_draft(draft, tmp_path / "d.tfa")
    assert read_bundle(path).answers == draft.answers


def test_too_large_draft_is_refused_before_writing(tmp_path: Path) -> None:
    draft = sample_draft(answers={"text": os.urandom(MAX_BUNDLE_BYTES // 2).hex()})
    with pytest.raises(DraftError) as err:
        save_draft(draft, tmp_path / "d.tfa")
    assert err.value.code == Code.DRAFT_TOO_LARGE
    assert os.listdir(tmp_path) == []


def test_save_into_missing_folder_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(DraftError) as err:
        save_draft(sample_draft(), tmp_path / "nope" / "d.tfa")
    assert err.value.code == Code.DRAFT_SAVE_FAILED


def _bundle_with_manifest(**changes: object) -> bytes:
    entries = bundle_entries()
    manifest = json.loads(entries["manifest.json"])
    manifest.update(changes)
    entries["manifest.json"] = json.dumps(manifest).encode()
    return zip_bytes(list(entries.items()))


def test_newer_minor_version_is_read_and_unknown_fields_are_kept(tmp_path: Path) -> None:
    data = _bundle_with_manifest(format_version="1.7", signed_by={"name": "x"}, colour="blue")
    draft = read_bundle_bytes(data)
    assert draft.format_version == (1, 7)
    assert draft.extra_manifest == {"signed_by": {"name": "x"}, "colour": "blue"}
    path = save_draft(draft, tmp_path / "d.tfa")
    again = read_bundle(path)
    assert again.extra_manifest == draft.extra_manifest
    assert again.format_version == FORMAT_VERSION  # a writer writes its own version


def test_unknown_entries_of_a_newer_minor_are_ignored() -> None:
    entries = bundle_entries()
    entries["notes.json"] = b'{"anything": 1}'
    assert read_bundle_bytes(zip_bytes(list(entries.items()))).form_id == "hsm_first"


@pytest.mark.parametrize("version", ["2.0", "10.3", "0.9"])
def test_other_major_version_is_refused_clearly(version: str) -> None:
    with pytest.raises(BundleRefused) as err:
        read_bundle_bytes(_bundle_with_manifest(format_version=version))
    assert err.value.code == Code.BUNDLE_VERSION_UNSUPPORTED
    assert version in err.value.detail
    assert "Update ind-tui" in err.value.guidance("en")
    assert "Werk ind-tui bij" in err.value.guidance("nl")


def test_portal_tfa_is_not_a_draft() -> None:
    with pytest.raises(BundleRefused) as err:
        read_bundle_bytes(_bundle_with_manifest(format="ind-portal"))
    assert err.value.code == Code.BUNDLE_NOT_A_DRAFT


def test_open_on_another_machine_reports_slots_to_reattach(tmp_path: Path) -> None:
    draft = sample_draft()
    attach_document(draft, "passport", write_pdf(tmp_path / "p.pdf"))
    draft.documents["marriage"] = fake_ref(b"never stored")
    path = save_draft(draft, tmp_path / "d.tfa")
    opened = open_draft(path)
    assert opened.missing == ("marriage",)
    assert opened.draft == draft
    other = DocumentStore(tmp_path / "elsewhere")
    opened = open_draft(path, other)
    assert opened.missing == ("marriage", "passport")
    assert opened.draft.answers == draft.answers


def test_open_with_verify_reports_a_damaged_blob(tmp_path: Path) -> None:
    draft = sample_draft()
    ref, _ = attach_document(draft, "passport", write_pdf(tmp_path / "p.pdf"))
    path = save_draft(draft, tmp_path / "d.tfa")
    store = DocumentStore()
    blob = store.path_for(ref.sha256)
    damaged = bytearray(blob.read_bytes())
    damaged[20] ^= 0xFF
    blob.write_bytes(bytes(damaged))
    assert open_draft(path).missing == ()  # cheap open: size only
    assert open_draft(path, verify=True).missing == ("passport",)


def test_attach_stores_once_and_refuses_bad_documents(tmp_path: Path) -> None:
    store = DocumentStore()
    draft = sample_draft()
    src = write_pdf(tmp_path / "scan.pdf", pdf_bytes(pages=2))
    ref, check = attach_document(draft, "passport", src, store=store)
    attach_document(draft, "passport_copy", src, store=store)
    assert (ref.pages, ref.name, check.ok) == (2, "scan.pdf", True)
    assert list(store.hashes()) == [ref.sha256]
    assert store.verify(ref.sha256)
    before = tree(paths.data_dir())
    bad = tmp_path / "letter.pdf"
    bad.write_bytes(b"PK\x03\x04 a word file in disguise")
    with pytest.raises(DocumentRefused) as err:
        attach_document(draft, "letter", bad, store=store)
    assert err.value.code == Code.DOCUMENT_NOT_PDF
    assert "letter" not in draft.documents
    assert tree(paths.data_dir()) == before  # no blob, no temp file
    with pytest.raises(DocumentRefused) as err:
        attach_document(draft, "big", src, store=store, max_bytes=100)
    assert err.value.code == Code.DOCUMENT_TOO_LARGE
    assert tree(paths.data_dir()) == before


def test_attach_of_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    draft = sample_draft()
    with pytest.raises(FileNotFoundError):
        attach_document(draft, "passport", tmp_path / "gone.pdf")
    assert draft.documents == {}


def test_stale_temp_files_are_collected(tmp_path: Path) -> None:
    store = DocumentStore()
    stale = store.root / ".staged-dead.tmp"
    stale.write_bytes(b"half a document")
    os.utime(stale, (0, 0))
    assert collect_orphans([], grace_seconds=60) == []
    assert not stale.exists()


def test_attach_keeps_display_names_harmless(tmp_path: Path) -> None:
    draft = sample_draft()
    src = write_pdf(tmp_path / "evil\x1b[31m.pdf")
    ref, _ = attach_document(draft, "passport", src)
    assert "\x1b" not in ref.name


def test_collect_orphans_keeps_referenced_and_young_blobs(tmp_path: Path) -> None:
    store = DocumentStore()
    keep = sample_draft()
    attach_document(keep, "a", write_pdf(tmp_path / "a.pdf", pdf_bytes(pages=1)))
    gone = sample_draft()
    attach_document(gone, "b", write_pdf(tmp_path / "b.pdf", pdf_bytes(pages=2)))
    path = save_draft(keep, tmp_path / "keep.tfa")
    assert collect_orphans([path]) == []  # young: may belong to a draft being saved
    removed = collect_orphans([path], grace_seconds=0)
    assert removed == [gone.documents["b"].sha256]
    assert list(store.hashes()) == [keep.documents["a"].sha256]
    assert collect_orphans([keep], grace_seconds=0) == []


def test_collect_orphans_removes_nothing_if_a_draft_is_unreadable(tmp_path: Path) -> None:
    draft = sample_draft()
    attach_document(draft, "a", write_pdf(tmp_path / "a.pdf"))
    broken = tmp_path / "newer.tfa"
    broken.write_bytes(_bundle_with_manifest(format_version="2.0"))
    with pytest.raises(BundleRefused):
        collect_orphans([broken], grace_seconds=0)
    assert len(list(DocumentStore().hashes())) == 1


def test_list_drafts_newest_first_broken_last_temp_ignored(tmp_path: Path) -> None:
    folder = paths.drafts_dir()
    first = sample_draft()
    save_draft(first, draft_path(first))
    second = sample_draft(form_id="blue_card")
    save_draft(second, draft_path(second))
    second.updated_at = second.updated_at.replace(year=second.updated_at.year + 1)
    (folder / "second.tfa").write_bytes(bundle_bytes(second))
    (folder / "broken.tfa").write_bytes(b"not a zip")
    (folder / ".x.tfa.abc.tmp").write_bytes(b"half")
    (folder / "readme.txt").write_text("ignored")
    infos = list_drafts()
    assert next(i.path.name for i in infos) == "second.tfa"
    assert infos[-1].path.name == "broken.tfa"
    assert infos[-1].error is not None and infos[-1].error.code == Code.BUNDLE_UNREADABLE
    assert len(infos) == 4


def test_every_code_has_guidance_in_both_languages() -> None:
    for code in Code:
        nl, en = guidance(code, "nl"), guidance(code, "en")
        assert len(nl) > 40 and len(en) > 40, code
        assert nl != en
        assert "\n" not in nl + en
    assert guidance("no_such_code", "nl") == "Onbekende fout."


def test_error_one_line_carries_code_detail_and_guidance() -> None:
    err = BundleRefused(Code.BUNDLE_BAD_NAME, "absolute path '/etc/x'")
    line = err.one_line("en")
    assert line.startswith("bundle_bad_name (absolute path '/etc/x'): ")
    assert "\n" not in line


def test_drafts_package_does_not_import_textual_or_pypdf() -> None:
    code = (
        "import sys\n"
        "import ind_tui.local.drafts.bundle, ind_tui.local.drafts.packed\n"
        "import ind_tui.local.drafts.pdfcheck, ind_tui.local.drafts.documents\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'pypdf')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == "[]"
