"""Real read-only and full file systems for the journal's fault tests, without root.

A process started in its own user and mount namespaces (``unshare -rm``) may mount a
small tmpfs (a disk that really fills up: ENOSPC) or bind-mount a folder or a file
read-only (EROFS, which even root cannot write through), visible to that process only.
Tests that need one are skipped where the kernel does not allow such namespaces.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
USOSMAIL = str(Path(sys.executable).with_name("usosmail"))


@functools.cache
def namespaces_work() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    probe = subprocess.run([unshare, "-rm", "true"], capture_output=True, timeout=30)
    return probe.returncode == 0


needs_namespaces = pytest.mark.skipif(
    not namespaces_work(),
    reason="needs unshare -rm (user and mount namespaces) for a real read-only or full disk",
)


def read_only(path: Path) -> str:
    """Shell lines that make ``path`` (a folder or a file) read-only for the command."""
    quoted = shlex.quote(str(path))
    return f"mount --bind {quoted} {quoted} && mount -o remount,bind,ro {quoted} {quoted}"


def tmpfs(path: Path, size_kib: int) -> str:
    """Shell lines that mount a ``size_kib`` KiB tmpfs on the folder ``path``."""
    return f"mount -t tmpfs -o size={size_kib}k tmpfs {shlex.quote(str(path))}"


def run_mounted(
    setup: Sequence[str],
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` in new namespaces after the ``setup`` shell lines (mounts)."""
    script = " && ".join([*setup, 'exec "$@"'])
    environment = dict(os.environ if env is None else env)
    environment["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", *argv],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


def usosmail_mounted(
    setup: Sequence[str], *args: str, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``usosmail ARGS`` run with the ``setup`` mounts in place."""
    return run_mounted(setup, [USOSMAIL, *args], env=env)
