"""extract_statements on hand-built Docs: attribution spans written inline, entities built by hand."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsextract.nlp.attribution import quoted_mask
from newsextract.nlp.statements import extract_statements
from newsextract.result import Entity, Statement, TextSpan
from tests.marked import entity, parse_marked

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


ROLES = {"SOURCE", "CUE", "CONTENT"}


def marked_doc(marked: str) -> Doc:
    """A Doc whose attribution spans (and NER entities, any other label) are written inline as
    ``[surface](LABEL)``."""
    text, marks = parse_marked(marked)
    doc = NLP(text)
    spans = [doc.char_span(s, e, label=label, alignment_mode="strict") for s, e, label in marks]
    doc.spans["attribution"] = [span for span in spans if span.label_ in ROLES]
    doc.ents = [span for span in spans if span.label_ not in ROLES]
    return doc


def assert_offsets(doc: Doc, statements: list[Statement]) -> None:
    for statement in statements:
        for span in (statement.source, statement.cue, statement.content):
            if span is not None:
                assert doc.text[span.start : span.end] == span.text
                for start, end in span.fragments or ():
                    assert span.start <= start < end <= span.end


def test_direct_quote_with_inverted_order() -> None:
    doc = marked_doc("“[We will win](CONTENT),” [said](CUE) [Butler](SOURCE).")
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Butler"])]
    [statement] = extract_statements(doc, people)
    assert statement.id == "s1"
    assert statement.kind == "direct"
    assert statement.content is not None and statement.content.text == "We will win"
    assert statement.speaker is not None and statement.speaker.name == "Dave Butler"
    assert statement.speaker.entity_id == "e1"
    assert_offsets(doc, [statement])


def test_interrupted_quote_gives_fragments_and_pronoun_resolves_to_last_person() -> None:
    doc = marked_doc(
        "Dave Butler spoke on Friday. “[The meeting went well](CONTENT),” [he](SOURCE) [said](CUE), "
        "“[and we will meet again](CONTENT).”"
    )
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Dave Butler"])]
    [statement] = extract_statements(doc, people)
    assert statement.content is not None
    assert statement.content.fragments is not None and len(statement.content.fragments) == 2
    pieces = [doc.text[a:b] for a, b in statement.content.fragments]
    assert pieces == ["The meeting went well", "and we will meet again"]
    assert statement.source is not None and statement.source.text == "he"
    assert statement.speaker is not None and statement.speaker.name == "Dave Butler"
    assert statement.kind == "direct"
    assert_offsets(doc, [statement])


def test_indirect_speech_with_medium_and_addressee() -> None:
    doc = marked_doc(
        "[Butler](SOURCE) [told](CUE) reporters on Tuesday [that the two generals met](CONTENT). "
        "[Zaluzhnyi](SOURCE) also [announced](CUE) [the meeting](CONTENT) on Twitter."
    )
    people = [
        entity(doc, "e1", "Dave Butler", "PERSON", ["Butler"]),
        entity(doc, "e2", "Valerii Zaluzhnyi", "PERSON", ["Zaluzhnyi"]),
    ]
    first, second = extract_statements(doc, people)
    assert first.kind == "indirect"
    assert first.addressee == "reporters"
    assert first.medium is None
    assert second.medium == "Twitter"
    assert second.speaker is not None and second.speaker.name == "Valerii Zaluzhnyi"
    assert [s.id for s in (first, second)] == ["s1", "s2"]


def test_statement_in_writing_is_a_medium() -> None:
    doc = marked_doc("[The Pentagon](SOURCE) [said](CUE) in a statement [that troops will stay](CONTENT).")
    orgs = [entity(doc, "e1", "Pentagon", "ORG", ["Pentagon"])]
    [statement] = extract_statements(doc, orgs)
    assert statement.medium == "statement"
    assert statement.speaker is not None
    assert (statement.speaker.name, statement.speaker.label) == ("Pentagon", "ORG")


def test_according_to_an_organisation_and_a_place_as_source() -> None:
    doc = marked_doc(
        "[The two generals met in Poland](CONTENT), [according to](CUE) [The Associated Press](SOURCE).\n\n"
        "[Moscow](SOURCE) on Tuesday also [announced](CUE) [an effort to grow its military](CONTENT)."
    )
    ents = [
        entity(doc, "e1", "Poland", "LOC", ["Poland"]),
        entity(doc, "e2", "The Associated Press", "ORG", ["Associated Press"]),
        entity(doc, "e3", "Moscow", "LOC", ["Moscow"]),
    ]
    first, second = extract_statements(doc, ents)
    assert first.speaker is not None and first.speaker.entity_id == "e2"
    assert first.cue is not None and first.cue.text == "according to"
    assert second.speaker is not None and (second.speaker.name, second.speaker.label) == ("Moscow", "LOC")


def test_role_source_resolves_to_the_entity_holding_that_role() -> None:
    doc = marked_doc(
        "Army Col. Dave Butler, a spokesman for Milley, arrived. "
        "[A spokesman for Milley](SOURCE) [said](CUE) [the talks were useful](CONTENT)."
    )
    ents = [
        entity(doc, "e1", "Dave Butler", "PERSON", ["Dave Butler"], roles=("spokesman for Milley",)),
        entity(doc, "e2", "Mark Milley", "PERSON", ["Milley"]),
    ]
    [statement] = extract_statements(doc, ents)
    assert statement.speaker is not None
    assert statement.speaker.name == "Dave Butler"
    assert statement.speaker.role == "spokesman for Milley"


def test_paragraph_initial_quote_continues_the_previous_speaker() -> None:
    doc = marked_doc(
        "“[We talk often](CONTENT),” [Butler](SOURCE) [said](CUE).\n\n"
        "“[They have met before](CONTENT).”\n\n"
        "The weather was cold."
    )
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Butler"])]
    first, second = extract_statements(doc, people)
    assert second.cue is None
    assert second.content is not None and second.content.text == "They have met before"
    assert second.speaker == first.speaker
    assert second.kind == "direct"


def test_a_mixed_content_without_its_cue_does_not_continue_the_previous_speaker() -> None:
    # GIVEN the model missing "testified" before a content that opens unquoted in the next paragraph
    doc = marked_doc(
        "“[I will block it](CONTENT),” [Ostrowski](SOURCE) [said](CUE).\n\n"
        "The nominee testified [that he supported “an all-of-the-above approach”](CONTENT)."
    )
    statements = extract_statements(doc, [entity(doc, "e1", "Rachel Ostrowski", "PERSON", ["Ostrowski"])])
    # THEN the senator is not credited with the nominee's words
    assert [s.cue.text if s.cue else None for s in statements] == ["said"]


def test_unbalanced_straight_quote_runs_to_paragraph_end_and_mixed_kind() -> None:
    doc = marked_doc(
        '[She](SOURCE) [said](CUE) [the plan was "a disaster](CONTENT) for everyone\n\n'
        '[He](SOURCE) [wrote](CUE) "[the plan is fine](CONTENT)'
    )
    first, second = extract_statements(doc, [])
    assert first.kind == "mixed"
    assert second.kind == "direct"
    assert first.speaker is None  # a pronoun with no person before it identifies nobody


def test_source_only_statements_are_dropped_and_no_spans_gives_nothing() -> None:
    doc = marked_doc("[Butler](SOURCE) arrived late.")
    assert extract_statements(doc, []) == []
    assert extract_statements(NLP("Nothing said here."), []) == []


@pytest.mark.parametrize("quote", ["“{}”", '"{}"'])
def test_curly_and_straight_quotes_are_direct(quote: str) -> None:
    body = quote.format("[It is over](CONTENT)")
    doc = marked_doc(f"{body} [Butler](SOURCE) [said](CUE).")
    [statement] = extract_statements(doc, [])
    assert statement.kind == "direct"
    assert statement.confidence > 0.5


def test_inverted_attribution_takes_the_clause_before_the_comma_as_content() -> None:
    doc = marked_doc(
        "Milley met his counterpart in Poland, [the Pentagon](SOURCE) [confirmed](CUE).\n\n"
        "The two generals spoke for hours, [according to](CUE) [The Associated Press](SOURCE)."
    )
    first, second = extract_statements(doc, [])
    assert first.content is not None and first.content.text == "Milley met his counterpart in Poland"
    assert second.content is not None and second.content.text == "The two generals spoke for hours"
    assert second.source is not None and second.source.text == "The Associated Press"


def test_a_quote_opening_mid_sentence_makes_a_mixed_content_from_the_sentence_start() -> None:
    doc = marked_doc(
        "The two “[discussed](CUE) the war and [exchanged perspectives](CONTENT),” "
        "[Army Col](SOURCE). [Dave Butler](SOURCE), [said](CUE) in a statement."
    )
    statements = extract_statements(doc, [])
    assert len(statements) == 1  # the cue inside the quote marks is part of the quote
    [statement] = statements
    assert statement.content is not None
    assert statement.content.text == "The two “discussed the war and exchanged perspectives"
    assert statement.kind == "mixed"
    assert statement.source is not None and statement.source.text == "Army Col. Dave Butler"


@pytest.mark.parametrize("title", ["Det", "Supt", "Insp", "Sens"])
def test_a_source_cut_at_any_title_abbreviation_is_joined_again(title: str) -> None:
    doc = marked_doc(f"[{title}](SOURCE). [Sarah Kim](SOURCE) [said](CUE) [the road is closed](CONTENT).")
    [statement] = extract_statements(doc, [])
    assert statement.source is not None and statement.source.text == f"{title}. Sarah Kim"


def test_the_one_asked_is_not_the_source_of_asked_but_of_what_follows() -> None:
    doc = marked_doc(
        "[Oyelaran](SOURCE), [asked](CUE) [whether the hospital would hire nurses](CONTENT), "
        "[declined](CUE) [to answer](CONTENT)."
    )
    people = [entity(doc, "e1", "Martin Oyelaran", "PERSON", ["Oyelaran"])]
    by_cue = {s.cue.text: s for s in extract_statements(doc, people) if s.cue is not None}
    asked, declined = by_cue["asked"], by_cue["declined"]
    assert asked.source is None and asked.speaker is None
    assert declined.source is not None and declined.source.text == "Oyelaran"
    assert declined.speaker is not None and declined.speaker.entity_id == "e1"


def test_a_statement_with_no_content_no_named_speaker_and_no_speech_verb_is_left_out() -> None:
    doc = marked_doc(
        "[Not everyone](SOURCE) [was pleased](CUE). [Maria Lopez](SOURCE) [was pleased](CUE). "
        "[Officials](SOURCE) [said](CUE) nothing more."
    )
    people = [entity(doc, "e1", "Maria Lopez", "PERSON", ["Maria Lopez"])]
    statements = extract_statements(doc, people)
    assert [(s.id, s.source.text if s.source else None) for s in statements] == [
        ("s1", "Maria Lopez"),
        ("s2", "Officials"),
    ]


def test_confidence_ranks_a_quoted_said_above_a_paraphrased_pledge_above_a_bare_cue() -> None:
    doc = marked_doc(
        "“[We will win](CONTENT),” [Lopez](SOURCE) [said](CUE). "
        "[Reyes](SOURCE) [pledged](CUE) [new funds for schools](CONTENT). "
        "[Kim](SOURCE) [said](CUE) nothing."
    )
    people = [
        entity(doc, f"e{i}", name, "PERSON", [name]) for i, name in enumerate(["Lopez", "Reyes", "Kim"])
    ]
    quoted, pledged, bare = extract_statements(doc, people)
    assert quoted.confidence == 0.95 and quoted.kind == "direct"
    assert 0.5 < bare.confidence < pledged.confidence < quoted.confidence


def test_speech_verb_without_content_takes_its_that_clause() -> None:
    doc = marked_doc("[Butler](SOURCE) [told](CUE) reporters that the generals met, according to the AP.")
    [statement] = extract_statements(doc, [])
    assert statement.content is not None and statement.content.text == "that the generals met"
    assert statement.addressee == "reporters"


@pytest.mark.parametrize(
    ("marked", "content"),
    [
        (
            "[According to](CUE) [the authority](SOURCE), the work will take three years.",
            "the work will take three years",
        ),
        (
            "The work will take three years, [according to](CUE) [the authority](SOURCE).",
            "The work will take three years",
        ),
        (
            "[According to](CUE) the port authority, the work will take three years.",
            "the work will take three years",
        ),
        (
            "The work will take three years, [according to](CUE) the port authority.",
            "The work will take three years",
        ),
    ],
)
def test_according_to_without_content_takes_the_rest_of_its_sentence(marked: str, content: str) -> None:
    doc = marked_doc("The Northbay Port Authority met. " + marked)
    ents = [entity(doc, "e1", "Northbay Port Authority", "ORG", ["Northbay Port Authority"])]
    [statement] = extract_statements(doc, ents)
    assert statement.content is not None and statement.content.text == content
    assert statement.source is not None and statement.source.text.lower().endswith("authority")
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_common_noun_source_resolves_only_to_the_one_earlier_name_ending_in_it() -> None:
    doc = marked_doc(
        "The Port Authority and the Transit Authority met. "
        "[The authority](SOURCE) [said](CUE) [no](CONTENT). "
        "[The transit authority](SOURCE) [said](CUE) [yes](CONTENT). "
        "[The board](SOURCE) [said](CUE) [maybe](CONTENT)."
    )
    ents = [
        entity(doc, "e1", "Port Authority", "ORG", ["Port Authority"]),
        entity(doc, "e2", "Transit Authority", "ORG", ["Transit Authority"]),
    ]
    ambiguous, transit, board = extract_statements(doc, ents)
    assert ambiguous.speaker is not None and ambiguous.speaker.entity_id is None
    assert transit.speaker is not None and transit.speaker.entity_id == "e2"
    assert board.speaker is not None and board.speaker.entity_id is None


@pytest.fixture(scope="module")
def untrained_attribution(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """An attribution pipeline with random weights: enough to test the component's contract."""
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in ("SOURCE", "CUE", "CONTENT"):
        ner.add_label(label)
    nlp.initialize()
    path = tmp_path_factory.mktemp("attribution") / "model"
    nlp.to_disk(path)
    return path


