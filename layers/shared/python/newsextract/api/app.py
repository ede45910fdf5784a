"""Composition of the read API: routers, error handlers, CORS and security headers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, CORSConfig
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.utilities.typing import LambdaContext

import newsextract
from newsextract.api import articles, docs, entities, speakers, web
from newsextract.api.errors import register_error_handlers
from newsextract.store import ResultStore

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
}
JSON_CSP = "default-src 'none'; frame-ancestors 'none'"


class SecureRestResolver(APIGatewayRestResolver):
    """Adds the security headers to every response, error responses included.

    JSON responses also get a deny-all Content-Security-Policy; other content types (the web page of
    ``GET /``) set their own.
    """

    def resolve(self, event: Mapping[str, Any], context: LambdaContext) -> dict[str, Any]:
        response = super().resolve(event, context)
        headers: dict[str, list[str]] = response.setdefault("multiValueHeaders", {})
        for name, value in SECURITY_HEADERS.items():
            headers[name] = [value]
        content_type = next((v[0] for k, v in headers.items() if k.lower() == "content-type" and v), "")
        if content_type.startswith("application/json"):
            headers["Content-Security-Policy"] = [JSON_CSP]
        return response


def build_app(
    store: ResultStore, *, cors_origin: str | None, routers: Iterable[Router] = ()
) -> APIGatewayRestResolver:
    """The API over ``store``, with the web page at ``GET /``; ``routers`` plugs in further resources."""
    cors = (
        CORSConfig(allow_origin=cors_origin, allow_headers=["Content-Type", "X-Api-Key"], max_age=600)
        if cors_origin
        else None
    )
    app = SecureRestResolver(cors=cors, enable_validation=True)

    @cache
    def openapi_json() -> str:
        return docs.document_errors(
            app.get_openapi_json_schema(
                title="newsextract API",
                version=newsextract.__version__,
                description="Entities and statements (who said what) extracted from news articles.",
            )
        )

    for router in (
        articles.make_router(store),
        entities.make_router(store),
        speakers.make_router(store),
        docs.make_router(openapi_json),
        web.make_router(),
        *routers,
    ):
        app.include_router(router)
    register_error_handlers(app)
    return app
