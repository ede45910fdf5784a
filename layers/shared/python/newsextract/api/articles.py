"""GET /articles, /articles/{id}, /articles/{id}/entities, /articles/{id}/statements."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.exceptions import NotFoundError

from newsextract.api.params import ArticleId, Cursor, Limit, MinConfidence, Since, Until
from newsextract.result import ExtractionResult
from newsextract.store import ResultStore


def make_router(store: ResultStore) -> Router:
    router = Router()  # type: ignore[no-untyped-call]

    def load(article_id: str) -> ExtractionResult:
        result = store.get_result(article_id)
        if result is None:
            raise NotFoundError(f"article {article_id} not found")
        return result

    @router.get("/articles", tags=["articles"], summary="Articles, newest first")
    def list_articles(
        since: Since = None, until: Until = None, limit: Limit = 20, cursor: Cursor = None
    ) -> dict[str, Any]:
        page = store.list_articles(since=since, until=until, limit=limit, cursor=cursor or None)
        return {"items": page.items, "next": page.next}

    @router.get("/articles/<article_id>", tags=["articles"], summary="The full extraction result")
    def get_article(article_id: ArticleId) -> dict[str, Any]:
        return load(article_id).to_dict()

    @router.get("/articles/<article_id>/entities", tags=["articles"], summary="Entities of an article")
    def get_entities(article_id: ArticleId) -> dict[str, Any]:
        return {"items": [e.to_dict() for e in load(article_id).entities], "next": None}

    @router.get("/articles/<article_id>/statements", tags=["articles"], summary="Statements of an article")
    def get_statements(article_id: ArticleId, min_confidence: MinConfidence = 0.0) -> dict[str, Any]:
        statements = [s for s in load(article_id).statements if s.confidence >= min_confidence]
        return {"items": [s.to_dict() for s in statements], "next": None}

    return router