def test_attribution_component_keeps_core_entities_and_fills_its_span_group(untrained_attribution) -> None:  # type: ignore[no-untyped-def]
    from newsextract.nlp.attribution import COMPONENT, SPANS_KEY, attach_attribution

    core = spacy.blank("en")
    ruler = core.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Dave Butler"}, {"label": "LOC", "pattern": "Poland"}])
    attach_attribution(core, untrained_attribution)
    attach_attribution(core, untrained_attribution)
    assert core.pipe_names == ["entity_ruler", COMPONENT]
    text = "Dave Butler said the generals met in Poland. " * 3
    doc = core(text)
    assert [(e.text, e.label_) for e in doc.ents] == [("Dave Butler", "PERSON"), ("Poland", "LOC")] * 3
    assert SPANS_KEY in doc.spans
    assert {s.label_ for s in doc.spans[SPANS_KEY]} <= {"SOURCE", "CUE", "CONTENT"}
    piped = list(core.pipe([text, "", "No one spoke."], batch_size=2))
    assert [len(d.ents) for d in piped] == [6, 0, 0]
    assert all(SPANS_KEY in d.spans for d in piped)


def test_cue_without_source_takes_the_named_entity_just_before_it() -> None:
    doc = marked_doc("Moscow on Tuesday also [announced](CUE) [an effort to grow its military](CONTENT).")
    doc.ents = [Span(doc, 0, 1, label="GPE")]
    moscow = [entity(doc, "e1", "Moscow", "LOC", ["Moscow"])]
    [statement] = extract_statements(doc, moscow)
    assert statement.source is not None and statement.source.text == "Moscow"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_title_before_a_name_and_relative_pronouns() -> None:
    doc = marked_doc(
        "[White House press secretary Josh Earnest](SOURCE) [said](CUE) [the law works](CONTENT). "
        "The bill, [which](SOURCE) [would allow](CUE) [more imports](CONTENT), passed."
    )
    ents = [
        entity(doc, "e1", "Josh Earnest", "PERSON", ["Josh Earnest"]),
        entity(doc, "e2", "White House", "ORG", ["White House"]),
    ]
    first, second = extract_statements(doc, ents)
    assert first.speaker is not None and first.speaker.name == "Josh Earnest"
    assert second.speaker is None


@pytest.mark.parametrize("dash", ["―", "—", "–"])
@pytest.mark.parametrize(("gap", "after"), [(" ", " "), ("", " "), ("\u00a0", "\u00a0"), (" ", " \u00a0")])
@pytest.mark.parametrize("opening", ["“", "”"])  # "”" as the opening mark: a common typo
def test_quotation_signed_with_a_dash_is_a_statement_of_the_name_after_it(
    dash: str, gap: str, after: str, opening: str
) -> None:
    # No attribution spans at all: the signature alone makes the statement; a stray model span inside
    # the quotation does not start a second one. No-break spaces around the dash are spaces.
    doc = marked_doc(
        f"Readers wrote in.\n{opening}The debate changed nothing. [Prices](SOURCE) still rise.”{gap}{dash}"
        f"{after}Maria Lopez, a teacher\n“No dash here.”\n"
    )
    people = [entity(doc, "e1", "Maria Lopez", "PERSON", ["Maria Lopez"])]
    [statement] = extract_statements(doc, people)
    assert statement.content is not None
    assert statement.content.text == "The debate changed nothing. Prices still rise"
    assert statement.source is not None and statement.source.text == "Maria Lopez"
    assert statement.cue is not None and statement.cue.text.endswith(dash)
    assert statement.kind == "direct"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"
    assert_offsets(doc, [statement])


def test_a_dash_after_a_quote_without_a_capitalised_name_is_no_statement() -> None:
    doc = marked_doc("“It is over,” — or so it seemed.\n")
    assert extract_statements(doc, []) == []


def test_attribution_features_are_the_core_tag_plus_quote_state_on_a_bare_copy() -> None:
    from newsextract.nlp.attribution import bare_copy, token_features

    text = 'He said: “We won.” Then "we left\nlate, she wrote.'
    doc = NLP.make_doc(text)
    for token in doc:
        token.tag_ = "VBD" if token.text in {"said", "won", "left", "wrote"} else ""
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    features = dict(zip((t.text for t in doc), token_features(doc), strict=True))
    assert features["said"] == "VBD" and features["He"] == "_"
    assert features["won"] == "VBD+Q" and features["We"] == "_+Q"
    assert features["“"] == "_" and features["”"] == "_"  # the marks themselves are outside
    assert features["left"] == "VBD+Q"  # straight quotes
    assert features["late"] == "_" and features["wrote"] == "VBD"  # an unclosed quote ends at the paragraph
    copy = bare_copy(doc)
    assert [t.text_with_ws for t in copy] == [t.text_with_ws for t in doc]
    assert [t.tag_ for t in copy] == token_features(doc)
    assert not copy.ents and not copy.has_annotation("DEP")


