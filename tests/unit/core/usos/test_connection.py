""" "Test connection" against every documented shape and every sandbox switch (D2–D6),
and against stand-ins that answer what the app cannot interpret or never answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers.standin import answering, silent
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.client import MailingClient, RetryPolicy
from usosmail_gui.core.usos.connection import ConnectionWarning, Verdict, check_connection
from usosmail_gui.sandbox import Sandbox


def admin_check(sb: Sandbox, **kw: Any) -> Any:
    return check_connection(sb.url, sb.admin_key, sb.admin_secret, **kw)


def test_ok_reads_the_documented_queue_and_finds_no_difference(sandbox: Sandbox) -> None:
    report = admin_check(sandbox)
    assert report.verdict is Verdict.OK and report.exit_code == 0
    assert (report.unsent_count, report.mine, report.daemon_running) == (0, 0, True)
    assert report.warnings == ()
    assert report.compatibility is not None and report.compatibility.checked
    assert report.compatibility.differences == ()


@pytest.mark.parametrize("status", [400, 401, 403])
def test_a_key_that_is_not_administrative_is_said_so_under_every_status(
    make_sandbox: Callable[..., Sandbox], status: int
) -> None:
    sb = make_sandbox(forbidden_status=status)
    report = check_connection(sb.url, sb.user_key, sb.user_secret, contacts=("usosapi@uni.example.edu.pl",))
    assert report.verdict is Verdict.NOT_ADMINISTRATIVE and report.exit_code == 3
    assert report.user_text("pl").startswith("Ta aplikacja nie ma uprawnień administracyjnych")
    assert "usosapi@uni.example.edu.pl" in report.explanation()
    assert report.explanation("pl").endswith(report.user_text("pl"))


def test_a_wrong_secret_is_rejected_not_not_understood(sandbox: Sandbox) -> None:
    report = check_connection(sandbox.url, sandbox.admin_key, "Wrong-Secret-Value")
    assert report.verdict is Verdict.CREDENTIALS_REJECTED and report.exit_code == 2
    assert "Wrong-Secret-Value" not in report.detail + report.explanation()


def test_a_stopped_mail_daemon_is_a_warning_beside_ok(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox(daemon_stopped=True)
    report = admin_check(sb)
    assert report.ok and report.daemon_running is False
    assert report.warnings == (ConnectionWarning.DAEMON_STOPPED,)
    assert "mail daemon is not running" in report.warning_texts()[0]


def test_a_missing_field_is_asked_again_without_fields(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox(system_status_fields=frozenset({wire.K_TOTAL_PENDING}))
    report = admin_check(sb)
    assert report.ok and report.unsent_count == 0 and report.daemon_running is None
    assert sb.requests_served[wire.SYSTEM_STATUS] == 2  # with fields, refused; then without
    assert report.compatibility is not None
    details = [d.detail for d in report.compatibility.differences]
    assert any("'daemon_running'" in d and "mail daemon has stopped" in d for d in details)


def test_strict_ids_refusing_the_probe_is_evidence_enough(make_sandbox: Callable[..., Sandbox]) -> None:
    assert admin_check(make_sandbox(strict_ids=True)).ok


def test_sparse_statuses_are_a_documented_difference(make_sandbox: Callable[..., Sandbox]) -> None:
    report = admin_check(make_sandbox(status_detail="sparse"))
    assert report.ok and report.compatibility is not None
    assert report.compatibility.sparse_status
    [difference] = report.compatibility.differences
    assert difference.method == "check_messages_status"
    assert "also asks check_message_status" in difference.detail


def test_the_reference_is_cached_for_a_day(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    admin_check(sb)
    asked = sb.requests_served[wire.APIREF_METHOD]
    assert asked == len(wire.MAILING_METHODS)
    second = admin_check(sb)
    assert sb.requests_served[wire.APIREF_METHOD] == asked
    assert second.compatibility is not None and second.compatibility.from_cache


def test_no_self_check_for_the_pre_send_check(sandbox: Sandbox) -> None:
    report = admin_check(sandbox, compatibility=False)
    assert report.ok and report.compatibility is None
    assert sandbox.requests_served[wire.APIREF_METHOD] == 0


SYSTEM_OK = (200, {"total_pending_message_count": 3, "daemon_running": True})


@pytest.mark.parametrize(
    "probe",
    [
        (200, ["unexpected", "list"]),
        (200, {"something": "else"}),
        (200, {"123": None}),  # statuses, but not of the ID asked about
        (400, {"message": "Refused.", "error": "brand_new_code"}),
        (400, {"message": "no code at all"}),
    ],
)
def test_an_answer_the_app_cannot_interpret_is_never_ok(probe: tuple[int, object]) -> None:
    routes = {wire.SYSTEM_STATUS: SYSTEM_OK, wire.CHECK_MESSAGES_STATUS: probe}
    with answering(routes) as (url, _):
        report = check_connection(url, "key", "secret")
    assert report.verdict is Verdict.NOT_UNDERSTOOD and report.exit_code == 5
    assert not report.ok
    shown = report.answer or report.detail
    assert shown and len(report.answer) <= 301


def test_an_unreadable_reference_is_not_checked_and_not_an_error() -> None:
    routes = {
        wire.SYSTEM_STATUS: SYSTEM_OK,
        wire.CHECK_MESSAGES_STATUS: (200, {"0": None}),
        wire.APIREF_METHOD: (500, {"message": "down"}),
    }
    with answering(routes) as (url, _):
        report = check_connection(url, "key", "secret")
    assert report.ok and report.compatibility is not None
    assert not report.compatibility.checked
    assert "could not be read" in (report.compatibility.reason or "")


@pytest.mark.parametrize(
    "address",
    [
        "http://usos.example.edu.pl\\@127.0.0.1:{port}/",
        "http://x@127.0.0.1:{port}/",
        "http://127.0.0.1:{port}/\tx",
        "http://127.0.0.1:{port}/\x00",
        "http://127.0.0.1:{port} /",
    ],
)
def test_addresses_two_parsers_could_read_differently_are_refused_before_any_request(address: str) -> None:
    with answering({}) as (url, asked):
        port = url.rsplit(":", 1)[1].rstrip("/")
        report = check_connection(address.format(port=port), "key", "secret")
    assert report.verdict is Verdict.INSECURE_URL and report.exit_code == 4
    assert asked == []


def test_an_address_without_a_mailing_module_is_not_usos() -> None:
    with answering({}) as (url, _):
        report = check_connection(url, "key", "secret")
    assert report.verdict is Verdict.NOT_USOS and report.exit_code == 4


def test_a_silent_server_is_given_up_on_within_the_budget() -> None:
    with silent() as (url, _):
        started = time.monotonic()
        report = check_connection(url, "key", "secret", budget=2.0)
        elapsed = time.monotonic() - started
    assert report.verdict is Verdict.UNREACHABLE
    assert elapsed < 4.0
    assert "did not answer within 2 seconds" in report.detail


def test_a_silent_server_with_the_default_budget_takes_under_30_seconds() -> None:
    with silent() as (url, _):
        started = time.monotonic()
        report = check_connection(url, "key", "secret")
        elapsed = time.monotonic() - started
    assert report.verdict is Verdict.UNREACHABLE
    assert elapsed <= 31.0


# --- answers of step 1 and 2 that no test reached (issue 19) --------------------------------
def no_wait_client(*args: Any, **kw: Any) -> MailingClient:
    """The check's own client, retrying without the interactive back-off's waits."""
    return MailingClient(*args, **{**kw, "retry": RetryPolicy(attempts=2, initial_wait=0, max_wait=0)})


def test_a_server_in_trouble_is_server_trouble_after_one_more_try() -> None:
    with answering({wire.SYSTEM_STATUS: (503, {"message": "Maintenance until 6:00."})}) as (url, asked):
        report = check_connection(url, "key", "secret", client_factory=no_wait_client)
    assert report.verdict is Verdict.SERVER_TROUBLE and not report.ok
    assert asked[:2] == [wire.SYSTEM_STATUS] * 2 and wire.CHECK_MESSAGES_STATUS not in asked
    assert "HTTP 503" in report.detail and "Maintenance until 6:00." in report.detail


def test_a_web_page_instead_of_the_queue_is_not_usos() -> None:
    with answering({wire.SYSTEM_STATUS: (200, b"<html>Welcome to nginx!</html>")}) as (url, asked):
        report = check_connection(url, "key", "secret")
    assert report.verdict is Verdict.NOT_USOS and report.exit_code == 4
    assert "not like a USOS API (no JSON)" in report.detail
    assert asked == [wire.SYSTEM_STATUS]  # nothing more is asked of what is not a USOS API


def test_a_coded_not_found_for_the_queue_is_not_understood_not_not_usos() -> None:
    """A 404 that carries a USOS error code comes from a USOS API: not "no mailing module"."""
    answer = (404, {"message": "Object not found.", "error": "object_not_found"})
    with answering({wire.SYSTEM_STATUS: answer}) as (url, _):
        report = check_connection(url, "key", "secret")
    assert report.verdict is Verdict.NOT_UNDERSTOOD and "Object not found." in report.detail


def test_a_probe_refused_over_another_parameter_is_not_evidence_enough() -> None:
    probe = (400, {"message": "Invalid value of 'format'.", "error": "param_invalid", "param_name": "format"})
    with answering({wire.SYSTEM_STATUS: SYSTEM_OK, wire.CHECK_MESSAGES_STATUS: probe}) as (url, _):
        report = check_connection(url, "key", "secret", compatibility=False)
    assert report.verdict is Verdict.NOT_UNDERSTOOD and not report.ok
    assert "'format'" in report.detail
    assert report.queue_json() == {"pending": 3, "mine": None, "daemon_running": True}


def test_a_probe_answered_with_a_web_page_is_not_understood_with_nothing_to_show() -> None:
    routes = {wire.SYSTEM_STATUS: SYSTEM_OK, wire.CHECK_MESSAGES_STATUS: (200, b"<html>Login</html>")}
    with answering(routes) as (url, _):
        report = check_connection(url, "key", "secret", compatibility=False)
    assert report.verdict is Verdict.NOT_UNDERSTOOD and report.answer == ""
    assert "not like a USOS API" in report.detail


def test_a_probe_refused_over_its_own_message_ids_is_evidence_enough() -> None:
    """Validating its own parameter means the call went past the signature and the key check."""
    probe = (400, {"message": "Unknown ID.", "error": "param_invalid", "param_name": wire.P_MESSAGE_IDS})
    with answering({wire.SYSTEM_STATUS: SYSTEM_OK, wire.CHECK_MESSAGES_STATUS: probe}) as (url, _):
        report = check_connection(url, "key", "secret", compatibility=False)
    assert report.verdict is Verdict.OK and report.exit_code == 0 and report.unsent_count == 3
