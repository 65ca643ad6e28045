"""Seeing whether a load read its sheet in a child process (``recipients.isolated``)."""

from __future__ import annotations

from typing import Any

import pytest

from usosmail_gui.core.recipients import isolated


def child_commands(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The commands of the child processes started from now on (the real ones run)."""
    started: list[list[str]] = []
    command = isolated.child_command

    def spy(*args: Any) -> list[str]:
        started.append(command(*args))
        return started[-1]

    monkeypatch.setattr(isolated, "child_command", spy)
    return started