def test_a_closing_mark_that_starts_a_word_outside_quotes_opens_a_quote() -> None:
    from newsextract.nlp.attribution import quoted_mask

    text = "”Fear is real.” She left. Trust ” that."
    mask = quoted_mask(text)
    assert all(mask[text.index("Fear") : text.index(".”") + 1])
    assert not any(mask[text.index("She") :])  # a free-standing ” opens nothing
    nested = "“He calls it “hell” and leaves.” She stays."
    mask = quoted_mask(nested)
    assert all(mask[nested.index("and leaves") : nested.index(".”") + 1])  # still inside after “hell”
    assert not any(mask[nested.index("She") :])


@pytest.mark.parametrize(("subject", "complement"), [("nsubj", "ccomp"), ("nsubj", "parataxis")])
def test_syntax_features_are_coarse_dependency_class_head_side_and_speech_head(
    subject: str, complement: str
) -> None:
    from newsextract.nlp.attribution import bare_copy, syntax_features

    words = ["Butler", "said", "talks", "failed"]
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=[1, 1, 3, 1],
        deps=[subject, "ROOT", "nsubj", complement],
        lemmas=["Butler", "say", "talk", "fail"],
    )
    assert syntax_features(doc) == ["SUBJ>S", "ROOTS", "SUBJ>", "COMP<S"]  # a root is its own head
    assert syntax_features(NLP.make_doc("Butler said so")) == ["_", "_", "_"]  # not parsed
    assert [t.lemma_ for t in bare_copy(doc)] == syntax_features(doc)


def test_a_quote_before_the_cue_joins_a_quote_in_the_next_sentence_the_model_gave_the_cue() -> None:
    doc = marked_doc(
        "The two “discussed the war,” [Dave Butler](SOURCE) [said in a statement](CUE). "
        "“[The Chairman reaffirmed his support](CONTENT).”\n"
    )
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Dave Butler"])]
    [statement] = extract_statements(doc, people)
    assert statement.content is not None and statement.content.fragments is not None
    pieces = [doc.text[a:b] for a, b in statement.content.fragments]
    assert pieces == ["The two “discussed the war", "The Chairman reaffirmed his support"]
    assert statement.kind == "mixed"
    assert_offsets(doc, [statement])


def test_a_quote_before_a_coordinated_cue_is_not_taken_from_the_cue_before() -> None:
    doc = marked_doc(
        "“[We will win](CONTENT),” [Butler](SOURCE) [said](CUE), [adding](CUE) "
        "[that the talks went well](CONTENT).\n"
    )
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Butler"])]
    said, adding = extract_statements(doc, people)
    assert said.content is not None and said.content.text == "We will win"
    assert adding.content is not None and adding.content.text == "that the talks went well"


@pytest.mark.parametrize("opening", ["", "In "])
def test_a_participle_opening_the_sentence_is_said_by_the_subject_of_the_next_cue(opening: str) -> None:
    doc = marked_doc(
        "Dave Butler spoke on Friday.\n"
        f"{opening}[Citing](CUE) [a new poll](CONTENT), [Butler](SOURCE) [said](CUE) "
        "[the race was close](CONTENT).\n"
    )
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Dave Butler", "Butler"])]
    citing, said = extract_statements(doc, people)
    assert citing.cue is not None and citing.cue.text == "Citing"
    assert citing.source is not None and citing.source.text == "Butler"
    assert citing.speaker is not None and citing.speaker.entity_id == "e1"
    assert said.source is not None and said.source.text == "Butler"


@pytest.mark.parametrize(("cue", "content"), [("vouched for", "both candidates"), ("talked with", None)])
def test_a_cue_ending_in_a_preposition_takes_the_words_after_it_up_to_the_comma(
    cue: str, content: str | None
) -> None:
    doc = marked_doc(f"[Butler](SOURCE) [{cue}](CUE) both candidates, and he left.\n")
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Butler"])]
    statements = extract_statements(doc, people)
    found = [s.content.text if s.content else None for s in statements]
    assert found == ([content] if content else [None])


def test_the_question_put_to_the_speaker_is_not_part_of_the_content() -> None:
    doc = marked_doc(
        "[Asked if the talks would resume](CONTENT), [Butler](SOURCE) [said](CUE) [they would](CONTENT).\n"
    )
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Butler"])]
    [statement] = extract_statements(doc, people)
    assert statement.content is not None and statement.content.text == "they would"
    assert statement.content.fragments is None


@pytest.mark.parametrize(("participle", "joins"), [("referring to", True), ("adding", False)])
def test_a_later_quote_joins_the_quote_before_the_main_cue_not_the_participle_after_it(
    participle: str, joins: bool
) -> None:
    doc = marked_doc(
        f"“[We will win](CONTENT),” [Butler](SOURCE) [said](CUE), [{participle}](CUE) [the vote](CONTENT). "
        "“[The talks went well](CONTENT).”\n"
    )
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Butler"])]
    said, after = extract_statements(doc, people)
    assert said.content is not None and after.content is not None
    said_pieces = [doc.text[a:b] for a, b in said.content.pieces]
    assert said_pieces == (["We will win", "The talks went well"] if joins else ["We will win"])
    assert (after.content.text == "the vote") is joins
    assert_offsets(doc, [said, after])


def test_a_later_quote_joins_the_main_cue_past_a_cue_in_the_speakers_relative_clause() -> None:
    doc = marked_doc(
        "“[We will win](CONTENT),” [said](CUE) [Dave Butler](SOURCE), who [has backed](CUE) "
        "[the mayor](CONTENT) for years. “[The talks went well](CONTENT).”\n"
    )
    people = [entity(doc, "e1", "Dave Butler", "PERSON", ["Dave Butler"])]
    said, backed = extract_statements(doc, people)
    assert said.content is not None and said.content.fragments is not None
    assert [doc.text[a:b] for a, b in said.content.fragments] == ["We will win", "The talks went well"]
    assert backed.content is not None and backed.content.text == "the mayor"


@pytest.mark.parametrize(
    ("aside", "tag", "dropped"),
    [
        ("laughing", "VBG", True),
        ("as the crowd cheered", "IN", True),
        ("a coach from Ohio", "DT", True),
        ("that the team would win", "IN", False),
        ("she would go", "PRP", False),
    ],
)
def test_a_quotes_statement_drops_unquoted_prose_after_a_comma_behind_its_cue(
    aside: str, tag: str, dropped: bool
) -> None:
    # “It is huge,” he said, laughing.  The model marks "laughing" as a second content.
    doc = marked_doc(f"“[It is huge](CONTENT),” [he](SOURCE) [said](CUE), [{aside}](CONTENT).\n")
    opener = doc.char_span(doc.text.index(aside), doc.text.index(aside) + len(aside.split()[0]))
    assert opener is not None
    opener[0].tag_ = tag
    [statement] = extract_statements(doc, [])
    assert statement.content is not None
    pieces = [doc.text[a:b] for a, b in statement.content.pieces]
    assert pieces == (["It is huge"] if dropped else ["It is huge", aside])


@pytest.mark.parametrize("conjunction", ["and", "but", "because"])
def test_a_content_ending_on_the_next_clauses_conjunction_ends_before_it(conjunction: str) -> None:
    doc = marked_doc(
        f"[Officials](SOURCE) [said](CUE) [the plan was working, {conjunction}](CONTENT) the mayor agreed.\n"
    )
    [statement] = extract_statements(doc, [])
    assert statement.content is not None and statement.content.text == "the plan was working"


@pytest.mark.parametrize(
    ("words", "heads", "deps", "cue"),
    [
        # Trump used the phrase and criticized Obama .  (cue "criticized", a conjunct of "used")
        (
            ["Trump", "used", "the", "phrase", "and", "criticized", "Obama", "."],
            [1, 1, 3, 1, 1, 1, 5, 1],
            ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "dobj", "punct"],
            5,
        ),
        # Trump hopes to persuade voters .  (cue "persuade", an open complement of "hopes")
        (
            ["Trump", "hopes", "to", "persuade", "voters", "."],
            [1, 1, 3, 1, 3, 1],
            ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"],
            3,
        ),
    ],
)
def test_a_cue_without_its_own_subject_takes_the_subject_of_the_verb_it_hangs_on(
    words: list[str], heads: list[int], deps: list[str], cue: int
) -> None:
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps)
    doc.spans["attribution"] = [
        Span(doc, cue, cue + 1, label="CUE"),
        Span(doc, cue + 1, cue + 2, label="CONTENT"),
    ]
    trump = [entity(doc, "e1", "Donald Trump", "PERSON", ["Trump"])]
    [statement] = extract_statements(doc, trump)
    assert statement.source is not None and statement.source.text == "Trump"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_subordinate_clause_with_its_own_subject_does_not_take_the_main_subject() -> None:
    words = ["Trump", "left", "because", "Obama", "criticized", "him", "."]
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=[1, 1, 4, 4, 1, 4, 1],
        deps=["nsubj", "ROOT", "mark", "nsubj", "advcl", "dobj", "punct"],
    )
    doc.spans["attribution"] = [Span(doc, 4, 5, label="CUE"), Span(doc, 5, 6, label="CONTENT")]
    [statement] = extract_statements(doc, [entity(doc, "e1", "Barack Obama", "PERSON", ["Obama"])])
    assert statement.source is not None and statement.source.text == "Obama"


