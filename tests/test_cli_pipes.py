"""A command whose reader goes away (`ind-tui ... | head`) ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [
    ["sandbox", "identities", "--format", "json"],
    ["sandbox", "identities"],
])
def test_a_closed_pipe_ends_the_command_without_a_traceback(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        proc = subprocess.run([sys.executable, "-m", "ind_tui", *args], stdout=write_end,
                              stderr=subprocess.PIPE, timeout=120, check=False)
    finally:
        os.close(write_end)
    assert proc.stderr == b""
    assert proc.returncode == 1
