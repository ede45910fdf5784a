"""Plain text with optional leading metadata.

Recognised before the body, one per line (``key: value``) or, for dates, inline before the first
sentence (``date 2023-01-17 Joint Chiefs ...``): ``date``/``published``, ``title``/``headline``,
``author``/``by``, ``url``/``source``. Metadata is kept out of ``Article.text``; without a metadata
prefix the text is the decoded file exactly.
"""

from __future__ import annotations

import re

from newsextract.formats.article import Article
from newsextract.formats.dates import DATE_PATTERN, normalize_date

_DATE_KEYS = r"date|published|pubdate|dateline"
_TEXT_KEYS = {"title": "title", "headline": "title", "author": "author", "by": "author", "byline": "author",
              "url": "url", "source": "url", "link": "url"}  # fmt: skip

_INLINE_DATE = re.compile(rf"[ \t]*(?:{_DATE_KEYS})[ \t]*:?[ \t]*(?P<value>{DATE_PATTERN})(?=\s|$)", re.I)
_FIELD_LINE = re.compile(
    rf"[ \t]*(?P<key>{'|'.join(_TEXT_KEYS)}|{_DATE_KEYS})[ \t]*:[ \t]*(?P<value>[^\r\n]*)(?:\r?\n|$)", re.I
)
_DATELINE = re.compile(rf"^[^\n]{{0,80}}?(?P<value>{DATE_PATTERN})[^\n]{{0,40}}?(?:—|–|--| - )", re.I)


def parse_plain_text(text: str) -> Article:
    """Split leading metadata from the body of a plain-text article."""
    fields: dict[str, str] = {}
    position = 0
    while True:
        if position:
            position = _skip_space(text, position)
        line = _FIELD_LINE.match(text, position)
        if line and line["value"].strip():
            key = line["key"].lower()
            field_name = _TEXT_KEYS.get(key, "published")
            fields.setdefault(field_name, line["value"].strip())
            position = line.end()
            continue
        inline = _INLINE_DATE.match(text, position)
        if inline:
            fields.setdefault("published", inline["value"])
            position = inline.end()
            continue
        break
    body = text[_skip_space(text, position) :] if position else text
    published = normalize_date(fields["published"]) if "published" in fields else None
    if published is None:
        dateline = _DATELINE.match(body)
        published = normalize_date(dateline["value"]) if dateline else None
    return Article(
        text=body,
        format="text",
        title=fields.get("title"),
        published=published,
        url=fields.get("url"),
        author=fields.get("author"),
    )


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
