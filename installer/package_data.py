"""Build the package's generated run-time data from the sources in ``resources/``.

- ``resources/i18n/*.ts`` → ``usosmail_gui/resources/i18n/*.qm`` (Qt's ``lrelease``, shipped
  with PySide6);
- ``resources/icons/usosmail-gui.svg`` → ``usosmail_gui/resources/icons/usosmail-gui.svg``
  (the window icon);
- ``docs/user-guide.pl.md``, ``user-guide.en.md`` and ``troubleshooting.md`` →
  ``usosmail_gui/resources/guide/`` (Help ▸ User Guide shows them, offline);
- the version in ``pyproject.toml`` → ``usosmail_gui/_version.py`` (what ``--version`` and
  Help ▸ About say; a module, not ``importlib.metadata``, which costs ~35 ms of start-up
  and needs the package's metadata beside it, also in a frozen bundle).

One implementation for every route: ``make`` runs this file (``make package-data``), and
the setuptools build (``setup.py``, so ``pip install .`` and wheels) calls ``build()``.
Only the standard library and PySide6's files are used, so it runs in pip's isolated
build environment (``pyproject.toml`` lists PySide6-Essentials as a build requirement).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ICON = "usosmail-gui.svg"
GUIDES = ("user-guide.pl.md", "user-guide.en.md", "troubleshooting.md")


def lrelease() -> Path:
    """PySide6's lrelease (pyside6-lrelease is only a wrapper around it)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return folder / name
    raise SystemExit(f"lrelease is missing from PySide6 in {folder}")


def _stale(target: Path, source: Path) -> bool:
    return not target.is_file() or target.stat().st_mtime < source.stat().st_mtime


def build(root: Path = ROOT, *, quiet: bool = False) -> list[Path]:
    """Make every generated file that is missing or older than its source; the files made."""
    package = root / "usosmail_gui" / "resources"
    made: list[Path] = []
    for ts in sorted((root / "resources" / "i18n").glob("*.ts")):
        qm = package / "i18n" / ts.with_suffix(".qm").name
        if _stale(qm, ts):
            qm.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
            made.append(qm)
    icon_source = root / "resources" / "icons" / APP_ICON
    icon = package / "icons" / APP_ICON
    if _stale(icon, icon_source):
        icon.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icon_source, icon)
        made.append(icon)
    for name in GUIDES:
        source, shipped = root / "docs" / name, package / "guide" / name
        if source.is_file() and _stale(shipped, source):
            shipped.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, shipped)
            made.append(shipped)
    pyproject = root / "pyproject.toml"
    version_module = root / "usosmail_gui" / "_version.py"
    if _stale(version_module, pyproject):
        version = tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]
        version_module.write_text(
            '"""Generated from pyproject.toml by installer/package_data.py; not committed."""\n\n'
            f"VERSION = {version!r}\n",
            "utf-8",
        )
        made.append(version_module)
    if not quiet:
        for path in made:
            print(f"made {path.relative_to(root)}")
    return made


if __name__ == "__main__":
    build()
    sys.exit(0)
