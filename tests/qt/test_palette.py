"""The app's own colours follow the palette: readable (WCAG 2 contrast) in a light and in
a dark palette, updated when the palette changes at run time, and icons sharp at 2x.

Contrast is computed here from the WCAG formula, not with the app's ``colours`` module,
so a mistake there cannot hide itself. Every test restores the application palette.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.composer import students
from usosmail_gui.core.problems import Severity
from usosmail_gui.core.statuses import RecipientStatusView, Status
from usosmail_gui.ui.colours import Tone, text_style
from usosmail_gui.ui.highlighter import Mark
from usosmail_gui.ui.preview import PreviewPane, Shown, piece_formats
from usosmail_gui.ui.problems_panel import ProblemsModel
from usosmail_gui.ui.recipients_model import COLUMN_INCLUDE, FIRST_DATA_COLUMN, RecipientTableModel
from usosmail_gui.ui.recipients_view import RecipientPane
from usosmail_gui.ui.resume_dialog import ResumeDialog
from usosmail_gui.ui.status_display import ICONS
from usosmail_gui.ui.status_dock import StatusDock
from usosmail_gui.ui.status_table import StatusTableModel
from usosmail_gui.ui.template_editor import TemplateEditor

TEXT = 4.5  # WCAG AA, text
GRAPHIC = 3.0  # WCAG AA, underlines and borders
Role = QPalette.ColorRole
Group = QPalette.ColorGroup
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole


def luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def make_palette(window: str, base: str, alternate: str, text: str, disabled: str) -> QPalette:
    palette = QPalette()
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        for role, colour in (
            (Role.Window, window),
            (Role.Button, window),
            (Role.Base, base),
            (Role.AlternateBase, alternate),
            (Role.ToolTipBase, base),
            (Role.WindowText, text),
            (Role.ButtonText, text),
            (Role.Text, text),
            (Role.ToolTipText, text),
            (Role.PlaceholderText, disabled),
            (Role.Highlight, "#3584e4"),
            (Role.HighlightedText, "#ffffff"),
        ):
            palette.setColor(group, role, QColor(colour))
        palette.setColor(Group.Disabled, Role.Text, QColor(disabled))
        palette.setColor(Group.Disabled, Role.WindowText, QColor(disabled))
    return palette


DARK = make_palette("#2d2d2d", "#1e1e1e", "#262626", "#eeeeee", "#7a7a7a")
LIGHT = make_palette("#efefef", "#ffffff", "#f7f7f7", "#000000", "#a0a0a0")
PALETTES = {"light": LIGHT, "dark": DARK}


@pytest.fixture
def use_palette(qapp: QApplication) -> Iterator[Callable[[QPalette], None]]:
    """Sets the application palette; the original one comes back after the test."""
    original = QPalette(qapp.palette())
    yield QApplication.setPalette
    QApplication.setPalette(original)


def same_palette(widget: QWidget, palette: QPalette) -> bool:
    """Qt delivers an application palette change to widgets through posted events."""
    return widget.palette().color(Role.Base) == palette.color(Role.Base)


def style_colours(widget: QLabel) -> dict[str, QColor]:
    """The colours a style sheet names: ``{"color": …, "background": …, "border": …}``."""
    found = re.findall(r"(color|background|border):[^;#]*(#[0-9a-fA-F]{6})", widget.styleSheet())
    return {name: QColor(value) for name, value in found}


def backgrounds(palette: QPalette, *roles: QPalette.ColorRole) -> list[QColor]:
    return [palette.color(role) for role in roles]


def assert_readable(colour: QColor, on: list[QColor], minimum: float, what: str) -> None:
    for background in on:
        assert ratio(colour, background) >= minimum, (
            f"{what}: {colour.name()} on {background.name()} is {ratio(colour, background):.2f}:1"
        )


def editor_with_marks(qtbot: QtBot) -> TemplateEditor:
    editor = TemplateEditor()
    qtbot.addWidget(editor)
    editor.set_columns(students().columns)
    editor.content_edit.setPlainText("Dzień dobry {Imię}, {Imie}. {{nawias}}")
    return editor


def char_format_at(editor: TemplateEditor, text: str, inside: str) -> tuple[QColor, QColor]:
    """(foreground, underline colour) of the highlighted text at ``inside``."""
    block = editor.content_edit.document().firstBlock()
    column = text.index(inside) + 1
    for item in block.layout().formats():
        if item.start <= column < item.start + item.length:
            return item.format.foreground().color(), item.format.underlineColor()
    raise AssertionError(f"{inside!r} is not highlighted")


def grid_model(palette: QPalette) -> RecipientTableModel:
    """The grid's model with an excluded row, an edited cell and a status per row."""
    rows = [["Ewa", "Nowak", "1", f"s{i}@uni.example.edu.pl", "Fizyka", "1"] for i in range(len(Status))]
    table = students(rows)  # a row per status, however many there are
    model = RecipientTableModel()
    model.set_table(table)
    model.setData(model.index(0, COLUMN_INCLUDE), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(1, FIRST_DATA_COLUMN), "Edyta", Qt.ItemDataRole.EditRole)
    model.set_statuses({table.row_number(i): view for i, view in enumerate(status_views())})
    model.set_palette(palette)
    return model


