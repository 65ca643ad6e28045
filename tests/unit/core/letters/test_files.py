"""Letter definitions in the .usosmail file (docs/template-file.md): round trip, the
keys as documented, old files and odd values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from usosmail_gui.core.letters import (
    Fallback,
    Grouping,
    LetterSetup,
    Salutation,
    Transform,
    TransformKind,
    Vocative,
)
from usosmail_gui.core.template import (
    MessageTemplate,
    TemplateFile,
    TemplateFileError,
    dumps_template,
    load_template,
    load_template_file,
    loads_template_file,
    save_template,
)

TEMPLATE = MessageTemplate(subject="Oceny – {Nazwisko}", content="{Zwrot},\n\n{lista}\n")
SETUP = LetterSetup(
    (
        Salutation("Zwrot", "Płeć", "Imię", with_name=True, unknown="Szanowna Pani / Szanowny Panie"),
        Vocative("Wołacz", "Imię"),
        Fallback("Telefon lub brak", "Telefon", "(brak)"),
        Transform("NAZWISKO", "Nazwisko", TransformKind.UPPER),
    ),
    Grouping("- {Przedmiot}: {Ocena}", column="lista", separator="\n"),
)


def test_definitions_survive_saving_and_opening(tmp_path: Path) -> None:
    path = save_template(tmp_path / "oceny.usosmail", TEMPLATE, SETUP)
    assert load_template_file(path) == TemplateFile(TEMPLATE, SETUP)
    assert load_template(path) == TEMPLATE  # the message alone, as before
    data = json.loads(path.read_text("utf-8"))
    assert data["format_version"] == 1  # the format grows by adding keys
    assert data["derived_columns"][0] == {
        "name": "Zwrot",
        "kind": "salutation",
        "gender_column": "Płeć",
        "first_name_column": "Imię",
        "with_name": True,
        "female": "Szanowna Pani",
        "male": "Szanowny Panie",
        "unknown": "Szanowna Pani / Szanowny Panie",
    }
    assert data["derived_columns"][1:] == [
        {"name": "Wołacz", "kind": "vocative", "column": "Imię"},
        {"name": "Telefon lub brak", "kind": "fallback", "column": "Telefon", "fallback": "(brak)"},
        {"name": "NAZWISKO", "kind": "transform", "column": "Nazwisko", "transform": "upper"},
    ]
    assert data["group_by_email"] == {"column": "lista", "line": "- {Przedmiot}: {Ocena}", "separator": "\n"}


def test_a_file_without_definitions_has_none_and_gets_no_new_keys() -> None:
    text = dumps_template(TEMPLATE)
    assert "derived_columns" not in text and "group_by_email" not in text
    assert loads_template_file(text) == TemplateFile(TEMPLATE, LetterSetup())
    assert dumps_template(TEMPLATE, LetterSetup()) == text


def test_missing_optional_keys_take_their_defaults() -> None:
    text = json.dumps(
        {
            "format_version": 1,
            "subject": "S",
            "derived_columns": [
                {"name": "Z", "kind": "salutation"},
                {"name": "T", "kind": "transform", "column": "C"},
            ],
            "group_by_email": {"line": "{X}"},
        }
    )
    letters = loads_template_file(text).letters
    assert letters == LetterSetup((Salutation("Z"), Transform("T", "C")), Grouping("{X}"))


@pytest.mark.parametrize(
    ("extra", "reason", "words"),
    [
        ({"derived_columns": {}}, "bad_value", "“derived_columns” should be a list"),
        ({"derived_columns": [{"kind": "vocative", "column": "I"}]}, "bad_value", "needs “name”"),
        ({"derived_columns": [{"name": "V", "kind": "vocative"}]}, "bad_value", "needs “column”"),
        (
            {"derived_columns": [{"name": "Z", "kind": "salutation", "with_name": "tak"}]},
            "bad_value",
            "true or false",
        ),
        (
            {"derived_columns": [{"name": "T", "kind": "transform", "column": "C", "transform": "odwróć"}]},
            "bad_value",
            "“upper”",
        ),
        ({"derived_columns": [{"name": "X", "kind": "horoscope"}]}, "newer", "Update usosmail-gui"),
        ({"group_by_email": "tak"}, "bad_value", "should be an object"),
        ({"group_by_email": {"column": "lista"}}, "bad_value", "needs “line”"),
    ],
)
def test_definitions_that_cannot_be_read_are_one_error(
    extra: dict[str, object], reason: str, words: str
) -> None:
    text = json.dumps({"format_version": 1, "subject": "S", **extra})
    with pytest.raises(TemplateFileError) as caught:
        loads_template_file(text)
    assert caught.value.reason == reason
    assert words in str(caught.value)


names = st.text(
    alphabet=st.characters(blacklist_characters="{}[].:!", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=12,
)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
columns = st.one_of(
    st.builds(Salutation, names, st.none() | names, st.none() | names, st.booleans(), texts, texts, texts),
    st.builds(Vocative, names, names),
    st.builds(Fallback, names, names, texts),
    st.builds(Transform, names, names, st.sampled_from(TransformKind)),
)


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(
    st.builds(
        LetterSetup,
        st.lists(columns, max_size=4).map(tuple),
        st.none() | st.builds(Grouping, texts, names, texts),
    )
)
def test_any_setup_survives_the_file_format(setup: LetterSetup) -> None:
    assert loads_template_file(dumps_template(TEMPLATE, setup)) == TemplateFile(TEMPLATE, setup)


def test_the_polish_sample_letters_use_the_salutation_and_work_on_their_demo_lists() -> None:
    from importlib import resources

    from usosmail_gui.core.letters.check import check_letters
    from usosmail_gui.core.letters.derive import prepare_letters
    from usosmail_gui.core.recipients import load
    from usosmail_gui.core.template import compile_template, letter_templates, render

    demo = Path(str(resources.files("usosmail_gui").joinpath("resources/demo")))
    lists = {"oceny-z-sesji": demo / "oceny.csv", "brakujace-dokumenty-lista": demo / "dokumenty.csv"}
    samples = {p.stem: p for p in letter_templates()}
    assert set(samples) == set(lists)
    for name, path in samples.items():
        template, setup = load_template_file(path)
        assert template.lang == "pl" and "{Zwrot}" in template.content
        assert any(isinstance(d, Salutation) for d in setup.derived) and setup.grouping is not None
        letters = prepare_letters(load(lists[name]), setup)
        result = check_letters(template, letters)
        assert not [p for p in result.problems if p.is_error], name
        assert result.sendable == letters.table.row_count
        compiled = compile_template(template, letters.table.columns)
        first = render(compiled, letters.table.params(0)).content
        assert first.startswith(("Szanowna Pani", "Szanowny Panie", "Szanowni Państwo")), first
    grades = prepare_letters(
        load(lists["oceny-z-sesji"]), load_template_file(samples["oceny-z-sesji"]).letters
    )
    compiled = compile_template(load_template(samples["oceny-z-sesji"]), grades.table.columns)
    openings = [
        render(compiled, grades.table.params(i)).content.split(",")[0] for i in range(grades.table.row_count)
    ]
    assert openings == [
        "Szanowna Pani Anno",
        "Szanowny Panie Łukaszu",
        "Szanowna Pani Zofio",  # guessed (no gender in the cell): a warning
        "Szanowny Panie Kubo",
        "Szanowni Państwo",  # Siobhan: not told
    ]


def test_saving_without_definitions_keeps_those_the_file_has(tmp_path: Path) -> None:
    path = save_template(tmp_path / "oceny.usosmail", TEMPLATE, SETUP)
    edited = MessageTemplate(subject="Nowy temat", content=TEMPLATE.content)
    save_template(path, edited)  # e.g. the composer, which does not know derived columns yet
    assert load_template_file(path) == TemplateFile(edited, SETUP)
    save_template(path, edited, LetterSetup())
    assert load_template_file(path).letters == LetterSetup()
    fresh = save_template(tmp_path / "nowy.usosmail", edited)
    assert load_template_file(fresh).letters == LetterSetup()
