"""The parsed article: body text plus the metadata found around it."""

from __future__ import annotations

from dataclasses import dataclass


class ArticleError(ValueError):
    """An upload that cannot be read as an article; the message is shown to the user as-is."""


@dataclass(frozen=True)
class Article:
    """A parsed article. All extraction offsets refer to ``text``."""

    text: str
    format: str = "text"
    title: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
