"""Composition root of the read API: one store and one resolver per process, configured from the environment.

``TABLE_NAME`` (required); ``API_CURSOR_SECRET`` (HMAC key of pagination cursors,
derived from the table name when unset); ``CORS_ALLOW_ORIGIN`` (the one origin allowed to call the API
from a browser; none when unset). The DynamoDB client is created lazily on the first request."""

from __future__ import annotations

import os
from functools import cache

from aws_lambda_powertools.event_handler import APIGatewayRestResolver

from newsextract.api import build_app
from newsextract.store import DynamoDBStore


@cache
def build_api_app() -> APIGatewayRestResolver:
    table_name = os.environ.get("TABLE_NAME", "")
    if not table_name:
        raise RuntimeError("TABLE_NAME is not set")
    secret = os.environ.get("API_CURSOR_SECRET") or None
    store = DynamoDBStore(table_name, cursor_secret=secret.encode("utf-8") if secret else None)
    return build_app(store, cors_origin=os.environ.get("CORS_ALLOW_ORIGIN") or None)


def reset() -> None:
    """Forget the built app, e.g. after the environment changed (tests)."""
    build_api_app.cache_clear()
