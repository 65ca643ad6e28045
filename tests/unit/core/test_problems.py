"""The one problem shape every checker reports (docs/cli.md, "problem")."""

from __future__ import annotations

import json

from usosmail_gui.core.problems import Problem, Severity, count_by_severity


def test_to_json_is_exactly_the_documented_shape() -> None:
    problem = Problem(7, "email_missing", Severity.ERROR, "No e-mail address.", "E-mail")
    data = problem.to_json()
    assert data == {
        "row": 7,
        "code": "email_missing",
        "severity": "error",
        "message": "No e-mail address.",
        "field": "E-mail",
    }
    assert json.loads(json.dumps(data)) == data  # plain JSON types only


def test_a_problem_of_the_whole_input_has_no_row_and_no_field() -> None:
    data = Problem(None, "no_email_column", Severity.WARNING, "x").to_json()
    assert data["row"] is None and data["field"] is None and data["severity"] == "warning"


def test_count_by_severity_always_has_both_keys() -> None:
    assert count_by_severity([]) == {Severity.ERROR: 0, Severity.WARNING: 0}
    problems = [Problem(1, "a", Severity.ERROR, "m"), Problem(2, "b", Severity.WARNING, "m")] * 2
    assert count_by_severity(problems) == {Severity.ERROR: 2, Severity.WARNING: 2}
    assert problems[0].is_error and not problems[1].is_error


def test_sentences_survive_json_with_nested_values() -> None:
    from usosmail_gui.core.sentences import say, sentences_from_json, sentences_to_json

    inner = say("the cell “{column}”", column="E-mail")
    original = (say("Row {row}: {what} is empty.", row=7, what=inner), say("Fix it."))
    again = sentences_from_json(json.loads(json.dumps(sentences_to_json(original))))
    expected = ["Row 7: the cell “E-mail” is empty.", "Fix it."]
    assert [s.fill() for s in again] == [s.fill() for s in original] == expected
    assert sentences_from_json({"not": "a list"}) == () and sentences_from_json([{"template": 3}]) == ()
