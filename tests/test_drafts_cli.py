"""`ind-tui drafts ...` and `ind-tui documents check`: exit codes, output, one-line reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ind_tui.local import paths
from ind_tui.local.drafts.bundle import bundle_bytes, draft_path, save_draft
from ind_tui.local.drafts.documents import attach_document
from ind_tui.local.drafts.store import DocumentStore
from tests.conftest_drafts import pdf_bytes, run_cli, sample_draft, write_pdf, zip_bytes


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "home"
    monkeypatch.setenv("IND_TUI_HOME", str(root))
    return root


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("ind-tui: ")
    return lines[0]


def saved_with_document(tmp_path: Path) -> Path:
    draft = sample_draft()
    attach_document(draft, "passport", write_pdf(tmp_path / "p.pdf"))
    return save_draft(draft, draft_path(draft))


# --- documents check ----------------------------------------------------------------------


def test_documents_check_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = write_pdf(tmp_path / "scan.pdf", pdf_bytes(pages=2))
    assert run_cli(["documents", "check", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "2 pages" in out


def test_documents_check_warns_but_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = pdf_bytes(catalog_extra=b"/OpenAction << /S /JavaScript /JS (x) >>")
    assert run_cli(["documents", "check", str(write_pdf(tmp_path / "js.pdf", data))]) == 0
    assert "warning: document_has_javascript" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "args", "code"),
    [
        (b"PK\x03\x04 not a pdf", [], "document_not_pdf"),
        (pdf_bytes(pad=5000), ["--max-bytes", "1000"], "document_too_large"),
        (pdf_bytes()[:100], [], "document_unreadable"),
    ],
    ids=["not_pdf", "too_large", "unreadable"],  # stable ids: parallel workers must agree
)
def test_documents_check_refusals_exit_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    args: list[str],
    code: str,
) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    assert run_cli(["documents", "check", str(path), *args]) == 2
    assert one_line(capsys.readouterr().err).startswith(f"ind-tui: {code}")


def test_documents_check_speaks_dutch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"hello")
    assert run_cli(["--lang", "nl", "documents", "check", str(path)]) == 2
    assert "geen PDF" in one_line(capsys.readouterr().err)


def test_documents_check_missing_file_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["documents", "check", str(tmp_path / "nope.pdf")]) == 2
    assert "No such file" in one_line(capsys.readouterr().err)


def test_group_without_action_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["drafts"]) == 2
    assert "list, new, show, check, file, bind, pack, unpack" in one_line(capsys.readouterr().err)
    assert run_cli(["documents"]) == 2
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        run_cli(["documents", "check", "x.pdf", "--max-bytes", "0"])
    assert exc.value.code == 2
    one_line(capsys.readouterr().err.replace("ind-tui documents check: ", "ind-tui: "))


# --- drafts -------------------------------------------------------------------------------


def test_drafts_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["drafts", "list"]) == 0
    assert "No drafts." in capsys.readouterr().out
    saved_with_document(tmp_path)
    (paths.drafts_dir() / "broken.tfa").write_bytes(b"junk")
    assert run_cli(["drafts", "list"]) == 0
    out = capsys.readouterr().out
    assert "hsm_first" in out and "bundle_unreadable" in out
    assert run_cli(["drafts", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in rows] == ["ok", "bundle_unreadable"]
    assert rows[0]["documents"] == 1


def test_drafts_check_ok_and_missing_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = saved_with_document(tmp_path)
    assert run_cli(["drafts", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "hsm_first" in out and "present" in out and "To attach again" not in out
    for sha in list(DocumentStore().hashes()):
        DocumentStore().remove(sha)
    assert run_cli(["drafts", "check", str(path)]) == 0
    assert "To attach again: passport" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"not a zip", "bundle_unreadable"),
        (zip_bytes([("../../etc/cron.d/x", b"*")]), "bundle_bad_name"),
    ],
    ids=["not_zip", "escaping_name"],
)
def test_drafts_check_hostile_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, code: str
) -> None:
    path = tmp_path / "x.tfa"
    path.write_bytes(content)
    assert run_cli(["drafts", "check", str(path)]) == 2
    assert one_line(capsys.readouterr().err).startswith(f"ind-tui: {code}")


def test_pack_and_unpack_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved_with_document(tmp_path)
    out = tmp_path / "for-support.tfapack"
    assert run_cli(["drafts", "pack", str(path), str(out)]) == 0
    assert "Packed 1 document into" in capsys.readouterr().out
    assert run_cli(["drafts", "pack", str(path), str(out)]) == 2  # exists
    assert "--force" in one_line(capsys.readouterr().err)
    assert run_cli(["drafts", "pack", str(path), str(out), "--force"]) == 0
    assert run_cli(["drafts", "pack", str(path), str(tmp_path)]) == 0  # a folder
    assert (tmp_path / (path.stem + ".tfapack")).is_file()
    capsys.readouterr()
    # the colleague's machine: another home
    monkeypatch.setenv("IND_TUI_HOME", str(tmp_path / "colleague"))
    assert run_cli(["drafts", "unpack", str(out)]) == 0
    assert "(1 document)" in capsys.readouterr().out
    assert [p.name for p in paths.drafts_dir().iterdir()] == [path.name]
    assert len(list(DocumentStore().hashes())) == 1
    assert run_cli(["drafts", "unpack", str(out), str(tmp_path / "given")]) == 0
    assert (tmp_path / "given" / path.name).read_bytes() == path.read_bytes()


def test_unpack_hostile_is_2_and_write_failure_is_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tfa = tmp_path / "plain.tfa"
    tfa.write_bytes(bundle_bytes(sample_draft()))
    assert run_cli(["drafts", "unpack", str(tfa)]) == 2
    assert one_line(capsys.readouterr().err).startswith("ind-tui: pack_not_a_pack")
    path = saved_with_document(tmp_path)
    out = tmp_path / "x.tfapack"
    assert run_cli(["drafts", "pack", str(path), str(out)]) == 0
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    capsys.readouterr()
    assert run_cli(["drafts", "unpack", str(out), str(blocker)]) == 1
    assert one_line(capsys.readouterr().err).startswith("ind-tui: store_write_failed")


def test_pack_of_hostile_draft_is_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.tfa"
    bad.write_bytes(zip_bytes([("/etc/passwd", b"x")]))
    assert run_cli(["drafts", "pack", str(bad), str(tmp_path / "o.tfapack")]) == 2
    assert one_line(capsys.readouterr().err).startswith("ind-tui: bundle_bad_name")
    assert not (tmp_path / "o.tfapack").exists()
