"""Hostile and damaged bundles: each is refused with its typed reason and writes nothing.

The property tests feed the reader random bytes, mutated valid bundles and zips with random
entries: the only outcomes allowed are a Draft or a BundleRefused.
"""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ind_tui.local import paths
from ind_tui.local.drafts.bundle import (
    MAX_BUNDLE_BYTES,
    bundle_bytes,
    read_bundle,
    read_bundle_bytes,
)
from ind_tui.local.drafts.errors import BundleRefused, Code
from ind_tui.local.drafts.model import Draft
from tests.conftest_drafts import (
    bundle_entries,
    patch_central,
    sample_draft,
    tree,
    zip_bytes,
)

VALID = bundle_bytes(sample_draft())
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


def refused(data: bytes) -> BundleRefused:
    with pytest.raises(BundleRefused) as err:
        read_bundle_bytes(data)
    return err.value


def with_entry(name: str | zipfile.ZipInfo, content: bytes = b"{}") -> bytes:
    return zip_bytes([*bundle_entries().items(), (name, content)])


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "../../etc/passwd",
        "/abs",
        "/etc/cron.d/x",
        "C:\\x",
        "C:x",
        "c:/windows/x",
        "a\\..\\b",
        "..\\x",
        "a/../b",
        "a/./b",
        "./manifest.json",
        "dir/",
        "a//b",
        "x\x1b[2Jy",
        "\u202etxt.json",
    ],
)
def test_traversal_and_unsafe_names_are_refused(name: str) -> None:
    assert refused(with_entry(name)).code == Code.BUNDLE_BAD_NAME


def test_nul_in_a_name_is_refused() -> None:
    # zipfile cuts names at NUL; the original name is what is checked.
    data = with_entry("notes.json")
    data = data.replace(b"notes.json", b"notes\x00json")
    assert refused(data).code in (Code.BUNDLE_BAD_NAME, Code.BUNDLE_UNREADABLE)


def test_names_off_the_allow_list_are_refused() -> None:
    for name in ("Notes.JSON", "sub/dir.json", ".hidden", "a" * 65, "payload.exe!"):
        assert refused(with_entry(name)).code == Code.BUNDLE_BAD_NAME, name


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("manifest.json", "manifest.json"),
        ("notes.json", "NOTES.json"),
        ("caf\u00e9.json", "cafe\u0301.json"),  # NFC and NFD spellings
        ("\ufb01le.json", "file.json"),  # ligature fi folds to "fi" under NFKC
    ],
)
def test_duplicates_incl_unicode_normalisation_are_refused(first: str, second: str) -> None:
    data = zip_bytes([*bundle_entries().items(), (first, b"{}"), (second, b"{}")])
    assert refused(data).code == Code.BUNDLE_DUPLICATE_NAME


# --- entry kinds --------------------------------------------------------------------------


