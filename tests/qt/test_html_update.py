"""The HTML preview changed in place is exactly what setHtml shows: random keystrokes into
an HTML letter (text, tags, entities, spaces, deletions), each compared with a fresh
SafeTextBrowser given the new HTML."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from usosmail_gui.ui.html_update import update_html
from usosmail_gui.ui.preview import SafeTextBrowser

LETTER = (
    "<html><head><style>p { margin: 4px; }</style></head><body>"
    "<p>Szanowna Pani <b>Anno</b>,</p>\n<p>uprzejmie informujemy, że decyzja w sprawie "
    "stypendium jest <i>pozytywna</i> &amp; ostateczna.</p>\n<ul><li>termin: 17.06.2024</li></ul>"
    '<p style="color:#800">Z poważaniem<br>Dziekanat</p><table><tr><td>a</td></tr></table>'
    "<!-- uwaga --><p>Koniec.</p></body></html>"
)
KEYS = st.sampled_from(["a", "ż", " ", "\n", "<", ">", "&", "<b>", "</b>", "&amp;", "x y", ""])


def shown(qtbot: QtBot, html: str) -> SafeTextBrowser:
    view = SafeTextBrowser()
    qtbot.addWidget(view)
    view.setHtml(html)
    return view


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(LETTER)), st.integers(0, 3), KEYS), min_size=1, max_size=6))
def test_in_place_equals_set_html(qtbot: QtBot, edits: list[tuple[int, int, str]]) -> None:
    view = shown(qtbot, LETTER)
    html = LETTER
    for at, removed, typed in edits:
        at = min(at, len(html))
        new = html[:at] + typed + html[at + removed :]
        if not update_html(view.document(), html, new):
            view.setHtml(new)
        html = new
        fresh = shown(qtbot, new)
        assert view.document().toHtml() == fresh.document().toHtml()
        assert view.toPlainText() == fresh.toPlainText()


def test_typing_in_a_paragraph_is_done_in_place(qtbot: QtBot) -> None:
    view = shown(qtbot, LETTER)
    at = LETTER.index("uprzejmie") + 3
    new = LETTER[:at] + "ż" + LETTER[at:]
    assert update_html(view.document(), LETTER, new)
    assert "uprżzejmie" in view.toPlainText()
    assert view.document().toHtml() == shown(qtbot, new).document().toHtml()


def test_typing_a_word_anywhere_in_the_text_is_done_in_place(qtbot: QtBot) -> None:
    view = shown(qtbot, LETTER)
    html = LETTER
    for where in ("Pani", "Anno", "informujemy", "pozytywna", "termin", "Dziekanat", ">a<", "Koniec"):
        at = html.index(where) + 1
        for letter in "słowo ":
            new = html[:at] + letter + html[at:]
            at += 1
            assert update_html(view.document(), html, new), (where, letter)
            html = new
            assert view.document().toHtml() == shown(qtbot, new).document().toHtml()


def test_markup_and_hidden_text_go_through_set_html(qtbot: QtBot) -> None:
    view = shown(qtbot, LETTER)
    for where, typed in (("Anno", "<b>"), ("Anno", "&lt;"), ("margin", "x"), ("uwaga", "y"), ("#800", "0")):
        at = LETTER.index(where) + 1
        assert not update_html(view.document(), LETTER, LETTER[:at] + typed + LETTER[at:])
    assert update_html(view.document(), LETTER, LETTER)  # nothing changed: nothing to do
