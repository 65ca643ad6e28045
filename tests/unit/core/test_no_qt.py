"""The core must work where Qt does not exist: import every core module with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import usosmail_gui.core


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(usosmail_gui.core.__path__, "usosmail_gui.core."))


def test_every_core_module_imports_with_pyside6_unavailable() -> None:
    modules = core_modules()
    assert "usosmail_gui.core.usos.client" in modules
    code = (
        "import sys, importlib\n"
        "for blocked in ('PySide6', 'shiboken6', 'superqt', 'usosmail_gui.ui'):\n"
        "    sys.modules[blocked] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = [m for m in sys.modules if sys.modules[m]]\n"
        "assert not any(m.startswith(('PySide6', 'usosmail_gui.ui')) for m in loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_no_core_source_mentions_pyside6() -> None:
    sources = sorted(Path(usosmail_gui.core.__file__).parent.rglob("*.py"))
    assert len(sources) > 10
    for path in sources:
        assert "PySide6" not in path.read_text(encoding="utf-8"), path
