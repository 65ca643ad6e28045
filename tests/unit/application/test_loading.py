"""application/loading.py: a list loaded step by step, ready to be searched at once."""

from __future__ import annotations

from pathlib import Path

from usosmail_gui.application.loading import LoadRequest, is_spreadsheet_path, load_job
from usosmail_gui.core.recipients import LoadProgress


def test_a_csv_is_loaded_with_progress_and_its_email_column_found(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    rows = ["Imię;E-mail", "Anna;anna@student.example.edu.pl", "Jan;jan@student.example.edu.pl"]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    steps = load_job(LoadRequest(path))
    progress: list[LoadProgress] = []
    while True:
        try:
            progress.append(next(steps))
        except StopIteration as done:
            table = done.value
            break
    assert progress and table.row_count == 2
    assert table.email_column is not None and table.columns[table.email_column].name == "E-mail"


def test_the_name_says_whether_the_loader_reads_it() -> None:
    assert is_spreadsheet_path(Path("Lista.XLSX")) and is_spreadsheet_path(Path("a.ods"))
    assert not is_spreadsheet_path(Path("notes.docx"))
