"""HTML uploads: the main text (``<article>``/``<main>`` when present), without scripts, styles,
navigation or embeds; title from ``<title>``/Open Graph, date from the usual meta tags or ``<time>``."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from newsextract.formats.article import Article
from newsextract.formats.dates import normalize_date

_SKIPPED = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "iframe", "noscript", "form", "svg", "button",
     "template", "select", "object", "embed", "canvas", "audio", "video", "figure", "head", "menu"}
)  # fmt: skip
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br",
     "tr", "table", "blockquote", "pre", "dd", "dt", "hr", "body"}
)  # fmt: skip
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "dc.date", "dc.date.issued", "dcterms.created", "article.published", "parsely-pub-date", "sailthru.date",
)  # fmt: skip
_SPACE = re.compile(r"\s+")


class _MainTextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[bool, str]] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.first_h1: list[str] = []
        self.time_datetime: str | None = None
        self._buffer: list[str] = []
        self._skip_depth = 0
        self._main_depth = 0
        self._in_title = False
        self._in_h1 = False
        self._h1_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            key = (
                attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
            ).lower()
            if key and "content" in attributes:
                self.meta.setdefault(key, attributes["content"].strip())
            return
        if tag == "link" and attributes.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", attributes.get("href", ""))
            return
        if tag == "time" and self.time_datetime is None and attributes.get("datetime"):
            self.time_datetime = attributes["datetime"]
        if tag == "title":
            self._in_title = True
            return
        if tag in _VOID:
            if tag in _BLOCKS:
                self._flush()
            return
        if self._skip_depth or tag in _SKIPPED:
            self._skip_depth += 1
            return
        if tag in ("article", "main"):
            self._flush()
            self._main_depth += 1
        if tag == "h1" and not self._h1_done:
            self._in_h1 = True
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if tag in _VOID:
            return
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self._h1_done = True
        if tag in _BLOCKS:
            self._flush()
        if tag in ("article", "main") and self._main_depth:
            self._main_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip_depth:
            return
        if self._in_h1:
            self.first_h1.append(data)
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._buffer)).strip()
        self._buffer.clear()
        if text:
            self.blocks.append((self._main_depth > 0, text))


def parse_html(text: str) -> Article:
    """Extract the readable article from an HTML page."""
    parser = _MainTextParser()
    parser.feed(text)
    parser.close()
    main_blocks = [block for in_main, block in parser.blocks if in_main]
    blocks = main_blocks or [block for _, block in parser.blocks]
    title = _SPACE.sub(" ", "".join(parser.title_parts)).strip() or parser.meta.get("og:title")
    title = title or _SPACE.sub(" ", "".join(parser.first_h1)).strip() or None
    if title and blocks and blocks[0] == title:
        blocks = blocks[1:]
    published = next(
        (date for key in _DATE_META if (date := normalize_date(parser.meta.get(key, "")))), None
    ) or (normalize_date(parser.time_datetime) if parser.time_datetime else None)
    return Article(
        text="\n\n".join(blocks),
        format="html",
        title=title,
        published=published,
        url=parser.meta.get("canonical") or parser.meta.get("og:url") or None,
        author=parser.meta.get("author") or parser.meta.get("article:author") or None,
    )