def test_a_role_source_with_an_apposed_name_is_that_person() -> None:
    doc = marked_doc(
        "The DOF released a forecast. [A DOF spokeswoman, Lena Cho](SOURCE), [said](CUE) "
        "[the projection was conservative](CONTENT)."
    )
    ents = [
        entity(doc, "e1", "Department of Finance", "ORG", ["DOF"]),
        entity(doc, "e2", "Lena Cho", "PERSON", ["Lena Cho"]),
    ]
    [statement] = extract_statements(doc, ents)
    assert statement.speaker is not None and statement.speaker.entity_id == "e2"
    assert statement.speaker.role == "DOF spokeswoman"  # the head, not the name


def test_a_generic_source_with_an_apposed_organisation_is_that_organisation() -> None:
    doc = marked_doc(
        "[The union, the Northern Nurses Association,](SOURCE) [rejected](CUE) [the offer](CONTENT)."
    )
    ents = [entity(doc, "e1", "Northern Nurses Association", "ORG", ["Northern Nurses Association"])]
    [statement] = extract_statements(doc, ents)
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"
    assert statement.speaker.role is None


@pytest.mark.parametrize(
    ("marked", "name"),
    [
        (
            "The Ministry of Interior said roads were closed. [The ministry](SOURCE) [urged](CUE) "
            "[calm](CONTENT).",
            "Ministry of Interior",
        ),
        (
            "Shares of Northwind Robotics rose after [the company](SOURCE) [said](CUE) [it won a contract]"
            "(CONTENT). The Securities and Exchange Commission was told.",
            "Northwind Robotics",
        ),
    ],
)
def test_a_generic_organisation_noun_resolves_to_the_organisation_it_names(marked: str, name: str) -> None:
    doc = marked_doc(marked)
    ents = [
        entity(doc, "e1", name, "ORG", [name]),
        entity(doc, "e2", "SEC", "ORG", ["Securities and Exchange Commission"]),
    ]
    statements = extract_statements(doc, ents)
    assert statements[-1].speaker is not None and statements[-1].speaker.name == name


def test_the_company_stays_unresolved_without_an_earlier_organisation() -> None:
    doc = marked_doc("[The company](SOURCE) [said](CUE) [it won a contract](CONTENT). Acme Corp. agreed.")
    [statement] = extract_statements(doc, [entity(doc, "e1", "Acme Corp.", "ORG", ["Acme Corp."])])
    assert statement.speaker is not None and statement.speaker.entity_id is None


def test_a_sentence_opening_he_is_the_person_who_was_the_subject_of_the_sentence_before() -> None:
    words = ["Brooks", "visited", "Oduya", ".", "He", "told", "volunteers", "that", "aid", "came", "."]
    heads = [1, 1, 1, 1, 5, 5, 5, 9, 9, 5, 5]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "mark", "nsubj", "ccomp", "punct"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps)
    doc.spans["attribution"] = [
        Span(doc, 4, 5, label="SOURCE"),
        Span(doc, 5, 6, label="CUE"),
        Span(doc, 7, 10, label="CONTENT"),
    ]
    ents = [
        entity(doc, "e1", "Alan Brooks", "PERSON", ["Brooks"]),
        entity(doc, "e2", "Karen Oduya", "PERSON", ["Oduya"]),
    ]
    [statement] = extract_statements(doc, ents)
    assert statement.speaker is not None and statement.speaker.name == "Alan Brooks"  # not the last named


def test_a_name_and_comma_before_the_cue_is_the_source_when_the_parse_found_no_subject() -> None:
    words = ["A", "WHO", "adviser", ",", "James", "Mensah", ",", "cautioned", "that", "supply", "lagged", "."]
    heads = [2, 2, 7, 2, 2, 4, 2, 7, 10, 10, 7, 7]
    deps = ["det", "det", "obl", "punct", "appos", "flat", "punct", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    pos = ["DET", "PRON", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "SCONJ", "NOUN", "VERB"]
    pos.append("PUNCT")
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"]
    spaces = [following not in {",", "."} for following in [*words[1:], ""]]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)
    doc.spans["attribution"] = [Span(doc, 7, 8, label="CUE"), Span(doc, 8, 11, label="CONTENT")]
    [statement] = extract_statements(doc, [entity(doc, "e1", "James Mensah", "PERSON", ["James Mensah"])])
    assert statement.source is not None and statement.source.text == "A WHO adviser, James Mensah"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_source_and_cue_spans_lose_punctuation_at_their_ends() -> None:
    doc = marked_doc("[Mayor Elena Petrov,](SOURCE) who won, [said,](CUE) [she was confident](CONTENT).")
    [statement] = extract_statements(doc, [entity(doc, "e1", "Elena Petrov", "PERSON", ["Elena Petrov"])])
    assert statement.source is not None and statement.source.text == "Mayor Elena Petrov"
    assert statement.cue is not None and statement.cue.text == "said"
    assert_offsets(doc, [statement])


TRANSCRIPT = (
    "Fox News host Chris Wallace spoke to Senator Ruth Calloway.\n\n"
    "WALLACE: Why should taxpayers support the bill?\n\n"
    "“CALLOWAY: Because it keeps family farms alive.”\n\n"
    "UPDATE: The vote is on Tuesday."
)


def test_transcript_turns_are_direct_statements_of_the_named_speakers() -> None:
    doc = marked_doc(TRANSCRIPT)
    ents = [
        entity(doc, "e1", "Chris Wallace", "PERSON", ["Chris Wallace"]),
        entity(doc, "e2", "Ruth Calloway", "PERSON", ["Ruth Calloway"]),
    ]
    statements = extract_statements(doc, ents)
    assert [(s.source.text if s.source else None, s.cue.text if s.cue else None) for s in statements] == [
        ("WALLACE", ":"),
        ("CALLOWAY", ":"),
    ]
    first, second = statements
    assert first.content is not None and first.content.text == "Why should taxpayers support the bill"
    assert second.content is not None and second.content.text == "Because it keeps family farms alive"
    assert [s.kind for s in statements] == ["direct", "direct"]
    assert [s.speaker.entity_id if s.speaker else None for s in statements] == ["e1", "e2"]
    assert_offsets(doc, statements)


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The vote is on Tuesday.\n\nCORRECTION: An earlier version misspelled a name.",
        "WALLACE: Why should taxpayers support the bill?\n\nWALLACE: And the price tag?",
    ],
)
def test_capitalised_labels_or_a_single_name_before_a_colon_make_no_transcript(text: str) -> None:
    assert extract_statements(marked_doc(text), []) == []


def test_two_apostrophes_are_a_quote_mark() -> None:
    text = "He said ''It works,'' and left."
    mask = quoted_mask(text)
    inside = "".join(ch for ch, quoted in zip(text, mask, strict=True) if quoted)
    assert inside.strip() == "It works,"
    doc = marked_doc("''[It works](CONTENT),'' [he](SOURCE) [said](CUE).")
    [statement] = extract_statements(doc, [])
    assert statement.kind == "direct"


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_a_cue_with_a_colon_takes_the_quote_after_it(gap: str) -> None:
    doc = marked_doc(f"[Butler](SOURCE) [said](CUE):{gap}“We will meet again. Soon.”")
    [statement] = extract_statements(doc, [])
    assert statement.content is not None and statement.content.text == "We will meet again. Soon"
    assert statement.kind == "direct"


@pytest.mark.parametrize(
    ("after_colon", "content"),
    [
        ("\n\nIt is typical of them. They never stop.", "It is typical of them. They never stop"),
        (" it is typical of them.", None),
        ('\n\n<tweet author="@x">It is typical.</tweet>', None),
    ],
)
def test_a_cue_with_a_colon_ending_its_paragraph_takes_the_next_paragraph(
    after_colon: str, content: str | None
) -> None:
    # GIVEN a cue and a colon, then an unquoted paragraph (a block quote), the same sentence, or markup
    doc = marked_doc(f"[The governor](SOURCE) [added](CUE):{after_colon}")
    [statement] = extract_statements(doc, [])
    # THEN only the block quote is the content, and it is quoted speech
    assert (statement.content.text if statement.content else None) == content
    assert statement.kind == ("direct" if content else "indirect")


