"""Packed drafts: round trip to another machine, streaming, and hostile packs."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ind_tui.local.drafts.bundle import bundle_bytes, open_draft, read_bundle, save_draft
from ind_tui.local.drafts.documents import attach_document
from ind_tui.local.drafts.errors import BundleRefused, Code, DraftError
from ind_tui.local.drafts.model import DocumentRef, utcnow
from ind_tui.local.drafts.packed import pack_draft, unpack_draft
from ind_tui.local.drafts.store import DocumentStore
from tests.conftest_drafts import (
    patch_central,
    pdf_bytes,
    sample_draft,
    tree,
    write_pdf,
    zip_bytes,
)


@pytest.fixture
def machine_a(tmp_path: Path) -> DocumentStore:
    return DocumentStore(tmp_path / "a-store")


@pytest.fixture
def machine_b(tmp_path: Path) -> DocumentStore:
    return DocumentStore(tmp_path / "b-store")


def _draft_with_documents(tmp_path: Path, store: DocumentStore) -> Path:
    draft = sample_draft()
    attach_document(draft, "passport", write_pdf(tmp_path / "p.pdf", pdf_bytes(1)), store=store)
    attach_document(draft, "contract", write_pdf(tmp_path / "c.pdf", pdf_bytes(3)), store=store)
    return save_draft(draft, tmp_path / "Aanvraag Jansen.tfa")


def test_pack_and_unpack_on_another_machine(
    tmp_path: Path, machine_a: DocumentStore, machine_b: DocumentStore
) -> None:
    tfa = _draft_with_documents(tmp_path, machine_a)
    assert open_draft(tfa, machine_b).missing == ("contract", "passport")
    packed = pack_draft(tfa, tmp_path / "x.tfapack", machine_a)
    assert (packed.documents, packed.missing) == (2, ())
    result = unpack_draft(packed.path, tmp_path / "inbox", machine_b)
    assert result.path == tmp_path / "inbox" / "Aanvraag Jansen.tfa"
    assert result.path.read_bytes() == tfa.read_bytes()
    assert (result.documents, result.missing) == (2, ())
    assert sorted(machine_b.hashes()) == sorted(machine_a.hashes())
    assert all(machine_b.verify(sha) for sha in machine_b.hashes())
    assert open_draft(result.path, machine_b).missing == ()
    # again: same file is reused; a different draft of the same name is never overwritten
    assert unpack_draft(packed.path, tmp_path / "inbox", machine_b).path == result.path
    (tmp_path / "inbox" / "Aanvraag Jansen.tfa").write_bytes(bundle_bytes(sample_draft()))
    third = unpack_draft(packed.path, tmp_path / "inbox", machine_b)
    assert third.path.name == "Aanvraag Jansen-2.tfa"


def test_unpack_defaults_to_the_drafts_folder(
    tmp_path: Path, machine_a: DocumentStore, machine_b: DocumentStore
) -> None:
    from ind_tui.local import paths

    tfa = _draft_with_documents(tmp_path, machine_a)
    packed = pack_draft(tfa, tmp_path / "x.tfapack", machine_a)
    result = unpack_draft(packed.path, store=machine_b)
    assert result.path.parent == paths.drafts_dir()


def test_pack_leaves_out_documents_it_does_not_have(
    tmp_path: Path, machine_a: DocumentStore, machine_b: DocumentStore
) -> None:
    tfa = _draft_with_documents(tmp_path, machine_a)
    machine_a.remove(read_bundle(tfa).documents["contract"].sha256)
    packed = pack_draft(tfa, tmp_path / "x.tfapack", machine_a)
    assert (packed.documents, packed.missing) == (1, ("contract",))
    assert unpack_draft(packed.path, tmp_path / "in", machine_b).missing == ("contract",)


def test_pack_refuses_a_damaged_stored_document(tmp_path: Path, machine_a: DocumentStore) -> None:
    tfa = _draft_with_documents(tmp_path, machine_a)
    blob = machine_a.path_for(read_bundle(tfa).documents["contract"].sha256)
    data = bytearray(blob.read_bytes())
    data[-10] ^= 0x01
    blob.write_bytes(bytes(data))
    with pytest.raises(DraftError) as err:
        pack_draft(tfa, tmp_path / "x.tfapack", machine_a)
    assert err.value.code == Code.STORE_BLOB_CORRUPT
    assert not (tmp_path / "x.tfapack").exists()
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_pack_and_unpack_stream_documents(
    tmp_path: Path, machine_a: DocumentStore, machine_b: DocumentStore
) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(pdf_bytes(pad=24 * 1024 * 1024))
    draft = sample_draft()
    staged = machine_a.put_file(big, max_bytes=64 * 1024 * 1024)
    draft.documents["scan"] = DocumentRef(
        sha256=staged.sha256, name="big.pdf", size=staged.size, pages=1, checked_at=utcnow()
    )
    tfa = save_draft(draft, tmp_path / "d.tfa")
    tracemalloc.start()
    try:
        packed = pack_draft(tfa, tmp_path / "x.tfapack", machine_a)
        _, peak_pack = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        unpack_draft(packed.path, tmp_path / "in", machine_b)
        _, peak_unpack = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak_pack < 8 * 1024 * 1024
    assert peak_unpack < 8 * 1024 * 1024
    assert machine_b.verify(staged.sha256)


# --- hostile packs ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def valid_pack(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    root = tmp_path_factory.mktemp("pack")
    store = DocumentStore(root / "store")
    packed = pack_draft(_draft_with_documents(root, store), root / "x.tfapack", store)
    return packed.path.read_bytes()


@pytest.fixture
def entries(valid_pack: bytes) -> dict[str, bytes]:
    """The entries of a valid pack with two documents, to tamper with."""
    with zipfile.ZipFile(io.BytesIO(valid_pack)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _refused_and_nothing_written(tmp_path: Path, data: bytes, store: DocumentStore) -> Code:
    packed = tmp_path / "hostile.tfapack"
    packed.write_bytes(data)
    before = tree(store.root), tree(tmp_path / "inbox") if (tmp_path / "inbox").exists() else []
    with pytest.raises(BundleRefused) as err:
        unpack_draft(packed, tmp_path / "inbox", store)
    after = tree(store.root), tree(tmp_path / "inbox") if (tmp_path / "inbox").exists() else []
    assert after == before
    return err.value.code


def test_document_not_matching_its_hash_is_refused_and_nothing_kept(
    tmp_path: Path, entries: dict[str, bytes], machine_b: DocumentStore
) -> None:
    docs = sorted(n for n in entries if n.startswith("documents/"))
    # The first document is fine, the last one was tampered with (same size).
    tampered = bytearray(entries[docs[-1]])
    tampered[-5] ^= 0x20
    entries[docs[-1]] = bytes(tampered)
    data = zip_bytes(list(entries.items()), compression=zipfile.ZIP_STORED)
    assert _refused_and_nothing_written(tmp_path, data, machine_b) == Code.PACK_HASH_MISMATCH


def test_document_the_draft_does_not_name_is_refused(
    tmp_path: Path, entries: dict[str, bytes], machine_b: DocumentStore
) -> None:
    extra = b"%PDF-1.7 something else"
    entries[f"documents/{hashlib.sha256(extra).hexdigest()}"] = extra
    data = zip_bytes(list(entries.items()))
    code = _refused_and_nothing_written(tmp_path, data, machine_b)
    assert code == Code.PACK_UNEXPECTED_DOCUMENT


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("../evil.tfa", Code.BUNDLE_BAD_NAME),
        ("documents/../../x", Code.BUNDLE_BAD_NAME),
        ("/tmp/x", Code.BUNDLE_BAD_NAME),
        ("documents\\" + "a" * 64, Code.BUNDLE_BAD_NAME),
        ("documents/" + "A" * 64, Code.PACK_NOT_A_PACK),
        ("notes.txt", Code.PACK_NOT_A_PACK),
        ("DRAFT.TFA", Code.BUNDLE_DUPLICATE_NAME),
    ],
)
def test_bad_names_in_a_pack_are_refused(
    tmp_path: Path, entries: dict[str, bytes], machine_b: DocumentStore, name: str, code: Code
) -> None:
    data = zip_bytes([*entries.items(), (name, b"x")])
    assert _refused_and_nothing_written(tmp_path, data, machine_b) == code


def test_symlink_in_a_pack_is_refused(
    tmp_path: Path, entries: dict[str, bytes], machine_b: DocumentStore
) -> None:
    link = zipfile.ZipInfo("documents/" + "b" * 64)
    link.create_system = 3
    link.external_attr = 0o120777 << 16
    data = zip_bytes([*entries.items(), (link, b"/etc/shadow")])
    assert _refused_and_nothing_written(tmp_path, data, machine_b) == Code.BUNDLE_SYMLINK


def test_overlapping_pack_is_refused(
    tmp_path: Path, entries: dict[str, bytes], machine_b: DocumentStore
) -> None:
    data = zip_bytes(list(entries.items()))
    data = patch_central(data, 2, "header_offset", 0)
    code = _refused_and_nothing_written(tmp_path, data, machine_b)
    assert code == Code.BUNDLE_OVERLAPPING_ENTRIES


def test_a_plain_tfa_or_a_wrong_version_is_not_a_pack(
    tmp_path: Path, entries: dict[str, bytes], machine_b: DocumentStore
) -> None:
    tfa = bundle_bytes(sample_draft())
    assert _refused_and_nothing_written(tmp_path, tfa, machine_b) == Code.PACK_NOT_A_PACK
    info = json.loads(entries["pack.json"])
    entries["pack.json"] = json.dumps({**info, "format_version": "2.0"}).encode()
    code = _refused_and_nothing_written(tmp_path, zip_bytes(list(entries.items())), machine_b)
    assert code == Code.BUNDLE_VERSION_UNSUPPORTED
    entries["pack.json"] = json.dumps({**info, "format_version": "1.4", "new": 1}).encode()
    packed = tmp_path / "newer.tfapack"
    packed.write_bytes(zip_bytes(list(entries.items())))
    assert unpack_draft(packed, tmp_path / "ok", machine_b).missing == ()


def test_hostile_draft_inside_a_pack_is_refused(
    tmp_path: Path, entries: dict[str, bytes], machine_b: DocumentStore
) -> None:
    entries["draft.tfa"] = zip_bytes([("../../etc/passwd", b"x")])
    data = zip_bytes(list(entries.items()))
    assert _refused_and_nothing_written(tmp_path, data, machine_b) == Code.BUNDLE_BAD_NAME


def test_unsafe_draft_name_in_pack_json_is_not_used(
    tmp_path: Path, entries: dict[str, bytes], machine_b: DocumentStore
) -> None:
    info = json.loads(entries["pack.json"])
    entries["pack.json"] = json.dumps({**info, "draft_name": "../../outside.tfa"}).encode()
    packed = tmp_path / "x2.tfapack"
    packed.write_bytes(zip_bytes(list(entries.items())))
    result = unpack_draft(packed, tmp_path / "inbox", machine_b)
    assert result.path.parent == tmp_path / "inbox"
    assert result.path.name.startswith("hsm_first-")
    assert not (tmp_path / "outside.tfa").exists()


def test_failure_to_write_is_not_a_refusal(
    tmp_path: Path, valid_pack: bytes, machine_b: DocumentStore
) -> None:
    packed = tmp_path / "x.tfapack"
    packed.write_bytes(valid_pack)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DraftError) as err:
        unpack_draft(packed, blocker, machine_b)
    assert not isinstance(err.value, BundleRefused)
    assert err.value.code == Code.STORE_WRITE_FAILED


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_mutated_packs_only_unpack_or_refuse_and_refusal_writes_nothing(
    tmp_path_factory: pytest.TempPathFactory, valid_pack: bytes, data: st.DataObject
) -> None:
    raw = bytearray(valid_pack)
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if kind == "flip":
            raw[pos] ^= 1 << data.draw(st.integers(0, 7))
        elif kind == "cut":
            del raw[pos : pos + data.draw(st.integers(1, 32))]
        else:
            raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=16))
    root = tmp_path_factory.mktemp("try")
    store = DocumentStore(root / "store")
    packed = root / "in.tfapack"
    packed.write_bytes(bytes(raw))
    try:
        result = unpack_draft(packed, root / "out", store)
    except BundleRefused:
        assert tree(root) == ["in.tfapack"]
    else:
        assert result.path.is_file()
        assert all(store.verify(sha) for sha in store.hashes())
