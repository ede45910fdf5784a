"""pipeline_text: plain whitespace for the pipeline, and offsets mapped back to the article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.nlp.whitespace import pipeline_text
from newsextract.result import TextSpan


def test_runs_become_one_space_or_their_line_breaks_and_invisible_characters_go() -> None:
    article = "Kerry  negotiates.\r\n\r\nMr.\u00a0Smith said \n \n“Yes.”\u200b\u00a0Exam\u00adple\t\tend"
    text = pipeline_text(article)
    assert text.text == "Kerry negotiates.\n\nMr. Smith said\n\n“Yes.” Example end"
    assert text.origin is not None
    assert [article[text.origin[i]] for i in range(len(text.text)) if not text.text[i].isspace()] == [
        c for c in text.text if not c.isspace()
    ]


def test_plain_text_is_read_as_it_is() -> None:
    article = "One line.\n\nAnother, with a quote: “Yes.”\n"
    text = pipeline_text(article)
    assert (text.text, text.origin) == (article, None)
    span = TextSpan.of(article, 11, 18)
    assert text.span(span, article) is span


def test_spans_and_fragments_map_back_to_the_article() -> None:
    article = "“We  will\u00a0win,”\r\nshe said,  “and soon.”"
    text = pipeline_text(article)
    assert text.text == "“We will win,”\nshe said, “and soon.”"
    first, second = (1, 12), (text.text.index("and"), text.text.index("soon") + 4)
    content = TextSpan(first[0], second[1], text.text[first[0] : second[1]], (first, second))
    mapped = text.span(content, article)
    assert mapped.text == article[mapped.start : mapped.end]
    assert mapped.fragments is not None
    assert [article[a:b] for a, b in mapped.fragments] == ["We  will\u00a0win", "and soon"]
    assert text.span(TextSpan(len(text.text), len(text.text), ""), article).start == len(article)


PIECES = st.sampled_from(["word", "Mr.", "“", "”", ",", ".", "x"])
SPACES = st.sampled_from(
    [" ", "  ", "\u00a0", "\t", "\n", "\r\n", "\n\n", " \n ", "\u200b", "\ufeff", "\u2003"]
)


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.tuples(PIECES, SPACES), min_size=1, max_size=40))
def test_every_word_maps_back_to_itself(parts: list[tuple[str, str]]) -> None:
    article = "".join(piece + space for piece, space in parts)
    text = pipeline_text(article)
    assert "  " not in text.text and " \n" not in text.text and "\n " not in text.text
    position = 0
    for word in text.text.split():
        start = text.text.index(word, position)
        position = start + len(word)
        mapped = text.span(TextSpan.of(text.text, start, position), article)
        assert mapped.text == article[mapped.start : mapped.end]
        assert mapped.text.replace("\u200b", "").replace("\ufeff", "") == word
