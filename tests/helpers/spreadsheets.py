"""Recipient-list test helpers: real files on disk, written the way staff get them, and the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

RECIPIENT_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recipients"
USOSMAIL = str(Path(sys.executable).with_name("usosmail"))


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[Any] | None],
    *,
    sheet: str = "Arkusz1",
    start: str | None = None,
    merge: Sequence[str] = (),
    before: Sequence[tuple[str, Sequence[Sequence[Any]]]] = (),
    after: Sequence[tuple[str, Sequence[Sequence[Any]]]] = (),
) -> Path:
    """Write ``rows`` (None = a blank row) to ``sheet`` with openpyxl, from cell ``start``.

    ``before``/``after`` add sheets ``(name, rows)`` around it; ``merge`` merges ranges.
    """
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    sheets = [*before, (sheet, rows), *after]
    for index, (name, content) in enumerate(sheets):
        ws = first if index == 0 else wb.create_sheet(name)
        ws.title = name
        origin_row, origin_col = 1, 1
        if name == sheet and start:
            cell = ws[start]
            origin_row, origin_col = cell.row, cell.column
        for r, row in enumerate(content):
            if row is None:
                continue
            for c, value in enumerate(row):
                if value is not None:
                    ws.cell(origin_row + r, origin_col + c, value)
    target = wb[sheet]
    for cells in merge:
        target.merge_cells(cells)
    wb.save(path)
    return path


def run_usosmail(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed ``usosmail`` console script, as a user runs it."""
    full_env = dict(os.environ)
    full_env["LC_ALL"] = "C.UTF-8"  # English separators unless a test asks for a language
    full_env.update(env or {})
    return subprocess.run([USOSMAIL, *args], capture_output=True, text=True, env=full_env, timeout=60)
