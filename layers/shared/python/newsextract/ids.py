"""Stable identifiers: an article's id is derived from where it lives, so re-uploads replace it."""

from __future__ import annotations

import hashlib


def article_id(key: str, bucket: str | None = None) -> str:
    """A short, URL-safe id for the object ``bucket/key`` (or just ``key`` outside S3)."""
    location = f"{bucket}/{key}" if bucket else key
    return hashlib.sha256(location.encode("utf-8")).hexdigest()[:20]


def content_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
