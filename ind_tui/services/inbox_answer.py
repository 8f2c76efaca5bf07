"""Answering a request for information: check each asked document here first (the same checks
as a draft's documents), upload each to the case, then send the answer naming them.

Uploads already made are remembered by the caller (`Uploaded`), so trying again after a
failure sends only what is still missing, and the answer itself may be repeated safely.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ind_tui.api.inbox import AnswerReceipt, Message
from ind_tui.client.retry import new_idempotency_key

if TYPE_CHECKING:
    from ind_tui.client.client import PortalClient
    from ind_tui.local.drafts.pdfcheck import PdfCheck

Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what is being done)


@dataclass(frozen=True)
class CheckedFile:
    key: str
    path: Path
    check: PdfCheck
    data: bytes = b""  # the bytes that were checked (those are the bytes sent)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Uploaded:
    """Kept between attempts: item key -> (SHA-256 of the bytes, dossier document id), and
    the idempotency key of each write not yet answered (an upload: its item key and SHA-256;
    the answer: "answer" and its documents), so a retry after a lost answer adds nothing."""

    documents: dict[str, tuple[str, str]] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)

    def key_for(self, what: str) -> str:
        return self.keys.setdefault(what, new_idempotency_key())


def check_file(key: str, path: Path, max_bytes: int) -> CheckedFile:
    """Blocking (a PDF is parsed in a child process): run in a thread. The bytes are read
    once and that copy is checked, so what is sent is what was checked."""
    import tempfile

    from ind_tui.local.drafts.documents import check_document
    from ind_tui.local.drafts.errors import Code
    from ind_tui.local.drafts.pdfcheck import PdfCheck

    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except IsADirectoryError:
        return CheckedFile(key, path, PdfCheck.refused(Code.DOCUMENT_NOT_PDF, 0, "a directory"))
    except OSError as exc:
        return CheckedFile(key, path, PdfCheck.refused(Code.DOCUMENT_MISSING, 0,
                                                       exc.strerror or str(exc)))
    if len(data) > max_bytes:
        size = path.stat().st_size
        return CheckedFile(key, path, PdfCheck.refused(
            Code.DOCUMENT_TOO_LARGE, size, f"{size} > {max_bytes} bytes"))
    with tempfile.TemporaryDirectory(prefix="ind-tui-answer-") as folder:
        copy = Path(folder) / "document.pdf"
        copy.write_bytes(data)
        check = check_document(copy, max_bytes=max_bytes)
    return CheckedFile(key, path, check, data if check.ok else b"")


async def check_files(files: dict[str, Path], max_bytes: int) -> dict[str, CheckedFile]:
    results = await asyncio.gather(*(
        asyncio.to_thread(check_file, key, path, max_bytes) for key, path in files.items()
    ))  # fmt: skip
    return {r.key: r for r in results}


async def send_answer(
    client: PortalClient, message: Message, files: dict[str, CheckedFile], uploaded: Uploaded,
    progress: Progress | None = None,
) -> AnswerReceipt:  # fmt: skip
    """Upload what is not uploaded yet (in the order asked), then answer. Every file must have
    passed its check; raises ValueError otherwise (the caller shows the refusals first)."""
    refused = [f.key for f in files.values() if not f.check.ok]
    if refused or set(files) != {d.key for d in message.requested}:
        raise ValueError(f"not ready to answer: refused {refused}")
    steps = len(files) + 1
    done = 0
    for item in message.requested:
        file = files[item.key]
        kept = uploaded.documents.get(item.key)
        if kept is None or kept[0] != file.sha256:
            if progress:
                progress(done, steps, file.path.name)
            write = f"upload:{item.key}:{file.sha256}"
            doc = await client.upload_case_document(message.zaaknummer, file.data,
                                                    file.path.name, uploaded.key_for(write))
            uploaded.documents[item.key] = (file.sha256, doc.id)
            uploaded.keys.pop(write, None)
        done += 1
    if progress:
        progress(done, steps, "")
    documents = {key: doc_id for key, (_, doc_id) in uploaded.documents.items()
                 if key in files}
    receipt = await client.answer_message(
        message.id, documents, uploaded.key_for("answer:" + ",".join(sorted(documents.values()))))
    if progress:
        progress(steps, steps, "")
    return receipt
