"""Render the app icon (``resources/icons/usosmail-gui.svg``) into what desktops need.

``python installer/icons.py OUT_DIR [--ico] [--icns]`` writes ``OUT_DIR/hicolor/SIZExSIZE/
apps/ID.png`` for the freedesktop icon theme, and with ``--ico``/``--icns`` the Windows
``usosmail-gui.ico`` (16-256 px in one file) and the macOS ``usosmail-gui.icns``.

Why these tools: Qt's SVG renderer (QtSvg, already the app's) draws the PNGs, exactly as
the app draws its window icon; Pillow packs them into multi-size .ico and .icns files,
which Qt's own image writers cannot (they write one size per file). Pillow is a build
tool only (the ``dist`` extra), never in the bundle; so the generated images are not
committed: every build machine makes them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "usosmail-gui.svg"
APP_ID = "io.github.usosmail_gui.usosmail_gui"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024


def render(size: int, source: Path = SOURCE):  # -> QImage (PySide6 imported lazily)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_pngs(out: Path) -> list[Path]:
    written = []
    for size in PNG_SIZES:
        path = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        written.append(path)
    return written


def _pillow(size: int):  # -> PIL.Image.Image
    from io import BytesIO

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render(size).save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data()))).convert("RGBA")


def write_ico(out: Path) -> Path:
    path = out / "usosmail-gui.ico"
    largest = _pillow(max(ICO_SIZES))
    largest.save(path, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    return path


def write_icns(out: Path) -> Path:
    path = out / "usosmail-gui.icns"
    _pillow(ICNS_SIZE).save(path, format="ICNS")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--ico", action="store_true", help="also the Windows .ico (needs Pillow)")
    parser.add_argument("--icns", action="store_true", help="also the macOS .icns (needs Pillow)")
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    write_pngs(options.out)
    if options.ico:
        write_ico(options.out)
    if options.icns:
        write_icns(options.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