def _info(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = mode << 16
    return info


def test_symlink_entries_are_refused() -> None:
    assert refused(with_entry(_info("notes.json", 0o120777), b"/etc/passwd")).code == (
        Code.BUNDLE_SYMLINK
    )
    # a symlink under a required name, in place of the real entry
    entries = bundle_entries()
    link = _info("answers.json", 0o120777)
    data = zip_bytes([(n, c) for n, c in entries.items() if n != "answers.json"] + [(link, b"x")])
    assert refused(data).code == Code.BUNDLE_SYMLINK


@pytest.mark.parametrize("mode", [0o040755, 0o020644, 0o010644, 0o060644])
def test_directories_devices_and_fifos_are_refused(mode: int) -> None:
    assert refused(with_entry(_info("notes.json", mode))).code == Code.BUNDLE_UNSUPPORTED_ENTRY


def test_encrypted_and_exotic_compression_are_refused() -> None:
    data = zip_bytes(list(bundle_entries().items()))
    assert refused(patch_central(data, 0, "flags", 0x1)).code == Code.BUNDLE_UNSUPPORTED_ENTRY
    bz = zip_bytes(list(bundle_entries().items()), compression=zipfile.ZIP_BZIP2)
    assert refused(bz).code == Code.BUNDLE_UNSUPPORTED_ENTRY


# --- sizes and bombs ----------------------------------------------------------------------


def test_high_ratio_bomb_is_refused() -> None:
    entries = bundle_entries()
    entries["answers.json"] = b'{"a": "' + b" " * 600_000 + b'"}'
    assert refused(zip_bytes(list(entries.items()))).code == Code.BUNDLE_RATIO_TOO_HIGH


def test_declared_total_over_the_limit_is_refused() -> None:
    # Honest compressed sizes, inflated declared sizes: ratio stays under 100.
    entries = [*bundle_entries().items()] + [(f"x{i}.json", os.urandom(12_000)) for i in range(6)]
    data = zip_bytes(entries, compression=zipfile.ZIP_STORED)
    for index in range(3, 9):
        data = patch_central(data, index, "file_size", 900_000)
    assert refused(data).code == Code.BUNDLE_TOO_LARGE


def test_entry_declared_over_its_cap_is_refused() -> None:
    data = zip_bytes(list(bundle_entries().items()), compression=zipfile.ZIP_STORED)
    assert refused(patch_central(data, 0, "file_size", 10_000_000)).code in (
        Code.BUNDLE_ENTRY_TOO_LARGE,
        Code.BUNDLE_RATIO_TOO_HIGH,
    )


def test_entry_larger_than_declared_is_cut_at_the_declared_size_and_refused() -> None:
    entries = bundle_entries()
    data = zip_bytes(list(entries.items()), compression=zipfile.ZIP_STORED)
    real = len(entries["manifest.json"])
    lying = patch_central(data, 0, "file_size", real // 2)
    lying = patch_central(lying, 0, "compress_size", real // 2)
    assert refused(lying).code in (Code.BUNDLE_UNREADABLE, Code.BUNDLE_INVALID_JSON)


def test_overlapping_entries_bomb_is_refused() -> None:
    # Every directory record points at the same local file: the "overlapped" zip bomb.
    entries = [*bundle_entries().items()] + [(f"k{i}.json", b"{}") for i in range(8)]
    data = zip_bytes(entries)
    for index in range(1, len(entries)):
        data = patch_central(data, index, "header_offset", 0)
    assert refused(data).code == Code.BUNDLE_OVERLAPPING_ENTRIES


def test_entry_data_running_into_the_next_header_is_refused() -> None:
    data = zip_bytes(list(bundle_entries().items()), compression=zipfile.ZIP_STORED)
    size = len(bundle_entries()["manifest.json"])
    grown = patch_central(data, 0, "compress_size", size + 40)
    grown = patch_central(grown, 0, "file_size", size + 40)
    assert refused(grown).code == Code.BUNDLE_OVERLAPPING_ENTRIES


def test_too_many_entries_is_refused() -> None:
    entries = [*bundle_entries().items()] + [(f"e{i}.json", b"{}") for i in range(14)]
    assert refused(zip_bytes(entries)).code == Code.BUNDLE_TOO_MANY_ENTRIES


def test_huge_manifest_is_refused() -> None:
    entries = bundle_entries()
    manifest = json.loads(entries["manifest.json"])
    manifest["padding"] = os.urandom(60_000).hex()
    entries["manifest.json"] = json.dumps(manifest).encode()
    assert refused(zip_bytes(list(entries.items()))).code == Code.BUNDLE_ENTRY_TOO_LARGE


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.tfa"
    with open(path, "wb") as f:
        f.write(VALID)
        f.truncate(2 * MAX_BUNDLE_BYTES)  # sparse: no real bytes behind it
    with pytest.raises(BundleRefused) as err:
        read_bundle(path)
    assert err.value.code == Code.BUNDLE_TOO_LARGE


# --- contents -----------------------------------------------------------------------------


def _manifest(**changes: object) -> bytes:
    entries = bundle_entries()
    manifest = json.loads(entries["manifest.json"])
    manifest.update(changes)
    entries["manifest.json"] = json.dumps(manifest).encode()
    return zip_bytes(list(entries.items()))


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"format_version": "3.0"}, Code.BUNDLE_VERSION_UNSUPPORTED),
        ({"format_version": "1"}, Code.BUNDLE_INVALID_MANIFEST),
        ({"format_version": 1.0}, Code.BUNDLE_INVALID_MANIFEST),
        ({"format": None}, Code.BUNDLE_NOT_A_DRAFT),
        ({"kvk": "1234567"}, Code.BUNDLE_INVALID_MANIFEST),
        ({"form_version": 0}, Code.BUNDLE_INVALID_MANIFEST),
        ({"form_id": "../x"}, Code.BUNDLE_INVALID_MANIFEST),
        ({"profile": "\x1b]0;pwned\x07"}, Code.BUNDLE_INVALID_MANIFEST),
        ({"created_at": "2025-01-01T00:00:00"}, Code.BUNDLE_INVALID_MANIFEST),
        ({"idempotency_key": "short"}, Code.BUNDLE_INVALID_MANIFEST),
    ],
)
def test_bad_manifests_are_refused(changes: dict[str, object], code: Code) -> None:
    assert refused(_manifest(**changes)).code == code


def _index(slots: object) -> bytes:
    entries = bundle_entries()
    entries["documents.json"] = json.dumps({"slots": slots}).encode()
    return zip_bytes(list(entries.items()))


GOOD_REF = {"name": "p.pdf", "size": 10, "pages": 1, "checked_at": "2025-01-01T00:00:00Z"}


@pytest.mark.parametrize("sha", ["abc", "g" * 64, "a" * 63, "a" * 65, "", 12, None, " " + "a" * 63])
def test_bad_hashes_are_refused(sha: object) -> None:
    assert refused(_index({"passport": {**GOOD_REF, "sha256": sha}})).code == Code.BUNDLE_BAD_HASH


def test_upper_case_hash_is_read_as_lower_case() -> None:
    draft = read_bundle_bytes(_index({"passport": {**GOOD_REF, "sha256": "AB" * 32}}))
    assert draft.documents["passport"].sha256 == "ab" * 32


