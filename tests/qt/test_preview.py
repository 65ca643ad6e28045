"""The preview pane (``ui.preview``): byte for byte what str.format makes, previous/next, it
follows typing (through ``ui.throttle``, tested in test_throttle.py), a broken template
shown in pieces, and HTML that never fetches anything."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.composer import BAD_ADDRESS_ROW, STUDENTS, make_composer, settle, students
from usosmail_gui.core.template import ContentFormat, MessageTemplate
from usosmail_gui.ui.preview import SafeTextBrowser

LETTER = MessageTemplate(
    subject="Decyzja stypendialna – {Imię} {Nazwisko} ({Nr albumu})",
    content=(
        "Szanowna Pani / Szanowny Panie {Imię} {Nazwisko},\n\n"
        "  uprzejmie informujemy, że wniosek (kierunek {Kierunek}, rok {Rok})\n"
        "\tzostał rozpatrzony.   Zażółć gęślą jaźń — „cudzysłów” i {{nawiasy}}.\n\n"
        "Z poważaniem\nDziekanat\n"
    ),
)


def test_preview_is_str_format_byte_for_byte(qtbot: QtBot) -> None:
    table = students()
    composer = make_composer(qtbot, table, LETTER)
    for row in (0, 2):  # Anna; Zofia Żółć
        composer.set_current_row(row)
        settle(qtbot, composer)
        params = table.params(row)
        expected_subject = LETTER.subject.format(**params)
        expected_content = LETTER.content.format(**params)
        assert composer.preview.subject_text() == expected_subject
        assert composer.preview.content_text() == expected_content
        assert composer.preview.content_text().encode() == expected_content.encode()
        message = composer.preview.message
        assert message is not None
        assert (message.subject, message.content) == (expected_subject, expected_content)
        assert composer.preview.to_label.text() == STUDENTS[row][3]
    assert "Żółć" in composer.preview.subject_text()
    assert not composer.preview.notice_label.isVisibleTo(composer.preview)


def test_preview_follows_typing_through_the_throttle(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, students(), MessageTemplate(subject="S", content="Dzień dobry {Imię}"))
    edit = composer.editor.content_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.setFocus()
    throttle = composer.preview_throttle
    # after a quiet spell the first key renders at once…
    qtbot.waitUntil(lambda: throttle.idle, timeout=2000)
    QTest.keyClicks(edit, "!")
    assert composer.preview.content_text() == "Dzień dobry Anna!"
    # …keys right after it are folded into one preview, shown when the interval is over
    throttle.set_delay(60_000)  # "right after", however slow this machine is
    QTest.keyClicks(edit, "?x")
    assert composer.preview_pending
    assert composer.preview.content_text() == "Dzień dobry Anna!"
    throttle.set_delay(composer.PREVIEW_DELAY_MS)
    composer.flush_preview()
    assert composer.preview.content_text() == "Dzień dobry Anna!?x"


def test_previous_and_next_walk_the_grid_order(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, students(), MessageTemplate(subject="S", content="{Imię}"))
    pane = composer.preview
    composer.set_current_row(1)
    settle(qtbot, composer)
    with qtbot.waitSignal(composer.rowActivated) as blocker:
        pane.next_button.click()
    assert blocker.args == [2]
    assert pane.content_text() == "Zofia"
    assert "Recipient 3 of 5" in pane.position_label.text()
    # the grid sorted and searched: rows 4, 2, 0 in that order
    composer.set_row_order([4, 2, 0])
    settle(qtbot, composer)
    with qtbot.waitSignal(composer.rowActivated) as blocker:
        pane.next_button.click()
    assert blocker.args == [0]
    assert pane.content_text() == "Anna"
    assert not pane.next_button.isEnabled()
    pane.previous_button.click()
    pane.previous_button.click()
    assert composer.current_row() == 4
    assert pane.content_text() == "Ewa"
    assert not pane.previous_button.isEnabled()
    # row 4's address is invalid: nobody receives this message
    assert composer.current_row() == BAD_ADDRESS_ROW
    assert pane.to_label.text().startswith("nobody")


def test_broken_template_is_shown_in_pieces_and_said_not_sendable(qtbot: QtBot) -> None:
    template = MessageTemplate(
        subject="Hej {Imię}", content="Dzień dobry {Imię}, {Nazwiskoo} i {niedomknięte"
    )
    composer = make_composer(qtbot, students(), template)
    pane = composer.preview
    assert pane.message is None
    assert pane.notice_label.isVisibleTo(pane)
    assert pane.notice_label.text().startswith("This message cannot be sent")
    assert pane.content_text() == "Dzień dobry Anna, {Nazwiskoo} i {niedomknięte"
    # the broken places carry a mark, the filled-in name does not
    cursor = QTextCursor(pane.plain_view.document())
    cursor.setPosition(len("Dzień dobry Anna, {N"))
    assert cursor.charFormat().underlineStyle() == cursor.charFormat().UnderlineStyle.WaveUnderline
    cursor.setPosition(len("Dzień dobry An"))
    assert cursor.charFormat().underlineStyle() == cursor.charFormat().UnderlineStyle.NoUnderline
    assert composer.editor.content_counter.length is None
    # without a list, placeholders are shown as written, not as errors
    composer.set_table(None)
    composer.set_template(MessageTemplate(subject="S", content="Dzień dobry {Imię}"))
    settle(qtbot, composer)
    assert pane.content_text() == "Dzień dobry {Imię}"
    assert pane.notice_label.text().startswith("No recipient list is open")
    assert pane.to_label.text() == "(no recipient list is open)"


# --- HTML: nothing is fetched -----------------------------------------------------------


@pytest.fixture
def listening_socket() -> Iterator[socket.socket]:
    """A socket on 127.0.0.1 that would accept any connection made to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def nobody_connected(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


def test_html_preview_makes_no_network_request(
    qtbot: QtBot, listening_socket: socket.socket, tmp_path: Path
) -> None:
    port = listening_socket.getsockname()[1]
    secret = tmp_path / "local.png"
    red = QImage(20, 20, QImage.Format.Format_ARGB32)
    red.fill(QColor("red"))
    red.save(str(secret))
    content = (
        "<html><head><style>p {{ color: #222 }}</style>"
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css"></head><body>'
        f'<p>Dzień dobry {{Imię}}</p><img src="http://127.0.0.1:{port}/track.png?who={{Nr albumu}}">'
        f'<p style="background-image: url(http://127.0.0.1:{port}/bg.png)">x</p>'
        f'<img src="{secret.as_uri()}"><a href="http://127.0.0.1:{port}/link">link</a>'
        "</body></html>"
    )
    template = MessageTemplate(subject="S", content=content, content_format=ContentFormat.HTML)
    composer = make_composer(qtbot, students(), template)
    view = composer.preview.html_view
    assert composer.preview.stack.currentWidget() is view
    assert "Dzień dobry Anna" in view.toPlainText()
    qtbot.waitUntil(lambda: any("track.png?who=100001" in url for url in view.blocked))
    assert any(url.endswith("/bg.png") for url in view.blocked)
    assert nobody_connected(listening_socket)
    # a local file is not read either (QTextDocument would, for a null answer)
    image = view.document().resource(QTextDocument.ResourceType.ImageResource.value, secret.as_uri())
    assert isinstance(image, QImage) and image.size().width() == 1
    # links are never followed by the view itself
    assert not view.openLinks() and not view.openExternalLinks()
    # the exact HTML sent is one click away
    composer.preview.source_check.setChecked(True)
    assert composer.preview.content_text() == content.format(**students().params(0))


def test_safe_browser_decodes_data_urls_itself(qtbot: QtBot) -> None:
    view = SafeTextBrowser()
    qtbot.addWidget(view)
    png = QImage(3, 2, QImage.Format.Format_ARGB32)
    png.fill(QColor("blue"))
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    png.save(buffer, "PNG")
    url = "data:image/png;base64," + bytes(data.toBase64().data()).decode()
    image = view.loadResource(QTextDocument.ResourceType.ImageResource.value, url)
    assert isinstance(image, QImage) and (image.width(), image.height()) == (3, 2)
    assert view.blocked == []
    style = view.loadResource(
        QTextDocument.ResourceType.StyleSheetResource.value, "data:text/css,p%7Bcolor:red%7D"
    )
    assert style == "p{color:red}"
    assert (
        view.loadResource(QTextDocument.ResourceType.StyleSheetResource.value, "https://example.org/a.css")
        == " "
    )
    assert view.blocked == ["https://example.org/a.css"]


def test_plain_preview_keeps_its_scroll_while_typing(qtbot: QtBot) -> None:
    content = "\n".join(f"Linia {i} dla {{Imię}}" for i in range(300))
    composer = make_composer(qtbot, students(), MessageTemplate(subject="S", content=content))
    view = composer.preview.plain_view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    edit = composer.editor.content_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.setFocus()
    QTest.keyClicks(edit, "x")
    settle(qtbot, composer)
    assert composer.preview.content_text().endswith("Linia 299 dla Annax")
    assert view.verticalScrollBar().value() == scrolled  # one edit, not a new document
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    settle(qtbot, composer)
    assert composer.preview.content_text() == content.format(Imię="Anna")
