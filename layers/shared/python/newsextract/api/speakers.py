"""GET /speakers/{name}/statements: what a speaker said, newest first, optionally above a confidence."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.exceptions import BadRequestError

from newsextract.api.params import Cursor, Limit, MinConfidence, Name, decode_name
from newsextract.store import ResultStore, query_key


def make_router(store: ResultStore) -> Router:
    router = Router()  # type: ignore[no-untyped-call]

    @router.get("/speakers/<name>/statements", tags=["speakers"], summary="What a speaker said")
    def speaker_statements(
        name: Name, limit: Limit = 20, cursor: Cursor = None, min_confidence: MinConfidence = 0.0
    ) -> dict[str, Any]:
        try:
            query = query_key(decode_name(name))
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        page = store.statements_by_speaker(query, limit=limit, cursor=cursor or None)
        items = [item for item in page.items if item.get("confidence", 0.0) >= min_confidence]
        return {"items": items, "next": page.next}

    return router