@pytest.mark.parametrize(
    "slots",
    [
        {"../passport": {**GOOD_REF, "sha256": "a" * 64}},
        {"passport": {**GOOD_REF, "sha256": "a" * 64, "size": -1}},
        {"passport": {**GOOD_REF, "sha256": "a" * 64, "name": "x\x1b[0m.pdf"}},
        {f"s{i}": {**GOOD_REF, "sha256": "a" * 64} for i in range(201)},
        ["not", "a", "dict"],
    ],
)
def test_bad_indexes_are_refused(slots: object) -> None:
    assert refused(_index(slots)).code == Code.BUNDLE_INVALID_INDEX


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        (b'{"a": 1, "a": 2}', Code.BUNDLE_INVALID_JSON),
        (b'{"a": NaN}', Code.BUNDLE_INVALID_JSON),
        (b"[1, 2]", Code.BUNDLE_INVALID_JSON),
        (b"\xff\xfe{}", Code.BUNDLE_INVALID_JSON),
        (b"[" * 2000 + b"]" * 2000, Code.BUNDLE_INVALID_JSON),
        (b'{"a":' * 40 + b"1" + b"}" * 40, Code.BUNDLE_INVALID_ANSWERS),
        (b'{"a": "\\u001b[2J"}', Code.BUNDLE_INVALID_ANSWERS),
    ],
    ids=["duplicate-key", "nan", "array", "not-utf8", "deep-json", "deep-answers", "escape"],
)
def test_bad_answers_are_refused(answers: bytes, code: Code) -> None:
    entries = bundle_entries()
    entries["answers.json"] = answers
    assert refused(zip_bytes(list(entries.items()))).code == code


def test_missing_entries_are_refused() -> None:
    for name in ("manifest.json", "answers.json", "documents.json"):
        entries = {n: c for n, c in bundle_entries().items() if n != name}
        assert refused(zip_bytes(list(entries.items()))).code == Code.BUNDLE_MISSING_ENTRY


@pytest.mark.parametrize("data", [b"", b"hello", b"%PDF-1.7\n", b"PK\x05\x06" + b"\0" * 18])
def test_not_a_zip_is_refused(data: bytes) -> None:
    assert refused(data).code in (Code.BUNDLE_UNREADABLE, Code.BUNDLE_MISSING_ENTRY)


# --- properties ---------------------------------------------------------------------------


def _only_draft_or_refused(data: bytes) -> None:
    try:
        result = read_bundle_bytes(data)
    except BundleRefused as exc:
        assert isinstance(exc.code, Code)
        return
    assert isinstance(result, Draft)


@FAST
@given(st.binary(max_size=4000))
def test_random_bytes_only_refused(data: bytes) -> None:
    _only_draft_or_refused(data)


@st.composite
def mutated_bundles(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "set", "cut", "insert", "dup"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set":
            data[pos] = draw(st.sampled_from([0x00, 0xFF, 0x7F, 0x80]))
        elif kind == "cut":
            del data[pos : pos + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=32))
        else:
            size = draw(st.integers(1, 200))
            data[pos:pos] = data[pos : pos + size]
    return bytes(data)


@FAST
@given(mutated_bundles())
def test_mutated_bundles_only_draft_or_refused(data: bytes) -> None:
    _only_draft_or_refused(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=12,
)


@FAST
@given(
    st.dictionaries(st.text(max_size=12), json_values, max_size=8),
    st.sampled_from(["manifest.json", "answers.json", "documents.json"]),
)
def test_random_json_in_entries_only_draft_or_refused(value: object, entry: str) -> None:
    entries = bundle_entries()
    if entry == "manifest.json":
        manifest = json.loads(entries[entry])
        manifest.update(value)  # type: ignore[call-overload]
        value = manifest
    entries[entry] = json.dumps(value).encode()
    _only_draft_or_refused(zip_bytes(list(entries.items())))


@FAST
@given(
    st.lists(
        st.tuples(
            st.text(max_size=20),
            st.binary(max_size=300),
            st.sampled_from([0, 0o100644, 0o120777, 0o040755]),
            st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
        ),
        max_size=6,
    ),
    st.booleans(),
)
def test_random_zips_only_draft_or_refused(
    extra: list[tuple[str, bytes, int, int]], keep_valid: bool
) -> None:
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = []
    if keep_valid:
        entries += list(bundle_entries().items())
    for name, content, mode, method in extra:
        info = zipfile.ZipInfo(name or "x")
        info.external_attr = mode << 16
        info.compress_type = method
        entries.append((info, content))
    _only_draft_or_refused(zip_bytes(entries))


@FAST
@given(mutated_bundles())
def test_reading_a_file_writes_nothing(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.tfa"
    path.write_bytes(data)
    home = paths.data_dir().parent
    before = tree(tmp_path), tree(home)
    with contextlib.suppress(BundleRefused):
        read_bundle(path)
    assert (tree(tmp_path), tree(home)) == before
