"""GET /speakers/{name}/statements: what a speaker said, newest first."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.exceptions import BadRequestError

from newsextract.api.params import Cursor, Limit, Name, decode_name
from newsextract.store import ResultStore, query_key


def make_router(store: ResultStore) -> Router:
    router = Router()  # type: ignore[no-untyped-call]

    @router.get("/speakers/<name>/statements", tags=["speakers"], summary="What a speaker said")
    def speaker_statements(name: Name, limit: Limit = 20, cursor: Cursor = None) -> dict[str, Any]:
        try:
            query = query_key(decode_name(name))
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        page = store.statements_by_speaker(query, limit=limit, cursor=cursor or None)
        return {"items": page.items, "next": page.next}

    return router
