"""Every bad input is one SpreadsheetError whose text says what happened and what to do."""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core.recipients import MAX_ROWS, SpreadsheetError, list_sheets, load

Make = Callable[..., Path]
HEADER = ["Imię", "E-mail"]


def refused(path: Path, reason: str, *words: str, **options: object) -> SpreadsheetError:
    with pytest.raises(SpreadsheetError) as caught:
        load(path, **options)  # type: ignore[arg-type]
    error = caught.value
    assert error.reason == reason, str(error)
    text = str(error)
    for word in words:
        assert word in text
    assert "Traceback" not in text and "Error(" not in text
    assert text[0].isupper() or text[0].isdigit() or text.startswith(path.name[:1])
    return error


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.csv", "empty.ods"])
def test_an_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    refused(path, "empty", "is empty", "right file")


def test_a_file_of_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("\n \n\t \n\r\n\n", encoding="utf-8")
    refused(path, "empty", "only blank lines")


def test_a_workbook_whose_sheets_are_all_empty(xlsx: Make) -> None:
    refused(xlsx([], sheet="A", after=[("B", [])]), "empty", "every sheet is empty")


def test_only_a_header_in_a_workbook(xlsx: Make) -> None:
    refused(xlsx([["Lista"], None, HEADER]), "only_header", "(row 3) but no rows", "nobody to write to")


def test_only_a_header_in_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("Imię;E-mail\n\n", encoding="utf-8")
    refused(path, "only_header", "no rows")


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("report.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
        ("photo.xls", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a picture"),
    ],
)
def test_not_a_spreadsheet(tmp_path: Path, name: str, content: bytes, what: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    refused(path, "not_spreadsheet", what, ".xlsx, .xls, .ods or .csv")


def test_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    refused(path, "not_spreadsheet", "a Word document")


def test_a_web_page_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "usos_export.xls"
    path.write_text("<html><body><table><tr><td>a@example.com</td></tr></table></body></html>", "utf-8")
    refused(path, "html", "web page", "save it as .xlsx or .csv")


def test_a_truncated_xlsx(xlsx: Make) -> None:
    whole = xlsx([HEADER, ["Jan", "jan@student.example.edu.pl"]] * 50)
    cut = whole.with_name("cut.xlsx")
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    refused(cut, "damaged", "damaged", "Get the file again")


def test_an_xlsx_with_a_corrupt_member(xlsx: Make, tmp_path: Path) -> None:
    good = xlsx([HEADER, ["Jan", "jan@student.example.edu.pl"]])
    bad = tmp_path / "corrupt.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 3]  # XML cut in the middle
            target.writestr(item, data)
    refused(bad, "damaged", "damaged")


def test_a_password_protected_workbook() -> None:
    refused(RECIPIENT_FIXTURES / "encrypted.xlsx", "password", "password")


def test_a_password_protected_workbook_renamed_to_csv(tmp_path: Path) -> None:
    # an OLE2 container holding "EncryptedPackage": recognised by content, not by name
    path = tmp_path / "lista.csv"
    shutil.copyfile(RECIPIENT_FIXTURES / "encrypted.xlsx", path)
    refused(path, "password", "password")


def test_a_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes(bytes(range(256)) * 40)
    refused(path, "binary", "binary data")


def test_a_missing_file(tmp_path: Path) -> None:
    error = refused(tmp_path / "gone.xlsx", "missing", "gone.xlsx does not exist", "Choose the file again")
    assert error.path == tmp_path / "gone.xlsx"


def test_a_folder(tmp_path: Path) -> None:
    refused(tmp_path, "directory", "is a folder")


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading the file",
)
def test_an_unreadable_file(xlsx: Make) -> None:
    path = xlsx([HEADER, ["Jan", "jan@student.example.edu.pl"]])
    path.chmod(0)
    try:
        refused(path, "permission", "not allowed to read")
    finally:
        path.chmod(0o600)


def test_an_unreadable_file_even_as_root(xlsx: Make, monkeypatch: pytest.MonkeyPatch) -> None:
    # the same refusal as above, made by the operating system on any account
    path = xlsx([HEADER, ["Jan", "jan@student.example.edu.pl"]])
    real_open = Path.open

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", denied)
    refused(path, "permission", "not allowed to read", "copy it")


def test_more_than_200000_rows_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "all.csv"
    lines = ["E-mail"] + [f"s{i}@student.example.edu.pl" for i in range(MAX_ROWS + 1)]
    path.write_text("\n".join(lines), encoding="utf-8")
    refused(path, "too_many_rows", "more than 200,000 rows", "Split the list")


def test_a_text_file_far_too_big_is_refused_before_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from usosmail_gui.core.recipients import text_source

    path = tmp_path / "dump.csv"
    path.write_text("E-mail\n" + "a@example.com\n" * 100, encoding="utf-8")
    monkeypatch.setattr(text_source, "_MAX_TEXT_BYTES", 1000)
    refused(path, "too_big", "far more than a list")


def test_the_row_limit_counts_data_rows_only(xlsx: Make) -> None:
    rows = [["Lista"], None, HEADER, *[["Jan", f"s{i}@student.example.edu.pl"] for i in range(5)]]
    path = xlsx(rows)
    assert load(path, max_rows=5).row_count == 5
    refused(path, "too_many_rows", "more than 4 rows", max_rows=4)
    refused(path, "too_many_rows", "more than 1 rows", max_rows=1)  # the early count, before converting


def test_list_sheets_of_a_bad_file_is_the_same_error(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(SpreadsheetError, match="damaged"):
        list_sheets(path)
