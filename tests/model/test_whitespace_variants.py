"""The same article with other whitespace gives the same extraction, with offsets into the upload as it is.

Windows line ends, two spaces after each sentence, no-break spaces before names and numbers, spaces on the
blank lines and zero-width spaces are what real uploads carry; before ``nlp.whitespace`` each changed 12 %
to half of the statements of the PolNeAR dev articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from newsextract.nlp.extractor import Extractor
from newsextract.result import ExtractionResult, TextSpan

pytestmark = pytest.mark.model

VARIANTS: dict[str, Callable[[str], str]] = {
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "two spaces after sentences": lambda text: re.sub(r"([.?!][”\"]?) (?=\S)", r"\1  ", text),
    "no-break spaces before capitals": lambda text: re.sub(r" (?=[A-Z0-9])", "\u00a0", text),
    "spaces on blank lines": lambda text: text.replace("\n\n", "\n \n"),
    "zero-width spaces": lambda text: text.replace(" the ", " the\u200b "),
}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    from newsextract import load_pipeline

    return Extractor(load_pipeline())


@pytest.fixture(scope="module")
def reference(extractor: Extractor, sample_article_bytes: bytes) -> ExtractionResult:
    return extractor.extract_one(sample_article_bytes.decode("utf-8"), "sample.txt")


def plain(value: str | None) -> str:
    return " ".join((value or "").replace("\u200b", "").split())


def statements(result: ExtractionResult) -> list[tuple[str, str, str, str]]:
    return [
        (
            s.kind,
            plain(s.cue and s.cue.text),
            plain(s.content and s.content.text),
            plain(s.speaker and s.speaker.name),
        )
        for s in result.statements
    ]


def assert_slices(text: str, span: TextSpan | None) -> None:
    if span is not None:
        assert text[span.start : span.end] == span.text
        for start, end in span.fragments or ():
            assert span.start <= start < end <= span.end


@pytest.mark.parametrize("variant", VARIANTS.values(), ids=VARIANTS.keys())
def test_whitespace_does_not_change_what_is_extracted(
    extractor: Extractor, reference: ExtractionResult, variant: Callable[[str], str]
) -> None:
    text = variant(reference.article.text)
    assert text != reference.article.text
    result = extractor.extract_one(text, "variant.txt")
    assert result.article.text == text  # the upload as it is; offsets point into it
    assert statements(result) == statements(reference)
    assert [(e.name, e.label, len(e.mentions)) for e in result.entities] == [
        (e.name, e.label, len(e.mentions)) for e in reference.entities
    ]
    for entity in result.entities:
        for mention in entity.mentions:
            assert_slices(text, mention)
    for statement in result.statements:
        for span in (statement.source, statement.cue, statement.content):
            assert_slices(text, span)
