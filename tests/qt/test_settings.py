"""ui/settings.py: one registry of what the app remembers — keys that never change (saved
layouts and choices survive an upgrade), a type and a default each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from usosmail_gui.ui import settings as registry
from usosmail_gui.ui.settings import GEOMETRY, LAST_URL, SETTINGS, TEST_ADDRESS, TOOLBAR_TEXT

# What earlier versions saved under these keys must still be read.
KEYS = {
    "window/geometry",
    "window/state",
    "window/splitter",
    "window/composer_splitter",
    "window/toolbar_text",
    "ui/language",
    "connection/last_url",
    "connection/installation_url",
    "recipients/recent_files",
    "templates/recent_files",
    "templates/last_folder",
    "sending/test_address",
}


def test_every_setting_is_in_the_registry_once_under_its_old_key() -> None:
    assert {s.key for s in SETTINGS} == KEYS and len(SETTINGS) == len(KEYS)
    declared = [v for v in vars(registry).values() if isinstance(v, registry.Setting)]
    assert sorted(map(id, declared)) == sorted(map(id, SETTINGS))


def test_unset_values_are_the_defaults_and_written_ones_come_back(tmp_path: Path) -> None:
    stored = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert TOOLBAR_TEXT.read(stored) is False and LAST_URL.read(stored) == ""
    assert GEOMETRY.read(stored).isEmpty()
    TOOLBAR_TEXT.write(stored, True)
    TEST_ADDRESS.write(stored, "ja@uni.example.edu.pl")
    GEOMETRY.write(stored, QByteArray(b"\x01\x02"))
    stored.sync()
    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert TOOLBAR_TEXT.read(again) is True
    assert TEST_ADDRESS.read(again) == "ja@uni.example.edu.pl"
    assert bytes(GEOMETRY.read(again).data()) == b"\x01\x02"


def test_a_value_of_another_type_reads_as_the_default(tmp_path: Path) -> None:
    stored = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    stored.setValue(GEOMETRY.key, "not a layout")
    assert GEOMETRY.read(stored).isEmpty()