def status_views() -> list[RecipientStatusView]:
    return [
        RecipientStatusView(i + 2, (f"s{i}@uni.example.edu.pl",), {}, None, status, None, None, None)
        for i, status in enumerate(Status)
    ]


def brush_colour(value: object) -> QColor:
    assert isinstance(value, QBrush), value
    return value.color()


# --- readable in a light and in a dark palette -------------------------------------------------


@pytest.mark.parametrize("name", list(PALETTES))
def test_highlighter_marks_are_readable(
    qtbot: QtBot, use_palette: Callable[[QPalette], None], name: str
) -> None:
    palette = PALETTES[name]
    use_palette(palette)
    editor = editor_with_marks(qtbot)
    base = backgrounds(editor.content_edit.palette(), Role.Base)
    assert base == [palette.color(Role.Base)]
    text = editor.content_edit.text()
    for inside, what in (
        ("{Imię}", "known placeholder"),
        ("{Imie}", "unknown placeholder"),
        ("{{", "escape"),
    ):
        foreground, _ = char_format_at(editor, text, inside)
        assert_readable(foreground, base, TEXT, what)
    highlighter = editor.content_highlighter
    for marks in (Mark.KNOWN, Mark.UNKNOWN, Mark.ESCAPE):
        assert_readable(highlighter.format_for(marks).foreground().color(), base, TEXT, str(marks))
    for marks in (Mark.ERROR, Mark.WARNING, Mark.UNKNOWN | Mark.ERROR):
        assert_readable(highlighter.format_for(marks).underlineColor(), base, GRAPHIC, f"{marks} underline")


@pytest.mark.parametrize("name", list(PALETTES))
def test_grid_and_status_colours_are_readable(name: str, use_palette: Callable[[QPalette], None]) -> None:
    palette = PALETTES[name]
    use_palette(palette)
    rows = backgrounds(palette, Role.Base, Role.AlternateBase)  # the grid alternates row colours
    model = grid_model(palette)
    excluded = brush_colour(model.index(0, FIRST_DATA_COLUMN).data(FOREGROUND))
    assert_readable(excluded, rows, TEXT, "excluded row")
    assert excluded != palette.color(Role.Text)  # still told apart from the included rows
    edited = brush_colour(model.index(1, FIRST_DATA_COLUMN).data(BACKGROUND))
    assert_readable(palette.color(Role.Text), [edited], TEXT, "text on an edited cell")
    status_column = model.status_column()
    for row, status in enumerate(Status):
        colour = brush_colour(model.index(row, status_column).data(FOREGROUND))
        assert_readable(colour, rows, TEXT, f"grid status {status.value}")

    dock_model = StatusTableModel()
    dock_model.set_views(status_views())
    for row, status in enumerate(Status):
        colour = brush_colour(dock_model.index(row, StatusTableModel.STATUS).data(FOREGROUND))
        assert_readable(colour, rows, TEXT, f"status dock {status.value}")


@pytest.mark.parametrize("name", list(PALETTES))
def test_preview_counters_and_problem_labels_are_readable(
    qtbot: QtBot, use_palette: Callable[[QPalette], None], name: str
) -> None:
    palette = PALETTES[name]
    use_palette(palette)
    text = palette.color(Role.Text)
    formats = piece_formats(palette)
    for shown in (Shown.MISSING, Shown.BROKEN):
        assert_readable(text, [formats[shown].background().color()], TEXT, f"text marked {shown.value}")
    broken = formats[Shown.BROKEN]
    assert_readable(broken.underlineColor(), [broken.background().color()], GRAPHIC, "broken underline")

    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_pieces([("Dla ", Shown.TEXT), ("{Imię}", Shown.MISSING)], [], "No recipient list is open.")
    notice = style_colours(pane.notice_label)
    assert set(notice) == {"color", "background", "border"}
    assert_readable(notice["color"], [notice["background"]], TEXT, "preview notice")
    assert_readable(
        notice["border"], [notice["background"], palette.color(Role.Window)], GRAPHIC, "notice border"
    )

    editor = TemplateEditor()
    qtbot.addWidget(editor)
    editor.subject_counter.set_length(250)
    counter = style_colours(editor.subject_counter)["color"]
    assert_readable(counter, backgrounds(palette, Role.Window, Role.Base), TEXT, "counter over the limit")

    dialog = ResumeDialog([])
    qtbot.addWidget(dialog)
    label = style_colours(dialog.problem_label)["color"]
    assert_readable(label, backgrounds(palette, Role.Window, Role.Base), TEXT, "resume problem")
    for tone in Tone:  # the send dialog's problem line and any other label text
        colour = QColor(re.findall(r"#[0-9a-f]{6}", text_style(tone, palette))[0])
        assert_readable(colour, backgrounds(palette, Role.Window, Role.Base), TEXT, f"label in {tone.name}")