def test_the_airline_is_the_organisation_the_article_names_most() -> None:
    doc = marked_doc(
        "Skyline Airways canceled flights, Skyline Airways said, and the FAA agreed. "
        "[The airline](SOURCE) [said](CUE) [most flights would resume](CONTENT)."
    )
    ents = [
        entity(doc, "e1", "Skyline Airways", "ORG", ["Skyline Airways"]),
        entity(doc, "e2", "Federal Aviation Administration", "ORG", ["FAA"]),
    ]
    [statement] = extract_statements(doc, ents)
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_pronoun_after_a_quote_is_the_subject_of_the_sentence_before() -> None:
    words = ["Whitaker", "said", "no", ".", "Bennett", "apologized", ".", '"', "We", "erred", ",", '"', "she"]
    words += ["said", "."]
    heads = [1, 1, 1, 1, 5, 5, 5, 13, 9, 13, 13, 13, 13, 13, 13]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "punct"]
    deps += ["punct", "nsubj", "ROOT", "punct"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps)
    doc.spans["attribution"] = [
        Span(doc, 0, 1, label="SOURCE"),
        Span(doc, 1, 2, label="CUE"),
        Span(doc, 2, 3, label="CONTENT"),
        Span(doc, 8, 10, label="CONTENT"),
        Span(doc, 12, 13, label="SOURCE"),
        Span(doc, 13, 14, label="CUE"),
    ]
    ents = [
        entity(doc, "e1", "Paul Whitaker", "PERSON", ["Whitaker"]),
        entity(doc, "e2", "Laura Bennett", "PERSON", ["Bennett"]),
    ]
    first, second = extract_statements(doc, ents)
    assert first.speaker is not None and first.speaker.entity_id == "e1"
    assert second.speaker is not None and second.speaker.entity_id == "e2"  # not the last one quoted


@pytest.mark.parametrize(
    ("head", "preposition", "name", "resolved"),
    [
        ("Passengers", "at", "Skyline Airways", None),
        ("Employees", "at", "Skyline Airways", "e1"),
        ("Estimates", "at", "Skyline Airways", None),
        ("Estimates", "by", "Avanta Partners", "e1"),  # named after "by": the speaker
    ],
)
def test_a_plural_head_speaks_for_the_organisation_after_it_only_as_its_members_or_after_by(
    head: str, preposition: str, name: str, resolved: str | None
) -> None:
    words = [head, preposition, *name.split(), "described", "delays", "."]
    tags = ["NNS", "IN", "NNP", "NNP", "VBD", "NNS", "."]
    doc = Doc(
        NLP.vocab,
        words=words,
        tags=tags,
        heads=[4, 3, 3, 0, 4, 4, 4],
        deps=["nsubj", "case", "compound", "nmod", "ROOT", "dobj", "punct"],
    )
    doc.spans["attribution"] = [
        Span(doc, 0, 4, label="SOURCE"),
        Span(doc, 4, 5, label="CUE"),
        Span(doc, 5, 6, label="CONTENT"),
    ]
    [statement] = extract_statements(doc, [entity(doc, "e1", name, "ORG", [name])])
    assert statement.speaker is not None and statement.speaker.entity_id == resolved


@pytest.mark.parametrize(
    ("source", "resolved"),
    [
        ("Officials at the FAA", "e1"),
        ("Sources in Moscow", "e2"),
        ("Aides to Senator Ruth Calloway", None),
        ("Senator Ruth Calloway", "e3"),
    ],
)
def test_members_of_an_organisation_speak_for_it_but_aides_to_a_person_are_not_her(
    source: str, resolved: str | None
) -> None:
    doc = marked_doc(f"[{source}](SOURCE) [said](CUE) [the vote would wait](CONTENT).")
    ents = [
        entity(doc, "e1", "Federal Aviation Administration", "ORG", ["FAA"]),
        entity(doc, "e2", "Moscow", "LOC", ["Moscow"]),
        entity(doc, "e3", "Ruth Calloway", "PERSON", ["Ruth Calloway"]),
    ]
    [statement] = extract_statements(doc, ents)
    assert statement.speaker is not None and statement.speaker.entity_id == resolved


def test_a_medium_phrase_is_cut_from_a_source_and_from_a_short_content() -> None:
    # GIVEN the model's source and content run on into "in a letter ..." / "in a statement"
    doc = marked_doc(
        "[The department in a letter to county commissioners](SOURCE) [said](CUE) "
        "[the cracks were small](CONTENT).\n\n"
        "[Cascade Hydro](SOURCE) [denied](CUE) [that in a statement](CONTENT).\n"
    )
    ents = [entity(doc, "e1", "Cascade Hydro", "ORG", ["Cascade Hydro"])]
    letter, denial = extract_statements(doc, ents)
    # THEN the medium is reported as such and is part of neither
    assert letter.source is not None and letter.source.text == "The department"
    assert letter.medium == "letter"
    assert denial.content is not None and denial.content.text == "that"
    assert denial.medium == "statement"


def test_a_medium_phrase_after_a_clause_stays_in_the_content() -> None:
    doc = marked_doc("[Stein](SOURCE) [said](CUE) [she will stream her reaction on Twitter](CONTENT).")
    [statement] = extract_statements(doc, [entity(doc, "e1", "Jill Stein", "PERSON", ["Stein"])])
    assert (
        statement.content is not None and statement.content.text == "she will stream her reaction on Twitter"
    )
    assert statement.medium is None


@pytest.mark.parametrize("dateline", ["MILLBROOK, Ore. — ", "WASHINGTON -- ", "NEWPORT NEWS, Va. - "])
def test_a_dateline_is_not_part_of_the_content(dateline: str) -> None:
    doc = marked_doc(
        f"Dam cracks\n\n[{dateline}Inspectors found new cracks](CONTENT), [officials](SOURCE) [said](CUE).\n"
    )
    [statement] = extract_statements(doc, [])
    assert statement.content is not None and statement.content.text == "Inspectors found new cracks"


@pytest.mark.parametrize(("platform", "medium"), [("X", "X"), ("Truth Social", "Truth Social"), ("x", None)])
def test_platforms_are_media_and_a_lower_case_x_is_not(platform: str, medium: str | None) -> None:
    doc = marked_doc(f"[Dolan](SOURCE) [posted](CUE) on {platform} [that talks failed](CONTENT).")
    [statement] = extract_statements(doc, [entity(doc, "e1", "Mick Dolan", "PERSON", ["Dolan"])])
    assert statement.medium == medium


@pytest.mark.parametrize(
    ("sentence", "medium"),
    [
        (
            "[Researchers](SOURCE) [reported](CUE) on Thursday in The [Lancet](ORG) "
            "[that cases fell](CONTENT).",
            "The Lancet",
        ),
        (
            "[The team](SOURCE) [wrote](CUE) in [The New England Journal of Medicine](ORG) "
            "[that it worked](CONTENT).",
            "The New England Journal of Medicine",
        ),
        ("[Lee](SOURCE) [said](CUE) in [Geneva](LOC) [that it worked](CONTENT).", None),
        (
            '[Ostrowski](SOURCE) [said](CUE) on [CNN](ORG)\'s "State of the Union" [that she ran](CONTENT).',
            "CNN",
        ),
        ("[Ostrowski](SOURCE) [said](CUE) on [Monday](DATE) [that she would](CONTENT).", None),
    ],
)
def test_a_publication_after_a_writing_cue_is_its_medium(sentence: str, medium: str | None) -> None:
    [statement] = extract_statements(marked_doc(sentence), [])
    assert statement.medium == medium


def test_a_source_that_names_its_medium_gives_the_medium() -> None:
    doc = marked_doc(
        "[Russia is ready to talk](CONTENT), [a statement from the Kremlin](SOURCE) [said](CUE)."
    )
    [statement] = extract_statements(doc, [entity(doc, "e1", "Kremlin", "ORG", ["Kremlin"])])
    assert statement.medium == "statement"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_medium_alone_as_source_speaks_for_whoever_issued_it() -> None:
    # GIVEN a quote the company gave in a statement, then "The statement said ..."
    doc = marked_doc(
        "[Voltra](SOURCE) [recalled](CUE) [the bikes](CONTENT). [Safety first](CONTENT), "
        "[the company](SOURCE) [said](CUE) in a statement. "
        "[Pieter Berg](SOURCE) [wrote](CUE) [sorry](CONTENT). "
        "[The statement](SOURCE) [said](CUE) [owners would get batteries](CONTENT)."
    )
    voltra = entity(doc, "e1", "Voltra", "ORG", ["Voltra"])
    berg = entity(doc, "e2", "Pieter Berg", "PERSON", ["Pieter Berg"])
    statements = extract_statements(doc, [voltra, berg])
    last = statements[-1]
    # THEN it is the company's, through the statement, although someone else spoke in between
    assert last.speaker is not None and last.speaker.entity_id == "e1"
    assert last.medium == "statement"


def test_one_quoted_word_makes_an_indirect_statement_mixed() -> None:
    doc = marked_doc(
        '[He](SOURCE) [said](CUE) [the talks had been "frank" and that nothing at all had been settled '
        "on steel tariffs](CONTENT)."
    )
    [statement] = extract_statements(doc, [])
    assert statement.kind == "mixed"


def test_a_dateline_is_not_part_of_the_source() -> None:
    doc = marked_doc(
        "Talks stall\n\n[WASHINGTON — Senate negotiators](SOURCE) [said](CUE) [talks had stalled](CONTENT).\n"
    )
    [statement] = extract_statements(doc, [])
    assert statement.source is not None and statement.source.text == "Senate negotiators"


def test_according_to_someone_who_is_described_takes_the_clause_after_the_description() -> None:
    doc = marked_doc(
        "[According to](CUE) [Barnaby Phillips](SOURCE), who has written a history of the bronzes, "
        "more than 3,000 objects were taken."
    )
    [statement] = extract_statements(
        doc, [entity(doc, "e1", "Barnaby Phillips", "PERSON", ["Barnaby Phillips"])]
    )
    assert statement.content is not None and statement.content.text == "more than 3,000 objects were taken"


