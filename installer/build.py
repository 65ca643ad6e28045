"""Build the standalone usosmail-gui bundle on this machine: ``python installer/build.py``.

One command on Linux, Windows and macOS (``make dist`` runs it on Linux):

1. a build venv, ``build/dist-venv``, with the app installed from its wheel
   (``pip install .``, so the bundle holds exactly what the package ships) and the
   ``dist`` extra (PyInstaller, its contrib hooks, Pillow) — no test tool;
2. the icons (``installer/icons.py``: PNGs for Linux, .ico on Windows, .icns on macOS);
3. PyInstaller with ``installer/usosmail-gui.spec`` → ``dist/usosmail-gui/`` holding both
   commands, ``usosmail-gui`` and ``usosmail`` (macOS: also ``dist/usosmail-gui.app``);
4. on Windows, with Inno Setup's ``ISCC`` on the PATH (or ``--iscc``), the installer
   ``dist/usosmail-gui-VERSION-setup.exe``; on macOS a disk image ``dist/usosmail-gui-VERSION.dmg``;
   with ``--archive`` on Linux, ``dist/usosmail-gui-VERSION-linux-ARCH.tar.gz``.

It prints the build time, the bundle's size and what takes the space. ``--startup-probe``
builds a bench copy into ``build/bench-dist`` with ``tests/helpers/startup_probe.py`` frozen
beside the commands (``make dist-bench``), never the bundle that is shipped.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
VENV = BUILD / "dist-venv"
SPEC = ROOT / "installer" / "usosmail-gui.spec"
NAME = "usosmail-gui"
# What makes the build venv stale: then it is made anew.
VENV_INPUTS = (ROOT / "pyproject.toml", ROOT / "setup.py")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*command: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], cwd=cwd, env=env, check=True)


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def build_venv() -> Path:
    """The build venv with the dependencies (made again when pyproject.toml or setup.py changed),
    then the app from a freshly built wheel of this tree."""
    python = venv_python()
    marker = VENV / ".installed"
    stale = not marker.is_file() or any(p.stat().st_mtime > marker.stat().st_mtime for p in VENV_INPUTS)
    if stale:
        if VENV.exists():
            shutil.rmtree(VENV)
        venv.EnvBuilder(with_pip=True).create(VENV)
        run(python, "-m", "pip", "install", "-q", "--upgrade", "pip")
        # setuptools: to build the wheel below without an isolated build environment
        run(python, "-m", "pip", "install", "-q", ".[dist]", "setuptools>=77")
        marker.touch()
    # setuptools leaves build/lib behind; a file removed from the package would live on there
    shutil.rmtree(BUILD / "lib", ignore_errors=True)
    run(python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--force-reinstall", ".")
    shutil.rmtree(BUILD / "lib", ignore_errors=True)
    return python


def icons(python: Path) -> Path:
    out = BUILD / "icons"
    flags = ["--ico"] if sys.platform == "win32" else ["--icns"] if sys.platform == "darwin" else []
    run(python, ROOT / "installer" / "icons.py", out, *flags)
    return out


def freeze(python: Path, icon_dir: Path, *, probe: bool) -> Path:
    dist = BUILD / "bench-dist" if probe else ROOT / "dist"
    env = {**os.environ, "USOSMAIL_ICONS": str(icon_dir), "USOSMAIL_VERSION": version()}
    if probe:
        env["USOSMAIL_STARTUP_PROBE_SCRIPT"] = str(ROOT / "tests" / "helpers" / "startup_probe.py")
    env.pop("PYTHONPATH", None)
    # From build/, so that nothing of the source tree shadows the installed package.
    run(
        python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", dist, "--workpath", BUILD / ("pyinstaller-bench" if probe else "pyinstaller"), SPEC,
        cwd=BUILD, env=env,
    )
    return dist / NAME


def size_report(bundle: Path, top: int = 12) -> str:
    """The bundle's size and its largest parts (folders of _internal, files at its top)."""
    def size(path: Path) -> int:
        if path.is_symlink():
            return 0
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())

    total = size(bundle)
    internal = bundle / "_internal"
    parts: list[tuple[int, str]] = []
    for path in [*internal.iterdir(), *(p for p in bundle.iterdir() if p != internal)]:
        if not path.is_symlink():  # PyInstaller links some libraries into _internal/
            parts.append((size(path), str(path.relative_to(bundle))))
    qt = internal / "PySide6" / "Qt"
    if qt.is_dir():
        parts = [(s, n) for s, n in parts if n != str(Path("_internal", "PySide6"))]
        parts.append((size(internal / "PySide6") - size(qt), "_internal/PySide6 (bindings)"))
        parts += [(size(p), str(p.relative_to(bundle))) for p in qt.iterdir()]
        parts += [(size(p), str(p.relative_to(bundle))) for p in (qt / "lib").glob("libicu*")]
    lines = [f"bundle {bundle}: {total / 2**20:.1f} MiB unpacked"]
    for part_size, name in sorted(parts, reverse=True)[:top]:
        lines.append(f"  {part_size / 2**20:7.1f} MiB  {name}")
    return "\n".join(lines)


def package(bundle: Path, *, iscc: str | None, archive: bool) -> list[Path]:
    made: list[Path] = []
    dist = bundle.parent
    if sys.platform == "win32":
        compiler = iscc or shutil.which("ISCC") or shutil.which("iscc")
        if compiler:
            run(compiler, f"/DAppVersion={version()}", f"/DBundleDir={bundle}", f"/DOutputDir={dist}",
                ROOT / "installer" / "windows" / "usosmail-gui.iss")
            made.append(dist / f"{NAME}-{version()}-setup.exe")
        else:
            print("Inno Setup (ISCC.exe) not found: the bundle is built, the installer is not.")
    elif sys.platform == "darwin":
        dmg = dist / f"{NAME}-{version()}.dmg"
        dmg.unlink(missing_ok=True)
        run("hdiutil", "create", "-volname", NAME, "-srcfolder", dist / f"{NAME}.app", "-ov",
            "-format", "UDZO", dmg)
        made.append(dmg)
    elif archive:
        target = dist / f"{NAME}-{version()}-linux-{platform.machine()}.tar.gz"
        with tarfile.open(target, "w:gz") as tar:
            tar.add(bundle, arcname=NAME)
        made.append(target)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--startup-probe", action="store_true",
                        help="a bench copy with the start-up probe frozen beside the commands")
    parser.add_argument("--archive", action="store_true", help="on Linux, also a .tar.gz of the bundle")
    parser.add_argument("--iscc", help="Inno Setup's ISCC.exe, when it is not on the PATH (Windows)")
    options = parser.parse_args(argv)
    started = time.perf_counter()
    BUILD.mkdir(exist_ok=True)
    python = build_venv()
    venv_done = time.perf_counter()
    icon_dir = icons(python)
    bundle = freeze(python, icon_dir, probe=options.startup_probe)
    frozen = time.perf_counter()
    made = [] if options.startup_probe else package(bundle, iscc=options.iscc, archive=options.archive)
    done = time.perf_counter()
    print(size_report(bundle))
    print(
        f"build time {done - started:.0f} s: venv and wheel {venv_done - started:.0f} s, "
        f"icons and PyInstaller {frozen - venv_done:.0f} s, packaging {done - frozen:.0f} s"
    )
    for path in made:
        print(f"made {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
