"""The one atomic write: whole or nothing, a temp name per writer, private by default."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ind_tui.base.atomic import atomic_text_writer, atomic_write_bytes, atomic_writer


def test_two_writers_of_one_file_do_not_share_a_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    with atomic_writer(target) as first, atomic_writer(target) as second:
        first.write(b"first")
        second.write(b"second")
        temps = sorted(p.name for p in tmp_path.iterdir())
        assert len(temps) == 2 and all(n.startswith(".state.json.") for n in temps)
    assert target.read_bytes() == b"first"  # the writer that closed last wins, whole
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    atomic_write_bytes(target, b"old")
    with pytest.raises(RuntimeError), atomic_text_writer(target) as out:
        out.write("half a new fi")
        raise RuntimeError("disk went away")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_private_by_default_and_text_written_as_given(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    with atomic_text_writer(target) as out:
        out.write("a,b\r\nc,d\n")
    assert target.read_bytes() == b"a,b\r\nc,d\n"
    if os.name != "nt":
        assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_without_replace_an_existing_file_stays(tmp_path: Path) -> None:
    target = tmp_path / "dossier.pdf"
    atomic_write_bytes(target, b"mine")
    with pytest.raises(FileExistsError), atomic_writer(target, replace=False) as f:
        f.write(b"theirs")
    assert target.read_bytes() == b"mine"
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.pdf"]
