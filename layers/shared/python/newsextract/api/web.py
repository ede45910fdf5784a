"""GET /: the browser page (newsextract.web), with a CSP that allows only its own inline CSS and JS."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from newsextract.web import page_headers, page_html


def make_router() -> Router:
    router = Router()  # type: ignore[no-untyped-call]

    @router.get("/", include_in_schema=False)
    def index() -> Response[str]:
        return Response(
            status_code=200, content_type="text/html; charset=utf-8", body=page_html(), headers=page_headers()
        )

    return router
