"""Validated path and query parameters shared by the routers."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import unquote

from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from newsextract.store import MAX_PAGE

ARTICLE_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$"
MAX_NAME = 200

ArticleId = Annotated[str, Path(pattern=ARTICLE_ID_PATTERN, description="Article id (from GET /articles)")]
Name = Annotated[
    str, Path(min_length=1, max_length=12 * MAX_NAME, description="A name, e.g. 'Milley' or 'Mark Milley'")
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size")]
Cursor = Annotated[str | None, Query(max_length=2048, description="`next` of the previous page")]
MinConfidence = Annotated[
    float,
    Query(
        ge=0, le=1, description="Only statements with at least this confidence (a page may then hold fewer)"
    ),
]
Since = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Oldest published date (ISO 8601)")]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Newest published date (ISO 8601)")]


def decode_name(raw: str) -> str:
    """Path parameters arrive percent-encoded from REST APIs; the result is bounded like the index keys."""
    name = unquote(raw).strip()
    if not name or len(name) > MAX_NAME:
        raise ValueError(f"name must have 1 to {MAX_NAME} characters")
    return name
