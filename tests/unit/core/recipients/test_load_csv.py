"""Text files as Polish Excel, LibreOffice and USOS write them: encodings and delimiters."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from usosmail_gui.core.recipients import FileKind, SpreadsheetError, load
from usosmail_gui.core.recipients.sources import sniff_delimiter

POLISH_ROWS = [
    ["Nr albumu", "Imię", "Nazwisko", "Średnia", "E-mail"],
    ["000123", "Łukasz", "Wiśniewski", "4,5", "lukasz@student.example.edu.pl"],
    ["004567", "Zażółć", "Gęślą-Jaźń", "3,75", "zazolc@student.example.edu.pl"],
    ["104568", "Śliwa", "Źdźbło", "5", "sliwa@student.example.edu.pl"],
]


def write_text(
    path: Path, rows: list[list[str]], delimiter: str, encoding: str, newline: str = "\r\n"
) -> Path:
    path.write_bytes(newline.join(delimiter.join(row) for row in rows).encode(encoding) + newline.encode())
    return path


def test_windows_1250_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", POLISH_ROWS, ";", "cp1250")
    table = load(path)
    assert table.source.kind is FileKind.CSV
    assert table.source.encoding == "Windows-1250"
    assert table.source.delimiter == ";"
    assert table.source.sheet is None
    assert table.column_names == POLISH_ROWS[0]
    assert [table.row_values(i) for i in range(3)] == POLISH_ROWS[1:]  # "000123" and "4,5" as written
    assert list(table.row_numbers) == [2, 3, 4]
    assert table.summary().will_receive == 3


def test_iso_8859_2_is_told_apart_from_windows_1250(tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", POLISH_ROWS, ";", "iso8859_2")
    table = load(path)
    assert table.source.encoding == "ISO 8859-2"
    assert table.row_values(1)[1:3] == ["Zażółć", "Gęślą-Jaźń"]


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", POLISH_ROWS, ",", "utf-8-sig")
    table = load(path)
    assert table.source.encoding == "UTF-8 (BOM)"
    assert table.columns[0].name == "Nr albumu"  # no "\ufeff" glued to the first header


def test_utf8_with_commas_and_quotes(tmp_path: Path) -> None:
    text = (
        'Imię,Nazwisko,E-mail,Uwagi\n'
        'Jan,"Kowalski, Jr.","jan@student.example.edu.pl, jan@example.com","ma ""dwa"" adresy"\n'
        'Ewa,Nowak,ewa@student.example.edu.pl,"linia 1\nlinia 2"\n'
    )
    path = tmp_path / "lista.csv"
    path.write_text(text, encoding="utf-8")
    table = load(path)
    assert table.source.delimiter == ","
    assert table.row_values(0) == ["Jan", "Kowalski, Jr.", "jan@student.example.edu.pl, jan@example.com",
                                   'ma "dwa" adresy']
    assert table.emails(0) == ("jan@student.example.edu.pl", "jan@example.com")
    assert table.row_values(1)[3] == "linia 1\nlinia 2"
    assert list(table.row_numbers) == [2, 3]  # records, as a spreadsheet shows them


@pytest.mark.parametrize(
    ("delimiter", "name"), [("\t", "lista.tsv"), ("\t", "lista.txt"), ("|", "lista.csv")]
)
def test_tab_and_pipe_delimited(tmp_path: Path, delimiter: str, name: str) -> None:
    path = write_text(tmp_path / name, POLISH_ROWS, delimiter, "utf-8", newline="\n")
    table = load(path)
    assert table.source.delimiter == delimiter
    assert table.column_names == POLISH_ROWS[0]
    assert table.row_values(0) == POLISH_ROWS[1]


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "lista.txt"
    path.write_bytes("\r\n".join("\t".join(r) for r in POLISH_ROWS).encode("utf-16"))
    table = load(path)
    assert table.source.encoding == "UTF-16"
    assert table.row_values(0) == POLISH_ROWS[1]


def test_excel_sep_line_names_the_delimiter_and_is_not_a_row(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_text("sep=;\nImię;E-mail\nJan, Maria;jan@student.example.edu.pl\n", encoding="utf-8")
    table = load(path)
    assert table.source.delimiter == ";"
    assert table.row_values(0) == ["Jan, Maria", "jan@student.example.edu.pl"]


def test_title_line_blank_lines_and_short_records(tmp_path: Path) -> None:
    text = "Lista na egzamin;;;\n\n;;;\nImię;Nazwisko;E-mail;Grupa\n"
    text += "Jan;Kowalski;jan@student.example.edu.pl\n\nEwa;Nowak;ewa@student.example.edu.pl;2\n"
    path = tmp_path / "lista.csv"
    path.write_text(text, encoding="utf-8")
    table = load(path)
    assert table.source.header_row == 4
    assert list(table.row_numbers) == [5, 7]
    assert table.row_values(0) == ["Jan", "Kowalski", "jan@student.example.edu.pl", ""]


def test_a_single_column_of_addresses_without_header(tmp_path: Path) -> None:
    path = tmp_path / "adresy.txt"
    path.write_text("jan@student.example.edu.pl\newa@student.example.edu.pl\n", encoding="utf-8")
    table = load(path)
    assert table.source.header_row is None
    assert table.source.delimiter is None
    assert table.column_names == ["Column A"]
    assert table.summary().will_receive == 2


def test_a_single_column_keeps_cells_with_several_addresses_whole(tmp_path: Path) -> None:
    path = tmp_path / "adresy.csv"
    path.write_text("E-mail\njan@student.example.edu.pl\newa@example.com, ola@example.com\n", "utf-8")
    table = load(path)
    assert table.column_names == ["E-mail"]
    assert table.emails(1) == ("ewa@example.com", "ola@example.com")


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a;b;c\n1;2,5;3\n4;5,5;6\n", ";"),
        ("Nazwisko;Imię\nKowalski, Jan;x\nNowak, Ewa;y\n", ";"),
        ("a,b,c\n1,2,3\n", ","),
        ("a\tb\n1\t2\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ("only one column\nx\n", None),
        ("E-mail\na@example.com\nb@example.com, c@example.com\n", None),
    ],
)
def test_sniff_delimiter(text: str, delimiter: str | None) -> None:
    assert sniff_delimiter(text) == delimiter


# --- Windows-1250 or ISO 8859-2: letters, not symbols, inside words (issue 15, item 5) ------


def test_iso_8859_2_with_few_distinctive_letters_is_not_read_as_windows_1250(tmp_path: Path) -> None:
    """"Źdźisław" has only Ź and ź that the two encodings tell apart; read as Windows-1250
    it would be "¬dĽisław" (a symbol and a letter of another alphabet inside a word)."""
    rows = [["Imię", "E-mail"], ["Źdźisław", "zdzislaw@student.example.edu.pl"], ["Anna", "anna@example.com"]]
    table = load(write_text(tmp_path / "lista.csv", rows, ";", "iso8859_2"))
    assert table.source.encoding == "ISO 8859-2"
    assert table.row_values(0)[0] == "Źdźisław"
    assert table.source.encoding_alternative == "Windows-1250"  # one click away in the sheet dialog
    other = load(tmp_path / "lista.csv", encoding="Windows-1250")
    assert other.source.encoding == "Windows-1250"
    assert other.row_values(0)[0] == "¬dĽisław"


def test_windows_1250_is_kept_with_its_alternative(tmp_path: Path) -> None:
    table = load(write_text(tmp_path / "lista.csv", POLISH_ROWS, ";", "cp1250"))
    assert (table.source.encoding, table.source.encoding_alternative) == ("Windows-1250", "ISO 8859-2")
    plain = [["Name", "E-mail"], ["Ann", "a@example.com"]]
    ascii_only = load(write_text(tmp_path / "ascii.csv", plain, ";", "ascii"))
    assert ascii_only.source.encoding_alternative is None  # both read it alike


def test_an_encoding_that_does_not_fit_is_refused_in_plain_words(tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", POLISH_ROWS, ";", "cp1250")
    with pytest.raises(SpreadsheetError) as caught:
        load(path, encoding="UTF-8")
    assert caught.value.reason == "encoding" and "UTF-8" in str(caught.value)
    with pytest.raises(SpreadsheetError) as unknown:
        load(path, encoding="klingon")
    assert unknown.value.reason == "bad_encoding" and "Windows-1250" in str(unknown.value)


# --- bounded work: detection linear in the size of the file (issue 17, item 5) -------------


def _peak_and_seconds(script: str) -> dict[str, float]:
    """Run ``script`` in a fresh interpreter (its peak RSS is its own) and read its JSON line."""
    code = (
        "import json, time, sys\n"
        "from usosmail_gui.core.recipients import load\n"
        "def peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            return int(line.split()[1]) / 1024\n"
        "before = peak()\n"
        "start = time.perf_counter()\n" + script + "\n"
        "print(json.dumps({'seconds': time.perf_counter() - start, 'peak': peak(), 'before': before}))\n"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak RSS needs /proc")
@pytest.mark.parametrize("encoding", ["utf-8", "cp1250"])
def test_a_csv_with_one_10_mb_cell_loads_in_bounded_time_and_memory(tmp_path: Path, encoding: str) -> None:
    """A 100 KB cell without Polish letters took 44 s (the encoding sample's regex was
    quadratic in line length), 10 MB never finished (and the csv module's field limit then
    called the file broken). Budget: ≤ 2 s and ≤ 300 MiB."""
    path = tmp_path / "long.csv"
    cell = ("Lorem ipsum dolor sit amet " * 400_000)[:10_000_000]
    text = f"Imię;Uwagi;E-mail\nAnna;{cell};anna@example.com\nŁucja;ok;lucja@example.com\n"
    path.write_bytes(text.encode(encoding))
    data = _peak_and_seconds(f"table = load({str(path)!r})\nassert len(table.value(0, 1)) == 10_000_000")
    assert data["seconds"] <= 2.0, data
    assert data["peak"] <= 300, data


def test_ten_thousand_columns_load(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    header = ";".join(["E-mail", *(f"k{i}" for i in range(9_999))])
    row = ";".join(["anna@example.com", *(["ą"] * 9_999)])
    path.write_text(f"{header}\n{row}\n", encoding="cp1250")
    data = _peak_and_seconds(f"table = load({str(path)!r})\nassert table.column_count == 10_000")
    assert data["seconds"] <= 10.0, data
