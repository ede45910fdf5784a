"""Markdown uploads: YAML front matter and the first ``# heading`` become metadata; markup is removed."""

from __future__ import annotations

import re

from newsextract.formats.article import Article
from newsextract.formats.dates import normalize_date
from newsextract.formats.plaintext import parse_plain_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$", re.M)
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^(```|~~~)")
_RULE = re.compile(r"^(?:[-*_][ \t]*){3,}$")
_BLOCK_PREFIX = re.compile(r"^(?:[ \t]*>[ \t]?)+|^[ \t]*(?:[-*+]|\d+[.)])[ \t]+")
_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
)
_KEYS = {"title": "title", "date": "published", "published": "published", "author": "author", "url": "url"}


def parse_markdown(text: str) -> Article:
    """Render Markdown to plain paragraphs and collect its metadata."""
    fields: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        for match in _FRONT_FIELD.finditer(front["body"]):
            name = _KEYS.get(match["key"].lower())
            if name and match["value"]:
                fields.setdefault(name, match["value"].strip("'\""))
        text = text[front.end() :]
    paragraphs: list[str] = []
    current: list[str] = []
    in_fence = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw_line in text.splitlines():
        line = raw_line.rstrip()
        if _FENCE.match(line.lstrip()):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            current.append(line.strip())
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            if "title" not in fields and not paragraphs:
                fields["title"] = _inline(heading["text"])
            else:
                paragraphs.append(_inline(heading["text"]))
            continue
        if not line.strip() or _RULE.match(line.strip()):
            flush()
            continue
        stripped = _inline(_BLOCK_PREFIX.sub("", line).strip())
        if stripped:
            current.append(stripped)
    flush()
    body = parse_plain_text("\n\n".join(paragraphs))
    published = normalize_date(fields["published"]) if "published" in fields else None
    return Article(
        text=body.text,
        format="markdown",
        title=fields.get("title") or body.title,
        published=published or body.published,
        url=fields.get("url") or body.url,
        author=fields.get("author") or body.author,
    )


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()
