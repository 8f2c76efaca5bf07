"""Export files the user asks for, written whole or not at all.

The records themselves are the domain's (`domain.cases.write_records`); here they meet the
file system: a temp file beside the target, renamed into place once complete, so an existing
file is only replaced by a finished one. The caller asks before replacing one.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ind_tui.base.atomic import atomic_text_writer
from ind_tui.domain.cases import CaseRow, ExportFormat, write_records
from ind_tui.i18n.format import CsvStyle


def export_cases(path: Path, rows: Iterable[CaseRow], fmt: ExportFormat, style: CsvStyle
                 ) -> int:
    """Write the cases export to `path` (a CSV in `style`); returns the number written."""
    with atomic_text_writer(path) as stream:
        if fmt == "csv":
            stream.write(style.file_start)
        return write_records(stream, rows, fmt, style)
