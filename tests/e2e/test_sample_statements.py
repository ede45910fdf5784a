"""The reference article (read from ../shared at test time) through the real pipeline: who said what."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsextract.nlp.entities import cluster_entities
from newsextract.nlp.statements import extract_statements
from newsextract.result import Statement

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def sample(sample_doc: Doc) -> tuple[str, list[Statement]]:
    assert sample_doc.spans.get("attribution") is not None, "the shipped attribution model is attached"
    return sample_doc.text, extract_statements(sample_doc, cluster_entities(sample_doc))


def containing(statements: list[Statement], words: str) -> Statement:
    matches = [s for s in statements if s.content is not None and words in s.content.text]
    assert matches, (words, [(s.id, s.content.text if s.content else None) for s in statements])
    return matches[0]


def test_every_span_is_a_slice_of_the_text_and_ids_are_in_order(sample: tuple[str, list[Statement]]) -> None:
    text, statements = sample
    assert [s.id for s in statements] == [f"s{i}" for i in range(1, len(statements) + 1)]
    starts = [min(x.start for x in (s.source, s.cue, s.content) if x is not None) for s in statements]
    assert starts == sorted(starts)
    for statement in statements:
        for span in (statement.source, statement.cue, statement.content):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_the_spokesman_is_one_speaker_with_full_name_and_role(sample: tuple[str, list[Statement]]) -> None:
    _, statements = sample
    butler = [
        containing(statements, "discussed the unprovoked"),
        containing(statements, "reaffirmed unwavering support"),
        containing(statements, "important to meet face-to-face"),
        containing(statements, "These guys have been talking"),
        containing(statements, "talked in detail about the defense"),
        containing(statements, "alternate plans to meet in Poland"),
    ]
    for statement in butler:
        assert statement.speaker is not None, statement
        assert statement.speaker.name == "Dave Butler", statement
        assert statement.speaker.label == "PERSON"
        assert statement.speaker.role is not None and "spokesman for Milley" in statement.speaker.role
    assert len({s.speaker.entity_id for s in butler if s.speaker}) == 1
    written = containing(statements, "discussed the unprovoked")
    assert written.medium is not None and "statement" in written.medium
    assert written.kind in {"direct", "mixed"}
    told = containing(statements, "important to meet face-to-face")
    assert told.addressee is not None and "reporters" in told.addressee
    assert told.kind == "indirect"


def test_zaluzhnyi_posted_on_twitter(sample: tuple[str, list[Statement]]) -> None:
    _, statements = sample
    tweeted = [s for s in statements if s.medium and "Twitter" in s.medium]
    assert tweeted, [(s.id, s.medium) for s in statements]
    assert any(s.speaker is not None and "Zaluzhnyi" in s.speaker.name for s in tweeted)


def test_moscow_announced(sample: tuple[str, list[Statement]]) -> None:
    _, statements = sample
    moscow = containing(statements, "grow its military")
    assert moscow.speaker is not None and moscow.speaker.name == "Moscow"
    assert moscow.cue is not None and moscow.cue.text.endswith("announced")
