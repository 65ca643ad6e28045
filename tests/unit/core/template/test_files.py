"""Template files (.usosmail, docs/template-file.md) and the bundled samples."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.tables import DEMO_COLUMNS
from usosmail_gui.core.template import (
    EXTENSION,
    FORMAT_VERSION,
    ContentFormat,
    Lang,
    MessageTemplate,
    TemplateFileError,
    bundled_templates,
    compile_template,
    dumps_template,
    load_template,
    loads_template,
    render,
    save_template,
)

FULL = MessageTemplate(
    subject="Decyzja – {Imię} {Nazwisko}",
    content="<style>p {{ color: red; }}</style>\n<p>Dzień dobry {Imię}!</p>\r\n",
    content_format=ContentFormat.HTML,
    from_name="Dziekanat Wydziału Fizyki",
    from_email="dziekanat@example.edu.pl",
    send_summary_to="kierownik@example.edu.pl",
    lang=Lang.EN,
)


def test_save_and_open_give_the_same_template(tmp_path: Path) -> None:
    path = save_template(tmp_path / f"decyzja{EXTENSION}", FULL)
    assert load_template(path) == FULL
    text = path.read_text("utf-8")
    assert "Dzień dobry" in text  # Polish letters as they are, readable
    data = json.loads(text)
    assert (
        data["format_version"] == FORMAT_VERSION and data["content_format"] == "html" and data["lang"] == "en"
    )
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(
    st.builds(
        MessageTemplate,
        subject=st.text(),
        content=st.text(),
        content_format=st.sampled_from(ContentFormat),
        from_name=st.text(max_size=20),
        from_email=st.text(max_size=20),
        send_summary_to=st.text(max_size=20),
        lang=st.sampled_from(Lang),
    )
)
def test_any_template_survives_the_file_format(template: MessageTemplate) -> None:
    assert loads_template(dumps_template(template)) == template


def test_a_lone_surrogate_is_saved_escaped(tmp_path: Path) -> None:
    template = MessageTemplate(subject="a\ud800b")
    assert load_template(save_template(tmp_path / "t.usosmail", template)) == template


def test_unknown_keys_are_ignored_and_missing_ones_defaulted() -> None:
    text = json.dumps({"format_version": 1, "content": "x", "description": "a newer app's key", "colour": 3})
    assert loads_template(text) == MessageTemplate(content="x")
    nulls = json.dumps({"format_version": 1, "subject": None, "lang": None, "content_format": "HTML"})
    assert loads_template(nulls) == MessageTemplate(content_format=ContentFormat.HTML)
    assert loads_template("\ufeff" + json.dumps({"format_version": 1})) == MessageTemplate()


@pytest.mark.parametrize(
    ("text", "reason", "words"),
    [
        ("{ not json", "damaged", "line 1, column 3"),
        ("[1, 2]", "not_template", "not a usosmail template"),
        ('{"subject": "x"}', "not_template", "format_version"),
        ('{"format_version": 2}', "newer", "newer version"),
        ('{"format_version": "1"}', "bad_value", "format_version"),
        ('{"format_version": true}', "bad_value", "format_version"),
        ('{"format_version": 1, "subject": 5}', "bad_value", "“subject” should be text"),
        ('{"format_version": 1, "content_format": "markdown"}', "bad_value", "“plain” or “html”"),
        ('{"format_version": 1, "lang": "de"}', "bad_value", "“pl” or “en”"),
        ('{"format_version": 1, "content_format": 1}', "bad_value", "“plain” or “html”"),
    ],
)
def test_a_broken_file_is_one_error_in_plain_words(text: str, reason: str, words: str) -> None:
    with pytest.raises(TemplateFileError) as caught:
        loads_template(text, path=Path("szablon.usosmail"))
    assert caught.value.reason == reason
    assert words in str(caught.value) and "“szablon.usosmail”" in str(caught.value)


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    def reason(path: Path) -> str:
        with pytest.raises(TemplateFileError) as caught:
            load_template(path)
        return caught.value.reason

    assert reason(tmp_path / "missing.usosmail") == "missing"
    assert reason(tmp_path) == "unreadable"
    binary = tmp_path / "photo.usosmail"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert reason(binary) == "not_text"
    big = tmp_path / "big.usosmail"
    with big.open("wb") as out:
        out.truncate(3_000_000)
    assert reason(big) == "too_big"


def test_saving_where_it_cannot(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(TemplateFileError) as caught:
        save_template(blocker / "t.usosmail", FULL)
    assert caught.value.reason == "unwritable" and "could not be saved" in str(caught.value)


def test_saving_replaces_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "t.usosmail"
    save_template(path, FULL)
    save_template(path, MessageTemplate(subject="Nowy"))
    assert load_template(path).subject == "Nowy"
    assert sorted(os.listdir(tmp_path)) == ["t.usosmail"]


def test_bundled_samples_pass_the_checker_with_the_demo_columns() -> None:
    paths = bundled_templates()
    names = {p.stem for p in paths}
    assert {
        "decyzja-stypendialna",
        "scholarship-decision",
        "zmiana-godzin-dziekanatu",
        "deans-office-hours",
        "brakujace-dokumenty",
        "missing-documents",
    } <= names
    row = {
        "Imię": "Zofia",
        "Nazwisko": "Wójcik",
        "Nr albumu": "123456",
        "E-mail": "z@example.edu.pl",
        "Kierunek": "Matematyka",
        "Rok": "2",
    }
    langs = set()
    for path in paths:
        template = load_template(path)
        compiled = compile_template(template, DEMO_COLUMNS)
        assert compiled.problems == (), (path.name, [p.message for p in compiled.problems])
        message = render(compiled, row)
        assert "Zofia" in message.content and "{" not in message.subject
        langs.add(template.lang)
        assert "Imię" in template.subject + template.content or "{Imię}" in template.content
    assert langs == {Lang.PL, Lang.EN}


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_saved_template_has_the_users_normal_permissions(tmp_path: Path) -> None:
    """A template on a shared folder is readable by colleagues as the umask allows (not 0600)."""
    path = tmp_path / "list.usosmail"
    old = os.umask(0o002)
    try:
        save_template(path, MessageTemplate(subject="Temat", content="Treść {Imię}"))
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    path.chmod(0o600)  # the user's own choice survives a save
    save_template(path, MessageTemplate(subject="Temat 2", content="Treść"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["list.usosmail"]
