"""Decoding and the four upload formats."""

from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsextract.formats import ArticleError, detect_format, parse_article
from newsextract.formats.dates import normalize_date


class TestDecoding:
    def test_utf8_bom_is_removed(self) -> None:
        assert parse_article(codecs.BOM_UTF8 + "Café owners said so.".encode()).text == "Café owners said so."

    def test_utf16_with_bom(self) -> None:
        assert parse_article("Zürich officials said so.".encode("utf-16")).text == "Zürich officials said so."

    def test_windows_1252_fallback_keeps_curly_quotes(self) -> None:
        data = "“We will,” said Ms. Núñez.".encode("cp1252")
        assert parse_article(data).text == "“We will,” said Ms. Núñez."

    def test_invalid_utf8_falls_back_instead_of_failing(self) -> None:
        assert parse_article(b"Price: 5\x81 euros").text.startswith("Price: 5")

    @pytest.mark.parametrize(
        ("data", "reason"),
        [
            (b"", "empty"),
            (b"   \n\t ", "no text"),
            (b"%PDF-1.7\n...", "PDF"),
            (b"\x89PNG\r\n\x1a\nxxxx", "PNG"),
            (b"PK\x03\x04zipdata", "ZIP"),
            (b"text\x00with\x00nul", "NUL"),
        ],
    )
    def test_unreadable_uploads_give_a_reason(self, data: bytes, reason: str) -> None:
        with pytest.raises(ArticleError, match=reason):
            parse_article(data, "upload.txt")


class TestPlainText:
    def test_text_without_metadata_is_the_file_exactly(self) -> None:
        raw = "  The mayor said the budget was fine.\n\nMore text.\n"
        assert parse_article(raw.encode(), "a.txt").text == raw

    def test_inline_date_before_first_sentence(self) -> None:
        article = parse_article(b" date 2023-01-17 The council met on Tuesday.", "a.txt")
        assert article.published == "2023-01-17"
        assert article.text == "The council met on Tuesday."

    def test_metadata_lines(self) -> None:
        raw = b"title: Budget passes\ndate: March 5, 2024\nauthor: A. Writer\n\nThe council voted."
        article = parse_article(raw, "a.txt")
        assert (article.title, article.published, article.author) == (
            "Budget passes",
            "2024-03-05",
            "A. Writer",
        )
        assert article.text == "The council voted."

    def test_date_line_then_title_line(self) -> None:
        article = parse_article(
            b"date 2024-03-05\ntitle: Bridge repair approved\n\nThe board voted.", "a.txt"
        )
        assert (article.published, article.title, article.text) == (
            "2024-03-05",
            "Bridge repair approved",
            "The board voted.",
        )

    def test_word_date_is_not_mistaken_for_metadata(self) -> None:
        raw = b"Date night is back, the mayor said."
        assert parse_article(raw, "a.txt").text == raw.decode()

    def test_dateline_gives_the_published_date(self) -> None:
        article = parse_article(b"WASHINGTON, Jan. 17, 2023 -- The Pentagon said on Tuesday.", "a.txt")
        assert article.published == "2023-01-17"


class TestMarkdown:
    def test_front_matter_heading_and_markup(self) -> None:
        raw = b"---\ntitle: Bridge plan\ndate: 2024-03-05\n---\n# Ignored heading\n\nThe **board** said [yes](http://x).\n"
        article = parse_article(raw, "story.md")
        assert article.title == "Bridge plan"
        assert article.published == "2024-03-05"
        assert "The board said yes." in article.text
        assert "**" not in article.text and "http" not in article.text

    def test_first_heading_is_the_title(self) -> None:
        article = parse_article(b"# Bridge plan\n\n* First point\n* Second point\n", "story.md")
        assert article.title == "Bridge plan"
        assert article.text == "First point Second point"


class TestHtml:
    PAGE = b"""<!doctype html><html><head><title>Bridge plan approved</title>
        <meta property="article:published_time" content="2024-03-05T09:30:00Z">
        <meta name="author" content="A. Writer"><style>p{color:red}</style>
        <script>document.write("tracking")</script></head>
        <body><nav>Home | Sports</nav><article><h1>Bridge plan approved</h1>
        <p>The board voted &amp; the mayor said yes.</p><iframe src="ad">advert</iframe>
        <p>Work starts in <b>September</b>.</p></article><footer>Copyright</footer></body></html>"""

    def test_main_text_without_scripts_nav_and_embeds(self) -> None:
        article = parse_article(self.PAGE, "story.html")
        assert article.text == "The board voted & the mayor said yes.\n\nWork starts in September."
        assert article.title == "Bridge plan approved"
        assert article.published == "2024-03-05T09:30:00+00:00"
        assert article.author == "A. Writer"

    def test_body_text_without_article_element(self) -> None:
        article = parse_article(b"<html><body><p>One.</p><div>Two <i>three</i></div></body></html>", "x.html")
        assert article.text == "One.\n\nTwo three"


class TestJson:
    def test_fields(self) -> None:
        raw = json.dumps(
            {"title": "T", "body": "The board voted.", "published": "2024-03-05", "url": "u", "author": "a"}
        )
        article = parse_article(raw.encode(), "x.json")
        assert (article.text, article.title, article.published, article.url, article.author) == (
            "The board voted.", "T", "2024-03-05", "u", "a"
        )  # fmt: skip

    @pytest.mark.parametrize(
        ("raw", "reason"),
        [
            (b'{"title": "no body"}', 'no "body"'),
            (b'{"body": 42}', '"body" must be a string'),
            (b'{"body": "x", "title": ["a"]}', '"title" must be a string'),
            (b'{"body": "x", "published": "soon"}', "not a date"),
            (b'{"body": "x",', "invalid JSON"),
            (b"[" * 50_000 + b"]" * 50_000, "nested too deeply|invalid JSON|must be an object"),
        ],
    )
    def test_bad_json_is_reported_by_field(self, raw: bytes, reason: str) -> None:
        with pytest.raises(ArticleError, match=reason):
            parse_article(raw, "x.json")


def test_format_detection_by_extension_type_and_content() -> None:
    assert detect_format("x", "a/b/story.MD") == "markdown"
    assert detect_format("x", None, "text/html; charset=utf-8") == "html"
    assert detect_format('  {"body": "x"}') == "json"
    assert detect_format("<!DOCTYPE html><p>x</p>") == "html"
    assert detect_format("Plain words.") == "text"


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2023-01-17", "2023-01-17"),
        ("January 17, 2023", "2023-01-17"),
        ("Jan. 17, 2023", "2023-01-17"),
        ("17 January 2023", "2023-01-17"),
        ("Tue, 17 Jan 2023 10:00:00 GMT", "2023-01-17T10:00:00+00:00"),
        ("2023-02-30", None),
        ("next week", None),
    ],
)
def test_normalize_date(written: str, iso: str | None) -> None:
    assert normalize_date(written) == iso


@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "noext"]))
def test_any_bytes_parse_or_give_an_article_error(data: bytes, key: str) -> None:
    try:
        article = parse_article(data, key)
    except ArticleError as error:
        assert str(error)
    else:
        assert article.text.strip()


@given(st.text(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_text_parses_without_crashing(text: str, key: str) -> None:
    try:
        article = parse_article(text.encode("utf-8"), key)
    except ArticleError:
        return
    assert isinstance(article.text, str)
