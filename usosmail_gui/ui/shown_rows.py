"""Which rows of a recipient list the grid shows, and in what order: the search text and
the sort the user chose, applied by the core's table on its data (``RecipientTable.view``),
and where each table row is shown. ``RecipientTableModel`` (``recipients_model``) holds
one and tells the view when it changes (a layout change that keeps the selection on its
rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt

from usosmail_gui.core.recipients import RecipientTable, RowKey

__all__ = ["ShownRows"]


class ShownRows:
    """The shown rows (table row indices in view order), the search and the sort.

    ``sort_column`` is a model column (-1: the spreadsheet's own order); the model turns
    it into the table's sort key. Positions are view rows; everything else speaks in
    table row indices.
    """

    __slots__ = ("_positions", "order", "search", "sort_column", "sort_order")

    def __init__(self) -> None:
        self.order: list[int] = []
        self.search = ""
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._positions: list[int] | None = None  # table row -> view position (-1 hidden)

    def show(self, order: list[int]) -> None:
        """Show these table rows, in this order."""
        self.order = order
        self._positions = None

    def unsorted(self) -> None:
        """Back to the spreadsheet's own order (the rows shown change with ``show``)."""
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def computed(self, table: RecipientTable, sort_key: int | RowKey | None) -> list[int]:
        """The rows ``table`` shows for the search, sorted by ``sort_key`` in the order chosen."""
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        return table.view(self.search, sort_key, descending)

    def table_row(self, position: int) -> int:
        """The table row index shown at this view position (-1 when out of range)."""
        return self.order[position] if 0 <= position < len(self.order) else -1

    def positions(self, row_count: int) -> Sequence[int]:
        """Each of the table's ``row_count`` rows' view position (-1: hidden by the search)."""
        positions = self._positions
        if positions is None:
            positions = [-1] * row_count
            for position, row in enumerate(self.order):
                positions[row] = position
            self._positions = positions
        return positions

    def positions_of(self, table: RecipientTable, numbers: Iterable[int]) -> list[int]:
        """The view positions of the rows with these spreadsheet row ``numbers`` that are
        shown, in order."""
        positions = self.positions(table.row_count)
        found = []
        for number in numbers:
            row = table.row_index(number)
            if row is not None and positions[row] >= 0:
                found.append(positions[row])
        found.sort()
        return found
