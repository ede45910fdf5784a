"""GET /openapi.json: the OpenAPI document Powertools generates from the routes, with the real errors.

Powertools documents a 422 for validation; this API answers 400 with its own error body, 404 for unknown
articles and 500 otherwise, so the document is corrected once, here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.api_gateway import Router

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
        }
    },
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {content_types.APPLICATION_JSON: {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def document_errors(document: str) -> str:
    """Replace the generated 422 responses with the 400/404/500 this API really answers."""
    schema: dict[str, Any] = json.loads(document)
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            responses["400"] = _error("Invalid parameter or cursor")
            if "{article_id}" in path:
                responses["404"] = _error("No article with this id")
            responses["500"] = _error("Internal error (details are logged, never returned)")
    return json.dumps(schema, separators=(",", ":"))


def make_router(openapi_json: Callable[[], str]) -> Router:
    router = Router()  # type: ignore[no-untyped-call]

    @router.get("/openapi.json", include_in_schema=False)
    def openapi() -> Response[str]:
        return Response(status_code=200, content_type=content_types.APPLICATION_JSON, body=openapi_json())

    return router
