"""The one exception the sandbox's API code raises to answer with an error (D4).

Only documented error codes are used (``method_forbidden``, ``param_*``,
``object_not_found``, ``field_*``). Where USOS shows no code (OAuth failures come as
401 "Invalid signature.", an unknown method, server trouble), the body has only its
``message``, as the errors page says every body has "at least" that.
"""

from __future__ import annotations

from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.models import LangText


class ApiError(Exception):
    """An error answer: HTTP status, USOS error code (or none), developer message, extras.

    ``user_message`` / ``field_messages`` become ``user_messages`` (D4): text for the end
    user in Polish and English, as real installations send with form-like errors.
    """

    def __init__(
        self,
        status: int,
        code: str | None,
        message: str,
        param_name: str | None = None,
        *,
        reason: str | None = None,
        field_name: str | None = None,
        method_name: str | None = None,
        user_message: LangText | None = None,
        field_messages: dict[str, LangText] | None = None,
    ) -> None:
        super().__init__(message)
        if code is not None and code not in wire.DOCUMENTED_ERRORS:
            raise ValueError(f"{code!r} is not a documented USOS error code")
        self.status = status
        self.code = code
        self.message = message
        self.param_name = param_name
        self.reason = reason
        self.field_name = field_name
        self.method_name = method_name
        self.user_message = user_message
        self.field_messages = field_messages or {}

    def body(self) -> dict[str, object]:
        data: dict[str, object] = {wire.K_ERROR_MESSAGE: self.message}
        if self.code is not None:
            data[wire.K_ERROR_CODE] = self.code
        if self.code in wire.PARAM_ERRORS:
            data[wire.K_ERROR_PARAM_NAME] = self.param_name
        for key, value in (
            (wire.K_ERROR_REASON, self.reason),
            (wire.K_ERROR_FIELD_NAME, self.field_name),
            (wire.K_ERROR_METHOD_NAME, self.method_name),
        ):
            if value is not None:
                data[key] = value
        if self.user_message or self.field_messages:
            user: dict[str, object] = {}
            if self.user_message:
                user[wire.K_USER_GENERIC] = _lang_dict(self.user_message)
            if self.field_messages:
                user[wire.K_USER_FIELDS] = {k: _lang_dict(v) for k, v in self.field_messages.items()}
            data[wire.K_USER_MESSAGES] = user
        return data


def _lang_dict(text: LangText) -> dict[str, str]:
    return {wire.K_LANG_PL: text.pl, wire.K_LANG_EN: text.en}


FORM_ERRORS = LangText("Formularz zawiera błędy.", "The form contains errors.")


def param_missing(name: str, message: str | None = None) -> ApiError:
    return ApiError(
        400,
        wire.ERROR_PARAM_MISSING,
        message or f"Required parameter '{name}' is missing.",
        name,
        user_message=FORM_ERRORS,
        field_messages={name: LangText("To pole jest wymagane.", "This field is required.")},
    )


def param_invalid(name: str | None, message: str, user: LangText | None = None) -> ApiError:
    """A refused parameter; ``user``: the words for the end user about that field."""
    fields = {name: user} if name is not None and user is not None else None
    return ApiError(
        400, wire.ERROR_PARAM_INVALID, message, name, user_message=FORM_ERRORS if fields else None,
        field_messages=fields,
    )


def plain(status: int, message: str) -> ApiError:
    """An error with no code, as USOS answers OAuth failures, unknown methods and trouble."""
    return ApiError(status, None, message)