def test_a_name_joined_by_and_the_role_before_the_source_is_part_of_the_source() -> None:
    doc = marked_doc(
        "[Lakeside](ORG) and the buyer, [Granite Ridge](SOURCE), [said](CUE) "
        "[that they would appeal](CONTENT)."
    )
    ents = [
        entity(doc, "e1", "Lakeside Media", "ORG", ["Lakeside"]),
        entity(doc, "e2", "Granite Ridge", "ORG", ["Granite Ridge"]),
    ]
    [statement] = extract_statements(doc, ents)
    assert statement.source is not None and statement.source.text == "Lakeside and the buyer, Granite Ridge"
    assert statement.speaker is not None and statement.speaker.members == ("e1", "e2")


def test_prose_in_the_next_sentence_is_not_the_cues_content_but_a_quote_or_a_complement_is() -> None:
    # GIVEN a paraphrase, then a sentence the model also marked as content (prose, not a quote)
    doc = marked_doc(
        "[Two people](SOURCE) [said](CUE) [leaders discussed a stopgap](CONTENT). They spoke on "
        "[condition of anonymity](CONTENT)."
    )
    [statement] = extract_statements(doc, [])
    assert statement.content is not None and statement.content.text == "leaders discussed a stopgap"
    assert statement.content.fragments is None
    # a quote in the next sentence is still a fragment of the cue's content
    doc = marked_doc('"[It failed](CONTENT)," [Lin](SOURCE) [said](CUE). "[It will fail again](CONTENT)."')
    [statement] = extract_statements(doc, [])
    assert statement.content is not None and statement.content.fragments is not None


def test_a_source_keeps_a_closing_bracket_and_a_bracketed_party_is_no_role() -> None:
    doc = marked_doc("[Sen. Curtis Rowe (R-Idaho](SOURCE)) [said](CUE) [the money was a condition](CONTENT).")
    [statement] = extract_statements(doc, [])
    assert statement.source is not None and statement.source.text == "Sen. Curtis Rowe (R-Idaho)"


def test_an_agency_known_as_a_name_is_that_name_and_so_is_the_agency_before_it() -> None:
    text = (
        "Forty people died, [the country's disaster agency](SOURCE) [said](CUE). [The agency](SOURCE), "
        "known as AFAD, [said](CUE) [more quakes followed](CONTENT)."
    )
    doc = marked_doc(text)
    start = doc.text.index("AFAD")
    afad = Entity(id="e1", name="AFAD", label="ORG", mentions=[TextSpan.of(doc.text, start, start + 4)])
    doc.ents = [doc.char_span(start, start + 4, label="ORG")]
    first, second = extract_statements(doc, [afad])
    assert second.source is not None and second.source.text == "The agency, known as AFAD"
    assert [s.speaker.entity_id if s.speaker else None for s in (first, second)] == ["e1", "e1"]


def test_as_she_put_it_is_a_statement_of_hers() -> None:
    doc = marked_doc("Joan Mercer voted no. As she put it during the debate, landlords will stop renting.")
    mercer = entity(doc, "e1", "Joan Mercer", "PERSON", ["Joan Mercer"])
    [statement] = extract_statements(doc, [mercer])
    assert (statement.source and statement.source.text, statement.cue and statement.cue.text) == (
        "she",
        "put it",
    )
    assert statement.content is not None and statement.content.text == "landlords will stop renting"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_date_is_never_a_cue() -> None:
    doc = marked_doc(
        "[Virkkunen](SOURCE) [told](CUE) the Parliament [last week](CUE) [that she was open](CONTENT)."
    )
    start = doc.text.index("last week")
    doc.ents = [doc.char_span(start, start + len("last week"), label="DATE")]
    [told] = extract_statements(doc, [])
    assert told.cue is not None and told.cue.text == "told"


@pytest.mark.parametrize(
    ("sentence", "medium"),
    [
        ("[The club](SOURCE) [said](CUE) on its website [that Okafor had signed](CONTENT).", "website"),
        (
            "[Liu](SOURCE) [told](CUE) jurors in closing arguments [that he sold](CONTENT).",
            "closing arguments",
        ),
        ("[Liu](SOURCE) [told](CUE) jurors in court filings [that he sold](CONTENT).", "court filings"),
        ("[Analysts](SOURCE) [wrote](CUE) in a research note [that cuts help](CONTENT).", "research note"),
        (
            "[Reyes](SOURCE) [said](CUE) at a news conference [that men were caught](CONTENT).",
            "news conference",
        ),
        (
            "[Reyes](SOURCE) [said](CUE) in her post-match news conference [that it was](CONTENT).",
            "news conference",
        ),
        ("[Reyes](SOURCE) [said](CUE) at a briefing [that men were caught](CONTENT).", "briefing"),
        ("[Judge Lee](SOURCE) [wrote](CUE) in a 42-page ruling [that it misled](CONTENT).", "ruling"),
        (
            "In a fundraising email, [the RNC](SOURCE) [accused](CUE) [Democrats of lying](CONTENT).",
            "fundraising email",
        ),
        ("[Mensch](SOURCE) [wrote](CUE) in a LinkedIn post [that Europe lags](CONTENT).", "LinkedIn post"),
        ("[Reyes](SOURCE) [said](CUE) at the airport [that men were caught](CONTENT).", None),
        ("[Popescu](SOURCE) [said](CUE) on Romanian television [that it works](CONTENT).", "television"),
        ("[Carrera](SOURCE) [said](CUE) on his weekly podcast [that it works](CONTENT).", "podcast"),
        ("[Mintz](SOURCE) [wrote](CUE) in a text message [that he would appeal](CONTENT).", "text message"),
        ("In a sentencing memo, [they](SOURCE) [wrote](CUE) [that he lied](CONTENT).", "sentencing memo"),
        (
            "In a 2004 interview, [Okonkwo](SOURCE) [said](CUE) [she had faced hostility](CONTENT).",
            "interview",
        ),
        ("[Lumen](SOURCE) [said](CUE) in a regulatory filing [that it had grown](CONTENT).", "filing"),
        ("[The agency](SOURCE) [said](CUE) in a notification [that deals stand](CONTENT).", "notification"),
        (
            "[Diaz](SOURCE) [told](CUE) analysts on a conference call [that it grew](CONTENT).",
            "conference call",
        ),
        ("[The federation](SOURCE) [said](CUE) in a brief statement [that she fell](CONTENT).", "statement"),
        (
            "[Brandt](SOURCE) was [quoted in the analysis as saying](CUE) [that it works](CONTENT).",
            "analysis",
        ),
        ("[According to](CUE) [an analysis by the institute](SOURCE), [costs rose](CONTENT).", "analysis"),
    ],
)
def test_medium_phrases(sentence: str, medium: str | None) -> None:
    [statement] = extract_statements(marked_doc(sentence), [])
    assert statement.medium == medium


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("‘We have acted,’ she said.", ["We have acted,"]),
        ("He called it ‘a U-turn’ and the teachers’ union agreed.", ["a U-turn"]),
        ("‘The teachers’ union is strong,’ he said.", ["The teachers’ union is strong,"]),
        ("‘It’s back to the ’90s,’ he said.", ["It’s back to the ’90s,"]),
        ("“It’s ‘fine’,” she said.", ["It’s ‘fine’,"]),  # double marks: single ones only nest
        # straight single marks, when two or more open a word; an elision or plural possessive is no mark
        (
            "'We know,' he said. 'It's back to the '80s for the families' bills.'",
            ["We know,", "It's back to the '80s for the families' bills."],
        ),
        ("'Then we fight.\n\n'We will win,' he said.", ["Then we fight.", "We will win,"]),  # a quote goes on
        ("Rock 'n' roll is back in the '80s style, he said.", []),  # never two openings
    ],
)
def test_an_article_that_quotes_with_single_marks_has_them_as_quotation_marks(
    text: str, quoted: list[str]
) -> None:
    mask = quoted_mask(text)
    runs, start = [], None
    for i, inside in enumerate([*mask, False]):
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            runs.append(text[start:i])
            start = None
    assert runs == quoted


def test_single_quotation_marks_make_direct_and_mixed_statements_and_close_an_inverted_quote() -> None:
    doc = marked_doc(
        "[Stride](SOURCE) [called](CUE) [the decision ‘a U-turn’](CONTENT). "
        "‘[We acted](CONTENT),’ [she](SOURCE) [said](CUE)."
    )
    first, second = extract_statements(doc, [])
    assert (first.kind, second.kind) == ("mixed", "direct")
    assert second.content is not None and second.content.text == "We acted"


def test_the_attribution_model_reads_single_quotation_marks_as_the_double_ones_it_was_trained_on() -> None:
    from newsextract.nlp.attribution import bare_copy

    doc = NLP("‘We acted,’ she said of the teachers’ union.")
    copy = bare_copy(doc)
    assert copy.text == "“We acted,” she said of the teachers’ union."
    assert [t.idx for t in copy] == [t.idx for t in doc]


