"""GET /openapi.json: the OpenAPI document Powertools generates from the routes."""

from __future__ import annotations

from collections.abc import Callable

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.api_gateway import Router


def make_router(openapi_json: Callable[[], str]) -> Router:
    router = Router()  # type: ignore[no-untyped-call]

    @router.get("/openapi.json", include_in_schema=False)
    def openapi() -> Response[str]:
        return Response(status_code=200, content_type=content_types.APPLICATION_JSON, body=openapi_json())

    return router
