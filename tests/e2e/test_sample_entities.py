"""The reference article (read from ../shared at test time) through the real pipeline: its entity clusters."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsextract.names import normalize_key
from newsextract.nlp.entities import cluster_entities
from newsextract.result import Entity

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def sample(sample_doc: Doc) -> tuple[str, list[Entity]]:
    return sample_doc.text, cluster_entities(sample_doc)


def find(entities: list[Entity], name: str) -> Entity:
    key = normalize_key(name)
    matches = [e for e in entities if normalize_key(e.name) == key]
    assert len(matches) == 1, (name, [(e.name, e.label) for e in entities])
    return matches[0]


def test_one_mark_milley(sample: tuple[str, list[Entity]]) -> None:
    _, entities = sample
    milley = find(entities, "Mark Milley")
    assert milley.label == "PERSON"
    assert "Milley" in milley.aliases
    assert any(t.startswith("chairman") for t in milley.titles), milley.titles
    assert "general" in milley.titles
    assert milley.count >= 8
    assert not [e for e in entities if e is not milley and "milley" in normalize_key(e.name).split()]
    assert max(entities, key=lambda e: e.salience) is milley


def test_the_chairman_is_milley(sample: tuple[str, list[Entity]]) -> None:
    _, entities = sample
    milley = find(entities, "Mark Milley")
    assert "The Chairman" in [m.text for m in milley.mentions]


def test_dave_butler_colonel_and_spokesman(sample: tuple[str, list[Entity]]) -> None:
    _, entities = sample
    butler = find(entities, "Dave Butler")
    assert butler.label == "PERSON"
    assert butler.titles == ["colonel"]
    assert "spokesman for Milley" in butler.roles
    assert butler.count >= 3


def test_zaluzhnyi(sample: tuple[str, list[Entity]]) -> None:
    _, entities = sample
    zaluzhnyi = find(entities, "Valerii Zaluzhnyi")
    assert zaluzhnyi.label == "PERSON"
    assert "general" in zaluzhnyi.titles
    assert zaluzhnyi.count >= 4


def test_places_and_organisations(sample: tuple[str, list[Entity]]) -> None:
    _, entities = sample
    assert find(entities, "Pentagon").label == "ORG"
    ukraine = find(entities, "Ukraine")
    assert ukraine.label == "LOC"
    assert ukraine.count >= 5
    assert find(entities, "Poland").label == "LOC"
    assert find(entities, "NATO").count >= 3
    assert "AP" in find(entities, "The Associated Press").aliases
    assert find(entities, "Lloyd Austin").label == "PERSON"


def test_offsets_point_into_the_article(sample: tuple[str, list[Entity]]) -> None:
    text, entities = sample
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    for entity in entities:
        assert 0.0 <= entity.salience <= 1.0
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
