"""Files the user shares (reports, templates) written whole or not at all, with the user's
normal permissions.

The file is written next to its target under a temporary name and then renamed over it,
so a crash or a full disk leaves the old file or the new one, never half of one.
``tempfile.mkstemp`` would create the temporary file with mode 0600 whatever the umask,
and the rename keeps that mode: colleagues on a shared folder could not open the dean's
report. So the temporary file is created the way ``open()`` creates a file (mode 0666,
less the umask) — or, when the target exists, with the target's own mode.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["replacing"]

_TRIES = 16


def _mode_for(target: Path) -> int | None:
    """The target's permission bits, or None when there is no target yet (then the umask
    decides, as for any new file)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return None


def _create_sibling(target: Path, suffix: str) -> tuple[int, Path]:
    for _ in range(_TRIES):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}{suffix}")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {target}")


@contextmanager
def replacing(target: Path, *, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path next to ``target`` to write; on a clean exit it is flushed to disk
    and renamed over ``target``; on any error it is removed. Raises ``OSError`` as the
    file system does (the caller words it)."""
    target = Path(target)
    handle, temporary = _create_sibling(target, suffix)
    try:
        mode = _mode_for(target)
        if mode is not None and hasattr(os, "fchmod"):  # POSIX; Windows has ACLs instead
            os.fchmod(handle, mode)
        os.close(handle)
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
