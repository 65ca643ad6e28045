"""Fixtures of the recipient-list tests (helpers live in tests/helpers/spreadsheets.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.spreadsheets import write_xlsx


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    """``xlsx(rows, name="list.xlsx", **write_xlsx options)`` → the written file."""

    def make(rows: Sequence[Sequence[Any] | None], name: str = "list.xlsx", **options: Any) -> Path:
        return write_xlsx(tmp_path / name, rows, **options)

    return make
