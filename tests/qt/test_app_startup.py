"""Start-up stays light and offline: the modules that touch the keyring, the network or
big data are not imported by ``usosmail_gui.app`` itself."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("pandas", "keyring", "requests_oauthlib", "requests", "oauthlib", "usosmail_gui.sandbox")


def test_app_import_is_light() -> None:
    code = f"import sys, usosmail_gui.app\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_module_entry_point_version() -> None:
    done = subprocess.run([sys.executable, "-m", "usosmail_gui", "--version"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usosmail-gui ")