def test_source_that_starts_inside_a_name_takes_the_whole_name() -> None:
    doc = NLP("The Norwegian Transport Workers' Union said the strike would go on.")
    text = doc.text
    name = text.index("Norwegian")
    doc.ents = [doc.char_span(name, text.index(" said"), label="ORG")]
    doc.spans["attribution"] = [
        doc.char_span(text.index("Union"), text.index(" said"), label="SOURCE"),
        doc.char_span(text.index("said"), text.index(" the strike"), label="CUE"),
        doc.char_span(text.index("the strike"), len(text) - 1, label="CONTENT"),
    ]
    union = entity(
        doc, "e1", "Norwegian Transport Workers' Union", "ORG", ["Norwegian Transport Workers' Union"]
    )
    [statement] = extract_statements(doc, [union])
    assert statement.source is not None and statement.source.text == "The Norwegian Transport Workers' Union"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_source_inside_a_name_the_ner_ran_over_a_line_break_keeps_to_its_own_line() -> None:
    # GIVEN a heading "Plan B." and "Sanders said ..." that the NER tagged as one name
    doc = NLP("Plan B.\n\nSanders said he would stay in the race.")
    text = doc.text
    doc.ents = [doc.char_span(0, text.index(" said"), label="MISC")]
    doc.spans["attribution"] = [
        doc.char_span(text.index("Sanders"), text.index(" said"), label="SOURCE"),
        doc.char_span(text.index("said"), text.index(" he"), label="CUE"),
        doc.char_span(text.index("he would"), len(text) - 1, label="CONTENT"),
    ]
    [statement] = extract_statements(doc, [])
    # THEN the source is the name on the cue's line only
    assert statement.source is not None and statement.source.text == "Sanders"


def test_source_ending_in_who_runs_on_to_the_names_before_the_cue() -> None:
    doc = marked_doc(
        "[The two members who](SOURCE) voted against it, [Gary Voss](PERSON) and [Helen Park](PERSON), "
        "[said](CUE) [the plan was rushed](CONTENT)."
    )
    people = [
        entity(doc, "e1", "Gary Voss", "PERSON", ["Gary Voss"]),
        entity(doc, "e2", "Helen Park", "PERSON", ["Helen Park"]),
    ]
    [statement] = extract_statements(doc, people)
    assert statement.source is not None
    assert statement.source.text == "The two members who voted against it, Gary Voss and Helen Park"
    assert statement.speaker is not None and statement.speaker.entity_id in {"e1", "e2", None}
    assert statement.speaker.name != "The two members who"


def test_unnamed_organisation_is_the_one_whose_name_opens_the_next_source() -> None:
    doc = marked_doc(
        "[Growers expect a small harvest](CONTENT), [the regional farmers' association](SOURCE) "
        "[said](CUE).\n\n[Asaja Andalucia](SOURCE), which represents 20,000 farms, [said](CUE) "
        "[the crop could fall](CONTENT)."
    )
    asaja = entity(doc, "e1", "Asaja Andalucia", "ORG", ["Asaja Andalucia"])
    first, second = extract_statements(doc, [asaja])
    assert first.speaker is not None and first.speaker.entity_id == "e1"
    assert second.speaker is not None and second.speaker.entity_id == "e1"


def test_unnamed_union_is_not_the_company_named_next_and_keeps_its_words() -> None:
    doc = marked_doc(
        "[Workers walked out](CONTENT), [their union](SOURCE) [said](CUE).\n\n"
        "[Nordvik Holdings](SOURCE) [said](CUE) [it regretted the strike](CONTENT)."
    )
    company = entity(doc, "e1", "Nordvik Holdings", "ORG", ["Nordvik Holdings"])
    first, _ = extract_statements(doc, [company])
    assert first.speaker is not None and first.speaker.entity_id is None
    assert first.speaker.name == "their union"


def test_approximator_before_a_number_opens_the_content_not_the_cue() -> None:
    doc = marked_doc("[A spokeswoman](SOURCE) [said about](CUE) [250 million euros were set aside](CONTENT).")
    [statement] = extract_statements(doc, [])
    assert statement.cue is not None and statement.cue.text == "said"
    assert (
        statement.content is not None and statement.content.text == "about 250 million euros were set aside"
    )


@pytest.mark.parametrize(
    ("opening", "medium"),
    [
        ("In its latest report, released on Tuesday,", "report"),
        ("In its monthly oil market report,", "report"),
        ("At a council meeting in March,", "council meeting"),
    ],
)
def test_a_medium_opening_the_sentence_with_qualifiers(opening: str, medium: str) -> None:
    doc = marked_doc(f"{opening} [the group](SOURCE) [predicted](CUE) [that demand would grow](CONTENT).")
    [statement] = extract_statements(doc, [])
    assert statement.medium == medium


def test_a_person_and_her_colleagues_speak_as_the_person() -> None:
    doc = marked_doc(
        "Dr. Ingrid Hysing led the study. [She and her colleagues](SOURCE) [cautioned](CUE) "
        "[that it proves nothing](CONTENT)."
    )
    hysing = entity(doc, "e1", "Ingrid Hysing", "PERSON", ["Ingrid Hysing"])
    [statement] = extract_statements(doc, [hysing])
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_their_union_is_the_association_whose_name_opens_the_next_source() -> None:
    filler = "The talks had run for months. " * 25  # the source after next is over 600 characters away
    doc = marked_doc(
        "[Pilots rejected the deal](CONTENT), [their union](SOURCE) [said](CUE).\n\n"
        "[The Air Line Pilots Association](SOURCE) [said](CUE) [most members voted no](CONTENT).\n\n"
        f"{filler}\n\n[Rosa Delgado](SOURCE) [said](CUE) [members were angry](CONTENT)."
    )
    union = entity(doc, "e1", "Air Line Pilots Association", "ORG", ["Air Line Pilots Association"])
    delgado = entity(doc, "e2", "Rosa Delgado", "PERSON", ["Rosa Delgado"])
    first, second, _ = extract_statements(doc, [union, delgado])
    assert first.speaker is not None and first.speaker.entity_id == "e1"
    assert second.speaker is not None and second.speaker.entity_id == "e1"


def test_he_after_an_unnamed_ranger_is_the_ranger() -> None:
    doc = marked_doc(
        "Paul Gathitu spoke first. [A ranger](SOURCE) [said](CUE) "
        "[the fence was cut](CONTENT). “[We heard nothing](CONTENT),” [he](SOURCE) [said](CUE)."
    )
    gathitu = entity(doc, "e1", "Paul Gathitu", "PERSON", ["Paul Gathitu"])
    _, quote = extract_statements(doc, [gathitu])
    assert quote.speaker is None or quote.speaker.entity_id is None


def test_a_stretch_of_time_after_the_cue_is_neither_cue_nor_addressee() -> None:
    doc = marked_doc(
        "[Conservation groups](SOURCE) [have warned for](CUE) months [that poaching is rising](CONTENT)."
    )
    [statement] = extract_statements(doc, [])
    assert statement.cue is not None and statement.cue.text == "have warned"
    assert statement.addressee is None


@pytest.mark.parametrize(
    ("gathering", "medium"),
    [("a news conference", "news conference"), ("a regular briefing", "briefing"), ("reporters", None)],
)
def test_a_news_conference_told_is_the_medium_not_the_addressee(gathering: str, medium: str | None) -> None:
    doc = marked_doc(f"[The governor](SOURCE) [told](CUE) {gathering} [that rates would stay](CONTENT).")
    [statement] = extract_statements(doc, [])
    assert statement.medium == medium
    assert statement.addressee == (None if medium else "reporters")


def test_the_premier_league_club_is_the_club_not_the_league() -> None:
    doc = marked_doc(
        "Brighton signed a winger from PSV on Monday. Brighton paid a record fee. "
        "[The Premier League club](SOURCE) [said](CUE) [the deal was done](CONTENT)."
    )
    brighton = entity(doc, "e1", "Brighton", "ORG", ["Brighton"])
    psv = entity(doc, "e2", "PSV", "ORG", ["PSV"])
    league = entity(doc, "e3", "Premier League", "ORG", ["Premier League"])
    [statement] = extract_statements(doc, [brighton, psv, league])
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_surname_the_ner_left_untagged_before_a_relative_clause_is_the_person() -> None:
    doc = marked_doc(
        "Amara Osei retired on Sunday. [Osei, who won twice](SOURCE), [said](CUE) [she would coach](CONTENT)."
    )
    osei = entity(doc, "e1", "Amara Osei", "PERSON", ["Amara Osei"])
    [statement] = extract_statements(doc, [osei])
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_the_force_is_the_police_named_before() -> None:
    doc = marked_doc(
        "West Yorkshire Police charged a man on Sunday. [He will appear in court](CONTENT), "
        "[the force](SOURCE) [said](CUE)."
    )
    police = entity(doc, "e1", "West Yorkshire Police", "ORG", ["West Yorkshire Police"])
    [statement] = extract_statements(doc, [police])
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_both_candidates_are_the_two_people_who_spoke_last() -> None:
    doc = marked_doc(
        "[Kelly Brough](SOURCE) [said](CUE) [the city had lost control](CONTENT). "
        "[Mike Johnston](SOURCE) [said](CUE) [her plan would cost too much](CONTENT). "
        "[Both candidates](SOURCE) [said](CUE) [they would keep the police chief](CONTENT)."
    )
    brough = entity(doc, "e1", "Kelly Brough", "PERSON", ["Kelly Brough"])
    johnston = entity(doc, "e2", "Mike Johnston", "PERSON", ["Mike Johnston"])
    *_, both = extract_statements(doc, [brough, johnston])
    assert both.speaker is not None and both.speaker.members == ("e1", "e2")
    assert both.speaker.name == "Kelly Brough and Mike Johnston"


