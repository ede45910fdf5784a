"""Properties of the real extraction pipeline on generated text (hypothesis).

For any text: no exception; every offset lies inside the text; every span's ``text`` is exactly the slice
it names (entity mentions, statement source, cue, content and content fragments); the result validates
against the published JSON schema. The shipped pipeline is loaded once (``build_extractor``).
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsextract.bootstrap import build_extractor
from newsextract.formats import ArticleError
from newsextract.nlp.extractor import ArticleInput, Extractor
from newsextract.result import ExtractionResult, TextSpan

pytestmark = pytest.mark.model

SCHEMA = json.loads(files("newsextract").joinpath("schema/result.schema.json").read_text(encoding="utf-8"))
PROPERTIES = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

NAMES = [
    "Maria Delgado",
    "Mark Milley",
    "Gen. Valerii Zaluzhnyi",
    "the Pentagon",
    "NATO",
    "Ms. Delgado",
    "Northbay Port Authority",
    "O'Brien",
    "José Álvarez-Núñez",
    "Zürich",
    "北京",
    "he",
    "she",
    "they",
]
CUES = ["said", "says", "told reporters", "according to", "added", "warned", "wrote on Twitter", "denied"]
WORDS = [
    "the",
    "bridge",
    "will",
    "close",
    "in",
    "September",
    "on",
    "Tuesday",
    "we",
    "cannot",
    "wait",
    "a",
    "spokesman",
    "for",
    "that",
    "it",
    "was",
    "not",
    "true",
    "2023",
    "$4 million",
    "50%",
]
MARKS = [
    '"',
    "“",
    "”",
    "«",
    "»",
    "„",
    "'",
    "‘",
    "’",
    ",",
    ".",
    "?",
    "!",
    ";",
    ":",
    "—",
    "–",
    "-",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u00a0",
    "\u2028",
    "\u200b",
    "e\u0301",
    "👍🏽",
    "\ufeff",
    "…",
]

piece = st.sampled_from(NAMES) | st.sampled_from(CUES) | st.sampled_from(WORDS) | st.sampled_from(MARKS)
newsy_text = st.lists(piece, min_size=1, max_size=60).map(lambda parts: " ".join(parts))
quoted = st.builds(
    lambda speaker, cue, body, open_, close: f"{open_}{body},{close} {speaker} {cue}. {open_}{body}{close}",
    st.sampled_from(NAMES),
    st.sampled_from(CUES),
    newsy_text,
    st.sampled_from(['"', "“", "«"]),
    st.sampled_from(['"', "”", "»"]),
)
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=400,
)
texts = (
    newsy_text | quoted | any_text | st.lists(newsy_text | quoted, min_size=2, max_size=5).map("\n\n".join)
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return build_extractor()


def extract(extractor: Extractor, text: str) -> ExtractionResult:
    return extractor.extract_many([ArticleInput.plain("p", text)])[0]


def assert_span(text: str, span: TextSpan | None, what: str) -> None:
    if span is None:
        return
    assert 0 <= span.start <= span.end <= len(text), (what, span)
    assert span.text == text[span.start : span.end], (what, span)
    if span.fragments:
        previous_end = span.start
        for start, end in span.fragments:
            assert previous_end <= start <= end <= span.end, (what, span)
            previous_end = end
        assert span.fragments[0][0] == span.start and span.fragments[-1][1] == span.end, (what, span)


def assert_consistent(result: ExtractionResult) -> None:
    text = result.article.text
    ids = {entity.id for entity in result.entities}
    assert len(ids) == len(result.entities)
    for entity in result.entities:
        assert entity.mentions, entity
        for mention in entity.mentions:
            assert_span(text, mention, f"mention of {entity.name}")
    for statement in result.statements:
        assert_span(text, statement.source, "source")
        assert_span(text, statement.cue, "cue")
        assert_span(text, statement.content, "content")
        if statement.speaker is not None and statement.speaker.entity_id is not None:
            assert statement.speaker.entity_id in ids, statement
        assert 0.0 <= statement.confidence <= 1.0
    document: Any = result.to_dict()
    jsonschema.validate(document, SCHEMA)
    assert ExtractionResult.from_dict(json.loads(json.dumps(document))).to_dict() == document


@PROPERTIES
@given(text=texts)
@example(text="“We cannot wait,” Maria Delgado said on Tuesday. “The bridge is old.” She added that it was.")
@example(text='"A," he said, "B." \n\n"C" — NATO said.')
@example(text="\u200b\ufeff ")
def test_any_text_gives_spans_that_are_slices_of_it(extractor: Extractor, text: str) -> None:
    result = extract(extractor, text)
    assert result.article.text == text
    assert_consistent(result)


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=300)
    | texts.map(lambda t: t.encode("utf-8"))
    | texts.map(lambda t: ('{"title": "T", "body": ' + json.dumps(t) + "}").encode("utf-8"))
)
def test_any_upload_is_a_result_or_an_article_error(extractor: Extractor, data: bytes) -> None:
    try:
        result = extractor.extract_one(data, key=None)
    except ArticleError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert result.article.text.strip()
    assert_consistent(result)
