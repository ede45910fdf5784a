"""resolve_speaker on hand-built, unparsed Docs: which entity a source names, and what pronouns refer to."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsextract.names import first_name_gender
from newsextract.nlp.speakers import Speakers, named_later, resolve_speaker
from newsextract.result import Entity, Speaker, TextSpan
from tests.marked import entity

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


def span(doc: Doc, surface: str, occurrence: int = 0) -> Span:
    match = list(re.finditer(re.escape(surface), doc.text))[occurrence]
    found = doc.char_span(match.start(), match.end())
    assert found is not None
    return found


def parsed(sentence: str, heads: list[int], deps: str, pos: str | None = None) -> Doc:
    """A hand-parsed Doc: the sentence's words split on spaces (no space before "," "." "'s" ")" or after
    "("), dependency labels and part-of-speech tags space-separated."""
    words = sentence.split()
    spaces = [
        w != "(" and n not in {",", ".", "'s", ")"} for w, n in zip(words, [*words[1:], ""], strict=True)
    ]
    tags = pos.split() if pos else None
    return Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps.split(), pos=tags)


def unquoted(doc: Doc, entities: list[Entity]) -> Speakers:
    """The speaker resolver of a test Doc with no quoted text."""
    return Speakers(doc, entities, [False] * len(doc.text))


def paired_quotes_mask(doc: Doc) -> list[bool]:
    """Every character inside a pair of straight double quotes, the marks included, is quoted."""
    inside, mask = False, []
    for char in doc.text:
        inside = not inside if char == '"' else inside
        mask.append(inside or char == '"')
    return mask


def quoted_mask(doc: Doc) -> list[bool]:
    """Every character from the first to the last straight double quote is quoted."""
    opening, closing = doc.text.index('"'), doc.text.rindex('"')
    return [opening <= i <= closing for i in range(len(doc.text))]


def test_a_plural_pronoun_takes_the_last_earlier_speaker_of_a_group_label() -> None:
    doc = NLP(
        "Maria Lopez said the plan works. The Harbor Board said it will vote. "
        "Reporters asked about Seaview Port. They said no more."
    )
    lopez = entity(doc, "e1", "Maria Lopez", "PERSON", ["Maria Lopez"])
    board = entity(doc, "e2", "Harbor Board", "ORG", ["Harbor Board"])
    port = entity(doc, "e3", "Seaview Port", "ORG", ["Seaview Port"])  # named last, but no speaker
    speakers = unquoted(doc, [lopez, board, port])
    earlier: list[tuple[Span | None, Speaker | None]] = [
        (span(doc, "Maria Lopez"), resolve_speaker(speakers, span(doc, "Maria Lopez"), [])),
        (span(doc, "The Harbor Board"), resolve_speaker(speakers, span(doc, "The Harbor Board"), [])),
    ]
    assert [s.entity_id for _, s in earlier if s is not None] == ["e1", "e2"]
    they = resolve_speaker(speakers, span(doc, "They"), earlier)
    assert they is not None and they.entity_id == "e2"


def test_he_skips_earlier_speakers_that_name_no_entity() -> None:
    doc = NLP("Tom Reed left early. Emergency officials said roads were closed. He said he was sorry.")
    reed = entity(doc, "e1", "Tom Reed", "PERSON", ["Tom Reed"])
    speakers = unquoted(doc, [reed])
    officials = span(doc, "Emergency officials")
    unnamed = resolve_speaker(speakers, officials, [])
    assert unnamed is not None and unnamed.entity_id is None and unnamed.name == "Emergency officials"
    he = resolve_speaker(speakers, span(doc, "He"), [(officials, unnamed)])
    assert he is not None and he.entity_id == "e1"


def test_an_earlier_speaker_far_back_is_no_antecedent_the_last_mentioned_person_is() -> None:
    filler = "The council met again. " * 80
    doc = NLP(f"Ann Cole said the budget is fine. {filler}Dana Ortiz arrived. She said she disagreed.")
    cole = entity(doc, "e1", "Ann Cole", "PERSON", ["Ann Cole"])
    ortiz = entity(doc, "e2", "Dana Ortiz", "PERSON", ["Dana Ortiz"])
    speakers = unquoted(doc, [cole, ortiz])
    source = span(doc, "Ann Cole")
    she = resolve_speaker(speakers, span(doc, "She"), [(source, resolve_speaker(speakers, source, []))])
    assert she is not None and she.entity_id == "e2"  # Ann Cole spoke more than 1,500 characters before


def test_two_names_joined_by_and_are_one_joint_speaker_but_a_spokesman_for_both_is_not() -> None:
    doc = NLP("Milley and Zaluzhnyi said they met. A spokesman for Milley and Zaluzhnyi said so.")
    milley = entity(doc, "e1", "Mark Milley", "PERSON", ["Milley"])
    zaluzhnyi = entity(doc, "e2", "Valerii Zaluzhnyi", "PERSON", ["Zaluzhnyi"])
    speakers = unquoted(doc, [milley, zaluzhnyi])
    both = resolve_speaker(speakers, span(doc, "Milley and Zaluzhnyi"), [])
    assert both is not None
    assert (both.name, both.label, both.entity_id) == ("Mark Milley and Valerii Zaluzhnyi", "PERSON", None)
    assert both.members == ("e1", "e2")
    spokesman = resolve_speaker(speakers, span(doc, "A spokesman for Milley and Zaluzhnyi"), [])
    assert spokesman is not None and spokesman.name != both.name


@pytest.mark.parametrize("source", ["Both Milley and Zaluzhnyi", "both Milley, Zaluzhnyi and Austin"])
def test_names_joined_after_both_are_one_joint_speaker(source: str) -> None:
    doc = NLP(f"{source} said they met.")
    people = [
        entity(doc, f"e{number}", full, "PERSON", [short])
        for number, (full, short) in enumerate(
            [("Mark Milley", "Milley"), ("Valerii Zaluzhnyi", "Zaluzhnyi"), ("Lloyd Austin", "Austin")], 1
        )
        if short in source
    ]
    joint = resolve_speaker(unquoted(doc, people), span(doc, source), [])
    assert joint is not None and joint.members == tuple(person.id for person in people)


def test_an_unnamed_group_with_examples_is_named_without_them() -> None:
    doc = NLP("Critics of the program, like Senator Grassley, say it is open to fraud.")
    grassley = entity(doc, "e1", "Charles Grassley", "PERSON", ["Grassley"])
    critics = resolve_speaker(
        unquoted(doc, [grassley]), span(doc, "Critics of the program, like Senator Grassley"), []
    )
    assert critics is not None and critics.entity_id is None and critics.name == "Critics of the program"


def test_the_company_is_the_earlier_organisation_the_article_names_most_not_the_first_named() -> None:
    # GIVEN a headline word tagged as an organisation, then the company, named again after the source
    doc = NLP(
        "Shipyard cuts jobs. Harlow Marine Works will cut 800 jobs, the company said. "
        "Harlow Marine Works shares fell. Harlow Marine Works hired advisers."
    )
    headline = entity(doc, "e1", "Shipyard", "ORG", ["Shipyard"])
    harlow = entity(doc, "e2", "Harlow Marine Works", "ORG", ["Harlow Marine Works"])
    later = entity(doc, "e3", "Acme", "ORG", [])  # never named before the source
    speakers = unquoted(doc, [headline, harlow, later])
    company = resolve_speaker(speakers, span(doc, "the company"), [])
    assert company is not None and company.entity_id == "e2"


def test_a_person_familiar_with_an_organisation_is_not_that_organisation() -> None:
    doc = NLP(
        "Granite Ridge bought the papers. "
        "A person familiar with Granite Ridge's plans said cuts would follow. "
        "A source close to Mayor Ann Lee said she would object. Officials at Granite Ridge said nothing."
    )
    granite = entity(doc, "e1", "Granite Ridge", "ORG", ["Granite Ridge"])
    lee = entity(doc, "e2", "Ann Lee", "PERSON", ["Ann Lee"])
    speakers = unquoted(doc, [granite, lee])
    familiar = resolve_speaker(speakers, span(doc, "A person familiar with Granite Ridge's plans"), [])
    assert familiar is not None and familiar.entity_id is None
    assert familiar.name == "A person familiar with Granite Ridge's plans"
    close = resolve_speaker(speakers, span(doc, "A source close to Mayor Ann Lee"), [])
    assert close is not None and close.entity_id is None
    officials = resolve_speaker(speakers, span(doc, "Officials at Granite Ridge"), [])
    assert officials is not None and officials.entity_id == "e1"  # members still speak for it


def test_a_persons_team_is_not_the_person_but_a_persons_spokesman_is_found_by_role() -> None:
    doc = NLP("Ana Ribeiro led the trial. Ribeiro's team wrote that side effects were mild.")
    ribeiro = entity(doc, "e1", "Ana Ribeiro", "PERSON", ["Ana Ribeiro", "Ribeiro"])
    speakers = unquoted(doc, [ribeiro])
    team = resolve_speaker(speakers, span(doc, "Ribeiro's team"), [])
    assert team is not None and team.entity_id is None and team.name == "Ribeiro's team"
    assert speakers.in_span(span(doc, "Ana Ribeiro")) is ribeiro


def test_a_nationality_before_the_head_noun_does_not_speak() -> None:
    doc = NLP("According to a Turkish readout of the call, talks went well. Senate Democrats said no.")
    turkish = entity(doc, "e1", "Turkish", "MISC", ["Turkish"])
    democrats = entity(doc, "e2", "Democrats", "MISC", ["Democrats"])
    speakers = unquoted(doc, [turkish, democrats])
    readout = resolve_speaker(speakers, span(doc, "a Turkish readout of the call"), [])
    assert readout is not None and readout.entity_id is None
    party = resolve_speaker(speakers, span(doc, "Senate Democrats"), [])
    assert party is not None and party.entity_id == "e2"


@pytest.mark.parametrize(
    "epithet", ["the 24-year-old", "The Italian", "the Yorkshireman", "The Scot, the coach,"]
)
def test_an_age_or_nationality_epithet_is_the_person_just_named(epithet: str) -> None:
    doc = NLP(f"Lyon signed Marco Bellini on Monday. “I am happy,” {epithet} said.")
    bellini = entity(doc, "e1", "Marco Bellini", "PERSON", ["Marco Bellini"])
    lyon = entity(doc, "e2", "Lyon", "ORG", ["Lyon"])
    for token in doc:
        if token.text == "Italian":
            token.ent_type_ = "MISC"
    speakers = unquoted(doc, [lyon, bellini])
    speaker = resolve_speaker(speakers, span(doc, epithet), [])
    assert speaker is not None and speaker.entity_id == "e1"


def test_the_club_after_an_adjective_is_the_organisation_named_most() -> None:
    doc = NLP("Lyon signed a striker. Lyon paid a record fee, the French club said. Lyon plays Sunday.")
    lyon = entity(doc, "e1", "Lyon", "ORG", ["Lyon"])
    french = span(doc, "French")
    doc.ents = [Span(doc, french.start, french.end, label="MISC")]
    speakers = unquoted(doc, [lyon])
    speaker = resolve_speaker(speakers, span(doc, "the French club"), [])
    assert speaker is not None and speaker.entity_id == "e1"


def test_a_name_and_the_role_apposed_to_a_second_name_are_one_joint_speaker() -> None:
    doc = NLP(
        "Lakeside and the buyer, Granite Ridge, said they would appeal. The buyer, Granite Ridge, said so."
    )
    lakeside = entity(doc, "e1", "Lakeside Media", "ORG", ["Lakeside"])
    granite = entity(doc, "e2", "Granite Ridge", "ORG", ["Granite Ridge"])
    speakers = unquoted(doc, [lakeside, granite])
    both = resolve_speaker(speakers, span(doc, "Lakeside and the buyer, Granite Ridge"), [])
    assert both is not None and both.members == ("e1", "e2")
    assert both.name == "Lakeside Media and Granite Ridge"
    one = resolve_speaker(speakers, span(doc, "The buyer, Granite Ridge"), [])
    assert one is not None and one.entity_id == "e2"


def test_three_names_in_a_list_are_one_joint_speaker_but_an_apposition_is_not() -> None:
    doc = NLP(
        "Britain, France and Germany said the deal stands. Britain, France, Germany warned. "
        "Milley, Austin and the general said so."
    )
    ents = [
        entity(doc, "e1", "Britain", "LOC", ["Britain"]),
        entity(doc, "e2", "France", "LOC", ["France"]),
        entity(doc, "e3", "Germany", "LOC", ["Germany"]),
        entity(doc, "e4", "Mark Milley", "PERSON", ["Milley"]),
        entity(doc, "e5", "Lloyd Austin", "PERSON", ["Austin"]),
    ]
    speakers = unquoted(doc, ents)
    three = resolve_speaker(speakers, span(doc, "Britain, France and Germany"), [])
    assert three is not None and three.members == ("e1", "e2", "e3")
    assert (three.name, three.label, three.entity_id) == ("Britain, France and Germany", "LOC", None)
    no_and = resolve_speaker(speakers, span(doc, "Britain, France, Germany", 0), [])
    assert no_and is not None and len(no_and.members) < 3
    two_names = resolve_speaker(speakers, span(doc, "Milley, Austin and the general"), [])
    assert two_names is not None and len(two_names.members) < 3


def test_a_hyphenated_place_does_not_speak_for_the_company_it_describes() -> None:
    doc = NLP("Halvorsen Foods cut its forecast. The Minneapolis-based company said costs rose.")
    foods = entity(doc, "e1", "Halvorsen Foods", "ORG", ["Halvorsen Foods"])
    city = entity(doc, "e2", "Minneapolis", "LOC", ["Minneapolis"])
    speakers = unquoted(doc, [foods, city])
    found = resolve_speaker(speakers, span(doc, "The Minneapolis-based company"), [])
    assert found is not None and found.entity_id == "e1"


def test_a_role_named_after_a_person_is_the_name_apposed_to_it() -> None:
    doc = NLP("Ingrid Halvorsen spoke. A Halvorsen spokesman, Luis Ortega, said no.")
    ingrid = entity(doc, "e1", "Ingrid Halvorsen", "PERSON", ["Ingrid Halvorsen", "Halvorsen "])
    ortega = entity(doc, "e2", "Luis Ortega", "PERSON", ["Luis Ortega"])
    speakers = unquoted(doc, [ingrid, ortega])
    found = resolve_speaker(speakers, span(doc, "A Halvorsen spokesman, Luis Ortega"), [])
    assert found is not None and (found.entity_id, found.role) == ("e2", "Halvorsen spokesman")


def test_the_two_after_a_joint_speaker_is_that_joint_speaker() -> None:
    doc = NLP("Japan and Korea signed a pact. The two governments said it would pass. Japan said more.")
    japan = entity(doc, "e1", "Japan", "LOC", ["Japan"])
    korea = entity(doc, "e2", "Korea", "LOC", ["Korea"])
    speakers = unquoted(doc, [japan, korea])
    pair_source = span(doc, "Japan and Korea")
    pair = resolve_speaker(speakers, pair_source, [])
    assert pair is not None and pair.members == ("e1", "e2")
    two = resolve_speaker(speakers, span(doc, "The two governments"), [(pair_source, pair)])
    assert two == pair
    assert (
        resolve_speaker(speakers, span(doc, "The two governments"), []) is not None
    )  # unresolved: its words


def test_she_after_an_unnamed_wife_is_the_wife_not_the_last_named_woman() -> None:
    doc = NLP(
        "Sandra Okafor said her client is innocent. His wife told reporters he could not sleep. "
        "She said he was sorry."
    )
    okafor = entity(doc, "e1", "Sandra Okafor", "PERSON", ["Sandra Okafor"])
    speakers = unquoted(doc, [okafor])
    earlier = [
        (span(doc, s), resolve_speaker(speakers, span(doc, s), [])) for s in ("Sandra Okafor", "His wife")
    ]
    wife = earlier[1][1]
    assert wife is not None and (wife.name, wife.label, wife.entity_id) == ("His wife", "PERSON", None)
    she = resolve_speaker(speakers, span(doc, "She"), earlier)
    assert she == wife


def test_a_place_after_in_or_at_is_not_the_speaker_unless_members_speak_for_it() -> None:
    doc = NLP("Court documents unsealed in Cincinnati say so. Analysts at Barclays wrote more.")
    cincinnati = entity(doc, "e1", "Cincinnati", "LOC", ["Cincinnati"])
    barclays = entity(doc, "e2", "Barclays", "LOC", ["Barclays"])  # the NER calling the bank a place
    speakers = unquoted(doc, [cincinnati, barclays])
    documents = resolve_speaker(speakers, span(doc, "Court documents unsealed in Cincinnati"), [])
    assert documents is not None and documents.entity_id is None
    analysts = resolve_speaker(speakers, span(doc, "Analysts at Barclays"), [])
    assert analysts is not None and analysts.entity_id == "e2"


def test_a_role_loses_its_relative_clause() -> None:
    doc = NLP("Samuel Achebe, a neurologist at Hopkins who was not involved in the study, said so.")
    achebe = entity(doc, "e1", "Samuel Achebe", "PERSON", ["Samuel Achebe"])
    speakers = unquoted(doc, [achebe])
    source = span(doc, "Samuel Achebe, a neurologist at Hopkins who was not involved in the study")
    found = resolve_speaker(speakers, source, [])
    assert found is not None and (found.entity_id, found.role) == ("e1", "neurologist at Hopkins")


def test_he_and_she_skip_people_whose_first_name_has_the_other_gender() -> None:
    doc = NLP("Ingrid Dahl spoke first. Luis Ortiz said the cap works. She said it does not.")
    dahl = entity(doc, "e1", "Ingrid Dahl", "PERSON", ["Ingrid Dahl"])
    ortiz = entity(doc, "e2", "Luis Ortiz", "PERSON", ["Luis Ortiz"])
    speakers = unquoted(doc, [dahl, ortiz])
    source = span(doc, "Luis Ortiz")
    earlier = [(source, resolve_speaker(speakers, source, []))]
    she = resolve_speaker(speakers, span(doc, "She"), earlier)
    assert she is not None and she.entity_id == "e1"  # the speaker before is a man; she is the woman named
    assert first_name_gender("Dana Cho") is None and first_name_gender("Ingrid Dahl") == "F"


@pytest.mark.parametrize("introduced", ["Kenya's Faith Kiprotich", "Kenyan runner Faith Kiprotich"])
def test_a_nationality_epithet_is_the_person_introduced_with_that_country(introduced: str) -> None:
    doc = NLP(f"{introduced} won. Her coach, Renato Bellini, said so. The Kenyan said she was tired.")
    kiprotich = entity(doc, "e1", "Faith Kiprotich", "PERSON", ["Faith Kiprotich"])
    bellini = entity(doc, "e2", "Renato Bellini", "PERSON", ["Renato Bellini"])
    speakers = unquoted(doc, [kiprotich, bellini])
    coach = span(doc, "Her coach, Renato Bellini")
    earlier = [(coach, resolve_speaker(speakers, coach, []))]
    kenyan = span(doc, "The Kenyan")
    kenyan.doc[kenyan.end - 1].ent_type_ = "MISC"
    found = resolve_speaker(speakers, kenyan, earlier)
    assert found is not None and found.entity_id == "e1"  # not the coach, who spoke last


def test_the_agency_is_the_one_administration_and_the_company_a_company_not_an_acronym() -> None:
    doc = NLP(
        "RSV vaccine approved. The Food and Drug Administration approved the RSV shot, the agency said. "
        "RSV is common. Norland Biologics makes it. The company said RSV doses ship soon."
    )
    rsv = entity(doc, "e1", "RSV", "ORG", ["RSV"])  # the NER calling the virus an organisation
    fda = entity(doc, "e2", "Food and Drug Administration", "ORG", ["Food and Drug Administration"])
    norland = entity(doc, "e3", "Norland Biologics", "ORG", ["Norland Biologics"])
    speakers = unquoted(doc, [rsv, fda, norland])
    agency = resolve_speaker(speakers, span(doc, "the agency"), [])
    company = resolve_speaker(speakers, span(doc, "The company"), [])
    assert agency is not None and agency.entity_id == "e2"
    assert company is not None and company.entity_id == "e3"


@pytest.mark.parametrize(
    ("sentence", "heads", "deps", "pos", "who_at", "name"),
    [
        (  # "who" is the relative clause's subject, hanging on "official"
            "Ana Diaz spoke . An official , who asked not to be named , said no .",
            [1, 2, 2, 2, 5, 14, 8, 8, 5, 12, 12, 12, 8, 8, 14, 14, 14],
            "compound nsubj ROOT punct det nsubj punct nsubj acl:relcl advmod mark aux:pass xcomp punct ROOT "
            "obj punct",
            None,
            7,
            "An official",
        ),
        (  # the clause parsed as advcl:relcl of the verb: the noun before the comma
            "Ana Diaz traced the car to Diaz 's cousin , who told detectives .",
            [1, 2, 2, 4, 2, 8, 8, 6, 2, 11, 11, 2, 11, 2],
            "compound nsubj ROOT det obj case nmod:poss case obl punct nsubj advcl:relcl iobj punct",
            "PROPN PROPN VERB DET NOUN ADP PROPN PART NOUN PUNCT PRON VERB NOUN PUNCT",
            10,
            "Diaz's cousin",
        ),
    ],
)
def test_who_is_the_noun_phrase_it_stands_for_not_the_person_named_last(
    sentence: str, heads: list[int], deps: str, pos: str | None, who_at: int, name: str
) -> None:
    doc = parsed(sentence, heads, deps, pos)
    diaz = entity(doc, "e1", "Ana Diaz", "PERSON", ["Ana Diaz", "Diaz "])
    who = resolve_speaker(unquoted(doc, [diaz]), doc[who_at : who_at + 1], [])
    assert who is not None and (who.name, who.entity_id) == (name, None)


def test_a_bracketed_party_and_state_is_no_role() -> None:
    # GIVEN "Curtis Rowe (R-Idaho) said." parsed with "R-Idaho" as an apposition of "Rowe"
    doc = parsed(
        "Curtis Rowe ( R-Idaho ) said .", [1, 5, 3, 1, 3, 5, 5], "compound nsubj punct appos punct ROOT punct"
    )
    rowe = entity(doc, "e1", "Curtis Rowe", "PERSON", ["Curtis Rowe"])
    found = resolve_speaker(unquoted(doc, [rowe]), doc[0:5], [])
    assert found is not None and (found.entity_id, found.role) == ("e1", None)


def test_a_name_parsed_as_apposition_of_its_title_is_no_role() -> None:
    # GIVEN "WHO Director-General Amara Bekele told", "Amara" an apposition of "WHO" (tagged as a pronoun)
    doc = parsed(
        "WHO Director - General Amara Bekele told .",
        [0, 3, 1, 4, 0, 4, 6, 6],
        "nsubj compound punct nmod:desc appos flat ROOT punct",
    )
    doc.ents = [Span(doc, 4, 6, label="PERSON")]
    amara = entity(doc, "e1", "Amara Bekele", "PERSON", ["Amara Bekele"])
    amara.titles = ["director-general of WHO"]
    found = resolve_speaker(unquoted(doc, [amara]), doc[0:6], [])
    assert found is not None and (found.entity_id, found.role) == ("e1", "director-general of WHO")


def test_she_after_a_sentence_without_a_subject_outside_quotes_is_the_one_person_it_names() -> None:
    doc = parsed(
        'Luis Ortiz spoke . In the words of Ingrid Dahl , " Rent control fails . " She was quoting .',
        [1, 2, 2, 2, 6, 6, 14, 9, 9, 6, 14, 14, 13, 14, 14, 14, 14, 19, 19, 19, 19],
        "compound nsubj ROOT punct case det obl case compound nmod punct punct compound nsubj ROOT punct "
        "punct nsubj aux ROOT punct",
    )
    ortiz = entity(doc, "e1", "Luis Ortiz", "PERSON", ["Luis Ortiz"])
    dahl = entity(doc, "e2", "Ingrid Dahl", "PERSON", ["Ingrid Dahl"])
    speakers = Speakers(doc, [ortiz, dahl], quoted_mask(doc))
    ortiz_said = (doc[0:2], resolve_speaker(speakers, doc[0:2], []))
    # THEN "She" is Dahl, named in the sentence before, not Ortiz, the speaker before
    she = resolve_speaker(speakers, doc[17:18], [ortiz_said])
    assert she is not None and she.entity_id == "e2"


def test_he_after_a_quoted_sentence_is_not_the_quotes_own_subject() -> None:
    doc = parsed(  # "Drainages", the quote's subject, taken for a name by the NER
        'Mike Tanaka spoke . " Drainages lead to cliffs . " He said so .',
        [1, 2, 2, 2, 6, 6, 6, 8, 6, 6, 6, 12, 12, 12, 12],
        "compound nsubj ROOT punct punct nsubj ROOT case obl punct punct nsubj ROOT advmod punct",
    )
    tanaka = entity(doc, "e1", "Mike Tanaka", "PERSON", ["Mike Tanaka"])
    drainages = entity(doc, "e2", "Drainages", "PERSON", ["Drainages"])
    speakers = Speakers(doc, [tanaka, drainages], quoted_mask(doc))
    he = resolve_speaker(speakers, doc[11:12], [(doc[0:2], resolve_speaker(speakers, doc[0:2], []))])
    assert he is not None and he.entity_id == "e1"


def test_she_after_a_quote_whose_opening_mark_the_parser_made_a_sentence_is_the_subject_before() -> None:
    doc = parsed(
        'Elaine Harper spoke . " The court has spoken , " she said .',
        [1, 2, 2, 2, 4, 6, 8, 8, 12, 8, 8, 12, 12, 12],
        "compound nsubj ROOT punct ROOT det nsubj aux ccomp punct punct nsubj ROOT punct",
    )
    assert [s.start for s in doc.sents] == [0, 4, 5]
    harper = entity(doc, "e1", "Elaine Harper", "PERSON", ["Elaine Harper"])
    ruth = entity(doc, "e2", "Ruth Abernathy", "PERSON", [])
    speakers = Speakers(doc, [harper, ruth], quoted_mask(doc))
    earlier = [(doc[0:2], Speaker(name="Ruth Abernathy", label="PERSON", entity_id="e2"))]
    she = resolve_speaker(speakers, doc[11:12], earlier)
    assert she is not None and she.entity_id == "e1"


def test_the_company_is_not_the_commission_named_more_often() -> None:
    doc = NLP(
        "Voltra recalls bikes, the Consumer Product Safety Commission said. The Consumer Product Safety "
        "Commission counted fires. Safety comes first, the company said."
    )
    voltra = entity(doc, "e1", "Voltra", "ORG", ["Voltra"])
    commission = entity(
        doc, "e2", "Consumer Product Safety Commission", "ORG", ["Consumer Product Safety Commission"]
    )
    speakers = unquoted(doc, [voltra, commission])
    company = resolve_speaker(speakers, span(doc, "the company"), [])
    assert company is not None and company.entity_id == "e1"


def test_a_spokesperson_for_a_titled_person_is_not_that_person() -> None:
    doc = NLP(
        "A spokesperson for Senator Mark Delaney said he would ask. Press secretary Ann Lee said no. "
        "Secretary of State John Miller said yes."
    )
    delaney = entity(doc, "e1", "Mark Delaney", "PERSON", ["Mark Delaney"])
    lee = entity(doc, "e2", "Ann Lee", "PERSON", ["Ann Lee"])
    miller = entity(doc, "e3", "John Miller", "PERSON", ["John Miller"])
    speakers = unquoted(doc, [delaney, lee, miller])
    spokesperson = resolve_speaker(speakers, span(doc, "A spokesperson for Senator Mark Delaney"), [])
    assert spokesperson is not None and spokesperson.entity_id is None
    assert spokesperson.role == "spokesperson for Senator Mark Delaney"
    for source, ident in [("Press secretary Ann Lee", "e2"), ("Secretary of State John Miller", "e3")]:
        found = resolve_speaker(speakers, span(doc, source), [])
        assert found is not None and found.entity_id == ident


def test_the_mayor_is_the_one_person_with_that_title_also_when_named_later() -> None:
    doc = NLP(
        "A cut the mayor said would help passed. Mayor Denise Harper proposed it. "
        "Council chair Luis Ortiz objected. The chair said no. The president said yes."
    )
    harper = entity(doc, "e1", "Denise Harper", "PERSON", ["Denise Harper"])
    harper.titles = ["mayor", "president"]
    ortiz = entity(doc, "e2", "Luis Ortiz", "PERSON", ["Luis Ortiz"])
    ortiz.titles = ["council chair", "president"]
    speakers = unquoted(doc, [harper, ortiz])
    mayor = resolve_speaker(speakers, span(doc, "the mayor"), [])
    assert mayor is not None and (mayor.entity_id, mayor.role) == ("e1", "mayor")
    president = resolve_speaker(speakers, span(doc, "The president"), [])
    assert president is not None and president.entity_id is None  # two presidents: neither


def test_a_surname_two_people_share_is_the_one_named_last() -> None:
    doc = NLP("Mere Tawhiri waited. Tawhiri said no. Wiremu Tawhiri came. Tawhiri said yes.")
    mere = entity(doc, "e1", "Mere Tawhiri", "PERSON", ["Mere Tawhiri"])
    wiremu = entity(doc, "e2", "Wiremu Tawhiri", "PERSON", ["Wiremu Tawhiri"])
    alone = entity(doc, "e3", "Tawhiri", "PERSON", ["Tawhiri said"])
    speakers = unquoted(doc, [mere, wiremu, alone])
    first = resolve_speaker(speakers, span(doc, "Tawhiri", 1), [])
    second = resolve_speaker(speakers, span(doc, "Tawhiri", 3), [])
    assert first is not None and first.entity_id == "e1"
    assert second is not None and second.entity_id == "e2"


def test_she_after_a_copular_sentence_naming_a_person_is_that_person() -> None:
    # GIVEN "Waiting outside was Mere Tawhiri . She said no ." parsed with "Waiting" as the subject
    doc = parsed(
        "Maria Ortiz spoke . Waiting outside was Mere Tawhiri . She said no .",
        [1, 2, 2, 2, 8, 4, 8, 8, 8, 8, 11, 11, 11, 11],
        "compound nsubj ROOT punct nsubj advmod cop compound ROOT punct nsubj ROOT obj punct",
    )
    doc.ents = [Span(doc, 7, 9, label="PERSON")]
    ortiz = entity(doc, "e1", "Maria Ortiz", "PERSON", ["Maria Ortiz"])  # quoted last, and a woman
    tawhiri = entity(doc, "e2", "Mere Tawhiri", "PERSON", ["Mere Tawhiri"])
    speakers = unquoted(doc, [ortiz, tawhiri])
    she = resolve_speaker(speakers, doc[10:11], [(doc[0:2], resolve_speaker(speakers, doc[0:2], []))])
    assert she is not None and she.entity_id == "e2"


def test_an_unknown_name_with_an_apposition_keeps_the_name_and_gives_the_role() -> None:
    doc = NLP("GeoNet, the national seismic agency, said shocks were likely.")
    found = resolve_speaker(unquoted(doc, []), span(doc, "GeoNet, the national seismic agency"), [])
    assert found is not None and (found.name, found.role) == ("GeoNet", "national seismic agency")


def test_what_qualifies_a_possessor_does_not_speak_either() -> None:
    doc = parsed(
        "Tennessee Governor Carla Whitfield 's office said .",
        [3, 3, 3, 5, 3, 6, 6, 6],
        "compound compound compound nmod:poss case nsubj ROOT punct",
    )
    tennessee = entity(doc, "e1", "Tennessee", "LOC", ["Tennessee"])
    whitfield = entity(doc, "e2", "Carla Whitfield", "PERSON", ["Carla Whitfield"])
    speakers = unquoted(doc, [tennessee, whitfield])
    found = resolve_speaker(speakers, doc[0:6], [])
    assert found is not None and found.entity_id is None


def test_the_journal_a_study_appeared_in_is_not_its_speaker() -> None:
    doc = parsed(
        "Risk fell , according to a study published Wednesday in the journal Neurology .",
        [1, 1, 1, 6, 3, 6, 1, 6, 7, 11, 11, 7, 11, 1],
        "nsubj ROOT punct case fixed det obl acl obl:tmod case det obl appos punct",
    )
    neurology = entity(doc, "e1", "Neurology", "LOC", ["Neurology"])  # the NER calling the journal a place
    speakers = unquoted(doc, [neurology])
    found = resolve_speaker(speakers, doc[5:13], [])
    assert found is not None and found.entity_id is None


def test_they_after_a_plural_subject_names_nobody_and_is_never_one_person() -> None:
    # GIVEN "Ingrid Solberg spoke . The researchers followed adults . They wrote ..."
    doc = parsed(
        "Ingrid Solberg spoke . The researchers followed adults . They wrote .",
        [1, 2, 2, 2, 5, 6, 6, 6, 6, 10, 10, 10],
        "compound nsubj ROOT punct det nsubj ROOT obj punct nsubj ROOT punct",
        "PROPN PROPN VERB PUNCT DET NOUN VERB NOUN PUNCT PRON VERB PUNCT",
    )
    doc[5].tag_ = "NNS"
    solberg = entity(doc, "e1", "Ingrid Solberg", "PERSON", ["Ingrid Solberg"])
    speakers = unquoted(doc, [solberg])
    earlier = [(doc[0:2], resolve_speaker(speakers, doc[0:2], []))]
    they = resolve_speaker(speakers, doc[9:10], earlier)
    assert they is None or they.entity_id is None
    # AND without a parse, "they" still skips the one person quoted before
    flat = NLP("Ingrid Solberg spoke. The team met. They wrote.")
    solberg = entity(flat, "e1", "Ingrid Solberg", "PERSON", ["Ingrid Solberg"])
    speakers = unquoted(flat, [solberg])
    earlier = [(span(flat, "Ingrid Solberg"), resolve_speaker(speakers, span(flat, "Ingrid Solberg"), []))]
    they = resolve_speaker(speakers, span(flat, "They"), earlier)
    assert they is None or they.entity_id is None


def test_a_name_and_his_running_mate_apposed_are_one_joint_speaker() -> None:
    doc = NLP("Governor-elect Samuel Bennett and his running mate, Tanya Ruiz, said they were humbled.")
    bennett = entity(doc, "e1", "Samuel Bennett", "PERSON", ["Samuel Bennett"])
    ruiz = entity(doc, "e2", "Tanya Ruiz", "PERSON", ["Tanya Ruiz"])
    speakers = unquoted(doc, [bennett, ruiz])
    both = resolve_speaker(
        speakers, span(doc, "Governor-elect Samuel Bennett and his running mate, Tanya Ruiz"), []
    )
    assert both is not None and both.members == ("e1", "e2")


def test_an_unnamed_role_speaker_loses_its_relative_clause_and_a_founder_is_no_company() -> None:
    doc = NLP(
        "A lawyer for Harlow Capital, which bought the chain, said no. "
        "The founder of the bakery chain Rise & Crumb says he was pushed out."
    )
    harlow = entity(doc, "e1", "Harlow Capital", "ORG", ["Harlow Capital"])
    rise = entity(doc, "e2", "Rise & Crumb", "ORG", ["Rise & Crumb"])
    speakers = unquoted(doc, [harlow, rise])
    lawyer = resolve_speaker(speakers, span(doc, "A lawyer for Harlow Capital, which bought the chain"), [])
    founder = resolve_speaker(speakers, span(doc, "The founder of the bakery chain Rise & Crumb"), [])
    assert lawyer is not None and lawyer.name == "A lawyer for Harlow Capital"
    assert founder is not None and founder.entity_id is None


def test_an_unnamed_spokesperson_speaks_for_the_organisation_not_for_a_person() -> None:
    doc = NLP(
        "The Finance Ministry set the rate. A spokesman for the ministry, which is new, said no. "
        "Mayor Linda Kessler left. A spokesman for Mayor Linda Kessler said she was ill."
    )
    ministry = entity(doc, "e1", "Finance Ministry", "ORG", ["Finance Ministry"])
    kessler = entity(doc, "e2", "Linda Kessler", "PERSON", ["Linda Kessler"])
    speakers = unquoted(doc, [ministry, kessler])
    for_ministry = resolve_speaker(speakers, span(doc, "A spokesman for the ministry, which is new"), [])
    for_mayor = resolve_speaker(speakers, span(doc, "A spokesman for Mayor Linda Kessler"), [])
    assert for_ministry is not None and for_ministry.entity_id == "e1"
    assert for_mayor is not None and for_mayor.entity_id is None


def test_the_company_is_neither_a_court_nor_a_circuit_and_minerals_ends_a_company_name() -> None:
    doc = NLP(
        "The Ninth Circuit ruled for the ranchers. The owner, Silver Bow Minerals, and Delta Cattle "
        "objected. The Ninth Circuit was wrong, the company said."
    )
    court = entity(doc, "e1", "Ninth Circuit", "ORG", ["Ninth Circuit"])
    owner = entity(doc, "e2", "Silver Bow Minerals", "ORG", ["Silver Bow Minerals"])
    ranch = entity(doc, "e3", "Delta Cattle", "ORG", ["Delta Cattle"])
    speakers = unquoted(doc, [court, owner, ranch])
    company = resolve_speaker(speakers, span(doc, "the company"), [])
    assert company is not None and company.entity_id == "e2"


def test_the_company_is_the_one_described_as_a_company_and_of_equals_the_one_named_last() -> None:
    doc = NLP(
        "A satellite built by Stratos Labs was lost by the launch company Orbex Launch. Orbex said so. "
        "Stratos Labs was silent. Orbex said it failed, the company said."
    )
    stratos = entity(doc, "e1", "Stratos Labs", "ORG", ["Stratos Labs"])
    orbex = entity(doc, "e2", "Orbex Launch", "ORG", ["Orbex Launch", "Orbex said"])
    speakers = unquoted(doc, [stratos, orbex])
    company = resolve_speaker(speakers, span(doc, "the company"), [])
    assert company is not None and company.entity_id == "e2"


@pytest.mark.parametrize(
    ("text", "name", "label", "source"),
    [
        ("Major League Baseball acted. The league said so.", "Major League Baseball", "MISC", "The league"),
        ("Grant County Medical Center closes. The hospital said so.", "Grant County Medical Center", "ORG",
         "The hospital"),
    ],
)  # fmt: skip
def test_the_league_and_the_hospital_are_the_one_named_before(
    text: str, name: str, label: str, source: str
) -> None:
    doc = NLP(text)
    named = entity(doc, "e1", name, label, [name])
    speakers = unquoted(doc, [named])
    resolved = resolve_speaker(speakers, span(doc, source), [])
    assert resolved is not None and resolved.entity_id == "e1"


def test_the_union_is_the_one_association_named_before() -> None:
    doc = NLP("The British Medical Association balloted doctors. The union said most backed a strike.")
    bma = entity(doc, "e1", "British Medical Association", "ORG", ["British Medical Association"])
    speakers = unquoted(doc, [bma])
    union = resolve_speaker(speakers, span(doc, "The union"), [])
    assert union is not None and union.entity_id == "e1"


def test_an_untagged_acronym_source_is_the_entity_mentioned_with_those_letters() -> None:
    doc = NLP("The Federal Emergency Management Agency (FEMA) approved aid. FEMA said more would come.")
    fema = entity(
        doc,
        "e1",
        "Federal Emergency Management Agency",
        "ORG",
        ["Federal Emergency Management Agency", "(FEMA"],
    )
    fema.mentions[-1] = TextSpan.of(doc.text, doc.text.index("FEMA"), doc.text.index("FEMA") + 4)
    speakers = unquoted(doc, [fema])
    speaker = resolve_speaker(speakers, span(doc, "FEMA", 1), [])
    assert speaker is not None and speaker.entity_id == "e1"


def test_a_nationality_epithet_skips_people_of_another_nationality_and_takes_the_one_named_last() -> None:
    doc = NLP(
        "Nigerian striker Tunde Okafor and Carlos Alcaraz met. The Spaniard said he won. Alcaraz will face "
        "Alexander Zverev next. The German, who beat Ruud, said he was ready."
    )
    okafor = entity(doc, "e1", "Tunde Okafor", "PERSON", ["Tunde Okafor"])
    alcaraz = entity(doc, "e2", "Carlos Alcaraz", "PERSON", ["Carlos Alcaraz", "Alcaraz will"])
    zverev = entity(doc, "e3", "Alexander Zverev", "PERSON", ["Alexander Zverev"])
    for token in doc:
        if token.text in {"Spaniard", "German", "Nigerian"}:
            token.ent_type_ = "MISC"
    speakers = unquoted(doc, [okafor, alcaraz, zverev])
    spaniard = span(doc, "The Spaniard")
    earlier = [(spaniard, Speaker(name="Carlos Alcaraz", label="PERSON", entity_id="e2"))]
    german = resolve_speaker(speakers, span(doc, "The German, who beat Ruud"), earlier)
    assert german is not None and german.entity_id == "e3"  # not Alcaraz, the Spaniard, nor Okafor


def test_a_place_naming_an_organisations_branch_does_not_speak_for_it() -> None:
    doc = NLP("The FBI's Cincinnati field office confirmed that it was investigating.")
    fbi = entity(doc, "e1", "FBI", "ORG", ["FBI"])
    cincinnati = entity(doc, "e2", "Cincinnati", "LOC", ["Cincinnati"])
    assert unquoted(doc, [fbi, cincinnati]).in_span(span(doc, "The FBI's Cincinnati field office")) is fbi


def test_a_person_named_before_a_party_bracket_is_the_speaker_of_the_role() -> None:
    doc = NLP("Senate Majority Leader Chuck Schumer (D-N.Y.) said the vote mattered.")
    schumer = entity(doc, "e1", "Chuck Schumer", "PERSON", ["Chuck Schumer"])
    source = span(doc, "Senate Majority Leader Chuck Schumer (D-N.Y.)")
    assert unquoted(doc, [schumer]).in_span(source) is schumer


def test_he_after_a_subject_apposed_to_a_name_is_that_person() -> None:
    # GIVEN the apposed name parsed as a second subject, and another person speaking before
    doc = parsed(
        "Diego Navarro spoke . Real Sociedad 's coach , Imanol Etxeberria , was less happy . He said so .",
        [1, 2, 2, 2, 5, 7, 5, 14, 9, 14, 9, 9, 14, 14, 14, 14, 17, 17, 17, 17],
        "compound nsubj ROOT punct compound nmod:poss case nsubj punct nsubj flat punct cop advmod ROOT "
        "punct nsubj ROOT advmod punct",
    )
    navarro = entity(doc, "e1", "Diego Navarro", "PERSON", ["Diego Navarro"])
    etxeberria = entity(doc, "e2", "Imanol Etxeberria", "PERSON", ["Imanol Etxeberria"])
    club = entity(doc, "e3", "Real Sociedad", "ORG", ["Real Sociedad"])
    speakers = unquoted(doc, [navarro, etxeberria, club])
    earlier = [(doc[0:2], resolve_speaker(speakers, doc[0:2], []))]
    # THEN "He" is the coach the sentence before is about, named in its subject's apposition
    he = resolve_speaker(speakers, doc[16:17], earlier)
    assert he is not None and he.entity_id == "e2"


def test_they_after_members_of_an_organisation_is_that_organisation() -> None:
    doc = parsed(
        "Analysts at Morgan Stanley wrote about Veltrix . They wrote so .",
        [4, 3, 3, 0, 4, 6, 4, 4, 9, 9, 9, 9],
        "nsubj case compound nmod ROOT case obl punct nsubj ROOT advmod punct",
    )
    bank = entity(doc, "e1", "Morgan Stanley", "ORG", ["Morgan Stanley"])
    company = entity(doc, "e2", "Veltrix", "ORG", ["Veltrix"])
    they = resolve_speaker(unquoted(doc, [bank, company]), doc[8:9], [])
    # THEN the analysts' bank, not the organisation named last
    assert they is not None and they.entity_id == "e1"


def test_a_family_is_its_people_of_that_surname() -> None:
    # GIVEN "The Fenwicks spent months in Ohio . They said so ." and both Fenwicks named before
    doc = parsed(
        "Mark Fenwick met Lisa Fenwick . The Fenwicks spent months in Ohio . They said so . "
        "The Fenwicks said .",
        [1, 2, 2, 4, 2, 2, 7, 8, 8, 8, 11, 8, 8, 14, 14, 14, 14, 18, 19, 19, 19],
        "compound nsubj ROOT compound obj punct det nsubj ROOT obj case obl punct nsubj ROOT advmod punct "
        "det nsubj ROOT punct",
    )
    mark = entity(doc, "e1", "Mark Fenwick", "PERSON", ["Mark Fenwick"])
    lisa = entity(doc, "e2", "Lisa Fenwick", "PERSON", ["Lisa Fenwick"])
    ohio = entity(doc, "e3", "Ohio", "LOC", ["Ohio"])
    speakers = unquoted(doc, [mark, lisa, ohio])
    # THEN "They" after the family's sentence, and the family as a source, are both of them, not Ohio
    for source in (doc[13:14], doc[17:19]):
        found = resolve_speaker(speakers, source, [])
        assert found is not None and set(found.members) == {"e1", "e2"}


@pytest.mark.parametrize(
    ("heads", "deps"),
    [
        (  # "who asked" parsed as a conjunct of "worker" itself
            [1, 2, 2, 2, 6, 6, 19, 8, 6, 8, 13, 13, 13, 6, 17, 17, 17, 13, 6, 19, 21, 19, 19],
            "compound nsubj ROOT punct det compound nsubj nsubj acl:relcl obj punct cc nsubj conj advmod "
            "mark aux:pass xcomp punct ROOT det iobj punct",
        ),
        (  # ... or of the first relative clause
            [1, 2, 2, 2, 6, 6, 19, 8, 6, 8, 13, 13, 13, 8, 17, 17, 17, 13, 6, 19, 21, 19, 19],
            "compound nsubj ROOT punct det compound nsubj nsubj acl:relcl obj punct cc nsubj conj advmod "
            "mark aux:pass xcomp punct ROOT det iobj punct",
        ),
    ],
)
def test_who_of_a_second_relative_clause_is_the_noun_of_the_first(heads: list[int], deps: str) -> None:
    doc = parsed(
        "Sarah Holt spoke . A shop worker who saw it , and who asked not to be named , told the BBC .",
        heads,
        deps,
        "PROPN PROPN VERB PUNCT DET NOUN NOUN PRON VERB PRON PUNCT CCONJ PRON VERB PART PART AUX VERB PUNCT "
        "VERB DET PROPN PUNCT",
    )
    holt = entity(doc, "e1", "Sarah Holt", "PERSON", ["Sarah Holt"])
    who = resolve_speaker(unquoted(doc, [holt]), doc[12:13], [])
    # THEN the shop worker, whom the article does not name, not the person named last
    assert who is not None and (who.name, who.entity_id) == ("A shop worker", None)


def test_who_after_an_apposed_name_is_that_person_whichever_noun_the_clause_hangs_on() -> None:
    # GIVEN the relative clause parsed on "son", not on the apposed name
    doc = parsed(
        "Her death was confirmed by her son , Daniel Okonkwo , who said so .",
        [1, 3, 3, 3, 6, 6, 3, 8, 6, 8, 12, 12, 6, 12, 3],
        "nmod:poss nsubj:pass aux:pass ROOT case nmod:poss obl:agent punct appos flat punct nsubj acl:relcl "
        "advmod punct",
    )
    son = entity(doc, "e1", "Daniel Okonkwo", "PERSON", ["Daniel Okonkwo"])
    who = resolve_speaker(unquoted(doc, [son]), doc[11:12], [])
    assert who is not None and who.entity_id == "e1"


@pytest.mark.parametrize(
    ("text", "source", "entity_id"),
    [
        (  # a role before the apposed name
            "The nominee, former utility executive Daniel K. Whitcomb, testified on Monday.",
            "The nominee, former utility executive Daniel K. Whitcomb",
            "e1",
        ),
        (  # examples after a group are not the group
            "Many tax experts, including Mr. Daniel K. Whitcomb, have pointed out the cost.",
            "Many tax experts, including Mr. Daniel K. Whitcomb",
            None,
        ),
    ],
)
def test_a_name_ending_an_apposition_is_the_source_unless_it_is_an_example(
    text: str, source: str, entity_id: str | None
) -> None:
    doc = NLP(text)
    whitcomb = entity(doc, "e1", "Daniel K. Whitcomb", "PERSON", ["Daniel K. Whitcomb"])
    found = resolve_speaker(unquoted(doc, [whitcomb]), span(doc, source), [])
    assert found is not None and found.entity_id == entity_id


def test_a_document_seen_by_a_news_agency_is_not_the_agency() -> None:
    doc = NLP("The delay is likely, according to a draft document seen by Reuters.")
    reuters = entity(doc, "e1", "Reuters", "ORG", ["Reuters"])
    found = resolve_speaker(unquoted(doc, [reuters]), span(doc, "a draft document seen by Reuters"), [])
    assert found is not None and found.entity_id is None


def test_an_unnamed_organisation_is_the_one_the_next_source_names_past_statements_without_a_source() -> None:
    doc = NLP("Dockers walked out, their union said. Talks failed. The Harbour Workers' Union said so.")
    union = entity(doc, "e1", "Harbour Workers' Union", "ORG", ["Harbour Workers' Union"])
    speakers = unquoted(doc, [union])
    first, later = span(doc, "their union"), span(doc, "The Harbour Workers' Union")
    said = [
        (first, resolve_speaker(speakers, first, [])),
        (None, None),  # a statement the model found without a source ("Talks failed")
        (later, resolve_speaker(speakers, later, [])),
    ]
    resolved = named_later(speakers, said)
    assert resolved[0][1] is not None and resolved[0][1].entity_id == "e1"


def test_they_after_a_group_led_by_a_place_is_not_that_place() -> None:
    doc = parsed(
        "Twenty states led by West Virginia sued . They argue so .",
        [1, 6, 1, 5, 5, 2, 6, 6, 9, 9, 9, 9],
        "nummod nsubj acl case compound obl ROOT punct nsubj ROOT advmod punct",
        "NUM NOUN VERB ADP PROPN PROPN VERB PUNCT PRON VERB ADV PUNCT",
    )
    doc[1].tag_ = "NNS"
    virginia = entity(doc, "e1", "West Virginia", "LOC", ["West Virginia"])
    they = resolve_speaker(unquoted(doc, [virginia]), doc[8:9], [])
    assert they is None or they.entity_id is None


def test_an_epithet_after_a_dateline_parsed_as_the_subject_is_the_person_named_after_it() -> None:
    # GIVEN the dateline "SINGAPORE" parsed as the subject of the lead sentence, and Wei Lan named last
    doc = parsed(
        "SINGAPORE — Ingrid Solheim beat Wei Lan . The 19-year-old said so .",
        [4, 0, 3, 0, 4, 6, 4, 4, 9, 10, 10, 10, 10],
        "nsubj punct compound appos ROOT compound obj punct det nsubj ROOT advmod punct",
    )
    solheim = entity(doc, "e1", "Ingrid Solheim", "PERSON", ["Ingrid Solheim"])
    wei = entity(doc, "e2", "Wei Lan", "PERSON", ["Wei Lan"])
    dateline = entity(doc, "e3", "SINGAPORE", "ORG", ["SINGAPORE"])  # tagged as a name
    speakers = unquoted(doc, [solheim, wei, dateline])
    found = resolve_speaker(speakers, span(doc, "The 19-year-old"), [])
    assert found is not None and found.entity_id == "e1"


def test_a_dateline_parsed_as_a_subject_is_passed_over_for_the_subject_after_it() -> None:
    # GIVEN "MADRID —" opening the lead sentence, parsed as a subject beside the club's name
    lead = parsed(
        "MADRID — Porto Atletico sued Spanish club Deportivo Arenal . The club said so .",
        [4, 0, 3, 4, 4, 6, 8, 8, 4, 4, 11, 12, 12, 12, 12],
        "nsubj punct compound nsubj ROOT amod compound compound obj punct det nsubj ROOT advmod punct",
    )
    aside = parsed(
        "MADRID — Porto Atletico will sue Deportivo Arenal , it said .",
        [5, 0, 3, 5, 5, 10, 7, 5, 5, 10, 10, 10],
        "nsubj punct compound nsubj aux ccomp compound obj punct nsubj ROOT punct",
    )
    found = []
    for doc, source in ((lead, "The club"), (aside, "it")):
        madrid = entity(doc, "e1", "MADRID", "LOC", ["MADRID"])
        porto = entity(doc, "e2", "Porto Atletico", "ORG", ["Porto Atletico"])
        arenal = entity(doc, "e3", "Deportivo Arenal", "ORG", ["Deportivo Arenal"])
        # WHEN "The club" in the next sentence, or "it" after the clause, is resolved
        speaker = resolve_speaker(unquoted(doc, [madrid, porto, arenal]), span(doc, source), [])
        found.append(speaker.entity_id if speaker else None)
    # THEN both are the club, not Madrid nor the club named last
    assert found == ["e2", "e2"]


def test_a_nationality_epithet_is_the_person_introduced_with_of_and_that_country() -> None:
    doc = NLP("Ingrid Solheim of Norway beat China's Wei Lan. Viktor Orlov praised it. The Norwegian said.")
    doc.ents = [Span(doc, len(doc) - 3, len(doc) - 2, label="MISC")]  # "Norwegian"
    solheim = entity(doc, "e1", "Ingrid Solheim", "PERSON", ["Ingrid Solheim"])
    wei = entity(doc, "e2", "Wei Lan", "PERSON", ["Wei Lan"])
    orlov = entity(doc, "e3", "Viktor Orlov", "PERSON", ["Viktor Orlov"])
    found = resolve_speaker(unquoted(doc, [solheim, wei, orlov]), span(doc, "The Norwegian"), [])
    assert found is not None and found.entity_id == "e1"


def test_a_head_renamed_by_known_as_is_that_entity_not_a_nationality_in_the_head() -> None:
    doc = NLP("The association of Dutch universities, known as UNL, warned of costs.")
    dutch = entity(doc, "e1", "Dutch", "MISC", ["Dutch"])
    unl = entity(doc, "e2", "UNL", "ORG", ["UNL"])
    source = span(doc, "The association of Dutch universities, known as UNL")
    found = resolve_speaker(unquoted(doc, [dutch, unl]), source, [])
    assert found is not None and found.entity_id == "e2"


def test_a_family_with_a_relative_clause_is_its_full_named_people() -> None:
    # GIVEN "Okafor" alone, a surname the clustering could not give to one of the two Okafors
    doc = NLP(
        "Grace Okafor conceded. Okafor spoke. The Okafors, who live in Lakeport, said so. "
        "Her husband, Daniel Okafor, agreed."
    )
    grace = entity(doc, "e1", "Grace Okafor", "PERSON", ["Grace Okafor"])
    bare = doc.text.index("Okafor spoke")
    surname = Entity(id="e2", name="Okafor", label="PERSON", mentions=[TextSpan.of(doc.text, bare, bare + 6)])
    daniel = entity(doc, "e3", "Daniel Okafor", "PERSON", ["Daniel Okafor"])
    found = resolve_speaker(
        unquoted(doc, [grace, surname, daniel]), span(doc, "The Okafors, who live in Lakeport"), []
    )
    assert found is not None and set(found.members) == {"e1", "e3"}


def test_a_filing_with_a_regulator_is_not_the_regulator() -> None:
    doc = NLP("The recall covers 2023 models, according to a filing with the Traffic Safety Administration.")
    agency = entity(doc, "e1", "Traffic Safety Administration", "ORG", ["Traffic Safety Administration"])
    source = span(doc, "a filing with the Traffic Safety Administration")
    found = resolve_speaker(unquoted(doc, [agency]), source, [])
    assert found is not None and found.entity_id is None


def test_the_company_after_its_sentence_is_that_sentences_subject_whatever_else_is_described() -> None:
    doc = parsed(
        "Kelp , a startup , raised money from the firm Northzee Capital , the company said .",
        [5, 3, 3, 0, 3, 15, 5, 11, 11, 11, 11, 5, 15, 14, 15, 15, 15],
        "nsubj punct det appos punct ccomp obj case det compound compound obl punct det nsubj ROOT punct",
    )
    kelp = entity(doc, "e1", "Kelp", "ORG", ["Kelp"])
    investor = entity(doc, "e2", "Northzee Capital", "ORG", ["Northzee Capital"])
    found = resolve_speaker(unquoted(doc, [kelp, investor]), span(doc, "the company"), [])
    assert found is not None and found.entity_id == "e1"


def test_the_company_is_no_public_body_but_a_body_named_like_one_the_article_calls_a_company() -> None:
    doc = NLP(
        "The Maricopa County Department of Public Health counted deaths. The Maricopa County Department "
        "of Public Health said more may follow. Arizona Public Service, the state's largest utility, said "
        "demand peaked. The company said it cut no power."
    )
    health = entity(
        doc,
        "e1",
        "Maricopa County Department of Public Health",
        "ORG",
        ["Maricopa County Department of Public Health"],
    )
    utility = entity(doc, "e2", "Arizona Public Service", "ORG", ["Arizona Public Service"])
    found = resolve_speaker(unquoted(doc, [health, utility]), span(doc, "The company"), [])
    assert found is not None and found.entity_id == "e2"


def test_the_two_banks_are_the_two_organisations_named_before_in_the_sentence() -> None:
    doc = NLP("Harbor Trust Bancorp agreed to buy Millbrook Savings Bank for $2 billion, the two banks said.")
    buyer = entity(doc, "e1", "Harbor Trust Bancorp", "ORG", ["Harbor Trust Bancorp"])
    target = entity(doc, "e2", "Millbrook Savings Bank", "ORG", ["Millbrook Savings Bank"])
    found = resolve_speaker(unquoted(doc, [buyer, target]), span(doc, "the two banks"), [])
    assert found is not None and found.members == ("e1", "e2")


def test_which_is_the_organisation_its_clause_hangs_on() -> None:
    doc = parsed(
        "The Rhino Foundation , which funds the park , called it a miracle .",
        [2, 2, 9, 5, 5, 2, 7, 5, 9, 9, 9, 12, 9, 9],
        "det compound nsubj punct nsubj acl:relcl det obj punct ROOT obj det xcomp punct",
        "DET PROPN PROPN PUNCT PRON VERB DET NOUN PUNCT VERB PRON DET NOUN PUNCT",
    )
    foundation = entity(doc, "e1", "Rhino Foundation", "ORG", ["Rhino Foundation"])
    found = resolve_speaker(unquoted(doc, [foundation]), doc[4:5], [])
    assert found is not None and found.entity_id == "e1"


def test_a_document_of_an_organisation_speaks_for_it() -> None:
    doc = NLP(
        "The Bay Transit Authority raised fares. The rise brings in $38 million, according to the "
        "authority's own estimate."
    )
    authority = entity(doc, "e1", "Bay Transit Authority", "ORG", ["Bay Transit Authority"])
    found = resolve_speaker(unquoted(doc, [authority]), span(doc, "the authority's own estimate"), [])
    assert found is not None and found.entity_id == "e1"


def test_its_report_is_the_organisation_its_sentence_is_about() -> None:
    doc = parsed(
        "The Opera House lost money , according to its annual report .",
        [2, 2, 3, 3, 3, 3, 11, 6, 11, 11, 3, 3],
        "det compound nsubj ROOT obj punct case fixed nmod:poss amod obl punct",
    )
    venue = entity(doc, "e1", "Opera House", "ORG", ["Opera House"])
    found = resolve_speaker(unquoted(doc, [venue]), span(doc, "its annual report"), [])
    assert found is not None and found.entity_id == "e1"


def test_who_after_a_name_and_its_apposition_is_the_name() -> None:
    # GIVEN "Prices rose, said Anders Bech, an analyst at Skagen, who added more." parsed with the relative
    # clause hanging on "analyst", the apposition of the name
    doc = parsed(
        "Prices rose , said Anders Bech , an analyst at Skagen , who added more .",
        [1, 3, 3, 3, 3, 4, 8, 8, 5, 10, 8, 13, 13, 8, 13, 3],
        "nsubj ccomp punct ROOT nsubj flat punct det appos case nmod punct nsubj acl:relcl obj punct",
        "NOUN VERB PUNCT VERB PROPN PROPN PUNCT DET NOUN ADP PROPN PUNCT PRON VERB ADJ PUNCT",
    )
    bech = entity(doc, "e1", "Anders Bech", "PERSON", ["Anders Bech"])
    found = resolve_speaker(unquoted(doc, [bech]), span(doc, "who"), [])
    assert found is not None and found.entity_id == "e1"


def test_the_prosecutor_is_the_one_person_whose_role_is_a_prosecutor() -> None:
    doc = NLP(
        "Els Vandamme, the federal prosecutor leading the case, spoke first. Pieter Claes, a lawyer, "
        "objected. The prosecutor added that two suspects were port workers. The lawyer disagreed."
    )
    vandamme = entity(
        doc, "e1", "Els Vandamme", "PERSON", ["Els Vandamme"], ("federal prosecutor leading the case",)
    )
    claes = entity(doc, "e2", "Pieter Claes", "PERSON", ["Pieter Claes"], ("lawyer",))
    office = entity(doc, "e3", "Federal Prosecutor's Office", "ORG", [])
    speakers = unquoted(doc, [vandamme, claes, office])
    found = resolve_speaker(speakers, span(doc, "The prosecutor"), [])
    assert found is not None and found.entity_id == "e1"
    found = resolve_speaker(speakers, span(doc, "The lawyer"), [])
    assert found is not None and found.entity_id == "e2"
    # two people whose roles name a prosecutor: the one named in the sentence before
    claes.roles = ["prosecutor for the port"]
    found = resolve_speaker(unquoted(doc, [vandamme, claes]), span(doc, "The prosecutor"), [])
    assert found is not None and found.entity_id == "e2"
    # neither named in its sentence or the one before: no one
    doc = NLP(
        "Els Vandamme and Pieter Claes, two prosecutors, spoke. The hearing ended. Reporters waited. "
        "The prosecutor added that two suspects were port workers."
    )
    vandamme = entity(doc, "e1", "Els Vandamme", "PERSON", ["Els Vandamme"], ("prosecutor",))
    claes = entity(doc, "e2", "Pieter Claes", "PERSON", ["Pieter Claes"], ("prosecutor",))
    found = resolve_speaker(unquoted(doc, [vandamme, claes]), span(doc, "The prosecutor"), [])
    assert found is not None and found.entity_id is None


def test_the_watchdog_is_the_regulator_named_before_it() -> None:
    doc = NLP(
        "The Competition and Markets Authority fined SkyLark. The airline agreed, according to the watchdog."
    )
    authority = entity(
        doc, "e1", "Competition and Markets Authority", "ORG", ["Competition and Markets Authority"]
    )
    airline = entity(doc, "e2", "SkyLark", "ORG", ["SkyLark"])
    found = resolve_speaker(unquoted(doc, [authority, airline]), span(doc, "the watchdog"), [])
    assert found is not None and found.entity_id == "e1"


def test_an_untagged_one_word_source_is_the_person_by_either_family_name() -> None:
    doc = NLP("Park Ji-hoon won. Babatunde Adeyemi-Cole lost. Park said so. Adeyemi-Cole said no.")
    park = entity(doc, "e1", "Park Ji-hoon", "PERSON", ["Park Ji-hoon"])
    cole = entity(doc, "e2", "Babatunde Adeyemi-Cole", "PERSON", ["Babatunde Adeyemi-Cole"])
    speakers = unquoted(doc, [park, cole])
    for source, ident in [("Park", "e1"), ("Adeyemi-Cole", "e2")]:
        found = resolve_speaker(speakers, span(doc, source, occurrence=1), [])
        assert found is not None and found.entity_id == ident


def test_she_is_the_one_person_her_paragraph_names_when_no_one_spoke_in_it_yet() -> None:
    doc = NLP(
        '"I made it," Park Ji-hoon said.\n\nThe award went to Ananya Krishnamurthy. "Wow," she said.\n\n'
        'Kim Lee smiled. "Yes," Park said. "Great," she said.'
    )
    park = entity(doc, "e1", "Park Ji-hoon", "PERSON", ["Park Ji-hoon", "Park said"])
    ananya = entity(doc, "e2", "Ananya Krishnamurthy", "PERSON", ["Ananya Krishnamurthy"])
    kim = entity(doc, "e3", "Kim Lee", "PERSON", ["Kim Lee"])
    speakers = Speakers(doc, [park, ananya, kim], paired_quotes_mask(doc))
    earlier: list[tuple[Span | None, Speaker | None]] = [
        (span(doc, "Park Ji-hoon"), Speaker(name="Park Ji-hoon", label="PERSON", entity_id="e1"))
    ]
    found = resolve_speaker(speakers, span(doc, "she"), earlier)
    assert found is not None and found.entity_id == "e2"
    # once someone has spoken in the paragraph, "she" follows the speakers as before
    earlier.append(
        (span(doc, "Park", occurrence=1), Speaker(name="Park Ji-hoon", label="PERSON", entity_id="e1"))
    )
    found = resolve_speaker(speakers, span(doc, "she", occurrence=1), earlier)
    assert found is not None and found.entity_id == "e1"


def test_the_club_is_the_subject_of_the_sentence_before_rather_than_the_one_named_most() -> None:
    doc = parsed(
        "Almenara said it would sue Vila over Vila fees . The club said no .",
        [1, 1, 4, 4, 1, 4, 8, 8, 4, 1, 11, 12, 12, 12, 12],
        "nsubj ROOT nsubj aux ccomp obj case compound obl punct det nsubj ROOT obj punct",
    )
    almenara = entity(doc, "e1", "Almenara", "ORG", ["Almenara"])
    vila = entity(doc, "e2", "Vila", "ORG", ["Vila"])
    found = resolve_speaker(unquoted(doc, [almenara, vila]), span(doc, "The club"), [])
    assert found is not None and found.entity_id == "e1"


def test_members_speaking_anonymously_do_not_speak_for_their_organisation() -> None:
    doc = NLP(
        "Two doctors at the Government Medical College, speaking on condition of anonymity, said supplies "
        "ran "
        "short. Officials at the Government Medical College said supplies arrived."
    )
    college = entity(doc, "e1", "Government Medical College", "ORG", ["Government Medical College"])
    speakers = unquoted(doc, [college])
    found = resolve_speaker(speakers, span(doc, "Two doctors at the Government Medical College"), [])
    assert found is not None and found.entity_id is None
    found = resolve_speaker(speakers, span(doc, "Officials at the Government Medical College"), [])
    assert found is not None and found.entity_id == "e1"


def test_an_apposition_after_a_name_names_it_but_an_inverted_source_after_a_name_does_not() -> None:
    doc = NLP(
        "Parents for Open Libraries, a group formed last spring, wrote on Facebook. The money went to a "
        "donor, "
        "Ellis Granger, the people said."
    )
    parents = entity(doc, "e1", "Parents for Open Libraries", "ORG", ["Parents for Open Libraries"])
    granger = entity(doc, "e2", "Ellis Granger", "PERSON", ["Ellis Granger"])
    speakers = unquoted(doc, [parents, granger])
    found = resolve_speaker(speakers, span(doc, "a group"), [])
    assert found is not None and found.entity_id == "e1"
    found = resolve_speaker(speakers, span(doc, "the people"), [])
    assert found is not None and found.entity_id is None


def test_an_unnamed_charity_or_operator_is_the_organisation_the_next_source_introduces() -> None:
    doc = NLP("Sixty were saved, the charity said. That is according to SOS Horizon, which runs the ship.")
    sos = entity(doc, "e1", "SOS Horizon", "ORG", ["SOS Horizon"])
    speakers = unquoted(doc, [sos])
    first, later = span(doc, "the charity"), span(doc, "SOS Horizon")
    said = [(first, resolve_speaker(speakers, first, [])), (later, resolve_speaker(speakers, later, []))]
    assert said[0][1] is not None and said[0][1].entity_id is None
    resolved = named_later(speakers, said)
    assert resolved[0][1] is not None and resolved[0][1].entity_id == "e1"


def test_the_group_is_the_one_organisation_just_named_outside_the_dateline() -> None:
    doc = NLP(
        "LONDON (AFP) — Bills rose, said Sarah Pennington of the Warm Homes Alliance, a coalition of "
        "charities. The group warned of poverty.\n\nLAMPEDUSA, Italy (AFP) — Sixty were saved, the charity "
        "said."
    )
    alliance = entity(doc, "e1", "Warm Homes Alliance", "ORG", ["Warm Homes Alliance"])
    afp = entity(doc, "e2", "AFP", "ORG", ["AFP"])
    speakers = unquoted(doc, [alliance, afp])
    found = resolve_speaker(speakers, span(doc, "The group"), [])
    assert found is not None and found.entity_id == "e1"
    found = resolve_speaker(speakers, span(doc, "the charity"), [])
    assert found is not None and found.entity_id is None  # not the wire credit


def test_a_role_is_the_person_the_paragraph_names_next_unless_they_hold_another_role() -> None:
    doc = NLP(
        "The restaurant's founder said she never meant to cook. Solène Vernay took over in 2009, she "
        "said.\n\n"
        "The minister said taxes would rise. Opposition leader Jane Doe disagreed."
    )
    vernay = entity(doc, "e1", "Solène Vernay", "PERSON", ["Solène Vernay"])
    doe = entity(doc, "e2", "Jane Doe", "PERSON", ["Jane Doe"])
    doe.titles = ["opposition leader"]
    speakers = unquoted(doc, [vernay, doe])
    founder, she, minister = (
        span(doc, "The restaurant's founder"),
        span(doc, "she", 1),
        span(doc, "The minister"),
    )
    said = [(source, resolve_speaker(speakers, source, [])) for source in (founder, minister)]
    said.insert(1, (she, said[0][1]))  # "she" took the unnamed founder
    resolved = named_later(speakers, said)
    assert [s.entity_id if s else None for _, s in resolved] == ["e1", "e1", None]


def test_an_unnamed_role_is_the_person_a_later_source_names_with_that_role() -> None:
    doc = NLP(
        "We will fight, the president of the farmers' association told the crowd. Gareth Pryce, the "
        "association's president, later told the BBC the protests would go on."
    )
    pryce = entity(doc, "e1", "Gareth Pryce", "PERSON", ["Gareth Pryce"])
    pryce.roles = ["association's president"]
    speakers = unquoted(doc, [pryce])
    first = span(doc, "the president of the farmers' association")
    later = span(doc, "Gareth Pryce, the association's president")
    said = [(first, resolve_speaker(speakers, first, [])), (later, resolve_speaker(speakers, later, []))]
    assert said[0][1] is not None and said[0][1].entity_id is None
    assert (
        named_later(speakers, said)[0][1] is not None and named_later(speakers, said)[0][1].entity_id == "e1"
    )


def test_an_age_with_an_apposition_is_an_epithet() -> None:
    doc = NLP(
        "The pilot, Olivier Ducasse, landed. The 49-year-old, a rescue pilot for 19 years, described the "
        "ledge."
    )
    ducasse = entity(doc, "e1", "Olivier Ducasse", "PERSON", ["Olivier Ducasse"])
    found = resolve_speaker(unquoted(doc, [ducasse]), span(doc, "The 49-year-old, a rescue pilot"), [])
    assert found is not None and found.entity_id == "e1"


def test_members_speak_for_the_body_after_their_preposition_not_for_a_place_after_another_noun() -> None:
    doc = NLP("Doctors at the hospital in Sallanches said so. Officials in Sallanches said no.")
    town = entity(doc, "e1", "Sallanches", "LOC", ["Sallanches"])
    speakers = unquoted(doc, [town])
    found = resolve_speaker(speakers, span(doc, "Doctors at the hospital in Sallanches"), [])
    assert found is not None and found.entity_id is None
    found = resolve_speaker(speakers, span(doc, "Officials in Sallanches"), [])
    assert found is not None and found.entity_id == "e1"


def test_a_ticker_and_a_place_before_a_hyphenated_state_name_the_company() -> None:
    doc = NLP(
        "Vellmar Therapeutics Inc. (VLMR.O) said the drug worked. The Cambridge, Massachusetts-based company "
        "said more."
    )
    doc.ents = [
        span(doc, "Cambridge").char_span(0, 9, label="LOC"),
        span(doc, "Massachusetts").char_span(0, 13, label="LOC"),
    ]
    vellmar = entity(doc, "e1", "Vellmar Therapeutics Inc.", "ORG", ["Vellmar Therapeutics Inc."])
    cambridge = entity(doc, "e3", "Cambridge", "LOC", ["Cambridge"])
    massachusetts = entity(doc, "e4", "Massachusetts", "LOC", ["Massachusetts"])
    speakers = unquoted(doc, [vellmar, cambridge, massachusetts])  # the ticker is no entity (entities.py)
    for source in ("VLMR.O", "The Cambridge, Massachusetts-based company"):
        found = resolve_speaker(speakers, span(doc, source), [])
        assert found is not None and found.entity_id == "e1", source


def test_the_union_is_a_workers_local_and_its_owner_the_organisation_introduced_next() -> None:
    doc = NLP(
        "Workers walked out, United Food and Commercial Workers Local 1458 said. The union said more.\\n\\n"
        "The paper will close, its owner said. Keystone Local Media, a chain, said revenue fell."
    )
    union = entity(
        doc,
        "e1",
        "United Food and Commercial Workers Local 1458",
        "ORG",
        ["United Food and Commercial Workers Local 1458"],
    )
    keystone = entity(doc, "e2", "Keystone Local Media", "ORG", ["Keystone Local Media"])
    speakers = unquoted(doc, [union, keystone])
    found = resolve_speaker(speakers, span(doc, "The union"), [])
    assert found is not None and found.entity_id == "e1"
    owner, chain = span(doc, "its owner"), span(doc, "Keystone Local Media, a chain")
    said = [(owner, resolve_speaker(speakers, owner, [])), (chain, resolve_speaker(speakers, chain, []))]
    assert (
        named_later(speakers, said)[0][1] is not None and named_later(speakers, said)[0][1].entity_id == "e2"
    )


def test_a_name_opening_the_clause_he_reports_is_not_he() -> None:
    doc = NLP("Benali rejected it. Marchetti had seen only photographs, he said, not the fossil.")
    benali = entity(doc, "e1", "Idris Benali", "PERSON", ["Benali"])
    marchetti = entity(doc, "e2", "Luc Marchetti", "PERSON", ["Marchetti"])
    earlier: list[tuple[Span | None, Speaker | None]] = [
        (span(doc, "Benali"), Speaker(name="Idris Benali", label="PERSON", entity_id="e1")),
        (span(doc, "Marchetti"), Speaker(name="Luc Marchetti", label="PERSON", entity_id="e2")),
    ]
    found = resolve_speaker(unquoted(doc, [benali, marchetti]), span(doc, "he", 1), earlier)
    assert found is not None and found.entity_id == "e1"


def test_the_institute_and_the_utility_are_the_organisations_introduced_as_such() -> None:
    doc = NLP(
        "Prices slowed, INDEC, the national statistics institute, said. Rents rose, the institute said. "
        "South Africa's state power utility Eskom said cuts would come. The utility said more."
    )
    indec = entity(doc, "e1", "INDEC", "ORG", ["INDEC"])
    eskom = entity(doc, "e2", "Eskom", "ORG", ["Eskom"])
    speakers = unquoted(doc, [indec, eskom])
    for source, ident in [("the institute", "e1"), ("The utility", "e2")]:
        found = resolve_speaker(speakers, span(doc, source), [])
        assert found is not None and found.entity_id == ident, source


def test_an_apposition_ending_its_sentence_after_a_name_names_it_and_a_possessor_is_no_she() -> None:
    doc = NLP(
        '"It was loud," said Marisol Forbes, a shopkeeper.\n\nMarr\'s lawyer, Lena Vasquez-Hart, rose. '
        '"No," she said.'
    )
    forbes = entity(doc, "e1", "Marisol Forbes", "PERSON", ["Marisol Forbes"])
    marr = entity(doc, "e2", "Delphine Marr", "PERSON", ["Marr"])
    lena = entity(doc, "e3", "Lena Vasquez-Hart", "PERSON", ["Lena Vasquez-Hart"])
    speakers = Speakers(doc, [forbes, marr, lena], paired_quotes_mask(doc))
    found = resolve_speaker(speakers, span(doc, "a shopkeeper"), [])
    assert found is not None and found.entity_id == "e1"
    found = resolve_speaker(speakers, span(doc, "she"), [])
    assert found is not None and found.entity_id == "e3"


def test_the_agency_is_the_one_organisation_just_named_but_a_longer_phrase_is_not() -> None:
    doc = NLP(
        "The National Disaster Risk Reduction and Management Council said centers had opened. The agency "
        "said ferries stopped. Doctors at the Government Medical College spoke. According to the state's "
        "health department, supplies arrived."
    )
    council = entity(
        doc,
        "e1",
        "National Disaster Risk Reduction and Management Council",
        "ORG",
        ["National Disaster Risk Reduction and Management Council"],
    )
    college = entity(doc, "e2", "Government Medical College", "ORG", ["Government Medical College"])
    speakers = unquoted(doc, [council, college])
    found = resolve_speaker(speakers, span(doc, "The agency"), [])
    assert found is not None and found.entity_id == "e1"
    found = resolve_speaker(speakers, span(doc, "the state's health department"), [])
    assert found is not None and found.entity_id is None


def test_a_nationality_before_a_noun_is_no_speaker_and_a_role_loses_a_dangling_who() -> None:
    doc = NLP(
        "A team of Norwegian and Swiss researchers reported it. "
        "Joanna Whitlock, a support manager in Austin who said she had worked there, wrote so."
    )
    swiss = entity(doc, "e1", "Swiss", "MISC", ["Swiss"])
    whitlock = entity(doc, "e2", "Joanna Whitlock", "PERSON", ["Joanna Whitlock"])
    researchers = next(t for t in doc if t.text == "researchers")
    researchers.tag_ = "NNS"
    speakers = unquoted(doc, [swiss, whitlock])
    team = resolve_speaker(speakers, span(doc, "A team of Norwegian and Swiss researchers"), [])
    assert team is not None and team.entity_id is None
    manager = resolve_speaker(speakers, span(doc, "Joanna Whitlock, a support manager in Austin who"), [])
    assert manager is not None and manager.entity_id == "e2" and manager.role == "support manager in Austin"


def test_the_minister_is_the_one_whose_role_is_a_mining_minister() -> None:
    doc = NLP("Chile's mining minister, Carolina Vidal, visited. The minister said it was safe.")
    vidal = entity(doc, "e1", "Carolina Vidal", "PERSON", ["Carolina Vidal"], ("Chile's mining minister",))
    minister = resolve_speaker(unquoted(doc, [vidal]), span(doc, "The minister"), [])
    assert minister is not None and minister.entity_id == "e1"


def test_a_role_of_three_words_and_an_agency_named_after_its_noun_resolve() -> None:
    doc = NLP(
        "Marcus Olufemi spoke first. The fire information officer added that it was windy. "
        "The four sued their agency, Bluecrest Entertainment, on Friday. The agency denied it."
    )
    olufemi = entity(
        doc,
        "e1",
        "Marcus Olufemi",
        "PERSON",
        ["Marcus Olufemi"],
        ("fire information officer with the centre",),
    )
    bluecrest = entity(doc, "e2", "Bluecrest Entertainment", "ORG", ["Bluecrest Entertainment"])
    speakers = unquoted(doc, [olufemi, bluecrest])
    officer = resolve_speaker(speakers, span(doc, "The fire information officer"), [])
    agency = resolve_speaker(speakers, span(doc, "The agency"), [])
    assert officer is not None and officer.entity_id == "e1"
    assert agency is not None and agency.entity_id == "e2"


def test_a_name_after_a_role_noun_a_nationality_describing_a_name_and_a_platform() -> None:
    doc = NLP(
        "Entertainment analyst Raj Malhotra of Sunset Ridge Capital estimated costs. The summit's president, "
        "Kenyan diplomat Joseph Otieno, said so. The Kaptagat Harriers said in a post on Facebook that it "
        "would hold a party. The club said three athletes finished."
    )
    malhotra = entity(doc, "e1", "Raj Malhotra", "PERSON", ["Raj Malhotra"])
    sunset = entity(doc, "e2", "Sunset Ridge Capital", "ORG", ["Sunset Ridge Capital"])
    kenyan = entity(doc, "e3", "Kenyan", "MISC", ["Kenyan"])
    otieno = entity(doc, "e4", "Joseph Otieno", "PERSON", ["Joseph Otieno"])
    harriers = entity(doc, "e5", "Kaptagat Harriers", "ORG", ["Kaptagat Harriers"])
    facebook = entity(doc, "e6", "Facebook", "ORG", ["Facebook"])
    speakers = unquoted(doc, [malhotra, sunset, kenyan, otieno, harriers, facebook])
    analyst = resolve_speaker(
        speakers, span(doc, "Entertainment analyst Raj Malhotra of Sunset Ridge Capital"), []
    )
    president = resolve_speaker(
        speakers, span(doc, "The summit's president, Kenyan diplomat Joseph Otieno"), []
    )
    club = resolve_speaker(speakers, span(doc, "The club"), [])
    assert analyst is not None and analyst.entity_id == "e1"
    assert president is not None and president.entity_id == "e4"
    assert club is not None and club.entity_id == "e5"


def test_a_possessor_the_parser_made_the_root_of_a_role_is_not_the_speaker() -> None:
    # GIVEN "Di Benedetto 's lawyer , Giulio Mancuso , argued ." with "Benedetto" parsed as the role's root
    sentence = "Di Benedetto 's lawyer , Giulio Mancuso , argued ."
    heads = [1, 9, 1, 1, 6, 6, 1, 1, 9, 9]
    deps = "compound nsubj case appos punct compound appos punct punct ROOT"
    doc = parsed(sentence, heads, deps, "PROPN PROPN PART NOUN PUNCT PROPN PROPN PUNCT PUNCT VERB")
    benedetto = entity(doc, "e1", "Salvatore Di Benedetto", "PERSON", ["Di Benedetto"])
    mancuso = entity(doc, "e2", "Giulio Mancuso", "PERSON", ["Giulio Mancuso"])
    speaker = resolve_speaker(
        unquoted(doc, [benedetto, mancuso]), span(doc, "Di Benedetto's lawyer, Giulio Mancuso"), []
    )
    assert speaker is not None and speaker.entity_id == "e2"


def test_the_group_is_the_one_association_named_before_when_none_was_just_named() -> None:
    doc = NLP(
        "The Irish Property Owners' Association cautioned against a freeze. Renters marched. The minister "
        "spoke. The mayor spoke too. Then the group said it would publish a survey."
    )
    owners = entity(
        doc, "e1", "Irish Property Owners' Association", "ORG", ["Irish Property Owners' Association"]
    )
    group = resolve_speaker(unquoted(doc, [owners]), span(doc, "the group"), [])
    assert group is not None and group.entity_id == "e1"


def test_a_running_tally_a_group_tagged_misc_and_a_union_a_place_owns() -> None:
    doc = NLP(
        "The State Electoral Commission counted. Civic Renewal led, according to the commission's running "
        "tally. Fossil Free Norden, a Stockholm-based campaign group, welcomed it. The group noted a risk. "
        "Ghana's largest cocoa farmers' union rejected the price."
    )
    commission = entity(doc, "e1", "State Electoral Commission", "ORG", ["State Electoral Commission"])
    norden = entity(doc, "e2", "Fossil Free Norden", "MISC", ["Fossil Free Norden"])
    ghana = entity(doc, "e3", "Ghana", "LOC", ["Ghana"])
    speakers = unquoted(doc, [commission, norden, ghana])
    tally = resolve_speaker(speakers, span(doc, "the commission's running tally"), [])
    group = resolve_speaker(speakers, span(doc, "The group"), [])
    union = resolve_speaker(speakers, span(doc, "Ghana's largest cocoa farmers' union"), [])
    assert tally is not None and tally.entity_id == "e1"
    assert group is not None and group.entity_id == "e2"
    assert union is not None and union.entity_id is None


def test_a_place_in_the_apposition_of_the_name_before_it_is_not_the_speaker() -> None:
    doc = NLP("Among the marchers, Gerardo Ochoa, a court clerk from Puebla, recalled the exam.")
    ochoa = entity(doc, "e1", "Gerardo Ochoa", "PERSON", ["Gerardo Ochoa"])
    puebla = entity(doc, "e2", "Puebla", "LOC", ["Puebla"])
    speaker = resolve_speaker(unquoted(doc, [ochoa, puebla]), span(doc, "a court clerk from Puebla"), [])
    assert speaker is not None and speaker.entity_id == "e1"


def test_a_nationality_before_a_title_in_an_apposition_is_not_the_person() -> None:
    doc = NLP("The group's negotiator, Austrian MEP Lukas Brand, said his colleagues agreed.")
    austrian = entity(doc, "e1", "Austrian", "MISC", ["Austrian"])
    brand = entity(doc, "e2", "Lukas Brand", "PERSON", ["Lukas Brand"])
    source = span(doc, "The group's negotiator, Austrian MEP Lukas Brand")
    speaker = resolve_speaker(unquoted(doc, [austrian, brand]), source, [])
    assert speaker is not None and speaker.entity_id == "e2"


def test_the_party_is_the_one_party_just_named() -> None:
    doc = NLP("The Austrian Homeland Alliance rejected the symbols. The party also accused the police.")
    alliance = entity(doc, "e1", "Austrian Homeland Alliance", "ORG", ["Austrian Homeland Alliance"])
    party = resolve_speaker(unquoted(doc, [alliance]), span(doc, "The party"), [])
    assert party is not None and party.entity_id == "e1"


def test_the_agency_among_several_is_the_one_named_in_the_sentence_before() -> None:
    doc = NLP(
        "The Civil Protection Office ordered an evacuation. Lava spread north, according to the Icelandic "
        "Meteorological Office. The agency said the fissure had grown."
    )
    civil = entity(doc, "e1", "Civil Protection Office", "ORG", ["Civil Protection Office"])
    met = entity(doc, "e2", "Icelandic Meteorological Office", "ORG", ["Icelandic Meteorological Office"])
    found = resolve_speaker(unquoted(doc, [civil, met]), span(doc, "The agency"), [])
    assert found is not None and found.entity_id == "e2"


@pytest.mark.parametrize(("designator", "expected"), [([], "e1"), (["plc"], None)])
def test_the_regulator_after_a_paragraph_break_is_the_organisation_that_was_the_subject_before(
    designator: list[str], expected: str | None
) -> None:
    # GIVEN "Ofwat fined Thamesbrook Water. ¶ The regulator said it acted." (or "Ofwat plc": a business)
    name = ["Ofwat", *designator]
    words = [
        *name,
        "fined",
        "Thamesbrook",
        "Water",
        ".",
        "\n\n",
        "The",
        "regulator",
        "said",
        "it",
        "acted",
        ".",
    ]
    at = len(name) - 1  # the name's last word, the subject of "fined"
    heads = [at + 1] * at + [at + 1, at + 1, at + 3, at + 1, at + 1, at + 5, at + 7, at + 8, at + 8]
    heads += [at + 10, at + 8, at + 8]
    deps = ["compound"] * at + ["nsubj", "ROOT", "compound", "obj", "punct", "ROOT", "det", "nsubj", "ROOT"]
    deps += ["nsubj", "ccomp", "punct"]
    spaces = [
        word not in {".", "\n\n"} and after not in {".", "\n\n"}
        for word, after in zip(words, [*words[1:], ""], strict=True)
    ]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    ofwat = entity(doc, "e1", " ".join(name), "ORG", [" ".join(name)])
    company = entity(doc, "e2", "Thamesbrook Water", "ORG", ["Thamesbrook Water"])
    found = resolve_speaker(unquoted(doc, [ofwat, company]), span(doc, "The regulator"), [])
    assert found is not None and found.entity_id == expected


def test_the_union_is_the_organisation_introduced_as_the_union_in_an_apposition() -> None:
    doc = NLP(
        "Nurses walked out at Corvallis Health Partners. The union, the Bay State Nurses Alliance, wants "
        "limits. Talks went on for hours. The union said the nurses would return."
    )
    clinic = entity(doc, "e1", "Corvallis Health Partners", "ORG", ["Corvallis Health Partners"])
    nurses = entity(doc, "e2", "Bay State Nurses Alliance", "ORG", ["Bay State Nurses Alliance"])
    found = resolve_speaker(unquoted(doc, [clinic, nurses]), span(doc, "The union", 1), [])
    assert found is not None and found.entity_id == "e2"


def test_the_filing_is_the_document_a_speaker_before_spoke_in_and_budget_documents_their_owners() -> None:
    doc = NLP(
        "Profit rose, Harbor Bank said in a stock exchange filing. Costs rose too, the union said in a "
        "letter. Bad loans rose, according to the filing. Fares fell, according to the commission's budget "
        "documents. The ban stands, according to the tribunal's written reasons."
    )
    bank = entity(doc, "e1", "Harbor Bank", "ORG", ["Harbor Bank"])
    commission = entity(doc, "e2", "Riverton Transit Commission", "ORG", ["commission"])
    tribunal = entity(doc, "e3", "Sports Integrity Tribunal", "ORG", ["tribunal"])
    speakers = unquoted(doc, [bank, commission, tribunal])
    said = (span(doc, "Harbor Bank"), _speaker_of_entity(bank))
    union = (span(doc, "the union"), None)
    found = resolve_speaker(speakers, span(doc, "the filing"), [said, union])
    assert found is not None and found.entity_id == "e1"
    found = resolve_speaker(speakers, span(doc, "the commission's budget documents"), [said, union])
    assert found is not None and found.entity_id == "e2"
    found = resolve_speaker(speakers, span(doc, "the tribunal's written reasons"), [said, union])
    assert found is not None and found.entity_id == "e3"


def _speaker_of_entity(found: Entity) -> Speaker:
    return Speaker(name=found.name, label=found.label, entity_id=found.id)


def test_he_after_a_sentence_the_parser_broke_after_its_subjects_apposition_is_that_subject() -> None:
    # GIVEN 'Van Wyk, a keeper, | insisted Mthembu was fine. "I listen," he said.' with the parser starting a
    # sentence at ", insisted" and leaving "insisted" without a subject
    words = ["Van", "Wyk", ",", "a", "keeper", ",", "insisted", "Mthembu", "was", "fine", "."]
    words += ['"', "I", "listen", ",", '"', "he", "said", "."]
    heads = [1, 1, 4, 4, 1, 6, 6, 9, 9, 6, 6, 13, 13, 17, 13, 13, 17, 17, 17]
    deps = ["compound", "ROOT", "punct", "det", "appos", "punct", "ROOT", "nsubj", "cop", "ccomp", "punct"]
    deps += ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "AUX", "ADJ", "PUNCT"]
    pos += ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"]
    spaces = [after not in {",", ".", '"'} for after in [*words[1:], ""]]
    spaces[11] = False  # the opening mark
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    van_wyk = entity(doc, "e1", "Pieter van Wyk", "PERSON", ["Van Wyk"])
    mthembu = entity(doc, "e2", "Anele Mthembu", "PERSON", ["Mthembu"])
    speakers = Speakers(doc, [van_wyk, mthembu], paired_quotes_mask(doc))
    found = resolve_speaker(speakers, span(doc, "he", 1), [])  # the first "he" is in "Mthembu"
    assert found is not None and found.entity_id == "e1"


@pytest.mark.parametrize(("source", "expected"), [("The judge", "e1"), ("the CFO", "e2")])
def test_a_role_noun_finds_the_holder_of_the_same_office_under_another_name(
    source: str, expected: str
) -> None:
    doc = NLP(
        "Justice Marguerite Oyelaran retired. The commission's chief financial officer, Deborah Achterberg, "
        "spoke. The judge said she was tired. Fares rose, the CFO said."
    )
    judge = entity(doc, "e1", "Marguerite Oyelaran", "PERSON", ["Marguerite Oyelaran"])
    judge.titles = ["justice"]
    cfo = entity(
        doc,
        "e2",
        "Deborah Achterberg",
        "PERSON",
        ["Deborah Achterberg"],
        ("commission's chief financial officer",),
    )
    found = resolve_speaker(unquoted(doc, [judge, cfo]), span(doc, source), [])
    assert found is not None and found.entity_id == expected


def test_a_wire_credit_in_a_dateline_is_never_the_company() -> None:
    doc = NLP(
        "PUNE (Northgate Press) — Sales grew, the company said.\n\nMUMBAI (Northgate Press) — Shares rose, "
        "the company said."
    )
    press = entity(doc, "e1", "Northgate Press", "ORG", ["Northgate Press"])
    found = resolve_speaker(unquoted(doc, [press]), span(doc, "the company"), [])
    assert found is None or found.entity_id is None


def test_an_unnamed_she_is_the_person_the_feature_names_next_with_her_name_is() -> None:
    doc = NLP(
        'The charge nurse has worked for hours. "Nights are long," she said. "We cope," she added. Her name '
        "is Rosa Baines, and she has worked nights for years."
    )
    rosa = entity(doc, "e1", "Rosa Baines", "PERSON", ["Rosa Baines"])
    speakers = Speakers(doc, [rosa], paired_quotes_mask(doc))
    said = [(span(doc, "she"), None), (span(doc, "she", 1), None)]
    resolved = named_later(speakers, said)
    assert [speaker.entity_id if speaker else None for _, speaker in resolved] == ["e1", "e1"]


def test_the_maker_is_the_company_the_article_names() -> None:
    doc = NLP("Halvorsen Axle Co. will close a plant, the auto-parts maker announced.")
    axle = entity(doc, "e1", "Halvorsen Axle Co.", "ORG", ["Halvorsen Axle Co."])
    maker = resolve_speaker(unquoted(doc, [axle]), span(doc, "the auto-parts maker"), [])
    assert maker is not None and maker.entity_id == "e1"


def test_the_orchestra_is_the_philharmonic_the_article_names() -> None:
    doc = NLP("The Halvard Philharmonic has chosen two finalists, the orchestra said.")
    orchestra = entity(doc, "e1", "Halvard Philharmonic", "ORG", ["Halvard Philharmonic"])
    speaker = resolve_speaker(unquoted(doc, [orchestra]), span(doc, "the orchestra"), [])
    assert speaker is not None and speaker.entity_id == "e1"


def test_a_log_of_an_organisation_and_figures_from_one_speak_for_it() -> None:
    doc = NLP(
        "The Scarrow Rescue Team went out, according to the team's incident log, and figures from the "
        "Northvale Health Trust show more calls, a report by the team's doctors found."
    )
    named = ("Scarrow Rescue Team", "Northvale Health Trust")
    doc.ents = [doc.char_span(doc.text.index(n), doc.text.index(n) + len(n), label="ORG") for n in named]
    team = entity(doc, "e1", "Scarrow Rescue Team", "ORG", ["Scarrow Rescue Team"])
    trust = entity(doc, "e2", "Northvale Health Trust", "ORG", ["Northvale Health Trust"])
    speakers = unquoted(doc, [team, trust])
    log = resolve_speaker(speakers, span(doc, "the team's incident log"), [])
    figures = resolve_speaker(speakers, span(doc, "figures from the Northvale Health Trust"), [])
    report = resolve_speaker(speakers, span(doc, "a report by the team's doctors"), [])
    assert log is not None and log.entity_id == "e1"
    assert figures is not None and figures.entity_id == "e2"
    assert report is None or report.entity_id != "e2"  # its issuer is no name: not the trust


@pytest.mark.parametrize("name", ["Gulf Coast Innocence Project", "Global Peatlands Initiative"])
def test_the_group_is_a_project_or_an_initiative_named_before(name: str) -> None:
    doc = NLP(
        f"The {name} filed the appeal. The judge spoke. The mayor spoke. Then the group said it would appeal."
    )
    project = entity(doc, "e1", name, "ORG", [name])
    group = resolve_speaker(unquoted(doc, [project]), span(doc, "the group"), [])
    assert group is not None and group.entity_id == "e1"


def test_police_alone_is_the_one_police_force_named_before() -> None:
    doc = NLP(
        "The Brindlewood Police Department sent officers. The disaster force helped. Later police said so."
    )
    force = entity(doc, "e1", "Brindlewood Police Department", "ORG", ["Brindlewood Police Department"])
    other = entity(doc, "e2", "National Disaster Response Force", "ORG", [])
    police = resolve_speaker(unquoted(doc, [force, other]), span(doc, "police"), [])
    assert police is not None and police.entity_id == "e1"
    lodge = entity(doc, "e3", "Fraternal Order of Police Lodge 88", "ORG", ["The disaster force"])
    two = resolve_speaker(unquoted(doc, [force, lodge]), span(doc, "police"), [])
    assert two is None or two.entity_id is None  # two police bodies: neither


def test_she_after_a_fronted_phrase_is_the_person_the_sentence_before_was_about() -> None:
    doc = parsed(
        "Kayla Odum said so . Joanna Reyes drove home . Her son , she said , had called .",
        [1, 2, 2, 2, 2, 6, 7, 7, 7, 7, 11, 17, 14, 14, 17, 14, 17, 17, 17],
        "compound nsubj ROOT advmod punct compound nsubj ROOT advmod punct nmod:poss nsubj punct nsubj "
        "parataxis punct aux ROOT punct",
        "PROPN PROPN VERB ADV PUNCT PROPN PROPN VERB ADV PUNCT "
        "PRON NOUN PUNCT PRON VERB PUNCT AUX VERB PUNCT",
    )
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 7, label="PERSON")]
    odum = entity(doc, "e1", "Kayla Odum", "PERSON", ["Kayla Odum"])
    reyes = entity(doc, "e2", "Joanna Reyes", "PERSON", ["Joanna Reyes"])
    earlier = [(doc[0:2], Speaker(name="Kayla Odum", label="PERSON", entity_id="e1", role=None))]
    she = resolve_speaker(unquoted(doc, [odum, reyes]), doc[13:14], earlier)
    assert she is not None and she.entity_id == "e2"


def test_data_published_by_the_company_speak_for_the_company() -> None:
    doc = NLP("Corvanthe Labs makes pumps. Sales rose, according to data published by the company last year.")
    doc.ents = [doc.char_span(0, len("Corvanthe Labs"), label="ORG")]
    labs = entity(doc, "e1", "Corvanthe Labs", "ORG", ["Corvanthe Labs"])
    speakers = unquoted(doc, [labs])
    data = resolve_speaker(speakers, span(doc, "data published by the company last year"), [])
    assert data is not None and data.entity_id == "e1"
