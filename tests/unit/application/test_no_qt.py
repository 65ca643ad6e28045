"""The application layer works where Qt does not exist: every module imports with PySide6
(and the widgets) blocked, and running a use case loads none of them."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import usosmail_gui.application


def test_every_application_module_imports_and_runs_with_pyside6_unavailable() -> None:
    modules = sorted(
        m.name for m in pkgutil.walk_packages(usosmail_gui.application.__path__, "usosmail_gui.application.")
    )
    assert "usosmail_gui.application.sending" in modules and len(modules) >= 7
    code = (
        "import sys, importlib\n"
        "names = ('PySide6', 'shiboken6', 'usosmail_gui.ui', 'usosmail_gui.cli', 'usosmail_gui.sandbox')\n"
        "for blocked in names:\n"
        "    sys.modules[blocked] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from usosmail_gui.application.campaigns import list_campaigns\n"
        "assert list_campaigns().rows == []\n"
        "loaded = [m for m in sys.modules if sys.modules[m]]\n"
        "assert not any(m.startswith(('PySide6', 'usosmail_gui.ui')) for m in loaded), loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
