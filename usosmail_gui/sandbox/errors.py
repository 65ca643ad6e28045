"""The one exception the sandbox's API code raises to answer with an error (B5)."""

from __future__ import annotations

from usosmail_gui.core.usos import wire

ERROR_UNAUTHORIZED = "unauthorized"
ERROR_INVALID_SIGNATURE = "invalid_signature"
ERROR_METHOD_NOT_FOUND = "method_not_found"
ERROR_METHOD_NOT_ALLOWED = "method_not_allowed"
ERROR_INTERNAL = "internal_error"
ERROR_BAD_REQUEST = "bad_request"


class ApiError(Exception):
    """An error answer: HTTP status, USOS error code, plain-words message, parameter."""

    def __init__(
        self, status: int, code: str, message: str, param_name: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.param_name = param_name

    def body(self) -> dict[str, object]:
        data: dict[str, object] = {wire.K_ERROR_MESSAGE: self.message, wire.K_ERROR_CODE: self.code}
        if self.status == 400:
            data[wire.K_ERROR_PARAM_NAME] = self.param_name
        return data


def param_missing(name: str, message: str | None = None) -> ApiError:
    return ApiError(
        400, wire.ERROR_PARAM_MISSING, message or f"Required parameter '{name}' is missing.", name
    )


def param_invalid(name: str | None, message: str) -> ApiError:
    return ApiError(400, wire.ERROR_PARAM_INVALID, message, name)
