"""cluster_entities on hand-built Docs (blank tokenizer or explicit words; no trained model)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from newsextract.nlp.entities import cluster_entities
from newsextract.result import Entity
from tests.marked import parse_marked

NLP = spacy.blank("en")


def marked_doc(marked: str) -> Doc:
    """A Doc whose entities are written inline as ``[surface](LABEL)``."""
    text, spans = parse_marked(marked)
    doc = NLP(text)
    doc.ents = [doc.char_span(s, e, label=label, alignment_mode="strict") for s, e, label in spans]
    return doc


def labels_of(doc: Doc, named_only: bool = False) -> dict[str, str]:
    """Each clustered entity's canonical name and label (only PERSON / ORG / LOC / MISC if ``named_only``)."""
    named = {"PERSON", "ORG", "LOC", "MISC"}
    return {e.name: e.label for e in cluster_entities(doc) if not named_only or e.label in named}


def by_name(entities: list[Entity], name: str) -> Entity:
    matches = [e for e in entities if e.name == name]
    assert len(matches) == 1, [e.name for e in entities]
    return matches[0]


STORY = (
    "[Joint Chiefs of Staff Chairman Mark Milley](PERSON) met his [Ukrainian](MISC) counterpart on "
    "[Tuesday](DATE) in [Poland](LOC), the [Pentagon](ORG) confirmed.\n\n"
    "[Milley](PERSON), a general in the [U.S. Army](ORG), met [Ukraine](GPE)\u2019s chief military officer, "
    "Gen. [Valerii Zaluzhnyi](PERSON), after a long drive.\n\n"
    "\u201cThey talked,\u201d [Army](ORG) Col. [Dave Butler](PERSON), a spokesman for [Milley](PERSON), "
    "said. \u201cThe Chairman reaffirmed support for [Ukraine](GPE)\u2019s sovereignty.\u201d\n\n"
    "[Butler](PER) spoke to [The Associated Press](ORG). \u201cThey talk often,\u201d [Butler](PERSON) said, "
    "as reported by the [AP](ORG). [Milley](ORG)'s trip followed talks with [Zaluzhnyi](PERSON) on "
    "[Tuesday](DATE) and a call with [Defense Secretary Lloyd Austin](PERSON) at the "
    "[Department of Defense](ORG) ([DOD](ORG)) in the [United States](GPE) ([U.S.](GPE))."
)


@pytest.fixture(scope="module")
def story() -> tuple[Doc, list[Entity]]:
    doc = marked_doc(STORY)
    return doc, cluster_entities(doc)


def test_milley_is_one_entity_with_titles_and_the_chairman(story: tuple[Doc, list[Entity]]) -> None:
    _, entities = story
    milley = by_name(entities, "Mark Milley")
    assert milley.label == "PERSON"
    assert milley.aliases == ["Milley"]
    assert milley.titles == ["chairman of the Joint Chiefs of Staff", "general"]
    texts = [m.text for m in milley.mentions]
    assert texts == ["Mark Milley", "Milley", "Milley", "The Chairman", "Milley"]
    assert not [e for e in entities if "Milley" in e.name and e is not milley]


def test_colonel_title_and_spokesman_role(story: tuple[Doc, list[Entity]]) -> None:
    _, entities = story
    butler = by_name(entities, "Dave Butler")
    assert butler.label == "PERSON"
    assert butler.titles == ["colonel"]
    assert butler.roles == ["spokesman for Milley"]
    assert butler.count == 3


def test_possessive_role_before_name_and_abbreviated_title(story: tuple[Doc, list[Entity]]) -> None:
    _, entities = story
    zaluzhnyi = by_name(entities, "Valerii Zaluzhnyi")
    assert zaluzhnyi.titles == ["general"]
    assert zaluzhnyi.roles == ["Ukraine\u2019s chief military officer"]
    assert zaluzhnyi.aliases == ["Zaluzhnyi"]


def test_title_with_qualifier_before_name(story: tuple[Doc, list[Entity]]) -> None:
    _, entities = story
    assert by_name(entities, "Lloyd Austin").titles == ["defense secretary"]


def test_acronyms_join_their_expansion(story: tuple[Doc, list[Entity]]) -> None:
    _, entities = story
    assert by_name(entities, "Associated Press").aliases == ["AP"]
    assert by_name(entities, "Department of Defense").aliases == ["DOD"]
    united_states = by_name(entities, "United States")
    assert united_states.aliases == ["U.S."]
    assert united_states.label == "LOC"


def test_labels_are_canonical_and_places_cluster(story: tuple[Doc, list[Entity]]) -> None:
    _, entities = story
    ukraine = by_name(entities, "Ukraine")
    assert ukraine.label == "LOC"
    assert [m.text for m in ukraine.mentions] == ["Ukraine", "Ukraine"]
    assert {e.label for e in entities} <= {"PERSON", "ORG", "LOC", "MISC", "DATE"}


def test_dates_cluster_by_text(story: tuple[Doc, list[Entity]]) -> None:
    _, entities = story
    tuesday = by_name(entities, "Tuesday")
    assert tuesday.label == "DATE"
    assert tuesday.count == 2


def test_ids_offsets_and_salience(story: tuple[Doc, list[Entity]]) -> None:
    doc, entities = story
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    firsts = [e.first_mention for e in entities]
    assert firsts == sorted(firsts)
    for entity in entities:
        assert 0.0 <= entity.salience <= 1.0
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
    top = max(entities, key=lambda e: e.salience)
    assert top.name == "Mark Milley"
    assert by_name(entities, "Tuesday").salience < by_name(entities, "Dave Butler").salience


def test_title_raises_salience() -> None:
    doc = marked_doc("Talks began.\nLater [Anna Berg](PERSON) met [Tom Ray](PERSON).")
    plain = {e.name: e.salience for e in cluster_entities(doc)}
    titled = {e.name: e.salience for e in cluster_entities(doc, title="Tom Ray visits")}
    assert titled["Tom Ray"] == pytest.approx(plain["Tom Ray"] + 0.25)
    assert titled["Anna Berg"] == pytest.approx(plain["Anna Berg"])


def test_a_surname_two_people_share_is_the_one_introduced_first() -> None:
    doc = marked_doc(
        "[Akosua Frimpong](PERSON) voted with [Kofi Frimpong](PERSON), her husband. [Frimpong](PERSON) won."
    )
    entities = cluster_entities(doc)
    assert sorted(e.name for e in entities) == ["Akosua Frimpong", "Kofi Frimpong"]
    assert [m.text for m in by_name(entities, "Akosua Frimpong").mentions] == ["Akosua Frimpong", "Frimpong"]


def test_place_named_like_a_person_is_not_joined() -> None:
    doc = marked_doc("[George Washington](PERSON) never lived in [Washington](GPE). [Washington](GPE) grew.")
    entities = cluster_entities(doc)
    assert by_name(entities, "Washington").label == "LOC"
    assert by_name(entities, "George Washington").count == 1


def test_a_surname_the_ner_took_for_a_place_joins_the_person_when_never_used_as_a_place() -> None:
    doc = marked_doc(
        "Striker [Tunde Okafor](PERSON) joined [Lyon](ORG). [Okafor](LOC) scored twice, and "
        "[Okafor](LOC)'s agent was pleased."
    )
    okafor = by_name(cluster_entities(doc), "Tunde Okafor")
    assert (okafor.label, okafor.count) == ("PERSON", 3)


def test_first_name_surname_and_label_conflicts() -> None:
    doc = marked_doc(
        "[Angela](PERSON) spoke first. [Angela Merkel](PERSON) then met [Merkel](ORG)'s aides "
        "and [Lloyd J. Austin III](PERSON), who greeted [Lloyd Austin](PERSON)'s [Merkel](MISC)."
    )
    entities = cluster_entities(doc)
    merkel = by_name(entities, "Angela Merkel")
    assert merkel.label == "PERSON"
    assert merkel.count == 4
    assert by_name(entities, "Lloyd J. Austin III").aliases == ["Lloyd Austin"]
    assert len(entities) == 2


def test_titles_inside_the_span_are_stripped() -> None:
    doc = marked_doc(
        "[Gen. Milley](PERSON) arrived. [Mark Milley](PERSON) spoke. [Milley\u2019s](PERSON) aide."
    )
    (milley,) = cluster_entities(doc)
    assert milley.name == "Mark Milley"
    assert milley.titles == ["general"]
    assert [m.text for m in milley.mentions] == ["Milley", "Mark Milley", "Milley"]


def test_mislabelled_titled_name_becomes_person_and_company_keeps_its_name() -> None:
    doc = marked_doc("[Gen. Ana Diaz](ORG) visited [General Motors](ORG).")
    diaz, gm = cluster_entities(doc)
    assert (diaz.name, diaz.label, diaz.titles) == ("Ana Diaz", "PERSON", ["general"])
    assert (gm.name, gm.label, gm.titles) == ("General Motors", "ORG", [])


def test_name_after_a_rank_is_a_person_whatever_the_ner_says() -> None:
    doc = marked_doc(
        "Defense Secretary [Lloyd Austin](ORG) met [Foreign Minister Ana Ruiz](ORG), Secretary "
        "[Kaja Ott](LOC) and Mayor [Bonn](LOC) at [Prince Edward Island](LOC) with "
        "[Major League Baseball](ORG)."
    )
    labels = labels_of(doc)
    assert labels == {
        "Lloyd Austin": "PERSON",
        "Ana Ruiz": "PERSON",
        "Kaja Ott": "PERSON",
        "Bonn": "LOC",  # one word after an unqualified rank: not enough
        "Prince Edward Island": "LOC",
        "Major League Baseball": "ORG",
    }


def test_platforms_are_organisations_and_clitics_are_not_names() -> None:
    doc = marked_doc("[Ana Diaz](PERSON) wrote on [Twitter](PERSON) that we[\u2019ve](MISC) won.")
    assert {(e.name, e.label) for e in cluster_entities(doc)} == {("Ana Diaz", "PERSON"), ("Twitter", "ORG")}


def test_a_name_never_crosses_a_line_break() -> None:
    doc = marked_doc("A win for [Dinamo Split\n\nMidfielder](ORG) Ivo Bar scored. [Dinamo Split](ORG) won.")
    (dinamo,) = cluster_entities(doc)
    assert (dinamo.name, dinamo.count) == ("Dinamo Split", 2)


def test_a_span_of_title_words_before_a_person_is_part_of_the_title() -> None:
    doc = marked_doc("\u201cWe met,\u201d [\u201d Army Col](ORG). [Dave Butler](PERSON) said.")
    (butler,) = cluster_entities(doc)
    assert (butler.name, butler.label, butler.titles) == ("Dave Butler", "PERSON", ["colonel"])


def test_the_general_is_not_joined_when_two_people_are_generals() -> None:
    doc = marked_doc(
        "Gen. [Ann Lee](PERSON) met Gen. [Bo Park](PERSON). The general said the talks went well."
    )
    entities = cluster_entities(doc)
    assert all(e.count == 1 for e in entities)


def test_the_chairman_before_any_chairman_is_not_joined() -> None:
    doc = marked_doc("The Chairman spoke. Later Chairman [Mark Milley](PERSON) met troops.")
    (milley,) = cluster_entities(doc)
    assert [m.text for m in milley.mentions] == ["Mark Milley"]
    assert milley.titles == ["chairman"]


def test_role_nouns_and_possessive_roles() -> None:
    doc = marked_doc(
        "[Kim Ode](PERSON)'s spokesman [Al Ray](PERSON) spoke. [Bea Fox](PERSON), spokeswoman for "
        "[Acme](ORG), agreed. [Cy Lu](PERSON), after a long day, left."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Al Ray").roles == ["Kim Ode's spokesman"]
    assert by_name(entities, "Bea Fox").roles == ["spokeswoman for Acme"]
    assert by_name(entities, "Cy Lu").roles == []


def test_numbers_keep_their_symbols_and_cluster_by_text() -> None:
    doc = marked_doc("It cost [$5 million](MONEY), then [$5 Million](MONEY), or [5%](PERCENT) more.")
    money, percent = cluster_entities(doc)
    assert (money.name, money.label, money.count) == ("$5 million", "MONEY", 2)
    assert (percent.name, percent.label) == ("5%", "PERCENT")
    assert money.salience <= 0.5


def test_explicit_words_and_dependency_appositive() -> None:
    # GIVEN a parsed Doc built by hand: "Butler , an aide to Lee , spoke ."
    words = ["Butler", ",", "an", "aide", "to", "Lee", ",", "spoke", "."]
    spaces = [False, True, True, True, True, False, True, False, False]
    heads = [7, 0, 3, 0, 3, 4, 0, 7, 7]
    deps = ["nsubj", "punct", "det", "appos", "prep", "pobj", "punct", "ROOT", "punct"]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        ents=["B-PER", *["O"] * 4, "B-PER", "O", "O", "O"],
    )
    entities = cluster_entities(doc)
    butler = by_name(entities, "Butler")
    # THEN the appositive (no lexicon noun, found by the parse) is a role
    assert butler.roles == ["aide to Lee"]
    assert by_name(entities, "Lee").roles == []


