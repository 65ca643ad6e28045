"""Help ▸ User Guide: the user guide (``docs/user-guide.<language>.md``) shown inside the
app, offline. The build ships the guides and the troubleshooting page with the package
(``installer/package_data.py`` → ``resources/guide``); a checkout that was not built
shows the repository's ``docs``. Links between the shipped pages open in the window; a
web link opens in the browser only when the user clicks it. Nothing is fetched: Qt's
text browser reads local files only."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

__all__ = ["UserGuideWindow", "guide_path", "window_language"]

WEB_SCHEMES = frozenset(("http", "https", "mailto"))


def _folders() -> list[Path]:
    shipped = Path(str(resources.files("usosmail_gui").joinpath("resources/guide")))
    return [shipped, Path(__file__).resolve().parents[2] / "docs"]


def guide_path(language: str) -> Path | None:
    """The guide in ``language`` ("pl", "en"): the package's, else the repository's."""
    name = f"user-guide.{'pl' if language == 'pl' else 'en'}.md"
    for folder in _folders():
        if (folder / name).is_file():
            return folder / name
    return None


def window_language() -> str:
    """The language the window speaks (``i18n.install_translations`` sets the locale)."""
    return "pl" if QLocale().language() == QLocale.Language.Polish else "en"


class UserGuideWindow(QDialog):
    """The guide, rendered from its Markdown, with Close."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideWindow")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenLinks(False)  # every link passes open_link
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self.open_link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth()
        self.resize(width * 100, self.fontMetrics().height() * 40)
        self.show_page(QUrl.fromLocalFile(str(path)))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User Guide"))
        self.browser.setAccessibleName(self.tr("User Guide"))

    def changeEvent(self, event: QEvent) -> None:
        """Another language: the titles, and the guide written in it (if this is a guide)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            shown = self.browser.source().fileName()
            path = guide_path(window_language())
            if shown.startswith("user-guide.") and path is not None and path.name != shown:
                self.show_page(QUrl.fromLocalFile(str(path)))

    def show_page(self, url: QUrl) -> None:
        self.browser.setSource(url, QTextDocument.ResourceType.MarkdownResource)

    def open_link(self, url: QUrl) -> None:
        """A link of the page: a shipped page opens here, a web link in the browser."""
        if url.scheme() in WEB_SCHEMES:
            QDesktopServices.openUrl(url)
            return
        if url.isRelative() and not url.path():  # "#section" of this page
            self.browser.scrollToAnchor(url.fragment())
            return
        target = self.browser.source().resolved(url)
        if target.isLocalFile() and Path(target.toLocalFile()).is_file():
            self.show_page(target)
