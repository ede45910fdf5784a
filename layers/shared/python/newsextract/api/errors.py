"""One JSON error shape for every failure: ``{"error": {"status": <int>, "message": <str>}}``."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import NotFoundError, ServiceError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError

from newsextract.store import InvalidCursor

logger = Logger(child=True)


def error_response(status: int, message: str) -> Response[dict[str, Any]]:
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body={"error": {"status": status, "message": message}},
    )


def _describe(error: dict[str, Any]) -> str:
    location = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path"))
    message = str(error.get("msg", "invalid value"))
    return f"{location}: {message}" if location else message


def register_error_handlers(app: APIGatewayRestResolver) -> None:
    """400 for invalid parameters and cursors, 404 for unknown routes/articles, 500 for the rest."""

    @app.exception_handler(RequestValidationError)  # type: ignore[untyped-decorator]
    def invalid_request(error: RequestValidationError) -> Response[dict[str, Any]]:
        details = "; ".join(_describe(e) for e in error.errors()[:5])
        return error_response(HTTPStatus.BAD_REQUEST, f"invalid request: {details}")

    @app.exception_handler(InvalidCursor)  # type: ignore[untyped-decorator]
    def invalid_cursor(error: InvalidCursor) -> Response[dict[str, Any]]:
        return error_response(HTTPStatus.BAD_REQUEST, "invalid cursor")

    @app.not_found
    def not_found(error: NotFoundError) -> Response[dict[str, Any]]:
        message = error.msg if isinstance(error.msg, str) and error.msg != "Not found" else "not found"
        return error_response(HTTPStatus.NOT_FOUND, message)

    @app.exception_handler(ServiceError)  # type: ignore[untyped-decorator]
    def service_error(error: ServiceError) -> Response[dict[str, Any]]:
        return error_response(error.status_code, str(error.msg))

    @app.exception_handler(Exception)  # type: ignore[untyped-decorator]
    def unexpected(error: Exception) -> Response[dict[str, Any]]:
        logger.exception("unhandled error while serving %s", app.current_event.path)
        return error_response(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error")
