"""The Polish translation is complete, up to date with the code, compiled, and used.

The .ts is the translators' file (committed, ``resources/i18n/``); the .qm is compiled from
it into the package by the build (``make translations``, a prerequisite of ``make test`` and
``make run``; setuptools for ``pip install .``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox

from tests.helpers.tables import make_table
from usosmail_gui.core.recipients import SpreadsheetError
from usosmail_gui.core.recipients.loading import load
from usosmail_gui.ui import i18n
from usosmail_gui.ui.problem_texts import load_error_text, problem_text
from usosmail_gui.ui.sending import Sending

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "usosmail_gui_pl.ts"
QM = i18n.translations_folder() / i18n.QM_NAME
# what must survive translation unchanged: fields, escaped braces, Qt's %n/%1, tags, entities
_MARKS = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%L?n|%\d|<[^>]+>|&[a-z]+;|\n")


def _messages(path: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _key(context: str, message: ET.Element) -> tuple[str, str, bool]:
    return context, message.findtext("source") or "", message.get("numerus") == "yes"


def test_every_polish_message_is_finished() -> None:
    unfinished = []
    for context, message in _messages(TS):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            f.strip() for f in forms
        ):
            unfinished.append(_key(context, message))
    assert not unfinished, f"{len(unfinished)} unfinished Polish message(s), e.g. {unfinished[:5]}"


def test_translations_keep_placeholders_and_polish_plurals() -> None:
    wrong = []
    for context, message in _messages(TS):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")]
        if message.get("numerus") == "yes":
            if len(forms) != 3:  # Polish: 1 · 2-4, 22-24… · 0, 5-21, 25…
                wrong.append((context, source, f"{len(forms)} plural forms"))
        else:
            forms = [translation.text or ""]
        for form in forms:
            if sorted(_MARKS.findall(form)) != sorted(_MARKS.findall(source)):
                wrong.append((context, source, form))
    assert not wrong, wrong[:5]


def test_ts_file_has_every_text_of_the_code(tmp_path: Path) -> None:
    """A text added or changed in the code without updating the .ts fails here
    (run ``make update-translations`` and translate what it adds)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    package = Path(i18n.__file__).parents[1]
    subprocess.run(
        [
            str(lupdate),
            "-silent",
            "-extensions",
            "py",
            str(package),
            "-ts",
            str(fresh),
            "-no-obsolete",
            "-locations",
            "none",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    committed = {_key(c, m) for c, m in _messages(TS)}
    current = {_key(c, m) for c, m in _messages(fresh)}
    assert not current - committed, f"texts missing from the .ts: {sorted(current - committed)[:5]}"
    assert not committed - current, f"texts no longer in the code: {sorted(committed - current)[:5]}"


def test_compiled_translation_exists() -> None:
    assert QM.is_file(), "run `make translations`"
    assert QM.stat().st_mtime >= TS.stat().st_mtime, "the .qm is older than the .ts: run `make translations`"


def test_window_texts_and_qt_buttons_speak_polish(polish: None) -> None:
    assert QCoreApplication.translate("MainWindow", "&File") == "&Plik"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None
    assert cancel.text().replace("&", "") == "Anuluj"  # from Qt's own qtbase_pl.qm


def test_polish_plural_forms(polish: None) -> None:
    forms = {n: Sending.tr("%Ln accepted", "", n) for n in (1, 2, 5, 12, 22, 25)}
    assert forms[2] == forms[22].replace("22", "2")  # 2 and 22 share a form
    assert forms[5] == forms[12].replace("12", "5") == forms[25].replace("25", "5")  # 5, 12, 25 another
    assert len({forms[1].replace("1", ""), forms[2].replace("2", ""), forms[5].replace("5", "")}) == 3


def test_core_problems_and_file_errors_are_translated(polish: None, tmp_path: Path) -> None:
    table = make_table([["jan.kowalski@uni.example.edu.pl", "Jan"], ["anna", "Anna"]], ["E-mail", "Imię"])
    problem = next(p for p in table.all_problems() if p.code == "email_invalid")
    polish_text = problem_text(problem)
    assert polish_text != problem.message
    assert "„anna”" in polish_text or "“anna”" in polish_text
    empty = tmp_path / "pusty.csv"
    empty.write_bytes(b"")
    with pytest.raises(SpreadsheetError) as caught:
        load(empty)
    assert load_error_text(caught.value) != caught.value.message
    assert "pusty.csv" in load_error_text(caught.value)


def test_english_problem_text_is_the_core_message(english_plurals: None) -> None:
    table = make_table([["anna"]], ["E-mail"])
    problem = table.all_problems()[0]
    assert problem_text(problem) == problem.message


def test_language_follows_the_system_locale_unless_chosen() -> None:
    assert i18n.system_language(QLocale(QLocale.Language.Polish, QLocale.Country.Poland)) == "pl"
    assert i18n.system_language(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "en"
    assert i18n.resolve_language("en", QLocale(QLocale.Language.Polish)) == "en"
    assert i18n.resolve_language("", QLocale(QLocale.Language.Polish)) == "pl"
    settings = QSettings()
    i18n.set_language_preference(settings, "pl")
    assert i18n.language_preference(settings) == "pl"
    i18n.set_language_preference(settings, "xx")
    assert i18n.language_preference(settings) == ""