# --- switching at run time -----------------------------------------------------------------------


def test_switching_the_palette_restyles_the_live_widgets(
    qtbot: QtBot, use_palette: Callable[[QPalette], None]
) -> None:
    """The same widgets (nothing rebuilt) take the dark colours once the palette changes,
    and the light ones again when it changes back."""
    use_palette(LIGHT)
    editor = editor_with_marks(qtbot)
    text = editor.content_edit.text()
    editor.subject_counter.set_length(250)
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_pieces([("Dla ", Shown.TEXT), ("{Imię}", Shown.BROKEN)], [], "Cannot be sent.")
    resume = ResumeDialog([])
    qtbot.addWidget(resume)
    grid = RecipientPane()
    qtbot.addWidget(grid)
    table = students([["Ewa", "Nowak", "1", f"s{i}@uni.example.edu.pl", "Fizyka", "1"] for i in range(3)])
    grid.set_table(table)
    failed_view = RecipientStatusView(
        table.row_number(0), ("s0@uni.example.edu.pl",), {}, "m1", Status.FAILED, "no such mail", None, None
    )
    grid.model.set_statuses({table.row_number(0): failed_view})
    dock = StatusDock()
    qtbot.addWidget(dock)
    dock.model.set_views(status_views())
    failed = list(Status).index(Status.FAILED)
    for widget in (editor, pane, resume, grid, dock):
        widget.show()

    def colours() -> dict[str, QColor]:
        cursor = QTextCursor(pane.subject_view.document())
        cursor.setPosition(len("Dla ") + 2)
        return {
            "known": char_format_at(editor, text, "{Imię}")[0],
            "unknown underline": char_format_at(editor, text, "{Imie}")[1],
            "counter": style_colours(editor.subject_counter)["color"],
            "notice": style_colours(pane.notice_label)["background"],
            "broken piece": cursor.charFormat().background().color(),
            "resume problem": style_colours(resume.problem_label)["color"],
            "grid status": brush_colour(grid.model.index(0, grid.model.status_column()).data(FOREGROUND)),
            "dock failed": brush_colour(dock.model.index(failed, StatusTableModel.STATUS).data(FOREGROUND)),
        }

    light = colours()
    changed: list[QModelIndex] = []
    grid.model.dataChanged.connect(lambda top_left, _bottom_right, _roles: changed.append(top_left))

    use_palette(DARK)
    qtbot.waitUntil(
        lambda: all(same_palette(w, DARK) for w in (editor.content_edit, pane, grid, dock, resume))
    )
    dark = colours()
    dark_base = DARK.color(Role.Base)
    for what, colour in dark.items():  # (the red underline is readable on both as it is)
        assert colour != light[what] or what == "unknown underline", f"{what} kept its light colour"
    for what in ("known", "counter", "resume problem", "grid status", "dock failed"):
        assert_readable(dark[what], [dark_base], TEXT, what)
    assert_readable(dark["unknown underline"], [dark_base], GRAPHIC, "unknown underline")
    assert_readable(DARK.color(Role.Text), [dark["broken piece"], dark["notice"]], TEXT, "text on marks")
    assert changed, "the grid was not repainted"

    use_palette(LIGHT)
    qtbot.waitUntil(
        lambda: all(same_palette(w, LIGHT) for w in (editor.content_edit, pane, grid, dock, resume))
    )
    assert colours() == light


# --- high DPI --------------------------------------------------------------------------------------


def test_icons_are_drawn_at_the_screens_pixel_ratio(qapp: QApplication) -> None:
    """The problems' and statuses' icons come from the style in several sizes, so at 2x a
    16 px icon is a 32 px pixmap of its own, not a 1x one scaled up."""
    icons = [ProblemsModel().icon_for(severity) for severity in Severity]
    icons += [qapp.style().standardIcon(pixmap) for pixmap in ICONS.values()]
    for icon in icons:
        assert max(size.width() for size in icon.availableSizes()) >= 32
        pixmap = icon.pixmap(QSize(16, 16), 2.0)
        assert pixmap.devicePixelRatio() == 2.0 and pixmap.size() == QSize(32, 32)