def test_empty_doc() -> None:
    assert cluster_entities(NLP("")) == []
    assert cluster_entities(NLP("Nothing named here.")) == []


LABELS = ["PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "MISC", "DATE", "MONEY", "CARDINAL", "WEIRD"]
TEXT = (
    "Gen. Mark Milley, a general in the U.S. Army, met Col. Dave Butler's aide, The Chairman, "
    "and the AP on Tuesday in Kyiv, Ukraine\u2019s capital, for $5 million; "
    "Milley's staff said \u201cyes.\u201d"
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_entity_layout_gives_valid_entities(data: st.DataObject) -> None:
    doc = NLP(TEXT)
    cuts = sorted(data.draw(st.sets(st.integers(0, len(doc)), max_size=16)))
    spans = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if end > start:
            spans.append(Span(doc, start, end, label=data.draw(st.sampled_from(LABELS))))
    doc.ents = spans
    entities = cluster_entities(doc)
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    seen: set[tuple[int, int]] = set()
    for entity in entities:
        assert entity.name
        assert entity.mentions
        assert 0.0 <= entity.salience <= 1.0
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
            assert (mention.start, mention.end) not in seen
            seen.add((mention.start, mention.end))


def test_a_name_ending_in_an_organisational_word_is_an_organisation() -> None:
    doc = marked_doc(
        "Shares of [Northwind Robotics](PERSON) rose after [Acme Corp.](PERSON) and [Jonas Weber](PERSON) "
        "of [Albrecht Logistics](PERSON) signed. [Soviet Union](LOC) archives show it."
    )
    labels = labels_of(doc)
    assert labels["Northwind Robotics"] == labels["Acme Corp."] == labels["Albrecht Logistics"] == "ORG"
    assert labels["Jonas Weber"] == "PERSON"
    assert labels["Soviet Union"] == "LOC"  # "union" also ends place names: not a designator


def test_a_common_noun_owner_after_the_gives_a_role() -> None:
    doc = marked_doc("The hospital's chief executive, [Martin Oyelaran](PERSON), told a radio station.")
    [person] = cluster_entities(doc)
    assert person.roles == ["hospital's chief executive"]


def test_a_short_name_tagged_org_as_often_as_loc_joins_its_organisation() -> None:
    doc = marked_doc(
        "[Skyline Airways](ORG) canceled flights. The FAA acted at [Skyline](LOC)'s request, and "
        "[Skyline](ORG)'s chief apologized. [Washington](LOC) read the [Washington Post](ORG)."
    )
    names = sorted((e.name, len(e.mentions)) for e in cluster_entities(doc) if e.label in {"ORG", "LOC"})
    assert ("Skyline Airways", 3) in names
    assert ("Washington", 1) in names  # tagged LOC only: a place, not the newspaper


def test_a_court_qualifier_stays_before_the_rank() -> None:
    doc = marked_doc(
        "U.S. District Judge [Helen Castro](PERSON) ruled. "
        "Transportation Secretary [Paul Whitaker](PERSON) spoke."
    )
    titles = {e.name: e.titles for e in cluster_entities(doc)}
    assert titles["Helen Castro"] == ["district judge"]
    assert titles["Paul Whitaker"] == ["secretary of Transportation"]


def test_a_name_apposed_to_an_office_is_a_person_whatever_the_ner_label() -> None:
    doc = marked_doc(
        "The utility's vice president for safety, [Priya Nand](LOC), spoke. "
        "The largest city in the state, [Salem Heights](LOC), voted. "
        "The director of pollster [Cakrawala Indikator](PERSON), [Sri Wahyuningsih](LOC), said so."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Priya Nand").label == "PERSON"
    assert by_name(entities, "Sri Wahyuningsih").label == "PERSON"  # six words after the office
    assert by_name(entities, "Salem Heights").label == "LOC"  # "city" is no office


@pytest.mark.parametrize(
    ("marked", "title"),
    [
        ("County Commissioner [Raymond Oakes](PERSON) spoke.", "county commissioner"),
        ("School Superintendent [Ana Ruiz](PERSON) spoke.", "school superintendent"),
        ("Board president [Angela Brooks](PERSON) spoke.", "board president"),
        ("U.S. District Judge [Amy Berman](PERSON) ruled.", "district judge"),
        ("Foreign Minister [Ola Berg](PERSON) of [Norway](LOC) spoke.", "foreign minister"),
    ],
)
def test_generic_qualifiers_stay_before_the_office(marked: str, title: str) -> None:
    [person] = [e for e in cluster_entities(marked_doc(marked)) if e.label == "PERSON"]
    assert person.titles == [title]


def test_a_run_of_ranks_is_one_title() -> None:
    doc = marked_doc("[Mick Dolan](PERSON), general secretary of the [Rail Workers' Union](ORG), spoke.")
    assert by_name(cluster_entities(doc), "Mick Dolan").titles == [
        "general secretary of the Rail Workers' Union"
    ]


@pytest.mark.parametrize(
    ("marked", "title"),
    [
        ("Fire Chief [Ana Ruiz](PERSON) said the blaze was out.", "fire chief"),
        ("[EPA](ORG) Administrator [Lena Ostrowski](PERSON) spoke.", "administrator of EPA"),
        ("[Board Chair](ORG) [Maria Lopez](PERSON) spoke.", "board chair"),
        ("[Board Chair Maria Lopez](PERSON) spoke.", "board chair"),
    ],
)
def test_chief_administrator_and_chair_are_offices_right_before_a_name(marked: str, title: str) -> None:
    [person] = [e for e in cluster_entities(marked_doc(marked)) if e.label == "PERSON"]
    assert person.name not in {"Board Chair", "Board Chair Maria Lopez"}
    assert person.titles == [title]
    assert {e.name for e in cluster_entities(marked_doc(marked)) if e.label == "ORG"} <= {"EPA"}


def test_chief_executive_is_an_office_before_a_name_and_a_role_in_an_appositive() -> None:
    doc = marked_doc(
        "Chief Executive [Sandra Beale](PERSON) of [Northwind](ORG) spoke. [Tim Cook](PERSON), chief "
        "executive of [Apple](ORG), agreed."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Sandra Beale").titles == ["chief executive"]
    assert (by_name(entities, "Tim Cook").titles, by_name(entities, "Tim Cook").roles) == (
        [],
        ["chief executive of Apple"],
    )


def test_a_holiday_the_ner_took_for_a_name_is_a_date() -> None:
    doc = marked_doc(
        "A strike before [Christmas](PERSON) and after [Lunar New Year](MISC) would hurt [Britain](LOC)."
    )
    labels = labels_of(doc)
    assert labels == {"Christmas": "DATE", "Lunar New Year": "DATE", "Britain": "LOC"}


def test_a_name_after_a_person_descriptor_is_a_person_whatever_the_ner_label() -> None:
    doc = marked_doc("Nigerian striker [Tunde Okafor](ORG) joined [Olympique Lyonnais](ORG).")
    labels = labels_of(doc)
    assert labels == {"Tunde Okafor": "PERSON", "Olympique Lyonnais": "ORG"}


def test_an_age_after_a_name_is_no_role_and_a_leading_title_word_stays_before_the_office() -> None:
    doc = marked_doc("Assistant U.S. Attorney [Karen Liu](PERSON) questioned [Vance](PERSON), 61, on Monday.")
    entities = cluster_entities(doc)
    assert by_name(entities, "Karen Liu").titles == ["assistant attorney"]
    assert by_name(entities, "Vance").roles == []


def test_the_title_is_the_one_holder_named_before_it_even_if_another_comes_later() -> None:
    doc = marked_doc(
        "Sen. [James Whitaker](PERSON) left. The senator told reporters he was done. "
        "Sen. [Rosa Delgado](PERSON) disagreed, and the senator said so."
    )
    whitaker = by_name(cluster_entities(doc), "James Whitaker")
    assert [m.text for m in whitaker.mentions] == ["James Whitaker", "The senator"]


@pytest.mark.parametrize(
    ("marked", "titles", "roles"),
    [
        ("A spokeswoman for the utility, [Rachel Kim](PERSON), wrote.", [], ["spokeswoman for the utility"]),
        (
            "Speaking at the fair, the mayor of [Salem](LOC), [Jane Doe](PERSON), said no.",
            ["mayor of Salem"],
            [],
        ),
        (
            "She thanked the head of the [U.S. Embassy](ORG), [Carla Mendes](PERSON).",
            [],
            ["head of the U.S. Embassy"],
        ),
        ("Its general manager, [Victor Osei](PERSON), spoke.", [], []),
        ("He met the crowd, [Victor Osei](PERSON) said.", [], []),
    ],
)
def test_a_described_role_before_a_comma_and_a_name(marked: str, titles: list[str], roles: list[str]) -> None:
    [person] = [e for e in cluster_entities(marked_doc(marked)) if e.label == "PERSON"]
    assert (person.titles, person.roles) == (titles, roles)


def test_an_initial_alone_is_no_entity_and_title_qualifiers_are_no_organisation() -> None:
    doc = marked_doc(
        "Tests found [E.](PERSON) coli. [State Health](ORG) Director [Miriam Castellanos](PERSON) and "
        "[Joint Chiefs of Staff](ORG) Chairman [Mark Milley](PERSON) spoke."
    )
    entities = cluster_entities(doc)
    assert {e.name: e.label for e in entities} == {
        "Miriam Castellanos": "PERSON",
        "Joint Chiefs of Staff": "ORG",
        "Mark Milley": "PERSON",
    }
    assert by_name(entities, "Miriam Castellanos").titles == ["state health director"]


def _apposed(
    words: list[str], tags: list[str], appos_head: int, appos_deps: dict[int, tuple[int, str]]
) -> Doc:
    """ "<Name> , <appositive> , said ." parsed: the appositive's head hangs on the name's first token."""
    heads = list(range(len(words)))
    deps = ["dep"] * len(words)
    heads[1], deps[1] = 0, "flat"
    heads[appos_head], deps[appos_head] = 0, "appos"
    for i, (head, dep) in appos_deps.items():
        heads[i], deps[i] = head, dep
    spaces = [following not in {",", "."} for following in [*words[1:], ""]]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags)
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    return doc


def test_an_apposed_clause_is_no_role_and_a_role_keeps_the_spaces_of_dropped_commas() -> None:
    # "Kevin Ashworth, 29, both of Springfield, face charges." ("face" parsed into the appositive)
    words = ["Kevin", "Ashworth", ",", "both", "of", "Springfield", ",", "face", "charges", "."]
    tags = ["NNP", "NNP", ",", "DT", "IN", "NNP", ",", "VB", "NNS", "."]
    deps = {3: (8, "det"), 4: (5, "case"), 5: (3, "nmod"), 6: (7, "punct"), 7: (3, "conj")}
    [ashworth] = cluster_entities(_apposed(words, tags, 8, deps))
    assert ashworth.roles == []
    # "Tom Reed, a lawyer for Smith, Jones and Co, said."
    words = ["Tom", "Reed", ",", "a", "lawyer", "for", "Smith", ",", "Jones", "and", "Co", ",", "said", "."]
    tags = ["NNP", "NNP", ",", "DT", "NN", "IN", "NNP", ",", "NNP", "CC", "NNP", ",", "VBD", "."]
    deps = {3: (4, "det"), 5: (6, "case"), 6: (4, "nmod"), 7: (8, "punct"), 8: (6, "conj"), 9: (10, "cc")}
    deps[10] = (6, "conj")
    [reed] = cluster_entities(_apposed(words, tags, 4, deps))
    assert "lawyer for Smith Jones and Co" in reed.roles
    assert not any("SmithJones" in role for role in reed.roles)


def test_a_whitespace_token_parsed_as_an_appositive_is_no_role() -> None:
    # "Mike Purdy,  a presidential historian, said." (two spaces after the comma: the parser hung the
    # whitespace token on the name as an appositive, and an empty role crashed the clustering)
    words = ["Mike", "Purdy", ",", " ", "a", "presidential", "historian", ",", "said", "."]
    tags = ["NNP", "NNP", ",", "_SP", "DT", "JJ", "NN", ",", "VBD", "."]
    deps = {2: (3, "punct"), 3: (0, "appos"), 4: (6, "det"), 5: (6, "amod"), 6: (0, "appos")}
    [purdy] = cluster_entities(_apposed(words, tags, 6, deps))
    assert purdy.roles == ["presidential historian"]


def test_a_role_after_a_name_loses_its_relative_clause() -> None:
    doc = marked_doc("[Samuel Achebe](PERSON), a neurologist at [Hopkins](ORG) who was not involved, said.")
    assert by_name(cluster_entities(doc), "Samuel Achebe").roles == ["neurologist at Hopkins"]
    doc = marked_doc("He praised [Tom Smith](PERSON), a move that surprised many.")
    assert by_name(cluster_entities(doc), "Tom Smith").roles == []  # a clause about the praise, no role


def test_a_lower_case_closing_office_before_a_name_and_a_company_the_ner_called_a_person() -> None:
    doc = marked_doc(
        "City manager [Tom Hale](PERSON) spoke. [Northwind](PERSON) chief executive [Priya Raman](PERSON) "
        "agreed, and [Northwind Robotics](ORG) shares rose."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Tom Hale").titles == ["city manager"]
    assert by_name(entities, "Priya Raman").titles == ["chief executive of Northwind"]
    northwind = by_name(entities, "Northwind Robotics")  # the mislabelled "Northwind" is kept, not a title
    assert [m.text for m in northwind.mentions] == ["Northwind", "Northwind Robotics"]


def test_a_name_after_a_company_noun_is_an_organisation_and_a_dateline_a_place() -> None:
    doc = marked_doc(
        "[SAN FRANCISCO](ORG) \u2014 A judge ruled that the ride-hailing company [Zipline](PERSON) misled "
        "drivers. [Zipline](PERSON) said it would appeal, and [Zipline](PERSON) shares fell. Rival company "
        "[Glide](PERSON) said nothing; its founder, [Ana Diaz](PERSON), agreed."
    )
    labels = labels_of(doc)
    assert labels == {"SAN FRANCISCO": "LOC", "Zipline": "ORG", "Glide": "ORG", "Ana Diaz": "PERSON"}


def test_a_name_after_the_town_of_is_a_place_for_every_mention() -> None:
    doc = marked_doc("It struck near the town of [Elazig](PERSON). In [Elazig](PERSON) alone, 18 fell.")
    assert labels_of(doc) == {"Elazig": "LOC"}


def test_an_apposition_after_another_entity_is_not_the_persons_role() -> None:
    # "Agustin Reyna, director of BEUC, the consumer group, said." with "group" parsed as Reyna's apposition
    words = [
        "Agustin",
        "Reyna",
        ",",
        "director",
        "of",
        "BEUC",
        ",",
        "the",
        "consumer",
        "group",
        ",",
        "said",
        ".",
    ]
    heads = [1, 11, 3, 1, 5, 3, 9, 9, 9, 1, 1, 11, 11]
    deps = ["compound", "nsubj", "punct", "appos", "case", "nmod", "punct", "det", "compound", "appos"]
    deps += ["punct", "ROOT", "punct"]
    spaces = [following not in {",", "."} for following in [*words[1:], ""]]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 6, label="ORG")]
    reyna = by_name(cluster_entities(doc), "Agustin Reyna")
    assert "consumer group" not in reyna.roles
    assert reyna.titles == ["director of BEUC"]


def test_a_word_inside_a_company_name_stays_in_the_title_and_a_place_tagged_prefix_joins_the_company() -> (
    None
):
    doc = marked_doc(
        "A group is led by former [Delta Air Lines](ORG) executive [Priya Raman](PERSON). The other has "
        "[Harbor Ridge Partners](ORG). [Harbor Ridge](LOC) did not respond. Offices in [New York](LOC) and "
        "the [New York Times](ORG) stayed apart."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Priya Raman").titles == ["executive of the Delta Air Lines"]
    harbor = by_name(entities, "Harbor Ridge Partners")
    assert [m.text for m in harbor.mentions] == ["Harbor Ridge Partners", "Harbor Ridge"]
    assert by_name(entities, "New York").label == "LOC"  # used as a place: not the newspaper


def test_a_hyphenated_first_name_the_tokenizer_split_stays_in_the_name() -> None:
    doc = marked_doc(
        "Its medical officer, [Sun](ORG)-[Hee Park](PERSON), told investors. [Park](PERSON) smiled."
    )
    entities = cluster_entities(doc)
    assert [(e.name, e.label) for e in entities] == [("Sun-Hee Park", "PERSON")]
    assert [m.text for m in entities[0].mentions] == ["Sun-Hee Park", "Park"]


def test_house_and_senate_stay_before_the_office() -> None:
    doc = marked_doc("House Speaker [Don Pickett](PERSON) and Senate President [Ann Lee](PERSON) spoke.")
    entities = cluster_entities(doc)
    assert by_name(entities, "Don Pickett").titles == ["house speaker"]
    assert by_name(entities, "Ann Lee").titles == ["senate president"]


def test_a_spanish_first_family_name_or_both_join_the_full_name() -> None:
    doc = marked_doc(
        "[Claudia Ramírez Ochoa](PERSON) met [Carolina Marín Ortega](PERSON). [Ramírez](PERSON) spoke, "
        "[Marín Ortega](PERSON) listened and [Ms. Marín](PERSON) left."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Claudia Ramírez Ochoa").count == 2
    assert by_name(entities, "Carolina Marín Ortega").count == 3
    assert len(entities) == 2


@pytest.mark.parametrize(
    ("marked", "label"),
    [
        ("[Voltra](PERSON), the Amsterdam-based maker of e-bikes, said [Voltra](PERSON) would pay.", "ORG"),
        ("[Kestrel](PERSON), a chipmaker that sells to carmakers, fell.", "ORG"),
        ("[Ana Ruiz](PERSON), the company's founder, spoke.", "PERSON"),
        ("[Ana Ruiz](PERSON), a startup founder, spoke.", "PERSON"),
    ],
)
def test_a_name_apposed_to_a_company_noun_is_an_organisation(marked: str, label: str) -> None:
    (entity,) = cluster_entities(marked_doc(marked))
    assert entity.label == label


@pytest.mark.parametrize(
    ("marked", "title"),
    [
        ("WHO Director-General [Amara Bekele](PERSON) spoke.", "director-general of WHO"),
        ("Attorney-General [Ruth Kane](PERSON) spoke.", "attorney-general"),
        ("Lieutenant-General [Ivan Petrov](PERSON) spoke.", "lieutenant-general"),
    ],
)
def test_a_hyphenated_office_is_one_title(marked: str, title: str) -> None:
    [person] = cluster_entities(marked_doc(marked))
    assert person.titles == [title]


def test_a_quoted_nickname_and_a_first_name_the_ner_left_out_stay_in_the_name() -> None:
    # GIVEN "Beside him was Mere Tawhiri . Her cousin , Wiremu " Bill " Tawhiri , spoke ." parsed by hand,
    # the NER tagging only "Tawhiri" (twice) and "Wiremu" and "Bill" as MISC
    words = ["Beside", "him", "was", "Mere", "Tawhiri", ".", "Her", "cousin", ",", "Wiremu", '"', "Bill", '"']
    words += ["Tawhiri", ",", "spoke", "."]
    spaces = [True, True, True, True, False, True, True, False, True, True, False, False, True, False, True]
    spaces += [False, False]
    heads = [1, 4, 4, 4, 4, 4, 7, 15, 7, 13, 11, 13, 11, 7, 7, 15, 15]
    deps = ["case", "obl", "cop", "compound", "ROOT", "punct", "nmod:poss", "nsubj", "punct", "compound"]
    deps += ["punct", "compound", "punct", "appos", "punct", "ROOT", "punct"]
    tags = ["IN", "PRP", "VBD", "NNP", "NNP", ".", "PRP$", "NN", ",", "NNP", "``", "NNP", "''", "NNP", ","]
    tags += ["VBD", "."]
    ents = ["O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "B-MISC", "O", "B-MISC", "O", "B-PERSON"]
    ents += ["O", "O", "O"]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, ents=ents)
    names = sorted(e.name for e in cluster_entities(doc))
    # THEN two people: "Mere Tawhiri" and 'Wiremu "Bill" Tawhiri'
    assert names == ["Mere Tawhiri", 'Wiremu "Bill" Tawhiri']


def test_a_name_the_ner_cut_after_a_connector_is_one_organisation() -> None:
    doc = marked_doc("[Fire and](ORG) [Emergency New Zealand](ORG) said crews were safe.")
    assert [e.name for e in cluster_entities(doc)] == ["Fire and Emergency New Zealand"]


def test_a_month_first_name_after_an_office_stays_in_the_name() -> None:
    # GIVEN "Councilor April Nguyen spoke ." with "April" tagged DATE and both names flat on "Councilor"
    words = ["Councilor", "April", "Nguyen", "spoke", "."]
    doc = Doc(
        NLP.vocab,
        words=words,
        spaces=[True, True, True, False, False],
        heads=[3, 0, 0, 3, 3],
        deps=["nsubj", "flat", "flat", "ROOT", "punct"],
        tags=["NNP", "NNP", "NNP", "VBD", "."],
        ents=["O", "B-DATE", "B-PERSON", "O", "O"],
    )
    [person] = cluster_entities(doc)
    assert (person.name, person.titles) == ("April Nguyen", ["councilor"])


def test_the_object_of_a_clause_before_a_comma_is_no_role_of_the_name() -> None:
    doc = marked_doc("Asked why he had paid the mayor, [Reilly](PERSON) said nothing.")
    for token, tag in zip(doc, ["VBN", "WRB", "PRP", "VBD", "VBN"], strict=False):
        token.tag_ = tag
    [person] = cluster_entities(doc)
    assert (person.titles, person.roles) == ([], [])


def test_particles_hyphens_and_titles_keep_family_names_apart_or_together() -> None:
    doc = marked_doc(
        "[Elise van der Meer](PERSON) spoke. [Ms. van der Meer](PERSON) left. "
        "[Dr. Margaret Okonkwo](PERSON) died; [Daniel Okonkwo](PERSON) and [Grace Okonkwo](PERSON)-Hill "
        "mourned. [Dr. Okonkwo](PERSON) trained in London."
    )
    entities = {e.name: e for e in cluster_entities(doc)}
    assert sorted(entities) == [
        "Daniel Okonkwo",
        "Elise van der Meer",
        "Grace Okonkwo-Hill",
        "Margaret Okonkwo",
    ]
    assert entities["Elise van der Meer"].count == 2
    assert entities["Margaret Okonkwo"].count == 2  # "Dr. Okonkwo" is the doctor, not her son


def test_a_name_apposed_to_a_streaming_service_is_an_organisation() -> None:
    (entity,) = cluster_entities(marked_doc("[Lumen](PERSON), the video streaming service, raised prices."))
    assert entity.label == "ORG"


def test_a_name_never_crosses_a_dash_and_air_ends_a_company_name() -> None:
    doc = marked_doc("[CHICAGO — Pilots](MISC) at [Meridian Air](MISC) voted.\n\n[Meridian](ORG) said no.")
    labels = labels_of(doc)
    assert labels == {"CHICAGO": "LOC", "Meridian Air": "ORG"}


@pytest.mark.parametrize(
    ("marked", "title"),
    [
        ("Civil defence chief [Vidir Reynisson](PERSON) spoke.", "civil defence chief"),
        ("Transit director [Samuel Okafor](PERSON) spoke.", "transit director"),
        ("Apple director [Ann Lee](PERSON) spoke.", "director of Apple"),
    ],
)
def test_a_portfolio_word_before_an_office_stays_before_it(marked: str, title: str) -> None:
    [person] = [e for e in cluster_entities(marked_doc(marked)) if e.label == "PERSON"]
    assert person.titles == [title]


def test_a_union_locals_number_stays_in_its_name() -> None:
    doc = marked_doc("[Amalgamated Transit Union Local](ORG) 1145 backed the plan.")
    [union] = cluster_entities(doc)
    assert union.name == "Amalgamated Transit Union Local 1145"


def test_a_first_word_tagged_a_person_and_a_place_but_never_used_as_a_place_joins_its_company() -> None:
    doc = marked_doc(
        "The launch company [Orbex Launch](PERSON) failed, [Orbex](PERSON) said. [Orbex](LOC)'s rocket fell."
    )
    names = {e.name: (e.label, len(e.mentions)) for e in cluster_entities(doc)}
    assert names == {"Orbex Launch": ("ORG", 3)}


def test_a_shared_surname_after_mrs_is_the_wife_not_her_husband() -> None:
    doc = marked_doc(
        "[Raj Patel](PERSON) farms. His wife, [Meena Patel](PERSON), keeps the books. Mrs. [Patel](PERSON) "
        "worried. Mr. [Patel](PERSON) did not."
    )
    counts = {e.name: len(e.mentions) for e in cluster_entities(doc)}
    assert counts == {"Raj Patel": 2, "Meena Patel": 2}


def test_an_arabic_article_joins_the_family_name_to_the_name_before_it() -> None:
    doc = marked_doc(
        "Prime Minister [Mohammed Shia](PERSON) al-[Sudani](PERSON) spoke. Mr. al-[Sudani](PERSON) left."
    )
    [person] = cluster_entities(doc)
    assert person.name == "Mohammed Shia al-Sudani"
    assert [m.text for m in person.mentions] == ["Mohammed Shia al-Sudani", "al-Sudani"]


@pytest.mark.parametrize(
    ("marked", "name"),
    [
        ("Lawmaker [Jean](PERSON)-[Luc Mélenchon](PERSON) spoke.", "Jean-Luc Mélenchon"),
        ("Director [Cheryl Moon](PERSON)-[Sirianni](PERSON) spoke.", "Cheryl Moon-Sirianni"),
        ("Counsel [Rupert Ashdown](PERSON)-[Lyle KC](PERSON) spoke.", "Rupert Ashdown-Lyle"),
        ("[Ella Vance-Mbeki KC](PERSON) spoke. [Vance](PERSON)-[Mbeki](PERSON) sat.", "Ella Vance-Mbeki"),
    ],
)  # fmt: skip
def test_a_hyphenated_name_tagged_as_two_names_is_one_person(marked: str, name: str) -> None:
    [person] = cluster_entities(marked_doc(marked))
    assert person.name == name


def test_a_shorter_organisation_name_joins_the_one_organisation_it_begins() -> None:
    doc = marked_doc("Regulators fined [First Harbor Bank](ORG). [First Harbor](ORG) said it had stopped.")
    [bank] = cluster_entities(doc)
    assert (bank.name, len(bank.mentions)) == ("First Harbor Bank", 2)


def test_a_name_with_an_age_is_a_person_and_its_two_word_form_the_same_person() -> None:
    doc = marked_doc("[Erling Haaland](ORG) scored. [Haaland](LOC), 24, said he was happy.")
    [person] = cluster_entities(doc)
    assert (person.name, person.label, len(person.mentions)) == ("Erling Haaland", "PERSON", 2)


def test_one_word_name_tagged_a_person_but_only_used_as_a_place_is_a_place() -> None:
    doc = marked_doc(
        "[Manuel Ortega](PERSON) has farmed outside [Ecija](PERSON) all his life. "
        "Rain fell near [Ecija](PERSON) on Monday, [Ortega](PERSON) said."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Ecija").label == "LOC"
    assert by_name(entities, "Manuel Ortega").label == "PERSON"


def test_one_word_person_after_in_before_a_possessive_stays_a_person() -> None:
    doc = marked_doc("The plan, in [Duarte](PERSON)'s words, was a start. [Duarte](PERSON) left early.")
    assert by_name(cluster_entities(doc), "Duarte").label == "PERSON"


def test_terminals_ends_a_company_name() -> None:
    doc = marked_doc("The operator, [Nordvik Terminals](PERSON), refused to raise wages.")
    assert by_name(cluster_entities(doc), "Nordvik Terminals").label == "ORG"


def test_a_name_after_the_word_consultancy_is_an_organisation() -> None:
    doc = marked_doc("Amrita Sen, founder of the consultancy [Energy Aspects](MISC), disagreed.")
    assert by_name(cluster_entities(doc), "Energy Aspects").label == "ORG"


def test_a_descriptor_opening_a_headline_name_is_not_part_of_it() -> None:
    doc = marked_doc(
        "[Sprinter Amara Osei](PERSON) announces retirement\n\n[Amara Osei](PERSON) retired on Sunday."
    )
    entities = cluster_entities(doc)
    assert [e.name for e in entities if e.label == "PERSON"] == ["Amara Osei"]


def test_a_dateline_with_accented_capitals_is_a_place() -> None:
    doc = marked_doc("[BRASÍLIA](PERSON) — [Brazil](LOC)'s health ministry said on Thursday it would act.")
    assert by_name(cluster_entities(doc), "BRASÍLIA").label == "LOC"


def test_an_organisation_and_the_place_after_in_tagged_as_one_name_are_two() -> None:
    doc = marked_doc(
        "Dr. Michael Gradisar, a researcher at [Flinders University in Australia](ORG), disagreed. "
        "[Flinders University](ORG) said nothing."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Flinders University").label == "ORG"
    assert len(by_name(entities, "Flinders University").mentions) == 2
    assert by_name(entities, "Australia").label == "LOC"


def test_a_name_with_in_that_does_not_end_an_organisation_stays_whole() -> None:
    doc = marked_doc("The [Church in Wales](ORG) said it would sell the building.")
    assert by_name(cluster_entities(doc), "Church in Wales").label == "ORG"


def test_a_name_after_in_that_modifies_a_noun_is_not_used_as_a_place() -> None:
    doc = marked_doc(
        "[Dalmore Foods](ORG) is in talks. Part would be paid in [Dalmore](LOC) shares. "
        "[Dalmore](PERSON) declined to comment."
    )
    next(t for t in doc if t.text == "shares").pos_ = "NOUN"
    entities = cluster_entities(doc)
    assert [e.name for e in entities] == ["Dalmore Foods"]
    assert len(entities[0].mentions) == 3


def test_a_one_word_name_tagged_apart_before_al_joins_the_family_name() -> None:
    doc = marked_doc("Qatar's spokesman, [Majed](ORG) al-[Ansari](PERSON), declined to comment.")
    assert [e.name for e in cluster_entities(doc) if e.label == "PERSON"] == ["Majed al-Ansari"]


def test_an_office_before_general_makes_a_person_of_a_name_tagged_org() -> None:
    doc = marked_doc(
        "Former U.S. [Surgeon General Vivek Murthy](ORG) wrote an op-ed. [Murthy](ORG) said more."
    )
    murthy = by_name(cluster_entities(doc), "Vivek Murthy")
    assert murthy.label == "PERSON"
    assert len(murthy.mentions) == 2


def test_a_body_of_two_fields_cut_at_and_is_one_organisation() -> None:
    doc = marked_doc(
        "The [California Department of Forestry](ORG) and [Fire Protection](ORG) said 800 firefighters were "
        "there. The [Department of Justice](ORG) and [Google](ORG) settled."
    )
    names = {e.name for e in cluster_entities(doc)}
    assert "California Department of Forestry and Fire Protection" in names
    assert {"Department of Justice", "Google"} <= names


def test_a_census_first_name_the_ner_left_out_joins_the_name_whatever_the_parse() -> None:
    # GIVEN "Kenya 's Faith Kiprotich won ." with only "Kiprotich" tagged and "Faith" misparsed as an
    # apposition of "Kenya" (not joined to the surname)
    doc = Doc(
        NLP.vocab,
        words=["Kenya", "'s", "Faith", "Kiprotich", "won", "."],
        spaces=[False, True, True, True, False, False],
        heads=[3, 0, 0, 4, 4, 4],
        deps=["nmod:poss", "case", "appos", "nsubj", "ROOT", "punct"],
        tags=["NNP", "POS", "NNP", "NNP", "VBD", "."],
        ents=["B-LOC", "O", "O", "B-PERSON", "O", "O"],
    )
    people = [e.name for e in cluster_entities(doc) if e.label == "PERSON"]
    # THEN the census lists "Faith" as a first name, so it is part of hers
    assert people == ["Faith Kiprotich"]


def test_a_shared_surname_before_the_second_bearer_is_introduced_is_the_first_bearers() -> None:
    doc = marked_doc(
        "[Grace Okafor](PERSON) conceded. [Okafor](PERSON) thanked voters. "
        "Her husband, [Daniel Okafor](PERSON), is a firefighter."
    )
    clusters = {e.name: [m.text for m in e.mentions] for e in cluster_entities(doc)}
    assert clusters == {"Grace Okafor": ["Grace Okafor", "Okafor"], "Daniel Okafor": ["Daniel Okafor"]}


def test_a_sport_before_a_country_is_its_governing_body() -> None:
    doc = marked_doc(
        "[Australia](LOC) lost in [Melbourne](LOC). Cricket [Australia](LOC) said the crowd was a record."
    )
    entities = labels_of(doc)
    assert entities == {"Australia": "LOC", "Melbourne": "LOC", "Cricket Australia": "ORG"}


def test_a_family_name_with_a_particle_joins_the_person_whatever_its_label() -> None:
    # GIVEN "Des Cars" opening a sentence, tagged as an organisation
    doc = marked_doc("[Laurence des Cars](PERSON) spoke. [Des Cars](ORG) said the museum was full.")
    [person] = cluster_entities(doc)
    assert (person.name, person.label, len(person.mentions)) == ("Laurence des Cars", "PERSON", 2)


def test_a_nationality_adjective_does_not_join_an_organisation_it_opens() -> None:
    doc = marked_doc(
        "The [Norwegian](MISC) foreign ministry spoke. The [Norwegian Police Security Service](ORG) agreed."
    )
    entities = labels_of(doc)
    assert entities == {"Norwegian": "MISC", "Norwegian Police Security Service": "ORG"}


@pytest.mark.parametrize("occupation", ["Volcanologist", "Economist"])
def test_an_occupation_before_a_name_is_a_title_not_part_of_the_name(occupation: str) -> None:
    [person] = cluster_entities(marked_doc(f"[{occupation} Thorvaldur Thordarson](PERSON) told the radio."))
    assert (person.name, person.titles) == ("Thorvaldur Thordarson", [occupation.lower()])


def test_a_name_the_ner_started_at_a_preposition_takes_the_word_before_it() -> None:
    doc = marked_doc("Doctors [Without Borders](LOC) said its clinic was full.")
    assert [(e.name, e.label) for e in cluster_entities(doc)] == [("Doctors Without Borders", "ORG")]


def names(doc: Doc) -> set[tuple[str, str]]:
    return {(e.name, e.label) for e in cluster_entities(doc) if e.label in {"PERSON", "ORG", "LOC", "MISC"}}


def test_a_title_case_headline_name_is_cut_to_the_names_the_body_uses() -> None:
    doc = marked_doc(
        "[Elizabeth Warren Hammers Wells Fargo](PERSON) Chief Over Fake Accounts\n\n"
        "Sen. [Elizabeth Warren](PERSON) questioned [Wells Fargo](ORG) executives on Tuesday."
    )
    assert names(doc) == {("Elizabeth Warren", "PERSON"), ("Wells Fargo", "ORG")}
    assert by_name(cluster_entities(doc), "Elizabeth Warren").count == 2


def test_a_headline_first_name_stays_with_the_surname_and_a_fragment_ending_in_a_connector_goes() -> None:
    doc = marked_doc(
        "Obama Urges Voters To [Rally for](ORG) [Hillary Clinton](PERSON) In Ohio\n\n"
        "[Barack Obama](PERSON) praised Mrs. [Clinton](PERSON) at a rally on Tuesday."
    )
    assert names(doc) == {("Barack Obama", "PERSON"), ("Hillary Clinton", "PERSON")}


def test_a_name_in_a_body_sentence_with_a_lower_case_verb_is_left_alone() -> None:
    # GIVEN a body line of names with one lower-case verb: not a title-case line
    doc = marked_doc(
        "[Elizabeth Warren Hammers Wells Fargo](PERSON) Chief Over Fake Accounts Scandal\n\n"
        "Sen. [Elizabeth Warren Hammers](PERSON) grilled [Wells Fargo](ORG) Chief [John Stumpf](PERSON) "
        "Today."
    )
    # THEN the body's own names are kept as the NER gave them, and the headline is cut to them
    assert ("Elizabeth Warren Hammers", "PERSON") in names(doc)
    assert ("Elizabeth Warren Hammers Wells Fargo", "PERSON") not in names(doc)


def test_a_headline_name_the_body_never_uses_is_left_as_it_is() -> None:
    doc = marked_doc("[Kestrel Dynamics](ORG) Wins Navy Drone Contract\n\nThe company said it was pleased.")
    assert names(doc) == {("Kestrel Dynamics", "ORG")}


def test_court_cases_are_one_miscellaneous_name() -> None:
    doc = marked_doc(
        "Rulings from [Plessy](PERSON) [v. Ferguson](PERSON) to [Brown v. Board of Education](PERSON) "
        "and [Marbury](PERSON) v. [Madison](LOC) were cited."
    )
    assert names(doc) == {
        ("Plessy v. Ferguson", "MISC"),
        ("Brown v. Board of Education", "MISC"),
        ("Marbury v. Madison", "MISC"),
    }


def test_a_person_of_a_place_is_the_person_and_the_place() -> None:
    doc = marked_doc("Gov. [Mike Pence of](PERSON) [Indiana](LOC) won the debate. [Pence](PERSON) smiled.")
    assert names(doc) == {("Mike Pence", "PERSON"), ("Indiana", "LOC")}
    assert by_name(cluster_entities(doc), "Mike Pence").count == 2


def test_museums_are_organisations_and_airports_places_whatever_the_ner_says() -> None:
    doc = marked_doc("The [Frans Hals Museum](PERSON) and [Brantwick Airport](PERSON) agreed.")
    assert names(doc) == {("Frans Hals Museum", "ORG"), ("Brantwick Airport", "LOC")}


def test_an_office_after_a_possessive_is_part_of_the_name() -> None:
    doc = marked_doc("According to [Belgium](LOC)'s [Federal Prosecutor](ORG)'s Office, the gang fled.")
    assert names(doc) == {("Belgium", "LOC"), ("Federal Prosecutor's Office", "ORG")}


def test_an_organisation_the_ner_started_late_takes_the_words_before_it() -> None:
    # "Fair Fares [UK], the consumer group ...": an apposition names an organisation
    doc = marked_doc("Fair Fares [UK](LOC), the consumer group that first complained, said it was pleased.")
    assert names(doc) == {("Fair Fares UK", "ORG")}
    # "Transport for [Brantwick]" inside a sentence; not a rank: "Minister for [Europe]"
    doc = marked_doc(
        "It will cost more, Transport for [Brantwick](PERSON) said. A Minister for [Europe](LOC) met."
    )
    assert names(doc) == {("Transport for Brantwick", "ORG"), ("Europe", "LOC")}


def test_a_company_apposition_may_go_on_with_a_participle() -> None:
    words = ["Brightlayer", ",", "a", "hosting", "company", "used", "by", "shops", ",", "said", "so", "."]
    tags = ["NNP", ",", "DT", "NN", "NN", "VBN", "IN", "NNS", ",", "VBD", "RB", "."]
    spaces = [False, True, True, True, True, True, True, False, True, True, False, False]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, tags=tags, ents=["B-PERSON"] + ["O"] * 11)
    (brightlayer,) = cluster_entities(doc)
    assert (brightlayer.name, brightlayer.label) == ("Brightlayer", "ORG")


def test_the_minister_is_the_one_just_named_when_two_hold_the_title() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text, spans = parse_marked(
        "Prime Minister [Ilze Kalnina](PERSON) will not resign. Her finance minister, "
        "[Edgars Lapsa](PERSON), said the tax would change. The minister added that it would cost more."
    )
    doc = nlp(text)
    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
    lapsa = by_name(cluster_entities(doc), "Edgars Lapsa")
    assert [m.text for m in lapsa.mentions] == ["Edgars Lapsa", "The minister"]
    # without sentences to tell who was named just before, "the minister" is no one's
    doc = marked_doc(
        text.replace("Ilze Kalnina", "[Ilze Kalnina](PERSON)").replace(
            "Edgars Lapsa,", "[Edgars Lapsa](PERSON),"
        )
    )
    assert [m.text for m in by_name(cluster_entities(doc), "Edgars Lapsa").mentions] == ["Edgars Lapsa"]


def test_a_given_name_split_at_a_hyphen_before_a_syllable_is_part_of_the_persons_name() -> None:
    doc = marked_doc(
        "Director [Park Ji](LOC)-hoon won. [Park](ORG) thanked [Tsai Ing](ORG)-wen. An [Obama](PERSON)-era "
        "rule and [Mike Pence](PERSON)-style politics."
    )
    assert names(doc) == {
        ("Park Ji-hoon", "PERSON"),
        ("Tsai Ing-wen", "PERSON"),
        ("Obama", "PERSON"),
        ("Mike Pence", "PERSON"),
    }
    assert by_name(cluster_entities(doc), "Park Ji-hoon").count == 2  # the family name comes first


def test_a_two_word_nationality_before_an_office_stays_before_it() -> None:
    doc = marked_doc("South Korean director [Park Ji](PERSON)-hoon won.")
    assert by_name(cluster_entities(doc), "Park Ji-hoon").titles == ["South Korean director"]


def test_a_role_owned_by_a_described_party_before_a_name() -> None:
    doc = marked_doc(
        "Her party's state chairman, [Ifeanyi Nwachukwu](PERSON), spoke. The governing party's state "
        "chairman, [Adebayo Ogunleye](PERSON), disagreed."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Ifeanyi Nwachukwu").roles == ["party's state chairman"]
    assert by_name(entities, "Adebayo Ogunleye").roles == ["governing party's state chairman"]


def test_organisations_the_ner_cut_at_a_nationality_a_comma_or_before_their_last_words() -> None:
    doc = marked_doc(
        "The Royal Spanish [Football Federation](ORG) and the [Spanish](MISC) [Basketball Federation](ORG) "
        "met "
        "[South Korea](LOC)'s [Ministry of Culture](ORG), [Sports](ORG) and Tourism and the [Senate Health, "
        "Education](ORG), [Labor and Pensions Committee](ORG) with [Maasvlakte](ORG) Container Terminals. "
        "[Brazilian](MISC) club [Santos](ORG) and the Ministry of Defence, the Army and Navy were there."
    )
    assert names(doc) == {
        ("Royal Spanish Football Federation", "ORG"),
        ("Spanish Basketball Federation", "ORG"),
        ("South Korea", "LOC"),
        ("Ministry of Culture, Sports and Tourism", "ORG"),
        ("Senate Health, Education, Labor and Pensions Committee", "ORG"),
        ("Maasvlakte Container Terminals", "ORG"),
        ("Brazilian", "MISC"),
        ("Santos", "ORG"),
    }


def test_an_apposition_naming_a_group_takes_in_the_name_through_its_connectors() -> None:
    doc = marked_doc("Parents for [Open Libraries](MISC), a campaign group, wrote on Facebook.")
    assert names(doc) == {("Parents for Open Libraries", "ORG")}


def test_a_headline_person_the_body_never_names_is_dropped_and_only_whole_body_names_cut_others() -> None:
    doc = marked_doc(
        "[Senator Grills Drugmaker](ORG) Chief Over [Asthma Inhaler](PERSON) Price\n\n"
        "Sen. [Ruth Castillo](PERSON) questioned the price, according to the [Alliance for Asthma and "
        "Allergy "
        "Families](ORG)."
    )
    assert names(doc) == {("Ruth Castillo", "PERSON"), ("Alliance for Asthma and Allergy Families", "ORG")}


def test_a_name_without_a_capital_letter_is_none_in_a_text_written_with_capitals() -> None:
    doc = marked_doc(
        "Officials in [Italy](LOC) said [Italy](LOC)'s [interior ministry](ORG) agreed, '[uh huh](PERSON)'."
    )
    assert names(doc) == {("Italy", "LOC")}
    doc = marked_doc(
        "officials in [italy](LOC) said the [interior ministry](ORG) agreed."
    )  # no capitals at all
    assert names(doc) == {("italy", "LOC"), ("interior ministry", "ORG")}


def test_a_name_after_the_mayor_of_is_a_place_and_police_ends_a_force_name() -> None:
    doc = marked_doc(
        "[Marisol Fuentes](PERSON), the mayor of [Dunmore](PERSON), spoke. [South Wales](LOC) Police said no."
    )
    assert names(doc) == {("Marisol Fuentes", "PERSON"), ("Dunmore", "LOC"), ("South Wales Police", "ORG")}


def test_a_stock_symbol_in_brackets_is_no_entity_but_an_acronym_is_an_alias() -> None:
    doc = marked_doc(
        "[Vellmar Therapeutics Inc.](ORG) ([VLMR.O](ORG)) rose. The [Federal Emergency Management "
        "Agency](ORG) "
        "([FEMA](ORG)) said so."
    )
    assert {e.name: e.aliases for e in cluster_entities(doc)} == {
        "Vellmar Therapeutics Inc.": [],
        "Federal Emergency Management Agency": ["FEMA"],
    }


def test_a_name_before_who_or_whose_son_is_a_person_and_a_hyphenated_name_stays_whole() -> None:
    doc = marked_doc(
        "Outside, [Le Thi Hoa](ORG), whose son worked there, waited. The director, [Nevine El](ORG)-Sayed, "
        "spoke."
    )
    assert names(doc) == {("Le Thi Hoa", "PERSON"), ("Nevine El-Sayed", "PERSON")}


def test_a_courtesy_title_tagged_alone_and_a_common_noun_opening_a_sentence_are_no_entities() -> None:
    doc = marked_doc(
        "The chair, [Dame](MISC) [Elspeth Navarro](PERSON), spoke. [Forecasters](PERSON) said rain."
    )
    forecasters = next(t for t in doc if t.text == "Forecasters")
    forecasters.tag_ = "NNS"  # the tagger's reading of a plural common noun, opening a sentence
    forecasters.is_sent_start = True
    assert names(doc) == {("Elspeth Navarro", "PERSON")}


def test_a_councillor_keeps_the_title_out_of_the_name() -> None:
    [person] = cluster_entities(marked_doc("The chairman, [Cllr Bernard Oyelaran-Smythe](PERSON), spoke."))
    assert person.name == "Bernard Oyelaran-Smythe"
    assert "councillor" in person.titles


def test_an_apposition_needs_a_comma_and_a_place_before_a_name_is_no_role() -> None:
    # GIVEN "She wished Abara-Vance “every success”." parsed with "success" apposed to the name, no comma
    words = ["She", "wished", "Abara-Vance", "“", "every", "success", "”", "."]
    heads = [1, 1, 1, 5, 5, 2, 5, 1]
    deps = ["nsubj", "ROOT", "obj", "punct", "det", "appos", "punct", "punct"]
    tags = ["PRP", "VBD", "NNP", "``", "DT", "NN", "''", "."]
    ents = ["O", "O", "B-PERSON", "O", "O", "O", "O", "O"]
    spaces = [True, True, True, False, True, False, False, False]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, ents=ents)
    [person] = cluster_entities(doc)
    assert person.roles == []
    # AND "posted on the company's website, Chief Executive X wrote": the website is not her role
    website = marked_doc(
        "It was posted on the company's website, Chief Executive [Kavita Menon](PERSON) wrote."
    )
    for token in website:
        token.pos_ = "ADP" if token.text == "on" else "NOUN"
    [menon] = cluster_entities(website)
    assert menon.roles == []


def test_designators_after_and_and_a_saints_institution_are_one_organisation() -> None:
    doc = marked_doc(
        "The [Norwegian](MISC) Glacier and Hydrology Directorate said so. Nurses at [St. Brendan](PERSON)'s "
        "[Medical Center](LOC) walked out. [St. Brendan](PERSON)'s said it had hired 160 nurses."
    )
    assert names(doc) == {
        ("Norwegian Glacier and Hydrology Directorate", "ORG"),
        ("St. Brendan's Medical Center", "ORG"),
    }


def test_a_short_name_known_as_joins_the_organisation_and_two_names_joined_at_a_hyphen_are_one() -> None:
    doc = marked_doc(
        "The [National Geology and Mining Service](ORG), known as [Sernageomin](PERSON), inspected it. "
        "[Sernageomin](PERSON) confirmed it. The [World Anti](MISC)-[Doping Agency](ORG) welcomed it."
    )
    assert names(doc) == {("National Geology and Mining Service", "ORG"), ("World Anti-Doping Agency", "ORG")}
    [service] = [e for e in cluster_entities(doc) if e.name.startswith("National")]
    assert [m.text for m in service.mentions] == [
        "National Geology and Mining Service",
        "Sernageomin",
        "Sernageomin",
    ]


def test_a_group_of_people_before_of_is_no_part_of_the_organisation() -> None:
    doc = marked_doc(
        "[Customers of Northfield Savings Bank](ORG) were locked out. [Friends of the Earth](ORG) spoke."
    )
    assert names(doc) == {("Northfield Savings Bank", "ORG"), ("Friends of the Earth", "ORG")}


def test_an_agent_noun_before_a_name_is_her_role() -> None:
    doc = marked_doc(
        "It was found by a newly appointed independent examiner, Dr. [Nkechi Adeyemi-Cole](PERSON)."
    )
    for token in doc:
        token.tag_ = "NN" if token.text == "examiner" else "JJ" if token.is_lower else "NNP"
    [person] = cluster_entities(doc)
    assert person.roles == ["newly appointed independent examiner"]


def test_a_capital_v_initial_is_no_court_case_and_a_field_after_for_stays_in_the_name() -> None:
    doc = marked_doc(
        "Indian grandmaster [Arjun V. Raghavan](PERSON) won. [Raghavan](PERSON) smiled. The "
        "[Rhine Institute](ORG) for [Economic Research](ORG) agreed. In [Lindqvist v. Allegheny Valley "
        "Transit Authority](ORG), she sued."
    )
    assert names(doc) == {
        ("Arjun V. Raghavan", "PERSON"),
        ("Rhine Institute for Economic Research", "ORG"),
        ("Lindqvist v. Allegheny Valley Transit Authority", "MISC"),
    }


def test_a_magistrate_a_middle_initial_the_ner_split_off_and_a_stake_in_a_company() -> None:
    doc = marked_doc(
        "Magistrate [Lucía Arreola](PERSON) spoke. The chief executive, [Gillian](PERSON) "
        "[M. Foster](PERSON), argued. [Kaldera Mining Corp.](ORG) fell. NBIM held a stake in [Kaldera](LOC). "
        "[Kaldera](PERSON) fell."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Lucía Arreola").titles == ["magistrate"]
    assert by_name(entities, "Gillian M. Foster").label == "PERSON"
    assert [m.text for m in by_name(entities, "Kaldera Mining Corp.").mentions] == [
        "Kaldera Mining Corp.",
        "Kaldera",
        "Kaldera",
    ]


def test_patronymics_a_supporters_trust_and_a_fronted_phrase_before_a_name() -> None:
    doc = marked_doc(
        "[Nur Aisyah](PERSON) binte [Rahman](PERSON), an analyst, spoke. [Nur Aisyah](PERSON) left. "
        "[Ashbourne City](ORG) sacked its manager. [Ashbourne City Supporters' Trust](ORG) objected. "
        "After [Saturday](DATE)'s match, [Dario Kessler](PERSON) left."
    )
    after = next(t for t in doc if t.text == "After")
    after.pos_ = "ADP"
    entities = cluster_entities(doc)
    assert [m.text for m in by_name(entities, "Nur Aisyah binte Rahman").mentions] == [
        "Nur Aisyah binte Rahman",
        "Nur Aisyah",
    ]
    assert by_name(entities, "Ashbourne City").count == 1
    assert by_name(entities, "Dario Kessler").roles == []


def test_a_short_name_tagged_a_person_with_no_first_name_joins_the_organisation_it_begins() -> None:
    doc = marked_doc("[Saint Aldric Health](ORG) lost. [Saint Aldric](PERSON) said it would appeal.")
    assert names(doc) == {("Saint Aldric Health", "ORG")}
    people = marked_doc("[Maria Lopez Foundation](ORG) gave. [Maria Lopez](PERSON) said it would help.")
    assert ("Maria Lopez", "PERSON") in names(people)


def test_a_family_name_tagged_twice_a_trailing_connector_and_a_second_field() -> None:
    doc = marked_doc(
        "[Lahcen Ait Oufella](PERSON) spoke. [Ait Oufella](ORG) said so. [Ait Oufella](PERSON) left. "
        "[Caledon Research for](ORG) the Herald polled. The [Ministry of Climate and](ORG) Green Growth "
        "said no."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Lahcen Ait Oufella").count == 3
    assert by_name(entities, "Caledon Research").label == "ORG"
    assert by_name(entities, "Ministry of Climate and Green Growth").label == "ORG"


def test_a_given_name_the_ner_left_out_before_a_middle_initial_is_part_of_the_name() -> None:
    # GIVEN "Professor Eilidh M. Cargill noted it ." with "M. Cargill" tagged and hung on "Eilidh"
    words = ["Professor", "Eilidh", "M.", "Cargill", "noted", "it", "."]
    heads = [1, 4, 1, 1, 4, 4, 4]
    deps = ["compound", "nsubj", "flat", "flat", "ROOT", "obj", "punct"]
    tags = ["NNP", "NNP", "NNP", "NNP", "VBD", "PRP", "."]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, tags=tags, ents=ents)
    [person] = cluster_entities(doc)
    assert person.name == "Eilidh M. Cargill"


def test_a_name_with_an_abbreviated_part_tagged_as_two_names_is_one_person() -> None:
    [person] = cluster_entities(
        marked_doc("The secretary, [Giorgos Th](PERSON). [Papadakis-Lekkas](PERSON), spoke.")
    )
    assert person.name == "Giorgos Th. Papadakis-Lekkas"


def test_a_body_s_second_field_after_and_joins_its_name() -> None:
    doc = marked_doc(
        "The [Ministry of Water](ORG) and Energy said so. The [Ministry of Health](ORG) and doctors met."
    )
    assert names(doc) == {("Ministry of Water and Energy", "ORG"), ("Ministry of Health", "ORG")}


def test_shares_of_a_company_are_no_part_of_its_name() -> None:
    doc = marked_doc(
        "[Shares of Veridane Therapeutics](ORG) fell. [Veridane](PERSON) said it would cut jobs."
    )
    assert names(doc) == {("Veridane Therapeutics", "ORG")}


def test_a_first_name_tagged_apart_before_an_initial_and_fields_before_a_designator() -> None:
    doc = marked_doc(
        "The nurse, [Karen](MISC) [L. Dubois](PERSON), spoke. The [Linden Heights](LOC) Water and "
        "[Sewer Authority](ORG) spoke. [Maple](LOC) Street and [Acme Corp](ORG) met."
    )
    assert names(doc) == {
        ("Karen L. Dubois", "PERSON"),
        ("Linden Heights Water and Sewer Authority", "ORG"),
        ("Maple", "LOC"),
        ("Acme Corp", "ORG"),
    }


def test_a_name_apposed_to_a_persons_role_is_a_person_whatever_the_ner_label() -> None:
    doc = marked_doc(
        "[Le Minh Tuan](ORG), a strategist at [Kestrel Bank](ORG), spoke. "
        "[Harbor Ventures](ORG), the market leader in ferries, grew."
    )
    assert names(doc) == {
        ("Le Minh Tuan", "PERSON"),
        ("Kestrel Bank", "ORG"),
        ("Harbor Ventures", "ORG"),
    }


def test_a_name_without_the_legal_form_before_it_joins_the_company() -> None:
    doc = marked_doc(
        "[Bank Nusantara Raya](ORG) profit jumps. [PT Bank Nusantara Raya Tbk](ORG), the lender, said so."
    )
    assert names(doc) == {("PT Bank Nusantara Raya Tbk", "ORG")}


def test_an_occupation_opening_a_name_and_a_demonym_epithet_are_no_part_of_a_persons_name() -> None:
    doc = marked_doc(
        "[Filmmaker Meera R. Nambiar](PERSON) quit. Lithium producer [Kaldera Mining Corp.](ORG) fell. "
        "The [Yorkshireman](PERSON), who is 24, won."
    )
    assert names(doc) == {
        ("Meera R. Nambiar", "PERSON"),
        ("Kaldera Mining Corp.", "ORG"),
        ("Yorkshireman", "MISC"),
    }


def test_a_capitalised_office_before_a_comma_is_the_title_of_the_name_after_it() -> None:
    doc = marked_doc("The Minister for Culture, [Fiona Brennan-Hayes](PERSON), met the players.")
    [person] = cluster_entities(doc)
    assert person.titles == ["minister"]


def test_hyphenated_surnames_after_mac_or_an_apostrophe_and_a_shared_surname_used_alone() -> None:
    doc = marked_doc(
        "[Eilidh MacAskill](MISC)-[Rowe](PERSON) spoke. Mayor [Declan O'Rourke](PERSON)-[Basu](PERSON) "
        "agreed. Justice [Marguerite A. Oyelaran-Finch](PERSON) retired. [Oyelaran-Finch](PERSON) "
        "smiled. Her daughter, [Temi Oyelaran-Finch](PERSON), laughed. [Oyelaran-Finch](PERSON) left."
    )
    entities = cluster_entities(doc)
    assert {e.name for e in entities} == {
        "Eilidh MacAskill-Rowe",
        "Declan O'Rourke-Basu",
        "Marguerite A. Oyelaran-Finch",
        "Temi Oyelaran-Finch",
    }
    assert by_name(entities, "Marguerite A. Oyelaran-Finch").count == 3


def test_a_word_tagged_a_person_before_a_number_is_a_numbered_place() -> None:
    doc = marked_doc("The nurse on [Ward](PERSON) 9 met [Haaland](PERSON), 24, at [Gate](PERSON) 4.")
    assert names(doc) == {("Ward", "MISC"), ("Haaland", "PERSON"), ("Gate", "MISC")}


def test_legal_forms_after_a_name_and_the_longest_form_a_short_name_joins() -> None:
    doc = marked_doc(
        "[Ribera Motor](ORG) slumps\n\n[Castellan Foods](ORG) plc and [Ribera Motor SA](ORG) fell, as "
        "[Ribera](ORG) said. An interview with the Dutch daily [De Rijnpost](PERSON) ran."
    )
    assert names(doc) == {
        ("Castellan Foods plc", "ORG"),
        ("Ribera Motor SA", "ORG"),
        ("De Rijnpost", "ORG"),
    }


def test_a_person_the_ner_ran_on_from_a_portfolio_starts_at_the_given_name() -> None:
    doc = marked_doc(
        "Minister for [Public Expenditure Seán Ó Dálaigh-Burke](PERSON) spoke. "
        "Secretary of State [Marco Reyes](PERSON) left. Minister for [Europe Lunds](PERSON) stayed."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Seán Ó Dálaigh-Burke").label == "PERSON"
    assert by_name(entities, "Marco Reyes").label == "PERSON"  # opens with a given name: as tagged
    assert by_name(entities, "Europe Lunds").label == "PERSON"  # no given name inside: as tagged


def test_a_place_followed_by_its_prosecutors_office_is_that_office() -> None:
    doc = marked_doc(
        "The [Geneva](LOC) public prosecutor's office said so. [Geneva](LOC) is calm. "
        "The [Lyon](LOC) prosecutor met the press in [Lyon](LOC)'s office."
    )
    assert names(doc) == {("Geneva public prosecutor's office", "ORG"), ("Geneva", "LOC"), ("Lyon", "LOC")}
    doc = marked_doc("The [Istanbul](LOC) Chief Public Prosecutor's Office said so.")
    assert names(doc) == {("Istanbul Chief Public Prosecutor's Office", "ORG")}


def test_an_upper_case_nickname_does_not_split_a_name() -> None:
    doc = marked_doc('Lawyers for [Kwame](PERSON) "[KB](MISC)" [Boateng](PERSON) argued. Boateng left.')
    assert by_name(cluster_entities(doc), 'Kwame "KB" Boateng').label == "PERSON"


def test_chief_executive_officer_is_a_title_not_part_of_the_name() -> None:
    doc = marked_doc("Chief Executive [Officer Gregory D. Aalto](PERSON) said the plant was old.")
    assert by_name(cluster_entities(doc), "Gregory D. Aalto").label == "PERSON"


def test_the_epithet_given_next_to_a_name_refers_back_to_that_person() -> None:
    text = (
        "Ghanaian sprinter Kwame Boateng won . Ines Ruiz , a Portuguese actress , lost . The sprinter wept ."
    )
    tag_text = "JJ NN NNP NNP VBD . NNP NNP , DT JJ NN , VBD . DT NN VBD ."
    pos_text = (
        "ADJ NOUN PROPN PROPN VERB PUNCT PROPN PROPN PUNCT DET ADJ NOUN PUNCT VERB PUNCT DET NOUN VERB PUNCT"
    )
    words, tags, pos = text.split(), tag_text.split(), pos_text.split()
    ents = ["B-MISC", "O", "B-PERSON", "I-PERSON"] + ["O"] * 2 + ["B-PERSON", "I-PERSON"] + ["O"] * 11
    doc = Doc(NLP.vocab, words=words, tags=tags, pos=pos, ents=ents)
    boateng = by_name(cluster_entities(doc), "Kwame Boateng")
    assert [m.text for m in boateng.mentions] == ["Kwame Boateng", "The sprinter"]
    # "the sprinter" before any sprinter is named is nobody; the apposition itself is his
    text = "The sprinter ran . Kwame Boateng , the sprinter , won ."
    words = text.split()
    doc = Doc(NLP.vocab, words=words, ents=["O"] * 4 + ["B-PERSON", "I-PERSON"] + ["O"] * 6)
    mentions = by_name(cluster_entities(doc), "Kwame Boateng").mentions
    assert [(m.start, m.text) for m in mentions] == [(19, "Kwame Boateng"), (35, "the sprinter")]


def test_a_place_taken_for_a_person_before_police_is_the_police_and_an_infirmary_an_organisation() -> None:
    doc = marked_doc(
        "[Westmarch](PERSON) Police thanked the team. He was taken to [Westmarch Royal Infirmary](MISC). "
        "[Carla Moss](PERSON) Police Academy graduate."
    )
    assert names(doc) >= {("Westmarch Police", "ORG"), ("Westmarch Royal Infirmary", "ORG")}
    assert ("Carla Moss", "PERSON") in names(doc)  # a person before two words: as tagged


def test_names_split_by_the_ner_at_a_particle_or_a_given_name_that_is_a_place_are_one_person() -> None:
    doc = marked_doc(
        "An aide, [Yusuf Darwish](PERSON) al-[Hakimi](ORG), spoke. Minister [Sofia](LOC) [Renner](PERSON) "
        "left. The union's leader, [Bernadette Ni Bhriain](PERSON), objected. [Ni Bhriain](ORG) said so."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Yusuf Darwish al-Hakimi").label == "PERSON"
    assert by_name(entities, "Sofia Renner").label == "PERSON"
    assert by_name(entities, "Bernadette Ni Bhriain").count == 2


def test_titles_and_given_names_the_ner_tagged_apart() -> None:
    doc = marked_doc(
        "The [Taoiseach](PERSON), [Fergal Mulcahy](PERSON), spoke. [Warden Teresa Villanueva](PERSON) left. "
        "Chief executive [Hyun](PERSON)-woo Park wrote. The secretary, [Morag](MISC) [I. Drummond](PERSON), "
        "spoke. [Martin Dunne](PERSON) [MSP](LOC) argued. The [Fraternal Order of Police Lodge](ORG) 88 met."
    )
    entities = cluster_entities(doc)
    assert "taoiseach" in by_name(entities, "Fergal Mulcahy").titles
    assert by_name(entities, "Teresa Villanueva").titles == ["warden"]
    assert by_name(entities, "Hyun-woo Park").label == "PERSON"
    assert by_name(entities, "Morag I. Drummond").label == "PERSON"
    assert by_name(entities, "Fraternal Order of Police Lodge 88").label == "ORG"
    assert "MSP" not in {e.name for e in entities}


def test_offices_and_given_names_around_names_in_government_and_sport_stories() -> None:
    doc = marked_doc(
        "[Supervisor Gil Ashworth](PERSON) spoke. [Referee Frank Delgado](PERSON) ruled. Minority "
        "[Leader Renata Oduya-Fields](PERSON) left. The fund's founder, [Ravi](LOC) [S. Menon](PERSON), "
        "spoke. The [Michigan Association of School](ORG) Boards said so. The Kwarana State governor, "
        "[Ifeoma N. Balogun](PERSON), declared mourning."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Gil Ashworth").titles == ["supervisor"]
    assert by_name(entities, "Frank Delgado").label == "PERSON"
    assert by_name(entities, "Renata Oduya-Fields").label == "PERSON"
    assert by_name(entities, "Ravi S. Menon").label == "PERSON"
    assert by_name(entities, "Michigan Association of School Boards").label == "ORG"
    balogun = by_name(entities, "Ifeoma N. Balogun")
    assert balogun.roles == ["Kwarana State governor"]  # a lower-case rank after a capitalised place


def test_a_one_word_place_and_a_trust_after_and_are_one_organisation_if_the_place_is_alone() -> None:
    doc = marked_doc("Hackers hit the [Harrowfield](LOC) and [Dene Valley Hospitals Trust](ORG) last month.")
    assert names(doc) == {("Harrowfield and Dene Valley Hospitals Trust", "ORG")}
    doc = marked_doc(
        "[Harrowfield](LOC) is quiet. Talks between [Harrowfield](LOC) and "
        "[Dene Valley Hospitals Trust](ORG) began."
    )
    assert ("Dene Valley Hospitals Trust", "ORG") in names(doc)


def test_a_census_first_name_opening_a_paragraph_joins_the_name_the_parser_joined_it_to() -> None:
    words = ["Grace", "Atieno", "Wambui", ",", "a", "lawyer", ",", "said", "so", "."]
    heads = [2, 2, 7, 5, 5, 2, 2, 7, 7, 7]
    deps = ["compound", "flat", "nsubj", "punct", "det", "appos", "punct", "ROOT", "advmod", "punct"]
    tags = ["NNP", "NNP", "NNP", ",", "DT", "NN", ",", "VBD", "RB", "."]
    ents = ["O", "B-PERSON", "I-PERSON"] + ["O"] * 7
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, tags=tags, ents=ents)
    assert by_name(cluster_entities(doc), "Grace Atieno Wambui").label == "PERSON"


def test_a_short_name_in_brackets_after_a_name_is_that_name() -> None:
    doc = marked_doc(
        "Shares of [Singapore Exchange](ORG) ([SGX](ORG)) rose. [SGX](ORG) said the [Nigerian Meteorological "
        "Agency](MISC) ([NiMet](ORG)) agreed. [NiMet](ORG) declined to comment. The [Committee on Foreign "
        "Investment](ORG) in the [United States](LOC) ([CFIUS](ORG)) reviewed it."
    )
    entities = cluster_entities(doc)
    exchange = by_name(entities, "Singapore Exchange")
    assert [m.text for m in exchange.mentions] == ["Singapore Exchange", "SGX", "SGX"]
    agency = by_name(entities, "Nigerian Meteorological Agency")
    assert "NiMet" in agency.aliases and agency.label == "ORG"
    assert "CFIUS" not in by_name(entities, "United States").aliases


def test_lower_case_occupations_before_a_name_are_titles() -> None:
    doc = marked_doc(
        "The Japanese violinist [Hana Sato](PERSON) played after goalkeeper [Stefan de Wit](PERSON) and the "
        "pianist [Kenji Sato](PERSON) spoke. [Isaac Singer](PERSON) founded it."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Hana Sato").titles == ["Japanese violinist"]
    assert by_name(entities, "Stefan de Wit").titles == ["goalkeeper"]
    assert by_name(entities, "Kenji Sato").titles == ["pianist"]
    assert by_name(entities, "Isaac Singer").titles == []


def test_the_agency_in_a_dateline_is_an_organisation() -> None:
    doc = marked_doc(
        "Orchestra opens tour\n\n[TOKYO](LOC), [Japan](LOC) ([Pacific Arts Wire](LOC)) — The orchestra "
        "played in [Tokyo](LOC) ([Japan](LOC))."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Pacific Arts Wire").label == "ORG"
    assert by_name(entities, "Japan").label == "LOC"


def test_currencies_written_with_letters_are_no_names() -> None:
    doc = marked_doc("Profit rose to [S$88.4](LOC) million, or [C$](MISC) 40 million, at [Lotus Bay](ORG).")
    assert [e.name for e in cluster_entities(doc) if e.label in {"PERSON", "ORG", "LOC", "MISC"}] == [
        "Lotus Bay"
    ]


def test_the_title_tagged_as_a_name_is_its_one_holder() -> None:
    doc = marked_doc(
        "Governor [Marian Hadley](PERSON) signed it. [Lucas Brandt](PERSON) said the [Governor](PERSON) "
        "knew. The [Mayor](PERSON) said nothing."
    )
    entities = cluster_entities(doc)
    hadley = by_name(entities, "Marian Hadley")
    assert [m.text for m in hadley.mentions] == ["Marian Hadley", "the Governor"]
    assert {e.name for e in entities} == {"Marian Hadley", "Lucas Brandt"}


def test_a_first_word_several_companies_share_is_the_one_named_first_unless_used_as_a_place() -> None:
    doc = marked_doc(
        "[Dravik Industries](ORG) owns it through [Dravik Hungária Kft](ORG). [Dravik](PERSON) took it. "
        "Patients go to [Ashby Vale General Hospital](ORG), run by [Ashby Vale Hospitals NHS Trust](ORG). "
        "The bus to [Ashby](PERSON) is slow, and the ward in [Ashby](PERSON) is full."
    )
    entities = cluster_entities(doc)
    assert [m.text for m in by_name(entities, "Dravik Industries").mentions] == [
        "Dravik Industries",
        "Dravik",
    ]
    assert by_name(entities, "Ashby").label != "ORG"


def test_schools_forces_and_firms_end_organisations_and_streets_and_rivers_end_places() -> None:
    doc = marked_doc(
        "Pupils of [Harlowmere High School](LOC) met [Easthaven Constabulary](LOC) officers on "
        "[Congress Avenue](ORG), by the [Pilcomayo River](ORG), with [Pellow Brothers](LOC) staff."
    )
    labels = labels_of(doc)
    assert labels == {
        "Harlowmere High School": "ORG",
        "Easthaven Constabulary": "ORG",
        "Congress Avenue": "LOC",
        "Pilcomayo River": "LOC",
        "Pellow Brothers": "ORG",
    }


def test_a_role_after_an_age_or_before_a_relative_clause_and_offices_such_as_prosecutor() -> None:
    doc = marked_doc(
        "[Evelyn Pike](PERSON), 84, a retired postmistress, died. His father, [Kofi Osei](PERSON), a "
        "fisherman who appears in the film's final scene with his nets and boat, smiled. Senior Public "
        "Prosecutor [Marit Frost](PERSON) spoke. The prosecutor sat down."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Evelyn Pike").roles == ["retired postmistress"]
    assert by_name(entities, "Kofi Osei").roles == ["fisherman"]
    frost = by_name(entities, "Marit Frost")
    assert frost.titles == ["senior public prosecutor"]
    assert [m.text for m in frost.mentions] == ["Marit Frost", "The prosecutor"]


def test_a_month_before_a_title_is_no_part_of_it() -> None:
    doc = marked_doc("But in February Culture Minister [Rhiannon Pugh](PERSON) placed a bar on it.")
    assert by_name(cluster_entities(doc), "Rhiannon Pugh").titles == ["minister of Culture"]


def test_an_organisational_word_before_of_makes_a_name_an_organisation() -> None:
    doc = marked_doc(
        "The [Elsworth Museum of Fine Art](PERSON) and the [Australian Academy of Recorded Music](PERSON) "
        "met at the [Bay of Bengal](LOC)."
    )
    labels = labels_of(doc)
    assert labels == {
        "Elsworth Museum of Fine Art": "ORG",
        "Australian Academy of Recorded Music": "ORG",
        "Bay of Bengal": "LOC",
    }


def test_short_names_the_ner_left_untagged_join_their_organisation() -> None:
    doc = marked_doc(
        "The [World Health Organization](ORG) ([WHO](ORG)) met the [Lorrington Transit Commission](ORG) "
        "(LTC). WHO and LTC staff spoke. [Ferrowell](ORG) said [Ferrowell Automotive](ORG) would close; "
        "Ferrowell later confirmed it. The [Aviators' Guild](ORG) of Skyvale joined [Skyvale](ORG)."
    )
    entities = cluster_entities(doc)
    assert [m.text for m in by_name(entities, "World Health Organization").mentions] == [
        "World Health Organization",
        "WHO",
        "WHO",
    ]
    assert [m.text for m in by_name(entities, "Lorrington Transit Commission").mentions] == [
        "Lorrington Transit Commission",
        "LTC",
        "LTC",
    ]
    assert len(by_name(entities, "Ferrowell Automotive").mentions) == 3
    assert [m.text for m in by_name(entities, "Skyvale").mentions] == ["Skyvale"]


def test_the_chief_executive_is_the_one_person_holding_that_office_as_title_or_role() -> None:
    doc = marked_doc(
        "[Henrik Lindqvist](PERSON), Corvant's chief executive, met [Astrid Holm](PERSON), her husband. "
        "The chief executive said the deal was done. The manager said nothing."
    )
    lindqvist = by_name(cluster_entities(doc), "Henrik Lindqvist")
    assert [m.text for m in lindqvist.mentions] == ["Henrik Lindqvist", "The chief executive"]


def test_the_organisational_word_alone_is_the_one_organisation_named_with_it() -> None:
    doc = marked_doc(
        "The [General Inspectorate for Migration](ORG) and the [Midland Waterways Trust](ORG) met. The "
        "[Inspectorate](MISC) said the Trust would pay."
    )
    entities = cluster_entities(doc)
    assert [m.text for m in by_name(entities, "General Inspectorate for Migration").mentions] == [
        "General Inspectorate for Migration",
        "Inspectorate",
    ]
    assert [m.text for m in by_name(entities, "Midland Waterways Trust").mentions] == [
        "Midland Waterways Trust",
        "Trust",
    ]


def test_a_name_tagged_an_organisation_and_used_as_a_place_is_a_place() -> None:
    doc = marked_doc(
        "[Kazyrstan](ORG) said the talks failed. [Kazyrstan](ORG) recalled its envoy. Protests spread in "
        "[Kazyrstan](LOC). [Northwind](ORG) said profits rose at [Northwind](ORG)."
    )
    labels = labels_of(doc)
    assert labels == {"Kazyrstan": "LOC", "Northwind": "ORG"}


def test_a_name_tagged_a_person_but_used_as_a_place_and_no_ones_name_is_a_place() -> None:
    doc = marked_doc(
        "[Tauvana](PERSON) welcomed the visit. Crowds gathered in [Tauvana](PERSON) and [Tauvana](PERSON) "
        "hailed it. [Maria Lopez](PERSON) lives in [Lopez](PERSON)."
    )
    labels = labels_of(doc)
    assert labels["Tauvana"] == "LOC"
    assert labels["Maria Lopez"] == "PERSON"


def test_a_name_ending_in_an_organisational_word_stays_an_organisation_before_who() -> None:
    doc = marked_doc(
        "Inspector [Helen Varga](PERSON) of the [Fenland Constabulary](ORG), who is leading the inquiry, "
        "spoke to [Le Thi Hoa](ORG), who runs a shop."
    )
    labels = labels_of(doc)
    assert labels == {"Helen Varga": "PERSON", "Fenland Constabulary": "ORG", "Le Thi Hoa": "PERSON"}


def test_a_headline_name_ends_before_a_word_the_body_writes_in_lower_case() -> None:
    doc = marked_doc(
        "[Marlstad Trial Opens](MISC) for Pension Fund Founder and [Deadline Nears](ORG) for Budget\n\n"
        "The trial opened in Marlstad on Monday. The deadline is near, and [Halcyon Foods](ORG) paid."
    )
    names = {e.name for e in cluster_entities(doc) if e.label in {"PERSON", "ORG", "LOC", "MISC"}}
    assert names == {"Marlstad", "Halcyon Foods"}


NOUN = ("NN", "NOUN")


def _tagged(doc: Doc, tags: dict[str, tuple[str, str]]) -> Doc:
    """``doc`` with the tag and coarse part of speech of each listed word set (as a tagger would)."""
    for token in doc:
        if token.text in tags:
            token.tag_, token.pos_ = tags[token.text]
    return doc


def test_a_role_before_a_name_after_a_verb_or_a_capitalised_owner_when_the_name_closes_it() -> None:
    doc = _tagged(
        marked_doc(
            "He was the son of a railway signalman, [Etienne Roche](PERSON), and a parish organist, "
            "[Lucie Ferrand](PERSON). A [CAA](ORG) spokeswoman, [Nadia Hollis](PERSON), said so. She was the "
            "son of a local jockey, [Tom Reid](PERSON)."
        ),
        {"was": ("VBD", "AUX"), "said": ("VBD", "VERB"), "signalman": NOUN, "organist": NOUN},
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Etienne Roche").roles == ["railway signalman"]
    assert by_name(entities, "Lucie Ferrand").roles == ["parish organist"]
    assert by_name(entities, "Nadia Hollis").roles == ["CAA spokeswoman"]
    assert by_name(entities, "Tom Reid").roles == []  # the jockey, not the son


def test_a_lower_case_role_phrase_after_a_name_with_its_head_before_the_preposition() -> None:
    nouns = dict.fromkeys(["mission", "director", "cardiologist", "father", "president"], NOUN)
    doc = _tagged(
        marked_doc(
            "[Ines Meireles](PERSON), mission director at [Atlantida Orbital](ORG), said. "
            "[Pham Minh](PERSON), cardiologist at [Bach Mai](ORG), agreed. [Bastien Koffi](PERSON), now "
            "artistic director of the [Fourviere Festival](ORG), spoke. [Ama Boateng](PERSON), president of "
            "the [Ghana Bar Association](ORG) ([GBA](ORG)), wrote. [Lam Bao](PERSON), now retired in "
            "[Can Tho](LOC), recalled it. [Rui Vas](PERSON), whose father ran it, left."
        ),
        nouns | {"artistic": ("JJ", "ADJ"), "retired": ("VBN", "VERB"), "whose": ("WP$", "PRON")},
    )
    entities = cluster_entities(doc)
    meireles = by_name(entities, "Ines Meireles")
    assert (meireles.titles, meireles.roles) == (["director"], ["mission director at Atlantida Orbital"])
    assert by_name(entities, "Pham Minh").roles == ["cardiologist at Bach Mai"]
    assert by_name(entities, "Bastien Koffi").titles == ["artistic director of the Fourviere Festival"]
    assert by_name(entities, "Ama Boateng").titles == ["president of the Ghana Bar Association (GBA)"]
    for name in ("Lam Bao", "Rui Vas"):
        assert (by_name(entities, name).titles, by_name(entities, name).roles) == ([], [])


def test_headline_words_and_a_verb_opening_a_sentence_tagged_as_names_are_none() -> None:
    doc = marked_doc(
        "[Paul Roche](PERSON), [Composer](PERSON) Who Set the Rhone to [Music](MISC), [Dies](PERSON) at "
        "84\n\n[Born](LOC) in [Valence](LOC), [Roche](PERSON) was a composer of sacred music. He died on "
        "Monday when it was 38 degrees [Celsius](MISC)."
    )
    born = next(t for t in doc if t.text == "Born")
    born.is_sent_start, born.tag_ = True, "VBN"
    names = labels_of(doc, named_only=True)
    assert names == {"Paul Roche": "PERSON", "Valence": "LOC"}


def test_the_head_noun_of_one_persons_role_and_a_rank_alone_are_that_person() -> None:
    doc = _tagged(
        marked_doc(
            "[Samuel Adeyemi](PERSON), the state's epidemiologist, spoke. Lt. [Teresa Fuente](PERSON) of "
            "the patrol agreed. [Anthony Reid](PERSON), the interim head, left. The epidemiologist said the "
            "risk was low. The lieutenant asked people to stay away. The head girl, [Amina Hussain](PERSON), "
            "smiled."
        ),
        {"epidemiologist": NOUN, "head": NOUN, "girl": NOUN, "said": ("VBD", "VERB")},
    )
    entities = cluster_entities(doc)
    assert [m.text for m in by_name(entities, "Samuel Adeyemi").mentions] == [
        "Samuel Adeyemi",
        "The epidemiologist",
    ]
    assert [m.text for m in by_name(entities, "Teresa Fuente").mentions] == [
        "Teresa Fuente",
        "The lieutenant",
    ]
    assert [m.text for m in by_name(entities, "Anthony Reid").mentions] == [
        "Anthony Reid"
    ]  # not "The head" girl


def test_laws_awards_storms_ships_and_models_are_misc_whatever_the_ner_tagged() -> None:
    doc = marked_doc(
        "[Hurricane Odalys](PERSON) hit [Louisiana](LOC) and [Odalys](PERSON) weakened. The "
        "[Food Safety Act](ORG) applies. HMS [Margaret Ashdown](PERSON) sailed. [Ana Silva](PERSON) won the "
        "[Prince Mahidol Award](ORG). The [Galaxy S25](PERSON) sold well."
    )
    labels = labels_of(doc, named_only=True)
    assert labels == {
        "Hurricane Odalys": "MISC",
        "Louisiana": "LOC",
        "Food Safety Act": "MISC",
        "Margaret Ashdown": "MISC",
        "Ana Silva": "PERSON",
        "Prince Mahidol Award": "MISC",
        "Galaxy S25": "MISC",
    }


def test_a_brand_with_a_model_number_is_a_product_but_a_score_or_a_numbered_body_is_not() -> None:
    doc = _tagged(
        marked_doc(
            "The [Atlas](ORG) 9 rocket flew. [Lotus Bay X9](ORG) phones sold. [Aston Villa](ORG) 2, "
            "[Leeds](ORG) 1. [United Cultural Workers Local 2417](ORG) struck."
        ),
        {"rocket": NOUN},
    )
    labels = labels_of(doc, named_only=True)
    assert labels == {
        "Atlas": "MISC",
        "Lotus Bay X9": "MISC",
        "Aston Villa": "ORG",
        "Leeds": "ORG",
        "United Cultural Workers Local 2417": "ORG",
    }


def test_an_organisation_named_without_its_first_words_joins_the_one_it_ends() -> None:
    doc = marked_doc(
        "The [Aldovian National Health Fund](ORG) pays. The [National Health Fund](ORG) said so. The "
        "[Council of the European Union](ORG) met, and the [European Union](ORG) agreed."
    )
    entities = {e.name: [m.text for m in e.mentions] for e in cluster_entities(doc)}
    assert entities == {
        "Aldovian National Health Fund": ["Aldovian National Health Fund", "National Health Fund"],
        "Council of the European Union": ["Council of the European Union"],
        "European Union": ["European Union"],
    }


def test_a_role_follows_the_whole_hyphenated_name_not_the_part_the_ner_tagged() -> None:
    doc = marked_doc("[Danielle Ferrante](PERSON)-Oyelaran, chief of the [CSE](ORG), told reporters.")
    danielle = by_name(cluster_entities(doc), "Danielle Ferrante-Oyelaran")
    assert danielle.roles == ["chief of the CSE"]


def test_a_role_after_an_age_needs_no_article() -> None:
    doc = marked_doc(
        "This is [Samir Khoury](PERSON), 80, founder of the [Byblos Grill](ORG). [Vance](PERSON), 61, "
        "said no."
    )
    entities = cluster_entities(doc)
    assert by_name(entities, "Samir Khoury").roles == ["founder of the Byblos Grill"]
    assert (by_name(entities, "Vance").titles, by_name(entities, "Vance").roles) == ([], [])
