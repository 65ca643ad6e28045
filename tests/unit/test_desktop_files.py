"""The desktop files in resources/desktop are valid and agree with each other and with the
app; ``make install-desktop`` installs them for one user (a temporary HOME here).

The validators are Debian's desktop-file-utils and appstream (.ci/run installs them); a
test skips only where its validator is absent.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop"
APP_ID = "io.github.usosmail_gui.usosmail_gui"
ENTRY = DESKTOP / f"{APP_ID}.desktop"
METAINFO = DESKTOP / f"{APP_ID}.metainfo.xml"
MIME = DESKTOP / f"{APP_ID}.mime.xml"
MIME_TYPE = "application/x-usosmail-template"
SMI = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return path


def entry() -> configparser.SectionProxy:
    parser = configparser.RawConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_is_valid() -> None:
    done = subprocess.run([tool("desktop-file-validate"), str(ENTRY)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_metainfo_is_valid_pedantically() -> None:
    done = subprocess.run(
        [tool("appstreamcli"), "validate", "--pedantic", "--no-net", "--explain", str(METAINFO)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # errors, warnings and pedantic notes fail; infos (e.g. a tag newer than this validator) pass
    flagged = [line for line in done.stdout.splitlines() if line[:2] in ("E:", "W:", "P:")]
    assert not flagged, done.stdout


def test_the_entry_opens_usosmail_files_with_the_app() -> None:
    section = entry()
    assert section["Exec"].split()[0] == "usosmail-gui" and section["Exec"].endswith("%F")
    assert section["MimeType"].rstrip(";").split(";") == [MIME_TYPE]
    assert section["Icon"] == APP_ID
    assert "Name[pl]" in section or "GenericName[pl]" in section


def test_the_mime_type_is_the_template_extension() -> None:
    root = ET.parse(MIME).getroot()
    (mime_type,) = root.findall(f"{SMI}mime-type")
    assert mime_type.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime_type.findall(f"{SMI}glob")] == ["*.usosmail"]
    assert {c.get(XML_LANG) for c in mime_type.findall(f"{SMI}comment")} == {None, "pl"}


def test_metainfo_speaks_polish_and_english_and_names_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == ENTRY.name
    for tag in ("summary", "name"):
        assert root.findall(tag), tag
    assert {s.get(XML_LANG) for s in root.findall("summary")} == {None, "pl"}
    assert {p.get(XML_LANG) for p in root.find("description").findall("p")} == {None, "pl"}  # type: ignore[union-attr]
    assert root.find("content_rating") is not None and root.find("developer") is not None
    assert root.findall("screenshots/screenshot/image")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == version, "add a <release> for the new version"
    assert MIME_TYPE in [m.text for m in root.findall("provides/mediatype")]


def test_install_desktop_installs_for_one_user_and_uninstall_removes_it(tmp_path: Path) -> None:
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    home = tmp_path / "home"
    data = tmp_path / "share"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(data)}
    done = subprocess.run([make, "-s", "install-desktop"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    installed = data / "applications" / ENTRY.name
    exec_line = next(line for line in installed.read_text("utf-8").splitlines() if line.startswith("Exec="))
    program = Path(exec_line.removeprefix("Exec=").removesuffix(" %F").strip('"'))
    assert program.is_absolute() and program.name == "usosmail-gui" and os.access(program, os.X_OK)
    assert (data / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (data / "metainfo" / METAINFO.name).is_file()
    for size in (16, 48, 256):
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True,
                               check=False)
        assert check.returncode == 0, check.stdout
    if shutil.which("update-mime-database"):
        assert f"{MIME_TYPE}:*.usosmail" in (data / "mime" / "globs2").read_text("utf-8")
    assert not (home / ".local").exists(), "XDG_DATA_HOME is where it installs"

    done = subprocess.run([make, "-s", "uninstall-desktop"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not installed.exists()
    assert not list((data / "icons").rglob(f"{APP_ID}.*"))
    if shutil.which("update-mime-database"):
        assert "usosmail" not in (data / "mime" / "globs2").read_text("utf-8")


def test_a_program_path_with_spaces_is_quoted_as_the_spec_says(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    monkeypatch.syspath_prepend(str(ROOT / "installer"))
    spec = importlib.util.spec_from_file_location("desktop_installer", ROOT / "installer" / "desktop.py")
    assert spec is not None and spec.loader is not None
    desktop = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(desktop)
    assert desktop.exec_quote(Path("/opt/usosmail-gui/usosmail-gui")) == "/opt/usosmail-gui/usosmail-gui"
    # quoted; inside the quotes $ is escaped, then every backslash doubled (a string value)
    assert desktop.exec_quote(Path("/home/ala/Moje programy/$x/usosmail-gui")) == (
        '"/home/ala/Moje programy/\\\\$x/usosmail-gui"'
    )
    text = desktop.entry_text(Path("/home/ala/Moje programy/usosmail-gui"))
    assert 'Exec="/home/ala/Moje programy/usosmail-gui" %F' in text
    assert "TryExec=/home/ala/Moje programy/usosmail-gui" in text
