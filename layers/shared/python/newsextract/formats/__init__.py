"""Bytes in, ``Article`` out: decoding and the four upload formats (plain text, Markdown, HTML, JSON).

Everything here is pure: no I/O, no spaCy. ``parse_article`` is the entry point; it raises
``ArticleError`` with a reason a user can act on when an upload cannot be read.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from newsextract.formats.article import Article, ArticleError
from newsextract.formats.decoding import decode_bytes
from newsextract.formats.html import parse_html
from newsextract.formats.jsondoc import parse_json
from newsextract.formats.markdown import parse_markdown
from newsextract.formats.plaintext import parse_plain_text

__all__ = ["Article", "ArticleError", "decode_bytes", "detect_format", "parse_article", "parse_text"]

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
}


def detect_format(text: str, key: str | None = None, content_type: str | None = None) -> str:
    """The format of an upload: by file extension, then Content-Type, then by sniffing the text."""
    if key:
        known = _EXTENSIONS.get(PurePosixPath(key).suffix.lower())
        if known:
            return known
    if content_type:
        media = content_type.split(";")[0].strip().lower()
        if media in ("text/html", "application/xhtml+xml"):
            return "html"
        if media == "application/json":
            return "json"
        if media == "text/markdown":
            return "markdown"
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        return "json"
    if head.startswith(("<!doctype html", "<html", "<article", "<body", "<head")):
        return "html"
    return "text"


def parse_text(text: str, fmt: str) -> Article:
    """Parse decoded text of a known format."""
    if fmt == "json":
        return parse_json(text)
    if fmt == "html":
        return parse_html(text)
    if fmt == "markdown":
        return parse_markdown(text)
    return parse_plain_text(text)


def parse_article(data: bytes, key: str | None = None, content_type: str | None = None) -> Article:
    """Decode and parse one upload. Raises ``ArticleError`` for empty, binary or malformed input."""
    text = decode_bytes(data)
    article = parse_text(text, detect_format(text, key, content_type))
    if not article.text.strip():
        raise ArticleError("the article has no text to extract from")
    return article
