"""The self-check compares what an installation documents (services/apiref/method, D6) with
what the app sends and reads; each kind of difference, and the day's cache."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.errors import BadParameter, NotFound, Unreachable
from usosmail_gui.core.usos.selfcheck import ReferenceCache, compare, html_text, self_check
from usosmail_gui.sandbox.apiref import references

BASE = "https://usosapps.example.edu.pl/"


def documented(**kw: Any) -> dict[str, Any]:
    return copy.deepcopy(
        references(
            base_url=BASE,
            sparse=kw.get("sparse", False),
            system_status_fields=frozenset(wire.SYSTEM_STATUS_FIELDS),
        )
    )


def details(refs: dict[str, Any]) -> list[tuple[str, str]]:
    return [(d.method, d.detail) for d in compare(refs)]


def test_the_documented_installation_has_no_difference() -> None:
    assert compare(documented()) == []


def test_a_missing_method_is_named_with_what_it_is_for() -> None:
    refs: dict[str, Any] = documented()
    refs[wire.SEND_SIMPLE_BY_TEMPLATE] = None
    assert details(refs) == [
        ("send_simple_by_template", "The installation does not have this method, which the app uses to "
         "send campaigns in template mode."),
    ]  # fmt: skip


def test_an_undocumented_parameter_would_be_silently_ignored() -> None:
    refs = documented()
    arguments = refs[wire.SEND_SIMPLE_MESSAGE]["arguments"]
    refs[wire.SEND_SIMPLE_MESSAGE]["arguments"] = [a for a in arguments if a["name"] != "from_name"]
    [(method, detail)] = details(refs)
    assert method == "send_simple_message" and "'from_name'" in detail and "ignores parameters" in detail


def test_a_required_parameter_the_app_does_not_send() -> None:
    refs = documented()
    refs[wire.CHECK_MESSAGES_STATUS]["arguments"].append({"name": "campaign_key", "is_required": True})
    [(method, detail)] = details(refs)
    assert method == "check_messages_status" and "requires the parameter 'campaign_key'" in detail


def test_a_method_no_longer_administrative() -> None:
    refs = documented()
    refs[wire.CHECK_MESSAGE_STATUS]["auth_options"]["administrative_only"] = False
    assert [m for m, _ in details(refs)] == ["check_message_status"]


def test_missing_result_fields_say_what_cannot_be_learnt() -> None:
    refs = documented()
    refs[wire.SYSTEM_STATUS]["result_fields"] = [{"name": wire.K_TOTAL_PENDING}]
    found = details(refs)
    assert [m for m, _ in found] == ["system_status", "system_status"]
    assert "mail daemon has stopped" in found[1][1]


def test_status_keys_missing_from_the_returned_value_text() -> None:
    sparse = documented(sparse=True)
    assert [m for m, _ in details(sparse)] == ["check_messages_status"]
    both = documented(sparse=True)
    both[wire.CHECK_MESSAGE_STATUS]["returns"] = "<p>A dictionary: <b>finished</b> - true when done.</p>"
    found = details(both)
    assert found == [
        ("check_message_status", "Neither status method documents per-recipient statuses here: a finished "
         "message may be shown as \"finished — USOS gave no details\"."),
    ]  # fmt: skip
    no_id = documented()
    no_id[wire.SEND_SIMPLE_MESSAGE]["returns"] = "<p>The new message's number.</p>"
    assert "'message_id'" in details(no_id)[0][1]


def test_html_text_keeps_words_not_tags() -> None:
    assert html_text("<ul><li><b>finished</b> - true</li><li>recipients&amp;more</li></ul>") == (
        "finished - true recipients&more"
    )


class Fetcher:
    def __init__(self, refs: dict[str, Any], fail: Exception | None = None) -> None:
        self.refs = refs
        self.fail = fail
        self.asked: list[str] = []

    def __call__(self, method: str) -> object:
        self.asked.append(method)
        if self.fail is not None:
            raise self.fail
        if self.refs.get(method) is None:
            raise NotFound("no such method")
        return self.refs[method]


def test_cached_for_a_day_then_asked_again(tmp_path: Path) -> None:
    now = [1_000_000.0]
    cache = ReferenceCache(tmp_path / "cache", clock=lambda: now[0])
    fetch = Fetcher(documented())
    assert self_check(BASE, fetch, cache=cache).checked
    assert len(fetch.asked) == 6
    again = self_check(BASE, fetch, cache=cache)
    assert again.from_cache and len(fetch.asked) == 6
    now[0] += 24 * 3600 + 1
    assert not self_check(BASE, fetch, cache=cache).from_cache and len(fetch.asked) == 12
    assert self_check("https://other.example.edu.pl/", fetch, cache=cache).from_cache is False


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    cache = ReferenceCache(tmp_path)
    fetch = Fetcher(documented())
    self_check(BASE, fetch, cache=cache)
    for path in tmp_path.glob("*.json"):
        path.write_text("{not json", "utf-8")
    assert self_check(BASE, fetch, cache=cache).checked and len(fetch.asked) == 12


@pytest.mark.parametrize("fail", [Unreachable("gone"), NotFound("x")])
def test_an_unreadable_reference_is_not_checked_never_an_error(fail: Exception) -> None:
    result = self_check(BASE, Fetcher({}, fail=fail))
    assert not result.checked and result.reason
    assert result.as_json()["checked"] is False and result.as_json()["differences"] == []


# --- references the app cannot fully read (issue 19: branches no test reached) --------------
def test_parts_of_a_reference_that_cannot_be_read_are_not_called_differences() -> None:
    """An argument list, a field list or a returns text in a shape the app does not know says
    nothing either way: no difference is made up from it (junk entries are skipped)."""
    refs = documented()
    refs[wire.SEND_SIMPLE_MESSAGE]["arguments"] = {"subject": "required"}
    refs[wire.SEND_SIMPLE_MESSAGES]["arguments"] = [
        *refs[wire.SEND_SIMPLE_MESSAGES]["arguments"], "junk", {"name": 5, "is_required": True}
    ]
    refs[wire.SYSTEM_STATUS]["result_fields"] = "total_pending_message_count"
    refs[wire.SEND_SIMPLE_MESSAGE]["returns"] = None
    refs[wire.CHECK_MESSAGE_STATUS]["returns"] = ["finished"]
    del refs[wire.CHECK_MESSAGES_STATUS]  # not asked about at all
    assert compare(refs) == []


def test_a_status_method_whose_returns_omit_finished_is_named() -> None:
    refs = documented()
    refs[wire.CHECK_MESSAGES_STATUS]["returns"] = "<p>recipients: email, status</p>"
    [(method, detail)] = details(refs)
    assert method == "check_messages_status"
    assert "'finished'" in detail and "may not tell a finished message from a waiting one" in detail


def test_the_check_as_json_lists_each_difference_and_gives_no_reason_when_checked() -> None:
    refs = documented()
    refs[wire.CHECK_MESSAGE_STATUS]["auth_options"]["administrative_only"] = False
    result = self_check(BASE, Fetcher(refs))
    assert result.checked and result.reason is None
    data = result.as_json()
    assert data == {"checked": True, "differences": [d.as_json() for d in result.differences]}
    assert data["differences"] == [{"method": "check_message_status", "detail": result.differences[0].detail}]


def test_a_cache_that_cannot_be_written_only_costs_requests(tmp_path: Path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("", "utf-8")
    cache = ReferenceCache(blocker / "cache")
    fetch = Fetcher(documented())
    assert self_check(BASE, fetch, cache=cache).checked
    assert self_check(BASE, fetch, cache=cache).checked and len(fetch.asked) == 12


def test_a_reference_refused_over_another_parameter_is_not_checked() -> None:
    """param_invalid naming `name` means "no such method"; naming another is a real refusal."""
    result = self_check(BASE, Fetcher({}, fail=BadParameter("refused", param_name="format")))
    assert not result.checked and result.reason is not None and "refused" in result.reason
    missing = self_check(BASE, Fetcher({}, fail=BadParameter("no such method", param_name=wire.P_NAME)))
    assert not missing.checked
    assert missing.reason == "The installation's method reference knows none of the mailing methods."
