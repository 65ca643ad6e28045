"""Linux desktop integration for one user: menu entry, icon, ``.usosmail`` type, AppStream data.

``python installer/desktop.py install --bundle dist/usosmail-gui`` (or ``--venv .venv``)
installs, under ``$XDG_DATA_HOME`` (by default ``~/.local/share``; ``--data-home`` to choose):

- ``applications/ID.desktop`` — ``resources/desktop/ID.desktop`` with ``Exec``/``TryExec``
  naming the chosen ``usosmail-gui`` by its absolute path;
- ``icons/hicolor/*/apps/ID.png`` (rendered from the SVG) and ``icons/hicolor/scalable/apps/ID.svg``;
- ``mime/packages/ID.xml`` — the ``application/x-usosmail-template`` type (``*.usosmail``);
- ``metainfo/ID.metainfo.xml`` — for software centres;

then refreshes the MIME, desktop and icon caches when their tools exist
(``update-mime-database``, ``update-desktop-database``, ``gtk-update-icon-cache``).
``uninstall`` removes exactly those files. ``make install-desktop`` / ``make uninstall-desktop``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import icons  # installer/icons.py, beside this script (Qt is imported only to render)

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "resources" / "desktop"
APP_ID = icons.APP_ID


def data_home(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    xdg = os.environ.get("XDG_DATA_HOME")
    return Path(xdg) if xdg else Path.home() / ".local" / "share"


def exec_quote(path: Path) -> str:
    """``path`` as one argument of a desktop entry's Exec key (quoted, escaped as the
    Desktop Entry Specification says), then escaped as a string value."""
    text = str(path)
    if any(c in text for c in ' \t\n"\'\\><~|&;$*?#()`'):
        text = '"' + "".join("\\" + c if c in '"`$\\' else c for c in text) + '"'
    return text.replace("\\", "\\\\")


def entry_text(executable: Path) -> str:
    """The committed entry with Exec and TryExec naming ``executable``."""
    lines = []
    for line in (DESKTOP / f"{APP_ID}.desktop").read_text("utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_quote(executable)} %F"
        elif line.startswith("TryExec="):
            line = f"TryExec={str(executable).replace(chr(92), chr(92) * 2)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_files(home: Path) -> list[Path]:
    theme = home / "icons" / "hicolor"
    return [
        home / "applications" / f"{APP_ID}.desktop",
        home / "mime" / "packages" / f"{APP_ID}.xml",
        home / "metainfo" / f"{APP_ID}.metainfo.xml",
        theme / "scalable" / "apps" / f"{APP_ID}.svg",
        *(theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in icons.PNG_SIZES),
    ]


def refresh_caches(home: Path) -> None:
    """The caches desktops read; a missing tool is only noted (the files still work after
    the next log-in on most desktops)."""
    for command in (
        ["update-mime-database", str(home / "mime")],
        ["update-desktop-database", "-q", str(home / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")],
    ):
        if shutil.which(command[0]) is None:
            print(f"({command[0]} not found: its cache was not refreshed)")
            continue
        subprocess.run(command, check=False, capture_output=True, timeout=120)


def install(executable: Path, home: Path) -> list[Path]:
    if not executable.is_file() or not os.access(executable, os.X_OK):
        raise SystemExit(f"{executable} is not an executable: build it first (make dist, or make install)")
    entry, mime, metainfo, svg, *_ = installed_files(home)
    for folder in (entry.parent, mime.parent, metainfo.parent, svg.parent):
        folder.mkdir(parents=True, exist_ok=True)
    entry.write_text(entry_text(executable.resolve()), "utf-8")
    shutil.copyfile(DESKTOP / f"{APP_ID}.mime.xml", mime)
    shutil.copyfile(DESKTOP / f"{APP_ID}.metainfo.xml", metainfo)
    shutil.copyfile(icons.SOURCE, svg)
    icons.write_pngs(home / "icons")  # Qt renders them, as the app draws its window icon
    refresh_caches(home)
    return installed_files(home)


def uninstall(home: Path) -> list[Path]:
    removed = [path for path in installed_files(home) if path.is_file()]
    for path in removed:
        path.unlink()
    refresh_caches(home)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-home", type=Path, help="instead of $XDG_DATA_HOME or ~/.local/share")
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("install", help="install the entry, icons, MIME type and metainfo")
    source = add.add_mutually_exclusive_group(required=True)
    source.add_argument("--bundle", type=Path, help="the bundle's folder (dist/usosmail-gui)")
    source.add_argument("--venv", type=Path, help="a venv with usosmail-gui installed (.venv)")
    sub.add_parser("uninstall", help="remove what install installed")
    options = parser.parse_args(argv)
    home = data_home(options.data_home)
    if options.action == "install":
        executable = (
            options.bundle / "usosmail-gui" if options.bundle else options.venv / "bin" / "usosmail-gui"
        ).absolute()
        for path in install(executable, home):
            print(f"installed {path}")
        print(f"The menu entry starts {executable}.")
    else:
        for path in uninstall(home):
            print(f"removed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
