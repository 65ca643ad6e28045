"""Fixtures for the whole suite: an isolated environment for every test and real sandboxes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.application.collaborators import use_journal_file

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A loopback port nobody listens on: any "live" look-up a test forgets to point at a
# sandbox fails fast here instead of reaching a public server.
CLOSED_LOOPBACK_URL = "http://127.0.0.1:9/"

# The bundle's smoke test (tests/dist) needs a built bundle: `make dist-test` names it.
BUNDLE_ENV = "USOSMAIL_BUNDLE"
collect_ignore = [] if os.environ.get(BUNDLE_ENV) else ["dist"]


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MemoryKeyring]:
    """Own data dir, no credentials in the environment, an in-memory keyring, no public network."""
    monkeypatch.setenv("USOSMAIL_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("USOSMAIL_MOTHER_URL", CLOSED_LOOPBACK_URL)
    monkeypatch.delenv("USOSMAIL_CONSUMER_KEY", raising=False)
    monkeypatch.delenv("USOSMAIL_CONSUMER_SECRET", raising=False)
    # subprocesses (the CLI) get a keyring that stores nothing, so they use the env vars
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)
    use_journal_file(None)  # a test of the built-in sandbox chose its journal: the user's again


@pytest.fixture
def memory_keyring(_isolated_environment: MemoryKeyring) -> MemoryKeyring:
    return _isolated_environment


@pytest.fixture
def make_sandbox(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Start sandboxes with the given SandboxConfig fields; all are stopped after the test."""
    from usosmail_gui.sandbox import Sandbox, SandboxConfig

    started: list[Sandbox] = []

    def make(clock: Callable[[], float] | None = None, **config: Any) -> Sandbox:
        config.setdefault("maildir", tmp_path / f"maildir{len(started)}")
        sandbox = Sandbox(SandboxConfig(**config), **({"clock": clock} if clock else {}))
        started.append(sandbox.start())
        return sandbox

    yield make
    for sandbox in started:
        sandbox.stop()


@pytest.fixture
def sandbox(make_sandbox: Callable[..., Any]) -> Any:
    """A fault-free sandbox that delivers at once."""
    return make_sandbox()
