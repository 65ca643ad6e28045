"""Which language the app speaks, and the Qt translators that make it speak it.

The language follows the system locale (Polish when the user's preferred UI language is
Polish, English otherwise) unless the user chose one in View ▸ Language, which is kept in
QSettings. A choice applies at once: ``install_translations`` replaces the translators it
installed before, Qt then sends every widget ``QEvent.LanguageChange``, and each part of
the window sets its texts again (its ``retranslate``).

Polish comes from the package's ``resources/i18n/usosmail_gui_pl.qm``, compiled by the build
(``make``, or setuptools for ``pip install .``; ``installer/package_data.py``) from the
translators' file, ``resources/i18n/usosmail_gui_pl.ts`` at the top of the repository,
which the package does not carry; Qt's own ``qtbase_pl.qm`` makes standard buttons say
"Anuluj".
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .plurals import install_english_plurals
from .qt_words import install_polish_qt_words
from .settings import LANGUAGE

SYSTEM = ""  # the stored preference meaning "follow the system"
POLISH = "pl"
ENGLISH = "en"
LANGUAGES = (POLISH, ENGLISH)
QM_NAME = "usosmail_gui_pl.qm"

_log = logging.getLogger(__name__)
_installed: list[QTranslator] = []  # what install_translations installed (replaced on a switch)


def translations_folder() -> Path:
    """Where the compiled .qm lives inside the package."""
    from importlib import resources  # here: only a Polish start needs it (saves ~5 ms at start)

    return Path(str(resources.files("usosmail_gui").joinpath("resources/i18n")))


def language_preference(settings: QSettings) -> str:
    """The stored choice: "pl", "en", or "" for the system's language."""
    value = LANGUAGE.read(settings) or SYSTEM
    return value if value in LANGUAGES else SYSTEM


def set_language_preference(settings: QSettings, language: str) -> None:
    """Remember "pl", "en" or "" (system); ``install_translations`` applies it."""
    LANGUAGE.write(settings, language if language in LANGUAGES else SYSTEM)


def system_language(locale: QLocale | None = None) -> str:
    """Polish if the user's UI languages name Polish before English, else English."""
    for name in (locale or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return ENGLISH


def resolve_language(preference: str, locale: QLocale | None = None) -> str:
    return preference if preference in LANGUAGES else system_language(locale)


def compiled_translation() -> Path | None:
    """The app's Polish .qm inside the package, or None when the package was not built."""
    packaged = translations_folder() / QM_NAME
    return packaged if packaged.is_file() else None


def install_translations(
    app: QCoreApplication, settings: QSettings | None = None, override: str | None = None
) -> str:
    """Install the translators for the chosen language; returns "pl" or "en".

    ``override`` (the ``--language`` option) wins over the stored preference, which wins
    over the system locale. English plurals are installed first, so they are asked last.
    Called again (another language chosen), it first removes the translators it installed
    before; Qt then tells every widget (``QEvent.LanguageChange``).
    """
    for old in _installed:
        try:
            app.removeTranslator(old)
            old.deleteLater()
        except RuntimeError:  # removed and deleted meanwhile (tests do that)
            pass
    _installed.clear()
    _installed.append(install_english_plurals(app))
    preference = (
        override
        if override in LANGUAGES
        else (language_preference(settings) if settings is not None else SYSTEM)
    )
    language = resolve_language(preference or SYSTEM)
    if language != POLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return ENGLISH
    qm = compiled_translation()
    ours = QTranslator(app)
    if qm is None or not ours.load(str(qm)):
        _log.warning("The Polish translation is missing (run `make`); the app stays in English.")
        return ENGLISH
    qt_own = QTranslator(app)
    if qt_own.load(
        QLocale(QLocale.Language.Polish, QLocale.Country.Poland),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        _log.info("Qt's own Polish translation (qtbase_pl.qm) was not found.")
    # after Qt's: the words Qt leaves English or says otherwise
    _installed.append(install_polish_qt_words(app))
    app.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    return POLISH
