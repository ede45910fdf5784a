"""JSON uploads: ``{"title", "body", "published", "url", "author"}`` (``text`` or ``content`` for body)."""

from __future__ import annotations

import json
from typing import Any

from newsextract.formats.article import Article, ArticleError
from newsextract.formats.dates import normalize_date

_BODY_FIELDS = ("body", "text", "content")
_OPTIONAL_TEXT_FIELDS = ("title", "published", "url", "author")


def parse_json(text: str) -> Article:
    """Parse a JSON article; wrong types and missing body are reported by field name."""
    try:
        data: Any = json.loads(text)
    except RecursionError:
        raise ArticleError("invalid JSON: nested too deeply") from None
    except json.JSONDecodeError as error:
        raise ArticleError(f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    if not isinstance(data, dict):
        raise ArticleError(f"JSON article must be an object, not {type(data).__name__}")
    body_field = next((name for name in _BODY_FIELDS if name in data), None)
    if body_field is None:
        raise ArticleError('JSON article has no "body" field')
    body = data[body_field]
    if not isinstance(body, str):
        raise ArticleError(f'JSON field "{body_field}" must be a string, not {_json_type(body)}')
    values: dict[str, str | None] = {}
    for name in _OPTIONAL_TEXT_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise ArticleError(f'JSON field "{name}" must be a string, not {_json_type(value)}')
        values[name] = value.strip() or None if isinstance(value, str) else None
    published = values["published"]
    if published is not None and normalize_date(published) is None:
        raise ArticleError(f'JSON field "published" is not a date: {published[:40]!r}')
    return Article(
        text=body,
        format="json",
        title=values["title"],
        published=normalize_date(published) if published else None,
        url=values["url"],
        author=values["author"],
    )


def _json_type(value: object) -> str:
    return {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