def test_court_papers_are_a_medium() -> None:
    doc = marked_doc("[Prosecutors](SOURCE) [said](CUE) in court papers [that he lied](CONTENT).")
    [statement] = extract_statements(doc, [])
    assert statement.medium == "court papers"


def test_their_union_is_not_an_organisation_named_before_it() -> None:
    doc = marked_doc(
        "Acme Transport runs the port. [Workers walked out](CONTENT), [their union](SOURCE) [said](CUE).\n\n"
        "[Acme Transport](SOURCE) [said](CUE) [it regretted the strike](CONTENT)."
    )
    acme = entity(doc, "e1", "Acme Transport", "ORG", ["Acme Transport"])
    union, _ = extract_statements(doc, [acme])
    assert union.speaker is not None and union.speaker.entity_id is None


@pytest.mark.parametrize(
    ("marked", "names", "source"),
    [
        (
            "Its co-founders, [Lena Brandt](PERSON) and [Tomasz Wojcik](SOURCE), [said](CUE) "
            "[the money would pay for a factory](CONTENT).",
            ["Lena Brandt", "Tomasz Wojcik"],
            "Lena Brandt and Tomasz Wojcik",
        ),
        (
            "[Britain](LOC), [France](LOC) and [Germany](SOURCE) [said](CUE) [talks would resume](CONTENT).",
            ["Britain", "France", "Germany"],
            "Britain, France and Germany",
        ),
    ],
)
def test_names_joined_by_and_before_a_source_the_model_cut_are_part_of_it(
    marked: str, names: list[str], source: str
) -> None:
    doc = marked_doc(marked)
    label = doc.ents[0].label_
    cut = next(span for span in doc.spans["attribution"] if span.label_ == "SOURCE")
    doc.ents = [*doc.ents, Span(doc, cut.start, cut.end, label=label)]  # the last name is an entity too
    ents = [entity(doc, f"e{i}", name, label, [name]) for i, name in enumerate(names, 1)]
    [statement] = extract_statements(doc, ents)
    assert statement.source is not None and statement.source.text == source
    assert statement.speaker is not None and len(statement.speaker.members) == len(names)


def test_a_plural_source_takes_in_its_relative_clause_and_the_two_people_apposed_before_the_cue() -> None:
    doc = marked_doc(
        "[The two board members](SOURCE) who voted no, [Chanda Smart](PERSON) and [Robert Butler](PERSON), "
        "[said](CUE) [the board should wait](CONTENT)."
    )
    doc[3].tag_ = "NNS"  # "members"
    ents = [
        entity(doc, "e1", "Chanda Smart", "PERSON", ["Chanda Smart"]),
        entity(doc, "e2", "Robert Butler", "PERSON", ["Robert Butler"]),
    ]
    [statement] = extract_statements(doc, ents)
    expected = "The two board members who voted no, Chanda Smart and Robert Butler"
    assert statement.source is not None and statement.source.text == expected
    assert statement.speaker is not None and statement.speaker.members == ("e1", "e2")


def test_a_quote_marked_on_over_its_own_attribution_is_split_into_quote_source_and_cue() -> None:
    doc = marked_doc(
        "'[They want trees,' the president of the farmers' association told the crowd from a "
        "trailer](CONTENT). "
        "'Then they will ask why,' she said."
    )
    for token in doc:
        token.pos_ = "VERB" if token.text in {"told", "said", "want", "ask"} else "NOUN"
    first = extract_statements(doc, [])[0]
    assert first.cue is not None and first.cue.text == "told"
    assert first.source is not None and first.source.text == "the president of the farmers' association"
    assert first.content is not None and first.content.text == "They want trees"
    assert first.kind == "direct"


def test_she_after_a_statement_inside_her_own_content_is_not_the_name_that_opens_it() -> None:
    # GIVEN "Arnaud said the kitchen is calm. Vernay still tastes every sauce, she said." with the model
    # marking "still tastes" as a cue inside the content of "she said"
    doc = NLP("Arnaud said the kitchen is calm. Vernay still tastes every sauce, she said.")
    text = doc.text

    def marked(surface: str, label: str, start: int = 0) -> Span:
        begin = text.index(surface, start)
        found = doc.char_span(begin, begin + len(surface), label=label)
        assert found is not None
        return found

    doc.spans["attribution"] = [
        marked("Arnaud", "SOURCE"),
        marked("said", "CUE"),
        marked("the kitchen is calm", "CONTENT"),
        marked("Vernay", "SOURCE"),
        marked("still tastes", "CUE"),
        marked("every sauce", "CONTENT"),
        marked("she", "SOURCE"),
        marked("said", "CUE", text.index("she")),
    ]
    arnaud = entity(doc, "e1", "Mathilde Arnaud", "PERSON", ["Arnaud"])
    vernay = entity(doc, "e2", "Solène Vernay", "PERSON", ["Vernay"])
    statements = extract_statements(doc, [arnaud, vernay])
    she = next(s for s in statements if s.source is not None and s.source.text == "she")
    assert she.speaker is not None and she.speaker.entity_id == "e1"


def test_the_reason_a_source_goes_unnamed_is_no_statement_and_gives_back_the_real_one() -> None:
    # GIVEN the model marking why sources stay anonymous as attributions, once running its content on over
    # the real cue ("... to discuss [the case said the portal failed]")
    doc = marked_doc(
        "[Two officials](SOURCE) [were not authorised](CUE) to discuss "
        "[the case said the portal failed](CONTENT). "
        "A clerk, [who](SOURCE) [asked](CUE) [not to be named](CONTENT), "
        "[said](CUE) [the count was slow](CONTENT). "
        "[She](SOURCE) [declined](CUE) [to give her name](CONTENT). "
        "[Roe](SOURCE) [declined](CUE) [to comment](CONTENT)."
    )
    for token in doc:
        token.pos_ = "VERB" if token.text == "said" else "NOUN"
    statements = extract_statements(doc, [])
    # THEN no statement is the reason, the run-on content gives its speech verb back, and the relative
    # pronoun of the anonymity clause does not become the source of the verb after it
    assert [(s.cue.text if s.cue else None, s.content.text if s.content else None) for s in statements] == [
        ("said", "the portal failed"),
        ("said", "the count was slow"),
        ("declined", "to comment"),
    ]
    assert statements[0].source is not None and statements[0].source.text == "Two officials"
    assert statements[1].source is None or statements[1].source.text != "who"


def test_a_reason_for_anonymity_marked_as_one_cue_without_content_is_no_statement() -> None:
    # GIVEN the model marking the whole reason as the cue ("who [asked not to be named]"), no content after it
    doc = marked_doc(
        "A guard, [who](SOURCE) [asked not to be named](CUE), [said](CUE) [the gate was open](CONTENT). "
        "[Two aides](SOURCE) [spoke on condition of anonymity](CUE)."
    )
    for token in doc:
        token.pos_ = "VERB" if token.text == "said" else "NOUN"
    statements = extract_statements(doc, [])
    # THEN only the real statement is left, and "who" is not its source
    assert [(s.cue.text if s.cue else None, s.content.text if s.content else None) for s in statements] == [
        ("said", "the gate was open")
    ]
    assert statements[0].source is None or statements[0].source.text != "who"


def test_a_source_of_only_the_letters_after_a_name_is_the_name() -> None:
    doc = marked_doc(
        "A spokesman, [Martin Dunne](PERSON) [MSP](SOURCE) [argued](CUE) [it was avoidable](CONTENT)."
    )
    dunne = entity(doc, "e1", "Martin Dunne", "PERSON", ["Martin Dunne"])
    [statement] = extract_statements(doc, [dunne])
    assert statement.source is not None and statement.source.text == "Martin Dunne MSP"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_contents_split_only_by_a_space_are_one_span_and_a_line_break_keeps_them_apart() -> None:
    doc = marked_doc(
        "[Vance](SOURCE) [declined](CUE) [to threaten Moscow or declare](CONTENT) [it responsible](CONTENT)."
    )
    people = [entity(doc, "e1", "Vance", "PERSON", ["Vance"])]
    [statement] = extract_statements(doc, people)
    assert statement.content is not None
    assert (statement.content.text, statement.content.fragments) == (
        "to threaten Moscow or declare it responsible",
        None,
    )
    doc = marked_doc("[Vance](SOURCE) [wrote](CUE): “[Moscow is to blame](CONTENT)\n[We must act](CONTENT).”")
    [statement] = extract_statements(doc, people)
    assert statement.content is not None and statement.content.fragments is not None
    assert [doc.text[a:b] for a, b in statement.content.fragments] == ["Moscow is to blame", "We must act"]
    assert_offsets(doc, [statement])


def test_as_reported_by_after_a_cue_is_an_aside_and_the_next_quote_stays_the_speakers() -> None:
    # GIVEN "Butler said, as reported by the AP" with the model marking "reported" as a second cue
    doc = marked_doc(
        '"[They talk every week](CONTENT)," [Butler](SOURCE) [said](CUE), as [reported](CUE) by the AP. '
        '"[They know each other](CONTENT)."'
    )
    butler = entity(doc, "e1", "Dave Butler", "PERSON", ["Butler"])
    statements = extract_statements(doc, [butler])
    # THEN "reported" is no statement and both quotes are Butler's
    assert [s.cue.text for s in statements if s.cue] == ["said"]
    assert all(s.speaker is not None and s.speaker.entity_id == "e1" for s in statements)
    assert any(s.content is not None and "know each other" in s.content.text for s in statements)
