"""ui/window/work_area.py: the recipient list beside the composer (editor | preview), the
Problems and Statuses docks below them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from usosmail_gui.ui.main_window import MainWindow


def left_of(first: QWidget, second: QWidget, window: MainWindow) -> bool:
    a = first.mapTo(window, QPoint(0, 0))
    b = second.mapTo(window, QPoint(0, 0))
    return a.x() + first.width() <= b.x()


def test_grid_editor_and_preview_side_by_side_with_docks_below(window: MainWindow) -> None:
    composer = window.composer
    assert window.splitter.orientation() == Qt.Orientation.Horizontal
    assert window.composer_splitter.orientation() == Qt.Orientation.Horizontal
    assert [window.splitter.widget(i) for i in range(window.splitter.count())] == [
        window.recipient_pane,
        composer,
    ]
    assert window.composer_splitter.widget(0) is composer.editor
    assert window.composer_splitter.widget(1) is composer.preview
    for widget in (window.recipient_pane, composer.editor, composer.preview):
        assert widget.isVisible() and widget.width() > 100
    assert left_of(window.recipient_pane, composer.editor, window)
    assert left_of(composer.editor, composer.preview, window)
    dock = window.problems_dock
    assert dock.objectName() == "problemsDock" and dock.windowTitle() == "Problems"
    assert dock.widget() is composer.problems and composer.problems.isVisible()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.dockWidgetArea(window.status_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.status_dock.objectName() == "statusDock"
    top_of_dock = dock.mapTo(window, QPoint(0, 0)).y()
    assert composer.editor.mapTo(window, QPoint(0, 0)).y() + composer.editor.height() <= top_of_dock
    window.statuses.show_campaign("no-such-campaign", track=False)
    assert window.status_dock.isVisible() and dock.isVisible()
