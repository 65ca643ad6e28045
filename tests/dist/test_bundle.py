"""The standalone bundle (``make dist``) works on a machine without Python (issue 16).

Each command runs with nothing but ``PATH=/usr/bin:/bin`` and an empty ``HOME`` (plus
``QT_QPA_PLATFORM=offscreen`` for the window): no venv, no PYTHONPATH, no settings. Run by
``make dist-test`` (CI, after ``make test``), which names the bundle in ``USOSMAIL_BUNDLE``.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from usosmail_gui.app.screenshot import SCREENSHOT_SIZE

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = Path(os.environ["USOSMAIL_BUNDLE"]).resolve()
EXE = ".exe" if sys.platform == "win32" else ""
GUI = BUNDLE / f"usosmail-gui{EXE}"
CLI = BUNDLE / f"usosmail{EXE}"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
DEMO_LIST = ROOT / "usosmail_gui" / "resources" / "demo" / "studenci.csv"
XLSX_LIST = ROOT / "tests" / "fixtures" / "recipients" / "students.xlsx"
SIZE_BUDGET_MIB = 250
TIMEOUT_S = 180


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def bare(command: list[str | Path], home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run a command of the bundle as on a machine with no Python: PATH and HOME only."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), **extra}
    return subprocess.run(
        [str(part) for part in command], env=env, cwd=home, capture_output=True, text=True,
        encoding="utf-8", timeout=TIMEOUT_S, check=False,
    )


def test_the_bundle_is_built() -> None:
    assert GUI.is_file() and os.access(GUI, os.X_OK), f"no {GUI}: run `make dist`"
    assert CLI.is_file() and os.access(CLI, os.X_OK), f"no {CLI}: run `make dist`"


@pytest.mark.parametrize(("command", "name"), [(GUI, "usosmail-gui"), (CLI, "usosmail")])
def test_both_commands_print_the_version_of_pyproject(command: Path, name: str, home: Path) -> None:
    done = bare([command, "--version"], home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{name} {VERSION}"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_window_on_the_sandbox_with_the_demo_is_pictured_offscreen(home: Path) -> None:
    picture = home.parent / "window.png"
    done = bare([GUI, "--sandbox", "--demo", "--screenshot", picture], home, QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert _png_size(picture) == SCREENSHOT_SIZE  # a laptop's 1366x768, as the guides' pictures
    assert picture.stat().st_size > 30_000  # a window with the list, the editor and the preview


@pytest.mark.parametrize("spreadsheet", [DEMO_LIST, XLSX_LIST], ids=["csv", "xlsx"])
def test_recipients_json_is_what_the_venv_prints(spreadsheet: Path, home: Path) -> None:
    done = bare([CLI, "recipients", spreadsheet, "--json"], home)
    assert done.returncode == 0, done.stderr
    bundled = json.loads(done.stdout)
    assert bundled["rows"] and bundled["email_column"]
    venv = subprocess.run(
        [sys.executable, "-m", "usosmail_gui.cli", "recipients", str(spreadsheet), "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT_S, check=True,
    )
    assert bundled == json.loads(venv.stdout)


def test_the_child_that_reads_a_risky_sheet_runs_in_the_bundle(home: Path) -> None:
    """A big or odd sheet is read apart from the app (core/recipients/isolated.py); the
    bundle's console command is that child (it has no interpreter to run ``-m`` with)."""
    import pickle

    done = subprocess.run(
        [str(CLI), "-m", "usosmail_gui.core.recipients.isolated", str(XLSX_LIST), "Studenci", "1000", "pl"],
        env={"PATH": "/usr/bin:/bin", "HOME": str(home)}, cwd=home, capture_output=True,
        timeout=TIMEOUT_S, check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    kind, *rest = pickle.loads(done.stdout)  # our own bundle's output
    assert kind == "grid", rest
    assert len(rest[0]) > 1  # the header and the students' rows


def test_the_first_names_dictionary_child_runs_in_the_bundle(home: Path) -> None:
    """The window looks first names up in a child (core/letters/lexicon_process.py): in the
    bundle, its console command with ``-m``; Morfeusz and its dictionary come with it."""
    done = subprocess.run(
        [str(CLI), "-m", "usosmail_gui.core.letters.lexicon_process"],
        input=b'"Anna"\n{"many": ["Jan", "Siobhan"]}\n',
        env={"PATH": "/usr/bin:/bin", "HOME": str(home)}, cwd=home, capture_output=True,
        timeout=TIMEOUT_S, check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    hello, anna, many = (json.loads(line) for line in done.stdout.splitlines())
    assert hello["ready"].startswith("pl.sgjp")
    assert anna == [["female", "Anno"]] and many == [[["male", "Janie"]], []]


def test_an_unreadable_file_gets_a_message_not_a_traceback(home: Path) -> None:
    broken = home.parent / "lista.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    done = bare([CLI, "recipients", broken], home)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "lista.xlsx" in done.stderr


def _internal() -> Path:
    internal = BUNDLE / "_internal"
    return internal if internal.is_dir() else BUNDLE


def test_only_the_qt_modules_the_app_uses_and_no_build_or_test_tool() -> None:
    pyside = _internal() / "PySide6"
    modules = {p.name.split(".")[0] for p in pyside.iterdir() if p.name.startswith("Qt") and p.is_file()}
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}  # printing what a student got
    present = {p.name.split(".")[0].lower() for p in _internal().iterdir()}
    tools = {"pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "pyinstaller", "setuptools",
             "pip", "pil", "pandas", "importlinter"}
    assert "numpy" in present  # the spreadsheet readers need it
    assert not present & tools


def test_the_package_data_is_what_the_app_loads() -> None:
    resources = _internal() / "usosmail_gui" / "resources"
    assert (resources / "i18n" / "usosmail_gui_pl.qm").is_file()
    assert not list(resources.rglob("*.ts")), "the translators' .ts is a source, not run-time data"
    assert (resources / "icons" / "usosmail-gui.svg").is_file()
    assert (resources / "installations.json").is_file()
    assert (resources / "demo" / "studenci.csv").is_file()
    assert {p.name for p in (resources / "guide").glob("*.md")} >= {"user-guide.pl.md", "user-guide.en.md"}
    assert list((resources / "templates").glob("*.usosmail"))
    qt_translations = _internal() / "PySide6" / "Qt" / "translations"
    assert [p.name for p in qt_translations.iterdir()] == ["qtbase_pl.qm"]


def test_the_bundle_is_within_its_size_budget() -> None:
    total = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    assert total <= SIZE_BUDGET_MIB * 2**20, f"{total / 2**20:.1f} MiB > {SIZE_BUDGET_MIB} MiB"
