"""Running ``usosmail`` as a user does: a real process, no terminal (stdin closed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

USOSMAIL = str(Path(sys.executable).with_name("usosmail"))


def usosmail(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [USOSMAIL, *args],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        stdin=subprocess.DEVNULL,  # no terminal
        timeout=120,
    )
