"""core/letters/lexicon_process.py: the window's first names looked up by Morfeusz in a
child process (its loader holds the GIL), with this process's Morfeusz when the child
cannot serve. Real child processes throughout."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from usosmail_gui.core.letters import lexicon_process
from usosmail_gui.core.letters.gender import Gender
from usosmail_gui.core.letters.lexicon_process import ProcessLexicon, child_command
from usosmail_gui.core.letters.names import MorfeuszLexicon, NameBook

NAMES = ["Anna", "Jan", "Kuba", "Maciek", "Zofia", "Siobhan", "Łukasz", "Nieimię"]


@pytest.fixture(scope="module")
def here() -> MorfeuszLexicon:
    return MorfeuszLexicon()


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_the_child_answers_what_morfeusz_here_answers(here: MorfeuszLexicon) -> None:
    lexicon = ProcessLexicon()
    try:
        lexicon.load()
        assert lexicon.in_child
        assert lexicon.dictionary == here.dictionary
        for name in NAMES:
            assert lexicon.first_name_entries(name) == here.first_name_entries(name), name
        book = NameBook(lexicon)
        assert (book.info("ANNA").vocative, book.info("Jan").gender) == ("ANNO", Gender.MALE)
        assert lexicon.in_child  # every answer came from the child
    finally:
        lexicon.close()


def test_the_child_ends_with_the_app_closing_its_input() -> None:
    lexicon = ProcessLexicon()
    lexicon.load()
    child = lexicon._child
    assert child is not None and child.poll() is None
    lexicon.close()
    assert child.returncode == 0  # it read to the end of its input and stopped on its own


def test_a_child_that_dies_leaves_the_names_to_this_process(here: MorfeuszLexicon) -> None:
    greets_then_dies = python(
        "import json, sys; print(json.dumps({'ready': 'x'}), flush=True); sys.stdin.readline()"
    )
    lexicon = ProcessLexicon(lambda: greets_then_dies)
    try:
        assert lexicon.first_name_entries("Anna") == here.first_name_entries("Anna")
        assert not lexicon.in_child
        assert lexicon.dictionary == here.dictionary
    finally:
        lexicon.close()


def test_a_child_that_cannot_start_leaves_the_names_to_this_process(
    here: MorfeuszLexicon, tmp_path: Path
) -> None:
    lexicon = ProcessLexicon(lambda: [str(tmp_path / "no-such-program")])
    assert lexicon.first_name_entries("Jan") == here.first_name_entries("Jan")
    assert not lexicon.in_child


def test_a_silent_child_is_stopped_at_the_deadline(
    here: MorfeuszLexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexicon_process, "ANSWER_SECONDS", 0.5)
    silent = python("import sys; sys.stdin.read()")  # reads its input to the end, answers nothing
    lexicon = ProcessLexicon(lambda: silent)
    started = time.monotonic()
    assert lexicon.first_name_entries("Zofia") == here.first_name_entries("Zofia")
    assert time.monotonic() - started < 10  # the half-second deadline, not a child that never answers
    assert not lexicon.in_child


def test_morfeusz_missing_in_the_child_is_said_as_an_import_error() -> None:
    missing = python(
        "import json; print(json.dumps({'missing': \"No module named 'morfeusz2'\"}), flush=True)"
    )
    lexicon = ProcessLexicon(lambda: missing)
    with pytest.raises(ImportError, match="morfeusz2"):
        lexicon.first_name_entries("Anna")


def test_the_child_speaks_one_json_line_per_lemma() -> None:
    import subprocess

    done = subprocess.run(
        child_command(), input="\n".join(json.dumps(n) for n in ("Anna", "Siobhan")).encode() + b"\n",
        capture_output=True, timeout=60, check=True,
    )
    hello, anna, siobhan = (json.loads(line) for line in done.stdout.splitlines())
    assert hello["ready"].startswith("pl.sgjp")
    assert anna == [["female", "Anno"]] and siobhan == []


def test_in_the_bundle_the_console_command_beside_the_app_is_the_child(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = tmp_path / "usosmail-gui" / "usosmail-gui"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    assert child_command() == [str(app.with_name("usosmail")), "-m", lexicon_process.CHILD_MODULE]
    entry = (Path(__file__).resolve().parents[4] / "installer" / "entry" / "usosmail.py").read_text("utf-8")
    assert f'["-m", "{lexicon_process.CHILD_MODULE}"]' in entry


def test_many_names_are_answered_in_one_round_trip_as_one_by_one(here: MorfeuszLexicon) -> None:
    lexicon = ProcessLexicon()
    try:
        assert lexicon.first_name_entries_many(NAMES) == [here.first_name_entries(n) for n in NAMES]
        assert lexicon.in_child
    finally:
        lexicon.close()
