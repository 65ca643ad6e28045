"""Errors are classified by USOS's documented ``error`` code first, by the HTTP status only
when there is none (D4): every documented body, under every status it may come with."""

from __future__ import annotations

from typing import Any

import pytest

from usosmail_gui.core.usos import (
    BadParameter,
    CredentialsRejected,
    FieldProblem,
    LangText,
    NotAdministrative,
    NotFound,
    UnrecognisedError,
    UsosError,
    wire,
)
from usosmail_gui.core.usos.client import error_from_body

USER = {"generic_message": {"pl": "Brak uprawnień.", "en": "No access."}}


def error(status: int, body: dict[str, Any]) -> UsosError:
    return error_from_body(status, wire.parse_error_body(body), "services/mailing/check_messages_status")


@pytest.mark.parametrize("status", [400, 401, 403])
def test_method_forbidden_is_not_administrative_whatever_the_status(status: int) -> None:
    exc = error(
        status, {"message": "Denied.", "error": "method_forbidden", "reason": "x", "user_messages": USER}
    )
    assert isinstance(exc, NotAdministrative)
    assert exc.reason == "x" and exc.http_status == status
    assert exc.user_text("pl") == "Brak uprawnień." and exc.user_text("en") == "No access."
    assert exc.described("pl").endswith("USOS says: Brak uprawnień.")


@pytest.mark.parametrize("code", ["param_missing", "param_invalid", "param_forbidden"])
def test_parameter_codes_name_the_parameter(code: str) -> None:
    exc = error(400, {"message": "Bad.", "error": code, "param_name": "subject", "reason": "too_long"})
    assert type(exc) is BadParameter and exc.param_name == "subject"
    assert "'subject'" in str(exc)


@pytest.mark.parametrize("status", [400, 404])
def test_object_not_found_under_400_or_404(status: int) -> None:
    assert isinstance(
        error(status, {"message": "Nope.", "error": "object_not_found", "reason": "r"}), NotFound
    )


@pytest.mark.parametrize("code", ["field_not_found", "field_invalid"])
def test_field_codes(code: str) -> None:
    exc = error(400, {"message": "?", "error": code, "field_name": "daemon_running", "method_name": "m"})
    assert isinstance(exc, FieldProblem)
    assert (exc.field_name, exc.method_name) == ("daemon_running", "m")


def test_an_unknown_code_is_shown_as_such_with_usos_words() -> None:
    exc = error(400, {"message": "Quota exceeded for today.", "error": "quota_exceeded"})
    assert type(exc) is UnrecognisedError
    assert "quota_exceeded" in str(exc) and "Quota exceeded for today." in str(exc)


def test_an_unknown_code_under_401_is_still_an_authentication_failure() -> None:
    assert isinstance(
        error(401, {"message": "Invalid signature.", "error": "invalid_signature"}), CredentialsRejected
    )


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, BadParameter),
        (401, CredentialsRejected),
        (403, NotAdministrative),
        (404, NotFound),
        (409, UsosError),
    ],
)
def test_without_a_code_the_status_decides(status: int, kind: type[UsosError]) -> None:
    exc = error(status, {"message": "Invalid signature."})
    assert type(exc) is kind
    assert "Invalid signature." in str(exc)


def test_field_messages_are_read_in_the_language_asked() -> None:
    exc = error(
        400,
        {
            "message": "m",
            "error": "param_invalid",
            "param_name": "recipients",
            "user_messages": {"fields": {"recipients": {"pl": "Zły adres.", "en": "Bad address."}}},
        },
    )
    assert exc.field_messages == {"recipients": LangText("Zły adres.", "Bad address.")}
    assert exc.user_text("pl") == "recipients: Zły adres."
    assert exc.user_text("en") == "recipients: Bad address."
    assert error(400, {"message": "m", "error": "param_invalid"}).user_text() is None
