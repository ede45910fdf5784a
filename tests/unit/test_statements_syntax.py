"""Statement rules that read the parse, on hand-parsed Docs in both English label schemes: UD (as
``en_newsextract`` parses) and ClearNLP (as the OntoNotes pipelines such as ``en_core_web_sm`` parse)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsextract.nlp import syntax
from newsextract.nlp.statements import extract_statements
from newsextract.result import Entity, Statement, TextSpan

NLP = spacy.blank("en")


def parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    spans: list[tuple[int, int, str]],
    *,
    tags: list[str] | None = None,
    ents: list[str] | None = None,
    pos: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    spaces = spaces or [following not in {",", ".", "'s"} for following in [*words[1:], ""]]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, ents=ents, pos=pos)
    doc.spans["attribution"] = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def named(doc: Doc, ident: str, name: str, label: str) -> Entity:
    start = doc.text.index(name)
    return Entity(
        id=ident, name=name, label=label, mentions=[TextSpan.of(doc.text, start, start + len(name))]
    )


def only(doc: Doc, entities: list[Entity]) -> Statement:
    [statement] = extract_statements(doc, entities)
    return statement


# "The plan was announced by the ministry ." in both schemes: UD hangs the agent on the verb with "by" as
# its case marker; ClearNLP hangs "by" on the verb (agent) and the noun on "by" (pobj).
PASSIVE_WORDS = ["The", "plan", "was", "announced", "by", "the", "ministry", "."]
PASSIVE = {
    "ud": (
        [1, 3, 3, 3, 6, 6, 3, 3],
        ["det", "nsubj:pass", "aux:pass", "ROOT", "case", "det", "obl:agent", "punct"],
    ),
    "clearnlp": (
        [1, 3, 3, 3, 3, 6, 4, 3],
        ["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct"],
    ),
}


@pytest.mark.parametrize("scheme", sorted(PASSIVE))
def test_passive_agent_and_voice_in_both_schemes(scheme: str) -> None:
    heads, deps = PASSIVE[scheme]
    doc = Doc(NLP.vocab, words=PASSIVE_WORDS, heads=heads, deps=deps)
    verb = doc[3]
    assert syntax.is_passive(verb)
    agent = syntax.passive_agent(verb)
    assert agent is not None and agent.text == "ministry"
    assert syntax.prepositional_objects(verb, "by") == [doc[6]]
    assert not syntax.is_passive(doc[6])


@pytest.mark.parametrize("scheme", sorted(PASSIVE))
@pytest.mark.parametrize("model_source", [True, False])
def test_a_passive_cue_is_spoken_by_its_agent_not_its_subject(scheme: str, model_source: bool) -> None:
    # GIVEN "The plan was announced by the ministry", the model calling "The plan" the source (or nothing)
    heads, deps = PASSIVE[scheme]
    spans = [(2, 4, "CUE"), *([(0, 2, "SOURCE")] if model_source else [])]
    doc = parsed(PASSIVE_WORDS, heads, deps, spans)
    ministry = named(doc, "e1", "ministry", "ORG")
    # THEN the source is the "by" phrase and the speaker the ministry
    statement = only(doc, [ministry])
    assert statement.source is not None and statement.source.text == "the ministry"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_an_active_subject_stays_the_source() -> None:
    words = ["The", "ministry", "announced", "the", "plan", "."]
    doc = parsed(
        words,
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "det", "obj", "punct"],
        [(0, 2, "SOURCE"), (2, 3, "CUE")],
    )
    assert not syntax.is_passive(doc[2]) and syntax.passive_agent(doc[2]) is None
    statement = only(doc, [named(doc, "e1", "ministry", "ORG")])
    assert statement.source is not None and statement.source.text == "The ministry"


@pytest.mark.parametrize("object_label", ["obj", "dobj", "iobj"])
def test_the_object_of_told_is_the_addressee_in_both_schemes(object_label: str) -> None:
    words = ["The", "mayor", "told", "the", "council", "that", "the", "budget", "balanced", "."]
    heads = [1, 2, 2, 4, 2, 8, 7, 8, 2, 2]
    deps = ["det", "nsubj", "ROOT", "det", object_label, "mark", "det", "nsubj", "ccomp", "punct"]
    doc = parsed(words, heads, deps, [(0, 2, "SOURCE"), (2, 3, "CUE"), (5, 9, "CONTENT")])
    assert only(doc, []).addressee == "the council"


def test_when_the_parse_gives_told_no_object_the_noun_phrase_after_it_is_the_addressee() -> None:
    # GIVEN "Delaney told analysts that savings would wait", "analysts" misparsed as the clause's subject
    words = ["Delaney", "told", "analysts", "that", "savings", "would", "wait", "."]
    deps = ["nsubj", "ROOT", "nsubj", "mark", "nsubj", "aux", "ccomp", "punct"]
    doc = parsed(words, [1, 1, 6, 6, 6, 6, 1, 1], deps, [(0, 1, "SOURCE"), (1, 2, "CUE"), (3, 7, "CONTENT")])
    for token, pos in zip(
        doc, ["PROPN", "VERB", "NOUN", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"], strict=True
    ):
        token.pos_ = pos
    assert only(doc, []).addressee == "analysts"


def test_a_name_apposed_to_the_object_of_told_is_part_of_the_addressee() -> None:
    # GIVEN "Ibarra told the newspaper El Universal that she would go", the name tagged as an organisation,
    # and "Ibarra told reporters Mexico would go", whose content opens with a place
    words = ["Ibarra", "told", "the", "newspaper", "El", "Universal", "that", "she", "would", "go", "."]
    heads = [1, 1, 3, 1, 5, 3, 9, 9, 9, 1, 1]
    deps = ["nsubj", "ROOT", "det", "obj", "compound", "appos", "mark", "nsubj", "aux", "ccomp", "punct"]
    ents = ["B-PERSON", "O", "O", "O", "B-ORG", "I-ORG", *["O"] * 5]
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (6, 10, "CONTENT")]
    assert only(parsed(words, heads, deps, spans, ents=ents), []).addressee == "the newspaper El Universal"
    words = ["Ibarra", "told", "reporters", "Mexico", "would", "go", "."]
    deps = ["nsubj", "ROOT", "obj", "nsubj", "aux", "ccomp", "punct"]
    ents = ["B-PERSON", "O", "O", "B-LOC", "O", "O", "O"]
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (3, 6, "CONTENT")]
    doc = parsed(words, [1, 1, 1, 5, 5, 1, 1], deps, spans, ents=ents)
    assert only(doc, []).addressee == "reporters"


# (words, attribution spans, {scheme: (heads, deps)}, (addressee, medium)): "said to", "in a memo to",
# "in an interview with", each parsed as UD and as ClearNLP.
ADDRESSED = {
    "said to reporters": (
        ["Jones", "said", "to", "reporters", "that", "talks", "failed", "."],
        [(0, 1, "SOURCE"), (1, 2, "CUE"), (4, 7, "CONTENT")],
        {
            "ud": (
                [1, 1, 3, 1, 6, 6, 1, 1],
                ["nsubj", "ROOT", "case", "obl", "mark", "nsubj", "ccomp", "punct"],
            ),
            "clearnlp": (
                [1, 1, 1, 2, 6, 6, 1, 1],
                ["nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "ccomp", "punct"],
            ),
        },
        ("reporters", None),
    ),
    "in a memo to staff": (
        ["Ferreira", "confirmed", "the", "cuts", "in", "a", "memo", "to", "staff", "."],
        [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 4, "CONTENT")],
        {
            "ud": (
                [1, 1, 3, 1, 6, 6, 1, 8, 6, 1],
                ["nsubj", "ROOT", "det", "obj", "case", "det", "obl", "case", "nmod", "punct"],
            ),
            "clearnlp": (
                [1, 1, 3, 1, 1, 6, 4, 6, 7, 1],
                ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"],
            ),
        },
        ("staff", "memo"),
    ),
    "in an interview with Bloomberg": (
        ["In", "an", "interview", "with", "Bloomberg", ",", "she", "said", "it", "grew", "."],
        [(6, 7, "SOURCE"), (7, 8, "CUE"), (8, 10, "CONTENT")],
        {
            "ud": (
                [2, 2, 7, 4, 2, 7, 7, 7, 9, 7, 7],
                ["case", "det", "obl", "case", "nmod", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
            ),
            "clearnlp": (
                [7, 2, 0, 2, 3, 7, 7, 7, 9, 7, 7],
                ["prep", "det", "pobj", "prep", "pobj", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
            ),
        },
        ("Bloomberg", "interview"),
    ),
    "on a call with analysts": (
        ["Halvorsen", "said", "on", "a", "call", "with", "analysts", "that", "costs", "rose", "."],
        [(0, 1, "SOURCE"), (1, 2, "CUE"), (7, 10, "CONTENT")],
        {
            "ud": (
                [1, 1, 4, 4, 1, 6, 4, 9, 9, 1, 1],
                ["nsubj", "ROOT", "case", "det", "obl", "case", "nmod", "mark", "nsubj", "ccomp", "punct"],
            ),
            "clearnlp": (
                [1, 1, 1, 4, 2, 4, 5, 9, 9, 1, 1],
                ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "mark", "nsubj", "ccomp", "punct"],
            ),
        },
        ("analysts", "call"),
    ),
    "speaking to reporters": (
        ["Speaking", "to", "reporters", ",", "he", "said", "it", "grew", "."],
        [(4, 5, "SOURCE"), (5, 6, "CUE"), (6, 8, "CONTENT")],
        {
            "ud": (
                [5, 2, 0, 5, 5, 5, 7, 5, 5],
                ["advcl", "case", "obl", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
            ),
            "clearnlp": (
                [5, 0, 1, 5, 5, 5, 7, 5, 5],
                ["advcl", "prep", "pobj", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
            ),
        },
        ("reporters", None),
    ),
}


@pytest.mark.parametrize("scheme", ["ud", "clearnlp"])
@pytest.mark.parametrize("case", sorted(ADDRESSED))
def test_addressee_and_medium_in_both_schemes(case: str, scheme: str) -> None:
    words, spans, schemes, expected = ADDRESSED[case]
    heads, deps = schemes[scheme]
    statement = only(parsed(words, heads, deps, spans), [])
    assert (statement.addressee, statement.medium) == expected


@pytest.mark.parametrize("scheme", ["ud", "clearnlp"])
def test_prepositional_objects_hang_on_the_verb_in_both_schemes(scheme: str) -> None:
    words, _spans, schemes, _expected = ADDRESSED["said to reporters"]
    heads, deps = schemes[scheme]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps)
    assert syntax.prepositional_objects(doc[1], "to") == [doc[3]]


def test_a_speech_verb_the_parse_left_without_subject_takes_the_person_just_before_it() -> None:
    # "Speaking to reporters, union leader Carl Whitmore said the company broke a promise." parsed badly:
    # "Speaking" as the clausal subject, "Whitmore" as punctuation.
    words = [
        "Speaking",
        "to",
        "reporters",
        ",",
        "union",
        "leader",
        "Carl",
        "Whitmore",
        "said",
        "the",
        "company",
    ]
    words += ["broke", "a", "promise", "."]
    heads = [8, 2, 0, 5, 5, 6, 2, 0, 8, 10, 11, 8, 13, 11, 8]
    deps = ["csubj", "case", "obl", "punct", "compound", "nmod", "nmod", "punct", "ROOT", "det", "nsubj"]
    deps += ["ccomp", "det", "obj", "punct"]
    ents = ["O"] * 6 + ["B-PERSON", "I-PERSON"] + ["O"] * 7
    doc = parsed(words, heads, deps, [(8, 9, "CUE"), (9, 14, "CONTENT")], ents=ents)
    statement = only(doc, [named(doc, "e1", "Carl Whitmore", "PERSON")])
    assert statement.source is not None and statement.source.text == "Carl Whitmore"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_source_after_according_to_that_runs_into_the_clause_ends_at_the_comma() -> None:
    words = ["According", "to", "the", "weather", "service", ",", "more", "rain", "could", "fall", "."]
    tags = ["VBG", "IN", "DT", "NN", "NN", ",", "JJR", "NN", "MD", "VB", "."]
    heads = [4, 0, 4, 4, 9, 9, 7, 9, 9, 9, 9]
    deps = ["case", "fixed", "det", "compound", "obl", "punct", "amod", "nsubj", "aux", "ROOT", "punct"]
    doc = parsed(words, heads, deps, [(0, 2, "CUE"), (2, 10, "SOURCE")], tags=tags)
    statement = only(doc, [named(doc, "e1", "weather service", "ORG")])
    assert statement.source is not None and statement.source.text == "the weather service"
    assert statement.content is not None and statement.content.text == "more rain could fall"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


@pytest.mark.parametrize(
    ("tail", "source"),
    [
        (["Alvarez", "steered", "city", "contracts", "to", "developers"], "the indictment"),  # "steered" JJ
        (["a", "watchdog", "group", "based", "in", "Chicago"], None),  # an apposition: the whole source
    ],
)
def test_an_according_to_source_mistagged_without_a_verb_still_ends_at_the_comma(
    tail: list[str], source: str | None
) -> None:
    words = ["According", "to", "the", "indictment", ",", *tail, "."]
    tags = ["VBG", "IN", "DT", "NN", ",", "NNP", "JJ", "NN", "NNS", "IN", "NNS", "."]
    heads = [3, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]
    deps = ["case", "fixed", "det", "ROOT", "punct", "dep", "dep", "dep", "dep", "dep", "dep", "punct"]
    doc = parsed(words, heads, deps, [(0, 2, "CUE"), (2, 11, "SOURCE")], tags=tags)
    statement = only(doc, [])
    assert statement.source is not None
    assert statement.source.text == (source or doc[2:11].text)


def test_a_subject_inside_a_name_takes_the_whole_name() -> None:
    # GIVEN "BRUSSELS Elise van der Meer said it grew." misparsed: "Elise van der" hanging on the dateline,
    # only "Meer" the subject of "said"
    words = ["BRUSSELS", "Elise", "van", "der", "Meer", "said", "it", "grew", "."]
    heads = [0, 2, 0, 0, 5, 0, 7, 5, 5]
    deps = ["ROOT", "compound", "list", "list", "nsubj", "parataxis", "nsubj", "ccomp", "punct"]
    ents = ["B-LOC", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O"]
    doc = parsed(words, heads, deps, [(5, 6, "CUE"), (6, 8, "CONTENT")], ents=ents)
    statement = only(doc, [named(doc, "e1", "Elise van der Meer", "PERSON")])
    assert statement.source is not None and statement.source.text == "Elise van der Meer"


def test_a_name_described_before_a_relative_clause_is_the_source_when_the_parse_gives_none() -> None:
    # GIVEN "Volkwerk, the German carmaker, which sells cars in China, warned that jobs would go." with
    # "warned" hanging on "Volkwerk" as parataxis (no subject)
    words = ["Volkwerk", ",", "the", "German", "carmaker", ",", "which", "sells", "cars", "in", "China", ","]
    words += ["warned", "that", "jobs", "would", "go", "."]
    heads = [0, 4, 4, 4, 0, 7, 7, 4, 7, 10, 8, 12, 0, 16, 16, 16, 12, 0]
    deps = ["ROOT", "punct", "det", "amod", "appos", "punct", "nsubj", "acl:relcl", "obj", "case", "nmod"]
    deps += ["punct", "parataxis", "mark", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "PRON", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"]
    pos += ["VERB", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"]
    ents = ["B-ORG", "O", "O", "B-MISC", *["O"] * 6, "B-LOC", *["O"] * 7]
    doc = parsed(words, heads, deps, [(12, 13, "CUE"), (13, 17, "CONTENT")], ents=ents)
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    statement = only(doc, [named(doc, "e1", "Volkwerk", "ORG")])
    assert statement.source is not None and statement.source.text == "Volkwerk, the German carmaker"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_circumstance_before_the_source_is_not_the_content() -> None:
    # GIVEN "In an interview, Whitaker said he was pushed out." with the model marking no content
    words = ["In", "an", "interview", ",", "Whitaker", "said", "he", "was", "pushed", "out", "."]
    heads = [2, 2, 5, 5, 5, 5, 8, 8, 5, 8, 5]
    deps = ["case", "det", "obl", "punct", "nsubj", "ROOT", "nsubj:pass", "aux:pass", "ccomp", "compound:prt"]
    deps += ["punct"]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PRON", "AUX", "VERB", "ADP", "PUNCT"]
    doc = parsed(words, heads, deps, [(4, 5, "SOURCE"), (5, 6, "CUE")])
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    assert statement.content is None or "interview" not in statement.content.text
    assert statement.medium == "interview"


def test_a_content_interrupted_by_its_attribution_goes_on_after_the_comma() -> None:
    # GIVEN "The closures, the office said in an email, are a necessary step." with no content marked
    words = ["The", "closures", ",", "the", "office", "said", "in", "an", "email", ",", "are", "a"]
    words += ["necessary", "step", "."]
    heads = [1, 13, 5, 4, 5, 13, 8, 8, 5, 5, 13, 13, 13, 13, 13]
    deps = ["det", "nsubj", "punct", "det", "nsubj", "parataxis", "case", "det", "obl", "punct", "cop"]
    deps += ["det", "amod", "ROOT", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "AUX", "DET"]
    pos += ["ADJ", "NOUN", "PUNCT"]
    doc = parsed(words, heads, deps, [(3, 5, "SOURCE"), (5, 6, "CUE")])
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    assert statement.content is not None and statement.content.fragments is not None
    assert [doc.text[a:b] for a, b in statement.content.fragments] == ["The closures", "are a necessary step"]


@pytest.mark.parametrize(
    ("after_comma", "fragments"),
    [
        (["until", "it", "failed"], ["Lenox thrived", "until it failed"]),
        (["adding", "it", "failed"], ["Lenox thrived"]),
    ],
)
def test_a_clause_interrupted_by_its_attribution_goes_on_only_with_a_continuing_word(
    after_comma: list[str], fragments: list[str]
) -> None:
    # GIVEN "Lenox thrived, Clarke said, until it failed." (or "..., adding it failed.") with the clause
    # before the cue marked as content
    words = ["Lenox", "thrived", ",", "Clarke", "said", ",", *after_comma, "."]
    heads = [1, 1, 4, 4, 1, 4, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "parataxis", "punct", "mark", "nsubj", "advcl", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "SCONJ", "PRON", "VERB", "PUNCT"]
    doc = parsed(words, heads, deps, [(0, 2, "CONTENT"), (3, 4, "SOURCE"), (4, 5, "CUE")], pos=pos)
    statement = only(doc, [])
    # THEN a clause going on with "until" is a second fragment of the content, one with "adding" is not
    content = statement.content
    assert content is not None
    assert [doc.text[a:b] for a, b in content.pieces] == fragments


@pytest.mark.parametrize(
    ("opening", "quote", "fragments"),
    [
        ("To see it", [], ["To see it", "one must go"]),
        ("To see it", ['"'], ["one must go"]),
        ("Asked about it", [], ["one must go"]),
    ],
)
def test_a_clause_before_a_cue_joins_marked_content_after_it_unless_a_quote_or_a_circumstance(
    opening: str, quote: list[str], fragments: list[str]
) -> None:
    # GIVEN "To see it, she said, one must go." (or '..., she said, "one must go"', or "Asked about it,
    # ...") with only the words after the second comma marked as content
    words = [*opening.split(), ",", "she", "said", ",", *quote, "one", "must", "go", *quote, "."]
    go = words.index("go")
    heads = [1, go, 1, 5, 5, go, 5, *[go] * len(quote), go, go, go, *[go] * len(quote), go]
    deps = ["mark", "advcl", "obj", "punct", "nsubj", "parataxis", "punct", *["punct"] * len(quote)]
    deps += ["nsubj", "aux", "ROOT", *["punct"] * len(quote), "punct"]
    pos = ["PART", "VERB", "PRON", "PUNCT", "PRON", "VERB", "PUNCT", *["PUNCT"] * len(quote)]
    pos += ["PRON", "AUX", "VERB", *["PUNCT"] * len(quote), "PUNCT"]
    spans = [(4, 5, "SOURCE"), (5, 6, "CUE"), (go - 2, go + 1, "CONTENT")]
    doc = parsed(words, heads, deps, spans, pos=pos)
    statement = only(doc, [])
    # THEN the opening clause is the first fragment of the content, unless a quote follows the cue or
    # the opening is what the speaker was asked
    content = statement.content
    assert content is not None
    assert [doc.text[a:b] for a, b in content.pieces] == fragments


def test_one_unnamed_person_before_a_relative_clause_is_the_source_and_the_next_she() -> None:
    # GIVEN "Rosa Diaz spoke . One pilot , who asked , said pay fell . She said it hurt ." parsed with a
    # sentence break before "said" (as the shipped parser does after a long relative clause)
    words = [
        "Rosa",
        "Diaz",
        "spoke",
        ".",
        "One",
        "pilot",
        ",",
        "who",
        "asked",
        ",",
        "said",
        "pay",
        "fell",
        ".",
    ]
    words += ["She", "said", "it", "hurt", "."]
    heads = [1, 2, 2, 2, 5, 5, 8, 8, 5, 9, 10, 12, 10, 10, 15, 15, 17, 15, 15]
    deps = ["compound", "nsubj", "ROOT", "punct", "nummod", "ROOT", "punct", "nsubj", "acl:relcl", "ROOT"]
    deps += ["ROOT", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"]
    spans = [(0, 2, "SOURCE"), (2, 3, "CUE"), (10, 11, "CUE"), (11, 13, "CONTENT"), (14, 15, "SOURCE")]
    spans += [(15, 16, "CUE"), (16, 18, "CONTENT")]
    ents = ["B-PERSON", "I-PERSON", *["O"] * 17]
    doc = parsed(words, heads, deps, spans, ents=ents)
    statements = extract_statements(doc, [named(doc, "e1", "Rosa Diaz", "PERSON")])
    pilot, she = statements[-2:]
    # THEN the pilot is the source, and "She" is the pilot, not Rosa Diaz
    assert pilot.source is not None and pilot.source.text == "One pilot"
    assert she.speaker is None or she.speaker.entity_id is None


@pytest.mark.parametrize(
    ("words", "pos", "content"),
    [  # an adverbial clause is no content; an opening conjunction and "For instance," are no part of one
        (["As", "he", "spoke"], ["SCONJ", "PRON", "VERB"], None),
        (["And", "costs", "rose", "sharply"], ["CCONJ", "NOUN", "VERB", "ADV"], "costs rose sharply"),
        (["For", "instance", ",", "costs", "rose"], ["ADP", "NOUN", "PUNCT", "NOUN", "VERB"], "costs rose"),
        # a sentence that opens with a phrase is content: a finite verb follows the comma
        (
            ["As", "a", "woman", ",", "she", "raised", "less", "suspicion"],
            ["ADP", "DET", "NOUN", "PUNCT", "PRON", "VERB", "ADJ", "NOUN"],
            "As a woman, she raised less suspicion",
        ),
        (  # ... but a participle after the comma is no main clause
            ["Despite", "the", "outrage", ",", "including", "critics"],
            ["ADP", "DET", "NOUN", "PUNCT", "VERB", "NOUN"],
            None,
        ),
    ],
)
def test_an_opening_adverbial_is_no_part_of_a_content_before_the_cue(
    words: list[str], pos: list[str], content: str | None
) -> None:
    # GIVEN "<content> , Lee said ." with no content marked
    n = len(words)
    all_words = [*words, ",", "Lee", "said", "."]
    heads = [n + 2] * n + [n + 2, n + 2, n + 2, n + 2]
    deps = ["dep"] * n + ["punct", "nsubj", "ROOT", "punct"]
    doc = parsed(all_words, heads, deps, [(n + 1, n + 2, "SOURCE"), (n + 2, n + 3, "CUE")])
    for token, tag in zip(doc, [*pos, "PUNCT", "PROPN", "VERB", "PUNCT"], strict=True):
        token.pos_ = tag
        if tag == "VERB":
            token.tag_ = "VBG" if token.text.endswith("ing") else "VBD"
    statement = only(doc, [])
    assert (statement.content.text if statement.content else None) == content


def test_a_source_loses_a_date_at_its_end() -> None:
    # GIVEN "Federal prosecutors in April charged him ." with the date inside the model's source
    words = ["Federal", "prosecutors", "in", "April", "charged", "him", "."]
    heads = [1, 4, 3, 1, 4, 4, 4]
    deps = ["amod", "nsubj", "case", "nmod", "ROOT", "obj", "punct"]
    ents = ["O", "O", "O", "B-DATE", "O", "O", "O"]
    doc = parsed(words, heads, deps, [(0, 4, "SOURCE"), (4, 5, "CUE"), (5, 6, "CONTENT")], ents=ents)
    for token, tag in zip(doc, ["ADJ", "NOUN", "ADP", "PROPN", "VERB", "PRON", "PUNCT"], strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "Federal prosecutors"


def test_a_source_keeps_a_date_that_belongs_to_a_clause_in_it() -> None:
    # GIVEN "Murphy , an aide who went to Burma in 2011 , said it failed ." with the date in the source
    words = fields("Murphy , an aide who went to Burma in 2011 , said it failed .")
    heads = [11, 3, 3, 0, 5, 3, 7, 5, 9, 5, 0, 11, 13, 11, 11]
    deps = fields("nsubj punct det appos nsubj acl:relcl case obl case obl punct ROOT nsubj ccomp punct")
    tags = fields("NNP , DT NN WP VBD IN NNP IN CD , VBD PRP VBD .")
    pos = fields("PROPN PUNCT DET NOUN PRON VERB ADP PROPN ADP NUM PUNCT VERB PRON VERB PUNCT")
    ents = ["O"] * 9 + ["B-DATE"] + ["O"] * 5
    spans = [(0, 10, "SOURCE"), (11, 12, "CUE"), (12, 14, "CONTENT")]
    doc = parsed(words, heads, deps, spans, tags=tags, ents=ents, pos=pos)
    statement = only(doc, [])
    # THEN the date stays: it is when she went, not when she said it
    assert (
        statement.source is not None and statement.source.text == "Murphy, an aide who went to Burma in 2011"
    )


def test_a_poll_keeps_its_date_but_not_the_date_it_was_released() -> None:
    # GIVEN "A CNN poll in January found that voters agreed ." with the date inside the model's source
    words = fields("A CNN poll in January found that voters agreed .")
    heads = [2, 2, 5, 4, 2, 5, 8, 8, 5, 5]
    deps = fields("det compound nsubj case nmod ROOT mark nsubj ccomp punct")
    tags = fields("DT NNP NN IN NNP VBD IN NNS VBD .")
    pos = fields("DET PROPN NOUN ADP PROPN VERB SCONJ NOUN VERB PUNCT")
    ents = ["O", "B-ORG", "O", "O", "B-DATE", "O", "O", "O", "O", "O"]
    spans = [(0, 5, "SOURCE"), (5, 6, "CUE"), (6, 9, "CONTENT")]
    doc = parsed(words, heads, deps, spans, tags=tags, ents=ents, pos=pos)
    statement = only(doc, [])
    # THEN the date stays: it tells which poll ("released in late August" goes: see the participle test)
    assert statement.source is not None and statement.source.text == "A CNN poll in January"


def test_a_source_loses_a_date_and_its_determiner_at_its_end() -> None:
    # GIVEN "Federal prosecutors in the past year charged him ." where the DATE leaves out "the"
    words = ["Federal", "prosecutors", "in", "the", "past", "year", "charged", "him", "."]
    heads = [1, 6, 5, 5, 5, 1, 6, 6, 6]
    deps = ["amod", "nsubj", "case", "det", "amod", "nmod", "ROOT", "obj", "punct"]
    ents = ["O", "O", "O", "O", "B-DATE", "I-DATE", "O", "O", "O"]
    doc = parsed(words, heads, deps, [(0, 6, "SOURCE"), (6, 7, "CUE"), (7, 8, "CONTENT")], ents=ents)
    pos = ["ADJ", "NOUN", "ADP", "DET", "ADJ", "NOUN", "VERB", "PRON", "PUNCT"]
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "Federal prosecutors"


@pytest.mark.parametrize(
    ("adverb", "pos"), [(["as", "of", "late"], ["ADP", "ADP", "ADJ"]), (["recently"], ["ADV"])]
)
def test_a_source_loses_a_time_adverb_at_its_end(adverb: list[str], pos: list[str]) -> None:
    # GIVEN "The West as of late has pledged tanks ." with the adverb inside the model's source
    n = len(adverb)
    words = ["The", "West", *adverb, "has", "pledged", "tanks", "."]
    heads = [1, n + 3, *[1] * n, n + 3, n + 3, n + 3, n + 3]
    deps = ["det", "nsubj", *["advmod"] * n, "aux", "ROOT", "obj", "punct"]
    doc = parsed(words, heads, deps, [(0, n + 2, "SOURCE"), (n + 2, n + 4, "CUE"), (n + 4, n + 5, "CONTENT")])
    for token, tag in zip(doc, ["DET", "PROPN", *pos, "AUX", "VERB", "NOUN", "PUNCT"], strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "The West"


@pytest.mark.parametrize(
    ("words", "pos", "source"),
    [
        (["Conversely", ",", "PolitiFact"], ["ADV", "PUNCT", "PROPN"], "PolitiFact"),
        (["Here"], ["ADV"], "Here"),  # one word: nothing to cut, and no error
        (["such", "as", "Bob", "Corker"], ["ADJ", "ADP", "PROPN", "PROPN"], "Bob Corker"),
        (["Both", "King", "and", "Schultz"], ["DET", "PROPN", "CCONJ", "PROPN"], "Both King and Schultz"),
        (
            ["Hillary", "Clinton", ",", "like", "Obama"],
            ["PROPN", "PROPN", "PUNCT", "ADP", "PROPN"],
            "Hillary Clinton",
        ),
        (  # after a common noun, "like" gives examples that stay in the source
            ["Critics", ",", "like", "Senator", "Grassley"],
            ["NOUN", "PUNCT", "ADP", "PROPN", "PROPN"],
            "Critics, like Senator Grassley",
        ),
        (
            ["The", "U.N.", ",", "which", "in", "March"],
            ["DET", "PROPN", "PUNCT", "PRON", "ADP", "PROPN"],
            "The U.N.",
        ),
        (["Mr.", "Kamin", ",", "who"], ["PROPN", "PROPN", "PUNCT", "PRON"], "Mr. Kamin"),
        (
            ["of", "the", "proposals", ",", "Mr.", "Holtz-Eakin"],
            ["ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN"],
            "Mr. Holtz-Eakin",
        ),
        (
            ["after", "the", "debate", ",", "commentator", "Jonah", "Goldberg"],
            ["ADP", "DET", "NOUN", "PUNCT", "NOUN", "PROPN", "PROPN"],
            "commentator Jonah Goldberg",
        ),
        (["26", "%"], ["NUM", "SYM"], "26 %"),  # a percent sign is no punctuation to trim
        (["But", "Trump"], ["CCONJ", "PROPN"], "Trump"),
        (["Yet", "even", "as", "critics"], ["CCONJ", "ADV", "SCONJ", "NOUN"], "critics"),
        (  # a party after the comma is no name to keep
            ["with", "polls", "showing", "Ted", "Cruz", ",", "R", "-", "Texas"],
            ["ADP", "NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN"],
            "with polls showing Ted Cruz, R - Texas",
        ),
    ],
)
def test_a_source_loses_lead_in_words_and_a_closing_comparison(
    words: list[str], pos: list[str], source: str
) -> None:
    n = len(words)
    all_words = [*words, "said", "costs", "rose", "."]
    heads = [n] * n + [n, n + 2, n, n]
    deps = ["dep"] * n + ["ROOT", "nsubj", "ccomp", "punct"]
    doc = parsed(all_words, heads, deps, [(0, n, "SOURCE"), (n, n + 1, "CUE"), (n + 1, n + 3, "CONTENT")])
    for token, tag in zip(doc, [*pos, "VERB", "NOUN", "VERB", "PUNCT"], strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == source


@pytest.mark.parametrize(
    ("words", "content"),
    [
        (["hired", "Jo", "Kendall", "Coffey", "."], "he hired Jo Kendall Coffey"),  # a break inside a name
        (["left", "early", ".", "They", "."], "he left early."),  # a word of the next sentence
    ],
)
def test_a_content_loses_words_of_the_next_sentence_but_not_a_name_the_parser_broke(
    words: list[str], content: str
) -> None:
    # GIVEN "Reed said he <words>" parsed with a sentence starting at its last word, marked as content
    words = ["Reed", "said", "he", *words]
    last = len(words) - 2
    heads = [1, 1, 3, 1, *[3] * (last - 4), last, last]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", *["obj"] * (last - 4), "ROOT", "punct"]
    pos = ["PROPN", "VERB", "PRON", "VERB", *["PROPN"] * (last - 4), "PROPN", "PUNCT"]
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, last + 1, "CONTENT")]
    doc = parsed(words, heads, deps, spans, pos=pos)
    assert [s.start for s in doc.sents] == [0, last]
    statement = only(doc, [])
    assert statement.content is not None and statement.content.text == content


def test_an_adverbial_between_a_name_and_its_cue_is_skipped_when_the_parse_gives_no_subject() -> None:
    # GIVEN "Harry Reid ( D-Nev. ) , in particular , has been pounding Trump ." with no subject for the cue
    words = ["Harry", "Reid", "(", "D-Nev.", ")", ",", "in", "particular", ",", "has", "been", "pounding"]
    words += ["Trump", "."]
    heads = [1, 1, 3, 1, 3, 1, 7, 1, 11, 11, 11, 1, 11, 1]
    deps = ["compound", "ROOT", "punct", "appos", "punct", "punct", "case", "nmod", "punct", "aux", "aux"]
    deps += ["parataxis", "obj", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT", "ADP", "ADJ", "PUNCT", "AUX", "AUX", "VERB"]
    pos += ["PROPN", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", *["O"] * 10, "B-PERSON", "O"]
    doc = parsed(words, heads, deps, [(9, 12, "CUE"), (12, 13, "CONTENT")], ents=ents)
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    statement = only(doc, [named(doc, "e1", "Harry Reid", "PERSON")])
    assert statement.source is not None and statement.source.text.startswith("Harry Reid")


@pytest.mark.parametrize(("cue_pos", "source"), [("NOUN", "The Tax Policy Center"), ("VERB", None)])
def test_a_cue_tagged_as_a_noun_takes_the_noun_phrase_opening_its_sentence(
    cue_pos: str, source: str | None
) -> None:
    # GIVEN "The Tax Policy Center estimates that costs rose ." with "estimates" tagged and parsed as a noun
    words = ["The", "Tax", "Policy", "Center", "estimates", "that", "costs", "rose", "."]
    heads = [4, 3, 3, 4, 4, 7, 7, 4, 4]
    deps = ["det", "compound", "compound", "compound", "ROOT", "mark", "nsubj", "acl", "punct"]
    pos = ["DET", "PROPN", "PROPN", "PROPN", cue_pos, "SCONJ", "NOUN", "VERB", "PUNCT"]
    doc = parsed(words, heads, deps, [(4, 5, "CUE"), (5, 8, "CONTENT")])
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    assert (statement.source.text if statement.source else None) == source


def test_a_noun_phrase_ending_the_sentence_after_an_inverted_cue_is_its_source() -> None:
    # GIVEN "The talks went badly , said one source in the room ." with no source marked
    words = ["The", "talks", "went", "badly", ",", "said", "one", "source", "in", "the", "room", "."]
    heads = [1, 2, 5, 2, 5, 5, 7, 5, 10, 10, 7, 5]
    deps = ["det", "nsubj", "ccomp", "advmod", "punct", "ROOT", "nummod", "nsubj", "case", "det", "nmod"]
    deps += ["punct"]
    pos = ["DET", "NOUN", "VERB", "ADV", "PUNCT", "VERB", "NUM", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    doc = parsed(words, heads, deps, [(0, 4, "CONTENT"), (5, 6, "CUE")])
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    doc[7].dep_ = "obj"  # the parse gave "said" no subject
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "one source in the room"


def test_a_verbless_content_loses_a_trailing_circumstance_and_date() -> None:
    # GIVEN "Clinton called her opponent a fraud during the debate Monday night ."
    words = [
        "Clinton",
        "called",
        "her",
        "opponent",
        "a",
        "fraud",
        "during",
        "the",
        "debate",
        "Monday",
        "night",
    ]
    words += ["."]
    heads = [1, 1, 3, 1, 5, 1, 8, 8, 1, 10, 1, 1]
    deps = ["nsubj", "ROOT", "nmod:poss", "obj", "det", "xcomp", "case", "det", "obl", "compound", "obl:tmod"]
    deps += ["punct"]
    pos = ["PROPN", "VERB", "PRON", "NOUN", "DET", "NOUN", "ADP", "DET", "NOUN", "PROPN", "NOUN", "PUNCT"]
    ents = [*["O"] * 9, "B-DATE", "I-DATE", "O"]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 11, "CONTENT")], ents=ents)
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    assert statement.content is not None and statement.content.text == "her opponent a fraud"


def test_a_cue_leaves_out_its_date_and_the_medium_it_was_said_in() -> None:
    # GIVEN "Lee said Friday in a phone interview that costs rose ." with "said Friday" marked as the cue
    words = ["Lee", "said", "Friday", "in", "a", "phone", "interview", "that", "costs", "rose", "."]
    heads = [1, 1, 1, 6, 6, 6, 1, 9, 9, 1, 1]
    deps = ["nsubj", "ROOT", "obl:tmod", "case", "det", "compound", "obl", "mark", "nsubj", "ccomp", "punct"]
    ents = ["B-PERSON", "O", "B-DATE", *["O"] * 8]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 3, "CUE"), (7, 10, "CONTENT")], ents=ents)
    statement = only(doc, [])
    assert statement.cue is not None and statement.cue.text == "said"
    words = ["Lee", "said", "in", "a", "phone", "interview", "that", "costs", "rose", "."]
    heads = [1, 1, 5, 5, 5, 1, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "case", "det", "compound", "obl", "mark", "nsubj", "ccomp", "punct"]
    # AND an interview the model put inside the cue stays out of it, reported as the medium
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 6, "CUE"), (6, 9, "CONTENT")])
    statement = only(doc, [])
    assert statement.cue is not None and statement.cue.text == "said"
    assert statement.medium == "phone interview"
    # AND another medium the model put inside the cue stays out of it ("[said] in a statement")
    words = ["Lee", "said", "in", "a", "statement", "that", "costs", "rose", "."]
    heads = [1, 1, 4, 4, 1, 7, 7, 1, 1]
    deps = ["nsubj", "ROOT", "case", "det", "obl", "mark", "nsubj", "ccomp", "punct"]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 5, "CUE"), (5, 8, "CONTENT")])
    statement = only(doc, [])
    assert statement.cue is not None and (statement.cue.text, statement.medium) == ("said", "statement")


def test_a_source_that_stops_inside_a_party_bracket_runs_on_to_the_comma_before_its_cue() -> None:
    # GIVEN "Rep. Jim Clyburn ( D-S.C. ) , the assistant leader , said it rose ." with the model's source
    # ending inside the bracket
    words = ["Rep.", "Jim", "Clyburn", "(", "D-S.C", ".", ")", ",", "the", "assistant", "leader", ",", "said"]
    words += ["it", "rose", "."]
    heads = [2, 2, 12, 4, 2, 4, 4, 2, 10, 10, 2, 2, 12, 14, 12, 12]
    deps = ["compound", "compound", "nsubj", "punct", "appos", "punct", "punct", "punct", "det", "amod"]
    deps += ["appos", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    doc = parsed(words, heads, deps, [(0, 5, "SOURCE"), (12, 13, "CUE"), (13, 15, "CONTENT")])
    statement = only(doc, [])
    assert statement.source is not None
    assert statement.source.text == doc[0:11].text


def test_a_source_that_stops_inside_a_party_bracket_ends_with_it_when_a_verb_follows() -> None:
    # GIVEN "Sen. Ted Cruz ( R-Tex . ) defended his plan , saying it works ." with the model's source
    # ending inside the bracket and the cue "saying" after the predicate
    words = fields("Sen. Ted Cruz ( R-Tex . ) defended his plan , saying it works .")
    heads = [2, 2, 7, 4, 2, 4, 4, 7, 9, 7, 11, 7, 13, 11, 7]
    deps = fields(
        "compound compound nsubj punct appos punct punct ROOT poss obj punct advcl nsubj ccomp punct"
    )
    pos = fields("PROPN PROPN PROPN PUNCT PROPN PUNCT PUNCT VERB PRON NOUN PUNCT VERB PRON VERB PUNCT")
    doc = parsed(words, heads, deps, [(0, 5, "SOURCE"), (11, 12, "CUE"), (12, 14, "CONTENT")], pos=pos)
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == doc[0:5].text  # ends trimmed


@pytest.mark.parametrize(("gap", "source"), [(["the", "top", "Democrat"], "Schiff, the top Democrat")])
def test_a_source_runs_on_through_a_verbless_apposition_before_its_cue(gap: list[str], source: str) -> None:
    # GIVEN "Schiff , the top Democrat , said it rose ." with the model's source only "Schiff"
    words = ["Schiff", ",", *gap, ",", "said", "it", "rose", "."]
    n = len(gap)
    heads = [n + 3, 0, *[n + 1] * (n - 1), 0, 0, n + 3, n + 5, n + 3, n + 3]
    deps = ["nsubj", "punct", *["det"] * (n - 1), "appos", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (n + 3, n + 4, "CUE"), (n + 4, n + 6, "CONTENT")])
    pos = ["PROPN", "PUNCT", "DET", *["ADJ"] * (n - 2), "NOUN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"]
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == source


def test_a_date_alone_with_no_source_is_no_statement() -> None:
    # GIVEN "A final vote is expected next month.", "is expected" a cue and "next month" its content
    words = ["A", "final", "vote", "is", "expected", "next", "month", "."]
    heads = [2, 2, 4, 4, 4, 6, 4, 4]
    deps = ["det", "amod", "nsubj:pass", "aux:pass", "ROOT", "amod", "obl:tmod", "punct"]
    ents = ["O", "O", "O", "O", "O", "B-DATE", "I-DATE", "O"]
    doc = parsed(words, heads, deps, [(3, 5, "CUE"), (5, 7, "CONTENT")], ents=ents)
    assert extract_statements(doc, []) == []


def test_an_orphan_that_clause_takes_the_verb_it_complements_as_cue_not_the_next_sentences_cue() -> None:
    # GIVEN "Dolan wrote that talks failed. Operators did not respond." with no cue found for "wrote"
    words = ["Dolan", "wrote", "that", "talks", "failed", ".", "Operators", "did", "not", "respond", "."]
    heads = [1, 1, 4, 4, 1, 1, 9, 9, 9, 9, 9]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct", "nsubj", "aux", "advmod", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT", "NOUN", "AUX", "PART", "VERB", "PUNCT"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.spans["attribution"] = [Span(doc, 2, 5, label="CONTENT"), Span(doc, 6, 7, label="SOURCE")]
    doc.spans["attribution"] = [*doc.spans["attribution"], Span(doc, 7, 10, label="CUE")]
    statements = extract_statements(doc, [named(doc, "e1", "Dolan", "PERSON")])
    # THEN "wrote" is the cue of the that-clause; "did not respond" gets no content from before it (and,
    # with no content, no named speaker and no speech verb, is left out)
    [wrote] = statements
    assert wrote.cue is not None and wrote.cue.text == "wrote"
    assert wrote.content is not None and wrote.content.text == "that talks failed"
    assert wrote.speaker is not None and wrote.speaker.entity_id == "e1"


def misparsed(words: list[str], spans: list[tuple[int, int, str]], persons: list[str]) -> Doc:
    """A parse that hangs everything on the first word; persons are NER entities (first word of each)."""
    heads = [0] * len(words)
    deps = ["ROOT", *["dep"] * (len(words) - 1)]
    ents = ["O"] * len(words)
    for first in persons:
        i = words.index(first)
        ents[i] = "B-PERSON"
        while i + 1 < len(words) and words[i + 1][:1].isupper():
            i += 1
            ents[i] = "I-PERSON"
    doc = parsed(words, heads, deps, spans, ents=ents)
    for token in doc:
        token.pos_ = "PROPN" if token.text[:1].isupper() else "NOUN"
        if token.text in {"testified", "were", "repaid", "flew", "told", "said", "failed"}:
            token.pos_ = "VERB"
        elif token.text in {"'s", ","}:
            token.pos_ = "PART" if token.text == "'s" else "PUNCT"
        if token.text.endswith("ing"):
            token.tag_, token.pos_ = "VBG", "VERB"
    return doc


@pytest.mark.parametrize(
    ("before", "persons", "source"),
    [
        (["Vance", ",", "61", ","], ["Vance"], "Vance"),
        (
            ["In", "an", "essay", "last", "month", ",", "Vance", "'s", "deputy", ",", "Lisa", "Moreno", ","],
            ["Vance", "Lisa"],
            "Vance's deputy, Lisa Moreno",
        ),
        (
            ["Japan", "'s", "minister", ",", "Hiroshi", "Nakamura", ",", "who", "flew", "in", ","],
            ["Hiroshi"],
            "Japan's minister, Hiroshi Nakamura",
        ),
        (["Dana", "Cho", ",", "speaking", "from", "Nashville", ","], ["Dana"], "Dana Cho"),
    ],
)
def test_a_name_just_before_the_cue_is_the_source_when_the_parse_found_no_subject(
    before: list[str], persons: list[str], source: str
) -> None:
    # GIVEN a parse that hangs everything on the first word (the cue as a dependent of it)
    words = [*before, "testified", "that", "loans", "were", "repaid", "."]
    cue = len(before)
    doc = misparsed(words, [(cue, cue + 1, "CUE"), (cue + 1, cue + 5, "CONTENT")], persons)
    # THEN the name before the cue (with its role, without an age or a relative clause) is the source
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == source


@pytest.mark.parametrize(
    ("words", "source_span", "source"),
    [
        (  # the model's source is the role, the name follows it between commas
            [
                "The",
                "ministry",
                "'s",
                "spokesperson",
                ",",
                "Lin",
                "Wei",
                ",",
                "told",
                "them",
                "talks",
                "failed",
            ],
            (0, 4),
            "The ministry's spokesperson, Lin Wei",
        ),
        (  # the model's source is the name, the role opens the sentence
            ["The", "campaign", "chairman", ",", "Phil", "Lovas", ",", "told", "them", "talks", "failed"],
            (4, 6),
            "The campaign chairman, Phil Lovas",
        ),
        (  # a phrase that is no role stays out
            ["The", "museum", "guide", ",", "Phil", "Lovas", ",", "told", "them", "talks", "failed"],
            (4, 6),
            "Phil Lovas",
        ),
    ],
)
def test_a_role_and_the_name_apposed_to_it_are_one_source(
    words: list[str], source_span: tuple[int, int], source: str
) -> None:
    cue = words.index("told")
    spans = [(*source_span, "SOURCE"), (cue, cue + 1, "CUE"), (cue + 2, cue + 4, "CONTENT")]
    doc = misparsed(words, spans, [words[words.index(",") + 1]])
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == source


def test_asked_opening_a_sentence_puts_the_question_to_the_source_after_it() -> None:
    # GIVEN "Asked whether talks failed, an official, who was not named, said they had not."
    words = ["Asked", "whether", "talks", "failed", ",", "an", "official", ",", "who", "was", "not", "named"]
    words += [",", "said", "they", "had", "not", "."]
    heads = [13, 3, 3, 0, 13, 6, 13, 11, 11, 11, 11, 6, 13, 13, 15, 13, 15, 13]
    deps = ["advcl", "mark", "nsubj", "ccomp", "punct", "det", "nsubj", "punct", "nsubj:pass", "aux:pass"]
    deps += ["advmod", "acl:relcl", "punct", "ROOT", "nsubj", "ccomp", "advmod", "punct"]
    spans = [(0, 1, "CUE"), (1, 4, "CONTENT"), (5, 7, "SOURCE"), (8, 9, "SOURCE"), (13, 14, "CUE")]
    doc = parsed(words, heads, deps, [*spans, (14, 17, "CONTENT")])
    by_cue = {s.cue.text: s for s in extract_statements(doc, []) if s.cue is not None}
    # THEN "Asked" has no source (the official is the one asked), and "said" is the official's
    assert "Asked" not in by_cue or by_cue["Asked"].source is None
    said = by_cue["said"]
    assert said.speaker is not None and said.speaker.name == "an official"


@pytest.mark.parametrize("dateline", [["MANILA"], ["ANKARA", ",", "Turkey", "(", "AP", ")"]])
def test_a_dateline_the_parse_made_a_subject_is_not_the_source(dateline: list[str]) -> None:
    # GIVEN "MANILA — The Philippines signed a pact." with both "MANILA" and "Philippines" as subjects
    words = [*dateline, "—", "The", "Philippines", "signed", "a", "pact", "."]
    n = len(dateline) - 1
    heads = [4 + n, *[0] * n, 3 + n, 3 + n, 4 + n, 4 + n, 6 + n, 4 + n, 4 + n]
    deps = ["nsubj", *["dep"] * n, "punct", "det", "nsubj", "ROOT", "det", "obj", "punct"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps)  # spaces after every token, as in the text
    doc.spans["attribution"] = [
        Span(doc, 4 + n, 5 + n, label="CUE"),
        Span(doc, 5 + n, 7 + n, label="CONTENT"),
    ]
    statement = only(doc, [named(doc, "e1", "Philippines", "LOC")])
    assert statement.source is not None and statement.source.text == "The Philippines"


@pytest.mark.parametrize("subject", ["nsubj:pass", "nsubjpass"])
def test_the_subject_of_a_passive_cue_without_agent_is_not_its_source(subject: str) -> None:
    words = ["It", "was", "said", "that", "talks", "failed", "."]
    deps = [subject, "aux:pass", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    doc = parsed(words, [2, 2, 2, 5, 5, 2, 2], deps, [(1, 3, "CUE"), (3, 6, "CONTENT")])
    statement = only(doc, [])
    assert statement.content is not None and statement.content.text == "that talks failed"
    assert statement.source is None


@pytest.mark.parametrize(("subject", "auxiliary"), [("nsubj:pass", "aux:pass"), ("nsubjpass", "auxpass")])
def test_the_passive_subject_of_told_is_its_addressee_not_its_source(subject: str, auxiliary: str) -> None:
    # GIVEN "Residents were told that the water was unsafe", the model calling "Residents" the source
    words = ["Residents", "were", "told", "that", "the", "water", "was", "unsafe", "."]
    heads = [2, 2, 2, 7, 5, 7, 7, 2, 2]
    deps = [subject, auxiliary, "ROOT", "mark", "det", "nsubj", "cop", "ccomp", "punct"]
    spans = [(0, 1, "SOURCE"), (1, 3, "CUE"), (3, 8, "CONTENT")]
    statement = only(parsed(words, heads, deps, spans), [])
    # THEN nobody is named as the source, and the residents are whom it was told to
    assert statement.source is None and statement.speaker is None
    assert statement.addressee == "Residents"


def test_a_sentence_break_the_parser_put_just_before_the_cue_does_not_hide_the_source() -> None:
    # GIVEN "Her mother, Linda Osgood, told KING that she ate." parsed as two sentences: ", told ..." second
    words = ["Her", "mother", ",", "Linda", "Osgood", ",", "told", "KING", "that", "she", "ate", "."]
    heads = [1, 1, 1, 4, 1, 6, 6, 6, 10, 10, 6, 6]
    deps = ["nmod:poss", "ROOT", "punct", "compound", "appos", "punct", "ROOT", "iobj", "mark", "nsubj"]
    deps += ["ccomp", "punct"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", *["O"] * 7]
    doc = parsed(words, heads, deps, [(6, 7, "CUE"), (8, 11, "CONTENT")], ents=ents)
    assert [s.start for s in doc.sents] == [0, 5]
    statement = only(doc, [named(doc, "e1", "Linda Osgood", "PERSON")])
    assert statement.source is not None and statement.source.text == "Her mother, Linda Osgood"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


@pytest.mark.parametrize(
    ("verb", "source"), [("reported", None), ("accused", None), ("frustrated", "Teachers")]
)
def test_the_passive_subject_of_reported_is_what_was_said_not_its_source(
    verb: str, source: str | None
) -> None:
    # GIVEN "Cuts were reported that pay fell", the model calling the passive subject a source; and an
    # experiencer, "Teachers were frustrated that pay fell"
    words = ["Teachers", "were", verb, "that", "pay", "fell", "."]
    heads = [2, 2, 2, 5, 5, 2, 2]
    deps = ["nsubj:pass", "aux:pass", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    statement = only(parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 3, "CUE"), (3, 6, "CONTENT")]), [])
    # THEN what was reported has no source, while the experiencer stays the source of the feeling
    assert (statement.source.text if statement.source else None) == source


def test_the_passive_subject_of_asked_is_its_addressee_not_its_source() -> None:
    # GIVEN "Teachers were asked whether pay fell", the model calling "Teachers" the source
    words = ["Teachers", "were", "asked", "whether", "pay", "fell", "."]
    heads = [2, 2, 2, 5, 5, 2, 2]
    deps = ["nsubj:pass", "aux:pass", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    statement = only(parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 3, "CUE"), (3, 6, "CONTENT")]), [])
    # THEN nobody is named as the one who asked, and the teachers are whom it was asked of
    assert statement.source is None and statement.speaker is None
    assert statement.addressee == "Teachers"


@pytest.mark.parametrize(("verb", "raised"), [("seems", True), ("says", False)])
def test_the_subject_of_seems_is_part_of_the_content_not_a_source(verb: str, raised: bool) -> None:
    # GIVEN "Melania seems to have vanished ." with the model calling "Melania" the source
    words = ["Melania", verb, "to", "have", "vanished", "."]
    heads = [1, 1, 4, 4, 1, 1]
    deps = ["nsubj", "ROOT", "mark", "aux", "xcomp", "punct"]
    statement = only(parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 5, "CONTENT")]), [])
    # THEN what seems so is Melania having vanished, and no one is its source
    assert statement.content is not None
    pieces = [
        statement.content.text[a - statement.content.start : b - statement.content.start]
        for a, b in statement.content.pieces
    ]
    assert pieces == (["Melania", "to have vanished"] if raised else ["to have vanished"])
    assert (statement.source is None) is raised


@pytest.mark.parametrize(
    ("words", "pos", "source"),
    [
        (["Nearly", "nine", "out", "of", "10"], ["ADV", "NUM", "ADP", "ADP", "NUM"], "Nearly nine out of 10"),
        (["and", "three", "-", "fourths"], ["CCONJ", "NUM", "PUNCT", "NOUN"], "three-fourths"),
        (["voters", "backing", "the", "plan"], ["NOUN", "VERB", "DET", "NOUN"], None),
    ],
)
def test_a_say_verb_with_no_subject_in_the_parse_takes_the_bare_noun_phrase_before_it(
    words: list[str], pos: list[str], source: str | None
) -> None:
    # GIVEN "Nearly nine out of 10 say they need skills ." parsed with no subject for "say" (the numbers
    # hang on it as modifiers) and no source span from the model
    n = len(words)
    all_words = [*words, "say", "they", "need", "skills", "."]
    heads = [n] * n + [n, n + 2, n, n + 2, n]
    deps = ["nummod"] * n + ["ROOT", "nsubj", "ccomp", "obj", "punct"]
    all_pos = [*pos, "VERB", "PRON", "VERB", "NOUN", "PUNCT"]
    spaces = [
        following != "-" != word for word, following in zip(all_words, [*all_words[1:], ""], strict=True)
    ]
    spans = [(n, n + 1, "CUE"), (n + 1, n + 4, "CONTENT")]
    statement = only(parsed(all_words, heads, deps, spans, pos=all_pos, spaces=spaces), [])
    # THEN the phrase back to the conjunction is the source, unless a verb before it puts it inside a clause
    assert (statement.source.text if statement.source else None) == source


def test_the_passive_subject_of_expected_joins_its_open_complement_as_content() -> None:
    # GIVEN "The White House is expected to sign the measure ." with only the cue and "to sign ..." marked
    words = ["The", "White", "House", "is", "expected", "to", "sign", "the", "measure", "."]
    heads = [2, 2, 4, 4, 4, 6, 4, 8, 6, 4]
    deps = ["det", "compound", "nsubj:pass", "aux:pass", "ROOT", "mark", "xcomp", "det", "obj", "punct"]
    statement = only(parsed(words, heads, deps, [(3, 5, "CUE"), (5, 9, "CONTENT")]), [])
    # THEN what is expected is the White House signing it, and no one is named as expecting it
    assert statement.source is None
    assert statement.content is not None and statement.content.fragments is not None
    pieces = [
        statement.content.text[a - statement.content.start : b - statement.content.start]
        for a, b in statement.content.fragments
    ]
    assert pieces == ["The White House", "to sign the measure"]


def test_a_source_span_opening_with_a_clause_is_the_content_before_the_comma() -> None:
    # GIVEN "A volcano erupted on Monday, the weather office said." with the whole of it marked as source
    words = ["A", "volcano", "erupted", "on", "Monday", ",", "the", "weather", "office", "said", "."]
    heads = [1, 2, 9, 4, 2, 9, 8, 8, 9, 9, 9]
    deps = ["det", "nsubj", "ccomp", "case", "obl", "punct", "det", "compound", "nsubj", "ROOT", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "NNP", ",", "DT", "NN", "NN", "VBD", "."]
    doc = parsed(words, heads, deps, [(0, 9, "SOURCE"), (9, 10, "CUE")], tags=tags)
    for token, pos in zip(
        doc, ["DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "NOUN"], strict=False
    ):
        token.pos_ = pos
    statement = only(doc, [])
    # THEN the office is the source and what happened is the content
    assert statement.source is not None and statement.source.text == "the weather office"
    assert statement.content is not None and statement.content.text == "A volcano erupted on Monday"


def test_a_quote_after_an_interrupting_attribution_joins_the_words_before_it() -> None:
    # GIVEN 'The judge, she wrote, "weighed facts."' with only the quote marked as content
    words = ["The", "judge", ",", "she", "wrote", ",", '"', "weighed", "facts", ".", '"']
    heads = [1, 7, 4, 4, 7, 4, 7, 7, 7, 7, 7]
    deps = ["det", "nsubj", "punct", "nsubj", "parataxis", "punct", "punct", "ROOT", "obj", "punct", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "NOUN", "PUNCT", "PUNCT"]
    doc = parsed(words, heads, deps, [(3, 4, "SOURCE"), (4, 5, "CUE"), (7, 9, "CONTENT")])
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    statement = only(doc, [])
    # THEN both parts are fragments of one content, quoted in part: mixed
    assert statement.content is not None and statement.content.fragments is not None
    assert [doc.text[a:b] for a, b in statement.content.fragments] == ["The judge", "weighed facts"]
    assert statement.kind == "mixed"


def test_a_clause_after_the_listener_of_told_without_that_is_the_content() -> None:
    # GIVEN "Okafor told the council the city would pay." with no content marked, the listener parsed as a
    # second subject of the clause
    words = ["Okafor", "told", "the", "council", "the", "city", "would", "pay", "."]
    heads = [1, 1, 3, 7, 5, 7, 7, 1, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "det", "nsubj", "aux", "ccomp", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "DT", "NN", "MD", "VB", "."]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 2, "CUE")], tags=tags)
    for token, pos in zip(
        doc, ["PROPN", "VERB", "DET", "NOUN", "DET", "NOUN", "AUX", "VERB", "PUNCT"], strict=True
    ):
        token.pos_ = pos
    statement = only(doc, [])
    # THEN the content is the clause and the listener the addressee
    assert statement.content is not None and statement.content.text == "the city would pay"
    assert statement.addressee == "the council"


def test_a_copular_clause_after_the_listener_of_told_is_the_content() -> None:
    # GIVEN "Okafor told the council the plan was dead." with no content marked; "was" is a copula, so the
    # subject hangs on "dead"
    words = ["Okafor", "told", "the", "council", "the", "plan", "was", "dead", "."]
    heads = [1, 1, 3, 1, 5, 7, 7, 1, 1]
    deps = ["nsubj", "ROOT", "det", "iobj", "det", "nsubj", "cop", "ccomp", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "DT", "NN", "VBD", "JJ", "."]
    pos = ["PROPN", "VERB", "DET", "NOUN", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 2, "CUE")], tags=tags, pos=pos)
    statement = only(doc, [])
    # THEN the content is the clause and the listener the addressee
    assert statement.content is not None and statement.content.text == "the plan was dead"
    assert statement.addressee == "the council"


def test_a_hyphenated_listener_name_is_the_whole_addressee() -> None:
    # GIVEN "Whitman told The Star-Ledger she would vote ." with "Ledger" parsed as an apposition of "Star"
    words = ["Whitman", "told", "The", "Star", "-", "Ledger", "she", "would", "vote", "."]
    heads = [1, 1, 3, 1, 5, 3, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "det", "iobj", "punct", "appos", "nsubj", "aux", "ccomp", "punct"]
    tags = ["NNP", "VBD", "DT", "NNP", "HYPH", "NNP", "PRP", "MD", "VB", "."]
    spaces = [True, True, True, False, False, True, True, True, False, False]
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (6, 9, "CONTENT")]
    statement = only(parsed(words, heads, deps, spans, tags=tags, spaces=spaces), [])
    # THEN the listener is the newspaper's whole name
    assert statement.addressee == "The Star-Ledger"


def test_a_noun_the_tagger_took_for_a_preposition_stays_in_the_addressee() -> None:
    # GIVEN "Artopios told state broadcaster ERT." parsed with ERT as a subject and "broadcaster" as ADP
    words = ["Artopios", "told", "state", "broadcaster", "ERT", "."]
    deps = ["nsubj", "ROOT", "compound", "compound", "nsubj", "punct"]
    tags = ["NNP", "VBD", "NN", "NN", "NNP", "."]
    doc = parsed(words, [1, 1, 3, 4, 1, 1], deps, [(0, 1, "SOURCE"), (1, 2, "CUE")], tags=tags)
    for token, pos in zip(doc, ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"], strict=True):
        token.pos_ = pos
    assert only(doc, []).addressee == "state broadcaster ERT"


def test_a_source_span_running_over_its_speech_verb_ends_before_it() -> None:
    # GIVEN "Moon told reporters at the bridge that it was shut." with "Moon told reporters at the bridge"
    # marked as one source
    words = ["Moon", "told", "reporters", "at", "the", "bridge", "that", "it", "was", "shut", "."]
    heads = [1, 1, 1, 5, 5, 1, 9, 9, 9, 1, 1]
    deps = ["nsubj", "ROOT", "iobj", "case", "det", "obl", "mark", "nsubj:pass", "aux:pass", "ccomp", "punct"]
    doc = parsed(words, heads, deps, [(0, 6, "SOURCE"), (6, 10, "CONTENT")])
    for token, pos in zip(doc, ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN"], strict=False):
        token.pos_ = pos
    statement = only(doc, [])
    # THEN "told" is the cue and the source is the name before it
    assert statement.cue is not None and statement.cue.text == "told"
    assert statement.source is not None and statement.source.text == "Moon"
    assert statement.addressee == "reporters"


def test_a_plain_speech_verb_after_a_closing_quote_is_a_cue_when_the_model_marked_none() -> None:
    # GIVEN '"We won," the coach told reporters.' with only the quote marked
    words = ['"', "We", "won", ",", '"', "the", "coach", "told", "reporters", "."]
    heads = [7, 2, 7, 7, 7, 6, 7, 7, 7, 7]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "det", "nsubj", "ROOT", "iobj", "punct"]
    doc = parsed(words, heads, deps, [(1, 3, "CONTENT")])
    for token, pos in zip(
        doc, ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "DET", "NOUN", "VERB"], strict=False
    ):
        token.pos_ = pos
    statement = only(doc, [])
    # THEN the quote is the coach's, told to reporters
    assert statement.cue is not None and statement.cue.text == "told"
    assert statement.source is not None and statement.source.text == "the coach"
    assert statement.content is not None and statement.content.text == "We won"


def test_a_name_described_with_a_relative_clause_in_the_same_phrase_is_the_source_across_a_bad_break() -> (
    None
):
    # GIVEN "Kuo, an analyst at TF Securities who tracks suppliers, wrote that output fell." with no subject
    # for "wrote" and a sentence break the parser put inside "TF | Securities"
    words = [
        "Kuo",
        ",",
        "an",
        "analyst",
        "at",
        "TF",
        "Securities",
        "who",
        "tracks",
        "suppliers",
        ",",
        "wrote",
    ]
    words += ["that", "output", "fell", "."]
    heads = [0, 3, 3, 0, 5, 3, 6, 8, 6, 8, 11, 6, 14, 14, 11, 6]
    deps = ["ROOT", "punct", "det", "appos", "case", "nmod", "ROOT", "nsubj", "acl:relcl", "obj", "punct"]
    deps += ["parataxis", "mark", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PROPN", "PRON", "VERB", "NOUN", "PUNCT", "VERB"]
    pos += ["SCONJ", "NOUN", "VERB", "PUNCT"]
    ents = ["B-PERSON", "O", "O", "O", "O", "B-ORG", *["O"] * 10]
    doc = parsed(words, heads, deps, [(11, 12, "CUE"), (12, 15, "CONTENT")], ents=ents)
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    assert [s.start for s in doc.sents] == [0, 6]
    statement = only(doc, [named(doc, "e1", "Kuo", "PERSON")])
    assert statement.source is not None and statement.source.text.startswith("Kuo, an analyst at TF")
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_quote_marked_on_past_its_closing_mark_up_to_the_cue_leaves_the_rest_as_source() -> None:
    # GIVEN '"She will pay," Attorney Levy said.' with the content marked from the quote to "Levy"
    words = ['"', "She", "will", "pay", ",", '"', "Attorney", "Levy", "said", "."]
    heads = [3, 3, 3, 8, 3, 3, 7, 8, 8, 8]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "compound", "nsubj", "ROOT", "punct"]
    doc = parsed(words, heads, deps, [(1, 8, "CONTENT"), (8, 9, "CUE")])
    statement = only(doc, [named(doc, "e1", "Levy", "PERSON")])
    assert statement.content is not None and statement.content.text == "She will pay"
    assert statement.source is not None and statement.source.text == "Attorney Levy"
    assert statement.kind == "direct"


def test_a_role_and_name_set_off_before_the_cue_replace_a_source_marked_before_a_clause() -> None:
    # GIVEN "The inquiry will report soon, the Treasurer, Jim Chalmers, said." with "The inquiry" as source
    words = ["The", "inquiry", "will", "report", "soon", ",", "the", "Treasurer", ",", "Jim", "Chalmers", ","]
    words += ["said", "."]
    heads = [1, 3, 3, 12, 3, 7, 7, 3, 9, 7, 9, 12, 12, 12]
    deps = [
        "det",
        "nsubj",
        "aux",
        "ccomp",
        "advmod",
        "punct",
        "det",
        "obl",
        "punct",
        "appos",
        "flat",
        "punct",
    ]
    deps += ["ROOT", "punct"]
    tags = ["DT", "NN", "MD", "VB", "RB", ",", "DT", "NNP", ",", "NNP", "NNP", ",", "VBD", "."]
    ents = [*["O"] * 9, "B-PERSON", "I-PERSON", "O", "O", "O"]
    doc = parsed(words, heads, deps, [(0, 2, "SOURCE"), (12, 13, "CUE")], tags=tags, ents=ents)
    pos = ["DET", "NOUN", "AUX", "VERB", "ADV", "PUNCT", "DET", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT"]
    for token, tag in zip(doc, [*pos, "VERB", "PUNCT"], strict=True):
        token.pos_ = tag
    statement = only(doc, [named(doc, "e1", "Jim Chalmers", "PERSON")])
    assert statement.source is not None and statement.source.text == "the Treasurer, Jim Chalmers"
    assert statement.content is not None and statement.content.text == "The inquiry will report soon"


def test_an_opening_place_phrase_is_no_part_of_the_source_and_of_phrases_stay_in_the_addressee() -> None:
    # GIVEN "In Washington, secretary Ryder told a meeting of commanders that it would end." with the
    # subject's subtree running over "In Washington,"
    words = [
        "In",
        "Washington",
        ",",
        "secretary",
        "Ryder",
        "told",
        "a",
        "meeting",
        "of",
        "commanders",
        "that",
    ]
    words += ["it", "would", "end", "."]
    heads = [1, 4, 1, 4, 5, 5, 7, 5, 9, 7, 13, 13, 13, 5, 5]
    deps = [
        "case",
        "nmod",
        "punct",
        "compound",
        "nsubj",
        "ROOT",
        "det",
        "obj",
        "case",
        "nmod",
        "mark",
        "nsubj",
    ]
    deps += ["aux", "ccomp", "punct"]
    pos = [
        "ADP",
        "PROPN",
        "PUNCT",
        "NOUN",
        "PROPN",
        "VERB",
        "DET",
        "NOUN",
        "ADP",
        "NOUN",
        "SCONJ",
        "PRON",
        "AUX",
    ]
    doc = parsed(words, heads, deps, [(5, 6, "CUE"), (10, 14, "CONTENT")])
    for token, tag in zip(doc, [*pos, "VERB", "PUNCT"], strict=True):
        token.pos_ = tag
    statement = only(doc, [named(doc, "e1", "Ryder", "PERSON")])
    assert statement.source is not None and statement.source.text == "secretary Ryder"
    assert statement.addressee == "a meeting of commanders"


def test_a_name_before_a_cue_the_parser_cut_off_into_a_sentence_of_its_own_is_the_source() -> None:
    # GIVEN "Ms. von der Leyen told reporters that it would end." with a sentence break before "told"
    words = ["Ms.", "von", "der", "Leyen", "told", "reporters", "that", "it", "would", "end", "."]
    heads = [1, 1, 1, 1, 4, 4, 9, 9, 9, 4, 4]
    deps = ["nmod:desc", "ROOT", "appos", "flat", "ROOT", "iobj", "mark", "nsubj", "aux", "ccomp", "punct"]
    ents = ["O", "O", "O", "B-PERSON", *["O"] * 7]
    doc = parsed(words, heads, deps, [(4, 5, "CUE"), (6, 10, "CONTENT")], ents=ents)
    for token, pos in zip(doc, ["PROPN", "NOUN", "NOUN", "PROPN", "VERB"], strict=False):
        token.pos_ = pos
    assert [s.start for s in doc.sents] == [0, 4]
    statement = only(doc, [named(doc, "e1", "Leyen", "PERSON")])
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_cue_after_a_relative_clause_cue_does_not_share_its_who() -> None:
    words = (
        "The two aldermen who voted against it , Carl Voss and Nadia Petrov , said the council should wait ."
    )
    heads = [2, 2, 14, 4, 2, 6, 4, 8, 2, 8, 11, 8, 11, 8, 14, 16, 18, 18, 14, 14]
    deps = [
        "det", "nummod", "nsubj", "nsubj", "acl:relcl", "case", "obl", "punct", "appos", "flat", "cc", "conj",
        "flat", "punct", "ROOT", "det", "nsubj", "aux", "ccomp", "punct",
    ]  # fmt: skip
    ents = ["O"] * 8 + ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"] + ["O"] * 7
    doc = parsed(
        words.split(), heads, deps, [(4, 6, "CUE"), (6, 7, "CONTENT"), (14, 15, "CUE"), (15, 19, "CONTENT")],
        ents=ents,
    )  # fmt: skip
    people = [named(doc, "e1", "Carl Voss", "PERSON"), named(doc, "e2", "Nadia Petrov", "PERSON")]
    said = next(s for s in extract_statements(doc, people) if s.cue is not None and s.cue.text == "said")
    assert said.source is not None and said.source.text != "who"
    assert said.speaker is not None and said.speaker.name in {
        "Carl Voss",
        "Nadia Petrov",
        "Carl Voss and Nadia Petrov",
    }


def test_the_listener_of_a_medium_misparsed_as_an_infinitive() -> None:
    words = "The chief said in a video message to staff that the hospitals remained open ."
    heads = [1, 2, 2, 6, 6, 6, 2, 8, 6, 12, 11, 12, 2, 12, 2]
    deps = [
        "det", "nsubj", "ROOT", "case", "det", "compound", "obl", "mark", "acl", "mark", "det", "nsubj",
        "ccomp", "xcomp", "punct",
    ]  # fmt: skip
    doc = parsed(words.split(), heads, deps, [(0, 2, "SOURCE"), (2, 3, "CUE"), (9, 14, "CONTENT")])
    statement = only(doc, [])
    assert statement.addressee == "staff"
    assert statement.medium is not None and "video message" in statement.medium


def test_a_medium_before_a_sentence_break_the_parser_put_inside_the_sentence() -> None:
    words = "In a ruling , Judge Maria Delgado wrote that the review failed ."
    heads = [2, 2, 2, 2, 2, 7, 5, 7, 11, 10, 11, 7, 7]  # two roots: the parser broke before "Maria"
    deps = [
        "case", "det", "ROOT", "punct", "appos", "nsubj", "flat", "ROOT", "mark", "det", "nsubj", "ccomp",
        "punct",
    ]  # fmt: skip
    doc = parsed(words.split(), heads, deps, [(5, 7, "SOURCE"), (7, 8, "CUE"), (8, 12, "CONTENT")])
    assert [s.start for s in doc.sents] == [0, 5]
    assert only(doc, []).medium == "ruling"


def test_a_clause_marked_as_source_before_the_real_source_and_an_apposition() -> None:
    words = "Poachers killed three rhinos , the wildlife service said on Monday , the worst attack in years ."
    # the model marked the clause as the source and left "the wildlife service" out
    heads = [1, 8, 3, 1, 1, 7, 7, 8, 8, 10, 8, 14, 14, 14, 8, 16, 14, 8]
    deps = [
        "nsubj", "ccomp", "nummod", "obj", "punct", "det", "compound", "nsubj", "ROOT", "case", "obl",
        "punct", "det", "amod", "appos", "case", "nmod", "punct",
    ]  # fmt: skip
    tags = [
        "NNS", "VBD", "CD", "NNS", ",", "DT", "NN", "NN", "VBD", "IN", "NNP", ",", "DT", "JJS", "NN", "IN",
        "NNS", ".",
    ]  # fmt: skip
    pos = [
        "NOUN", "VERB", "NUM", "NOUN", "PUNCT", "DET", "NOUN", "NOUN", "VERB", "ADP", "PROPN", "PUNCT", "DET",
        "ADJ", "NOUN", "ADP", "NOUN", "PUNCT",
    ]  # fmt: skip
    spans = [(0, 4, "SOURCE"), (8, 9, "CUE"), (12, 17, "CONTENT")]
    doc = parsed(words.split(), heads, deps, spans, tags=tags, pos=pos)
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "the wildlife service"
    assert statement.content is not None and statement.content.fragments is not None
    assert doc.text[slice(*statement.content.fragments[0])] == "Poachers killed three rhinos"


def test_a_source_in_the_sentence_before_does_not_beat_the_cues_own_subject() -> None:
    words = "Nine Republicans joined Democrats . Its sponsor , Sen. Raphael Warnock , said the bill helps ."
    heads = [1, 2, 2, 2, 2, 6, 12, 9, 9, 6, 9, 6, 12, 14, 15, 12, 12]
    deps = [
        "nummod", "nsubj", "ROOT", "obj", "punct", "nmod:poss", "nsubj", "punct", "nmod:desc", "appos",
        "flat", "punct", "ROOT", "det", "nsubj", "ccomp", "punct",
    ]  # fmt: skip
    ents = ["O"] * 9 + ["B-PERSON", "I-PERSON"] + ["O"] * 6
    spans = [
        (0, 2, "SOURCE"),
        (12, 13, "CUE"),
        (13, 16, "CONTENT"),
    ]  # the model's source: the sentence before
    doc = parsed(words.split(), heads, deps, spans, ents=ents)
    statement = only(doc, [named(doc, "e1", "Raphael Warnock", "PERSON")])
    assert statement.source is not None and "Warnock" in statement.source.text
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_it_after_the_content_is_the_organisation_that_is_its_subject() -> None:
    words = "Loaf & Co will close stores in Britain , it said ."
    heads = [2, 2, 4, 4, 10, 4, 7, 5, 4, 10, 10, 10]
    deps = [
        "compound",
        "cc",
        "nsubj",
        "aux",
        "ccomp",
        "obj",
        "case",
        "nmod",
        "punct",
        "nsubj",
        "ROOT",
        "punct",
    ]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "B-LOC", "O", "O", "O", "O"]
    doc = parsed(
        words.split(), heads, deps, [(0, 8, "CONTENT"), (9, 10, "SOURCE"), (10, 11, "CUE")], ents=ents
    )
    loaf, britain = named(doc, "e1", "Loaf & Co", "ORG"), named(doc, "e2", "Britain", "LOC")
    statement = only(doc, [loaf, britain])
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_name_right_after_the_source_noun_is_part_of_the_source() -> None:
    words = "Russia 's state news agency TASS said Qatar offered talks ."
    heads = [4, 0, 4, 4, 6, 4, 6, 8, 6, 8, 6]
    deps = [
        "nmod:poss",
        "case",
        "compound",
        "compound",
        "nsubj",
        "appos",
        "ROOT",
        "nsubj",
        "ccomp",
        "obj",
        "punct",
    ]
    pos = ["PROPN", "PART", "NOUN", "NOUN", "NOUN", "PROPN", "VERB", "PROPN", "VERB", "NOUN", "PUNCT"]
    ents = ["B-LOC", "O", "O", "O", "O", "B-ORG", "O", "B-LOC", "O", "O", "O"]
    spans = [(0, 5, "SOURCE"), (6, 7, "CUE"), (7, 10, "CONTENT")]
    doc = parsed(words.split(), heads, deps, spans, ents=ents, pos=pos)
    tass = named(doc, "e1", "TASS", "ORG")
    statement = only(doc, [named(doc, "e2", "Russia", "LOC"), tass])
    assert statement.source is not None and statement.source.text == "Russia's state news agency TASS"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_the_league_leaders_after_the_content_are_its_subject_club() -> None:
    words = "Liverpool signed Berg from Feyenoord , the Premier League leaders said ."
    heads = [1, 10, 1, 4, 1, 1, 9, 8, 9, 10, 10, 10]
    deps = [
        "nsubj",
        "ccomp",
        "obj",
        "case",
        "obl",
        "punct",
        "det",
        "compound",
        "compound",
        "nsubj",
        "ROOT",
        "punct",
    ]
    ents = ["B-ORG", "O", "B-PERSON", "O", "B-ORG", "O", "O", "B-MISC", "I-MISC", "O", "O", "O"]
    spans = [(0, 5, "CONTENT"), (6, 10, "SOURCE"), (10, 11, "CUE")]
    doc = parsed(words.split(), heads, deps, spans, ents=ents)
    liverpool, feyenoord = named(doc, "e1", "Liverpool", "ORG"), named(doc, "e2", "Feyenoord", "ORG")
    league = named(doc, "e3", "Premier League", "MISC")
    statement = only(doc, [liverpool, feyenoord, league])
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def headline_doc(words: list[str], tags: list[str], ents: list[str]) -> Doc:
    """``words`` as the article's first line, then a paragraph naming Mike Pence (each word its own head)."""
    body = ["\n\n", "Mike", "Pence", "spoke", "in", "Ohio", "."]
    all_words = [*words, *body]
    spaces = [
        following not in {",", ".", ":", "n't", "?"} and word != "\n\n"
        for word, following in zip(all_words, [*all_words[1:], ""], strict=True)
    ]
    doc = Doc(
        NLP.vocab,
        words=all_words,
        spaces=spaces,
        tags=[*tags, "_SP", "NNP", "NNP", "VBD", "IN", "NNP", "."],
        ents=[*ents, "O", "B-PERSON", "I-PERSON", "O", "O", "B-LOC", "O"],
    )
    for token in doc:
        token.pos_ = "PUNCT" if token.is_punct else "DET" if token.lower_ in {"the", "a"} else "PROPN"
    doc.spans["attribution"] = []
    return doc


def test_a_headline_opened_by_a_name_and_a_colon_is_that_speakers_statement() -> None:
    # GIVEN "Pence: Flowers Won't Be at Debate." as the first line (the NER missed "Pence" there), and
    # "Mike Pence" named further down
    words = ["Pence", ":", "Flowers", "Wo", "n't", "Be", "at", "Debate", "."]
    tags = ["NN", ":", "NNP", "MD", "RB", "VB", "IN", "NN", "."]
    doc = headline_doc(words, tags, ["O", "O", "B-PERSON", *["O"] * 6])
    full = doc.text.index("Mike Pence")
    # both mentions, as clustering links them
    mentions = [TextSpan.of(doc.text, 0, 5), TextSpan.of(doc.text, full, full + 10)]
    statement = only(doc, [Entity(id="e1", name="Mike Pence", label="PERSON", mentions=mentions)])
    # THEN Pence said what follows the colon, and he is Mike Pence
    assert statement.source is not None and statement.source.text == "Pence"
    assert statement.cue is not None and statement.cue.text == ":"
    assert statement.content is not None and statement.content.text == "Flowers Won't Be at Debate"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_headline_speaker_on_a_topic_is_the_name_before_on() -> None:
    words = ["Obama", "on", "Climate", "Change", ":", "The", "Trends", "Are", "Terrifying", "."]
    tags = ["NNP", "IN", "NNP", "NNP", ":", "DT", "NNS", "VBP", "JJ", "."]
    doc = headline_doc(words, tags, ["B-PERSON", *["O"] * 9])
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "Obama"
    assert statement.content is not None and statement.content.text == "The Trends Are Terrifying"


@pytest.mark.parametrize(
    ("words", "tags", "ents"),
    [
        # a label, not a speaker
        (
            ["Breaking", ":", "Pence", "Will", "Skip", "the", "Debate", "."],
            ["NN", ":", "NNP", "MD", "VB", "DT", "NN", "."],
            ["O", "O", "B-PERSON", *["O"] * 5],
        ),
        # opens with a determiner
        (
            ["The", "Latest", ":", "Pence", "Will", "Skip", "the", "Debate", "."],
            ["DT", "JJS", ":", "NNP", "MD", "VB", "DT", "NN", "."],
            ["O", "O", "O", "B-PERSON", *["O"] * 5],
        ),
        # names no one: no entity in it or named later, no noun such as "Poll"
        (
            ["Stealth", "Over", "Health", ":", "Pence", "Will", "Skip", "the", "Debate", "."],
            ["NNP", "NNP", "NNP", ":", "NNP", "MD", "VB", "DT", "NN", "."],
            [*["O"] * 4, "B-PERSON", *["O"] * 5],
        ),
        # a question
        (
            ["Pence", ":", "Hero", "or", "Villain", "of", "the", "Debate", "?"],
            ["NNP", ":", "NN", "CC", "NN", "IN", "DT", "NN", "."],
            ["B-PERSON", *["O"] * 8],
        ),
        # a name with a verb after it: the headline is about him
        (
            ["Pence", "Wades", "In", ":", "Flowers", "Will", "Skip", "the", "Debate", "."],
            ["NNP", "VBZ", "RP", ":", "NNP", "MD", "VB", "DT", "NN", "."],
            ["B-PERSON", *["O"] * 9],
        ),
    ],
)
def test_a_headline_colon_without_a_speaker_before_it_is_no_statement(
    words: list[str], tags: list[str], ents: list[str]
) -> None:
    doc = headline_doc(words, tags, ents)
    assert extract_statements(doc, []) == []


def test_a_poll_in_a_headline_is_its_source() -> None:
    words = ["Poll", ":", "Clinton", "and", "Trump", "in", "Dead", "Heat", "."]
    tags = ["NN", ":", "NNP", "CC", "NNP", "IN", "JJ", "NN", "."]
    doc = headline_doc(words, tags, ["O", "O", "B-PERSON", "O", "B-PERSON", *["O"] * 4])
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "Poll"


def test_a_source_cut_at_the_hyphen_of_a_name_is_joined_again() -> None:
    # GIVEN "President Park Geun-hye said talks failed." with the model's source in two pieces
    words = ["President", "Park", "Geun", "-", "hye", "said", "talks", "failed", "."]
    spaces = [True, True, False, False, True, True, True, False, False]
    doc = Doc(NLP.vocab, words=words, spaces=spaces)
    doc.spans["attribution"] = [
        Span(doc, 0, 3, label="SOURCE"), Span(doc, 4, 5, label="SOURCE"), Span(doc, 5, 6, label="CUE"),
        Span(doc, 6, 8, label="CONTENT"),
    ]  # fmt: skip
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "President Park Geun-hye"


def fields(text: str) -> list[str]:
    """The space-separated fields of ``text``: words, heads' labels or tags of a hand-parsed sentence."""
    return text.split()


def test_a_source_loses_the_participle_left_before_a_date() -> None:
    words = fields("A Quinnipiac poll released in late August found that voters agreed .")
    heads = [2, 2, 7, 2, 6, 6, 3, 7, 10, 10, 7, 7]
    deps = fields("det compound nsubj acl case amod obl ROOT mark nsubj ccomp punct")
    tags = fields("DT NNP NN VBN IN JJ NNP VBD IN NNS VBD .")
    pos = fields("DET PROPN NOUN VERB ADP ADJ PROPN VERB SCONJ NOUN VERB PUNCT")
    ents = ["O"] * 5 + ["B-DATE", "I-DATE"] + ["O"] * 5
    spans = [(0, 7, "SOURCE"), (7, 8, "CUE"), (8, 11, "CONTENT")]
    doc = parsed(words, heads, deps, spans, tags=tags, ents=ents, pos=pos)
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "A Quinnipiac poll"


@pytest.mark.parametrize(
    ("cue_tag", "source"), [("VBD", "Surety companies that had insured the bonds"), ("VBG", None)]
)
def test_a_cue_verb_hung_inside_the_noun_phrase_opening_its_sentence_takes_that_phrase(
    cue_tag: str, source: str | None
) -> None:
    # GIVEN "Surety companies that had insured the bonds agreed to release cash ." parsed as one noun phrase
    # with "agreed" a modifier of "bonds"; a participle ("agreeing") is a modifier indeed
    words = fields("Surety companies that had insured the bonds agreed to release cash .")
    heads = [1, 1, 4, 4, 1, 6, 4, 6, 9, 7, 9, 1]
    deps = fields("compound ROOT nsubj aux acl:relcl det obj acl mark xcomp obj punct")
    tags = fields(f"NN NNS WDT VBD VBN DT NNS {cue_tag} TO VB NN .")
    pos = fields("NOUN NOUN PRON AUX VERB DET NOUN VERB PART VERB NOUN PUNCT")
    doc = parsed(words, heads, deps, [(7, 8, "CUE"), (8, 11, "CONTENT")], tags=tags, pos=pos)
    statement = only(doc, [])
    assert (statement.source.text if statement.source else None) == source


def test_a_name_and_its_apposition_before_a_cue_the_parser_split_off_are_the_source() -> None:
    # GIVEN "The Border Agency , the office that runs it , said it would act ." parsed as two sentences,
    # the first a noun phrase with its apposition, the second opening with "said"
    words = fields("The Border Agency , the office that runs it , said it would act .")
    heads = [2, 2, 2, 5, 5, 2, 7, 5, 7, 2, 10, 13, 13, 10, 10]
    deps = fields("det compound ROOT punct det appos nsubj acl:relcl obj punct ROOT nsubj aux ccomp punct")
    tags = fields("DT NNP NNP , DT NN WDT VBZ PRP , VBD PRP MD VB .")
    pos = fields("DET PROPN PROPN PUNCT DET NOUN PRON VERB PRON PUNCT VERB PRON AUX VERB PUNCT")
    doc = parsed(words, heads, deps, [(10, 11, "CUE"), (11, 14, "CONTENT")], tags=tags, pos=pos)
    statement = only(doc, [])
    # THEN the name and its apposition are the source
    assert statement.source is not None
    assert statement.source.text == "The Border Agency, the office that runs it"


def test_a_role_phrase_before_a_name_is_part_of_the_source_when_the_parser_split_the_sentence_there() -> None:
    # GIVEN "A lawyer for the outlets , David Schulz , said talks failed ." parsed as two sentences
    words = fields("A lawyer for the outlets , David Schulz , said talks failed .")
    heads = [1, 1, 4, 4, 1, 1, 7, 9, 9, 9, 11, 9, 9]
    deps = fields("det ROOT case det nmod punct compound nsubj punct ROOT nsubj ccomp punct")
    pos = fields("DET NOUN ADP DET NOUN PUNCT PROPN PROPN PUNCT VERB NOUN VERB PUNCT")
    ents = ["O"] * 6 + ["B-PERSON", "I-PERSON"] + ["O"] * 5
    spans = [(6, 8, "SOURCE"), (9, 10, "CUE"), (10, 12, "CONTENT")]
    doc = parsed(words, heads, deps, spans, ents=ents, pos=pos)
    statement = only(doc, [named(doc, "e1", "David Schulz", "PERSON")])
    assert statement.source is not None and statement.source.text == "A lawyer for the outlets, David Schulz"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_source_opening_with_of_takes_in_the_noun_it_hangs_on() -> None:
    # GIVEN "A chorus of prominent Republicans has said the same ." with the model's source from "of"
    words = fields("A chorus of prominent Republicans has said the same .")
    heads = [1, 6, 4, 4, 1, 6, 6, 8, 6, 6]
    deps = fields("det nsubj case amod nmod aux ROOT det obj punct")
    pos = fields("DET NOUN ADP ADJ PROPN AUX VERB DET ADJ PUNCT")
    doc = parsed(words, heads, deps, [(2, 5, "SOURCE"), (5, 7, "CUE"), (7, 9, "CONTENT")], pos=pos)
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "A chorus of prominent Republicans"


def test_a_name_and_the_role_after_it_before_a_subjectless_cue_are_its_source() -> None:
    # GIVEN "In a request , Chris Herren , chief of the voting section , noted the allegations ." where the
    # parse made the name and the role conjuncts of "request" and left "noted" without a subject
    words = fields("In a request , Chris Herren , chief of the voting section , noted the allegations .")
    heads = [2, 2, 13, 2, 2, 4, 7, 2, 11, 11, 11, 7, 13, 13, 15, 13, 13]
    deps = fields("case det obl punct conj flat punct conj case det compound nmod punct ROOT det obj punct")
    ents = ["O"] * 4 + ["B-PERSON", "I-PERSON"] + ["O"] * 11
    doc = parsed(words, heads, deps, [(13, 14, "CUE"), (14, 16, "CONTENT")], ents=ents)
    statement = only(doc, [named(doc, "e1", "Chris Herren", "PERSON")])
    assert (
        statement.source is not None and statement.source.text == "Chris Herren, chief of the voting section"
    )


def test_a_that_clause_past_punctuation_is_found_through_the_parse() -> None:
    # GIVEN "Hale has told friends , at fundraisers , that she is worried ." with no content marked
    words = fields("Hale has told friends , at fundraisers , that she is worried .")
    heads = [2, 2, 2, 2, 6, 6, 2, 11, 11, 11, 11, 2, 2]
    deps = fields("nsubj aux ROOT iobj punct case obl punct mark nsubj cop ccomp punct")
    tags = fields("NNP VBZ VBN NNS , IN NNS , IN PRP VBZ JJ .")
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 3, "CUE")], tags=tags)
    statement = only(doc, [])
    # THEN the content is the clause from "that" to the sentence end
    assert statement.content is not None and statement.content.text == "that she is worried"


@pytest.mark.parametrize(
    ("sentence", "heads", "deps", "tags", "content"),
    [
        (  # a clause right after a speech verb other than "told", no "that"
            "Voters say they support the plan .",
            [1, 1, 3, 1, 5, 3, 1],
            "nsubj ROOT nsubj ccomp det obj punct",
            "NNS VBP PRP VBP DT NN .",
            "they support the plan",
        ),
        (  # a wh-clause after the listener
            "Polls do n't tell us where she stands .",
            [3, 3, 3, 3, 3, 7, 7, 3, 3],
            "nsubj aux advmod ROOT iobj advmod nsubj ccomp punct",
            "NNS VBP RB VB PRP WRB PRP VBZ .",
            "where she stands",
        ),
        (  # after "told", a clause without opener is left to the listener rule
            "Okafor told the council the city would pay .",
            [1, 1, 3, 7, 5, 7, 7, 1, 1],
            "nsubj ROOT det nsubj det nsubj aux ccomp punct",
            "NNP VBD DT NN DT NN MD VB .",
            "the city would pay",
        ),
    ],
)
def test_a_speech_verbs_clausal_complement_is_its_content(
    sentence: str, heads: list[int], deps: str, tags: str, content: str
) -> None:
    words = fields(sentence)
    cue_end = 2 if words[1] in {"say", "told"} else 4  # "do n't tell"
    spans = [(0, 1, "SOURCE"), (1, cue_end, "CUE")]
    doc = parsed(words, heads, fields(deps), spans, tags=fields(tags))
    statement = only(doc, [])
    assert statement.content is not None and statement.content.text == content


def test_a_quote_inside_a_reported_statement_does_not_make_the_reporting_one_mixed() -> None:
    # GIVEN 'Whitaker said Price told him that the board had "lost confidence".' with only Price's content
    # marked: Whitaker's content is the clausal complement of "said"
    words = fields('Whitaker said Price told him that the board had " lost confidence " .')
    heads = [1, 1, 3, 1, 3, 8, 7, 8, 3, 11, 11, 8, 11, 1]
    deps = fields("nsubj ROOT nsubj ccomp iobj mark det nsubj ccomp punct amod obj punct punct")
    tags = fields("NNP VBD NNP VBD PRP IN DT NN VBD `` VBN NN '' .")
    spaces = [True] * 9 + [False, True, False, False, False]
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 3, "SOURCE"), (3, 4, "CUE"), (5, 13, "CONTENT")]
    whitaker, price = extract_statements(parsed(words, heads, deps, spans, tags=tags, spaces=spaces), [])
    # THEN the quote is Price's: his statement is mixed, Whitaker's report of it indirect
    assert whitaker.content is not None and whitaker.content.text.startswith("Price told him that")
    assert (whitaker.kind, price.kind) == ("indirect", "mixed")


def test_a_verbless_content_keeps_a_phrase_opened_by_at() -> None:
    # GIVEN "He cited his anger at the articles ." with the content marked
    words = fields("He cited his anger at the articles .")
    heads = [1, 1, 3, 1, 6, 6, 3, 1]
    deps = fields("nsubj ROOT nmod:poss obj case det nmod punct")
    pos = fields("PRON VERB PRON NOUN ADP DET NOUN PUNCT")
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 7, "CONTENT")], pos=pos)
    # THEN "at the articles" is what the anger is about, no circumstance: PolNeAR keeps it
    statement = only(doc, [])
    assert statement.content is not None and statement.content.text == "his anger at the articles"


def test_a_role_between_a_quote_and_the_name_after_it_is_the_source_not_the_quote() -> None:
    # GIVEN '"This is a decision," the alliance's secretary-general, Mark Rutte, told reporters.' as the
    # shipped parser parsed it (the cue a clause of "decision", the name a conjunct of "general")
    words = [
        '"',
        "This",
        "is",
        "a",
        "decision",
        ",",
        '"',
        "the",
        "alliance",
        "'s",
        "secretary",
        "-",
        "general",
    ]
    words += [",", "Mark", "Rutte", ",", "told", "reporters", "."]
    heads = [0, 4, 4, 4, 4, 4, 12, 12, 12, 12, 12, 10, 4, 14, 12, 14, 12, 4, 17, 4]
    deps = ["ROOT", "nsubj", "cop", "det", "ROOT", "punct", "punct", "det", "nmod:poss", "nmod:poss"]
    deps += ["compound", "punct", "amod", "punct", "conj", "flat", "punct", "acl", "iobj", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "DET", "NOUN", "PUNCT", "PUNCT", "DET", "NOUN", "NOUN", "NOUN", "PUNCT"]
    pos += ["ADJ", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "NOUN", "PUNCT"]
    spaces = [False, True, True, True, False, False, True, True, False, True, False, False, False, True]
    spaces += [True, False, True, True, False, False]
    ents = ["O"] * 14 + ["B-PERSON", "I-PERSON"] + ["O"] * 4
    doc = parsed(words, heads, deps, [(1, 5, "CONTENT"), (17, 18, "CUE")], pos=pos, spaces=spaces, ents=ents)
    statement = only(doc, [named(doc, "e1", "Mark Rutte", "PERSON")])
    # THEN the quote alone is the content, and the statement is direct
    assert statement.content is not None and statement.content.text == "This is a decision"
    assert statement.kind == "direct"
    assert (
        statement.source is not None
        and statement.source.text == "the alliance's secretary-general, Mark Rutte"
    )


def test_a_comma_the_parser_made_a_sentence_of_its_own_before_a_name_is_no_role_phrase() -> None:
    # GIVEN "It rained , Mark Rutte said ." with the comma parsed as a sentence of its own
    words = ["It", "rained", ",", "Mark", "Rutte", "said", "."]
    heads, deps = [1, 1, 2, 4, 5, 5, 5], ["nsubj", "ROOT", "ROOT", "compound", "nsubj", "ROOT", "punct"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = parsed(words, heads, deps, [(3, 5, "SOURCE"), (5, 6, "CUE")], ents=ents)
    statement = only(doc, [named(doc, "e1", "Mark Rutte", "PERSON")])
    assert statement.source is not None and statement.source.text == "Mark Rutte"


def test_a_listener_the_content_opened_with_is_the_addressee_and_that_opens_the_content() -> None:
    # GIVEN "Bell warned councillors that closure would cost more." with the content marked from "councillors"
    words = ["Bell", "warned", "councillors", "that", "closure", "would", "cost", "more", "."]
    heads = [1, 1, 1, 6, 6, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "iobj", "mark", "nsubj", "aux", "ccomp", "obj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "SCONJ", "NOUN", "AUX", "VERB", "ADJ", "PUNCT"]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 2, "CUE"), (2, 8, "CONTENT")], pos=pos)
    statement = only(doc, [named(doc, "e1", "Bell", "PERSON")])
    assert statement.content is not None and statement.content.text == "that closure would cost more"
    assert statement.addressee == "councillors"


def test_a_role_opened_by_its_is_the_sources_and_the_that_clause_after_the_listener_the_content() -> None:
    # GIVEN "Its chairman, Lars Holm, told the broadcaster TV 2 that members learned." with no content marked
    # and the that-clause parsed as a clause of "TV"
    words = ["Its", "chairman", ",", "Lars", "Holm", ",", "told", "the", "broadcaster", "TV", "2", "that"]
    words += ["members", "learned", "."]
    heads = [1, 6, 1, 1, 3, 3, 6, 9, 9, 6, 9, 13, 13, 9, 6]
    deps = ["nmod:poss", "nsubj", "punct", "appos", "flat", "punct", "ROOT", "det", "compound", "obj"]
    deps += ["flat", "mark", "nsubj", "acl", "punct"]
    pos = ["PRON", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "NOUN", "NUM", "SCONJ"]
    pos += ["NOUN", "VERB", "PUNCT"]
    ents = ["O"] * 3 + ["B-PERSON", "I-PERSON"] + ["O"] * 10
    doc = parsed(words, heads, deps, [(3, 5, "SOURCE"), (6, 7, "CUE")], pos=pos, ents=ents)
    statement = only(doc, [named(doc, "e1", "Lars Holm", "PERSON")])
    assert statement.source is not None and statement.source.text == "Its chairman, Lars Holm"
    assert statement.content is not None and statement.content.text == "that members learned"
    assert statement.addressee == "the broadcaster TV 2"


def test_a_role_with_a_possessive_between_a_quote_and_the_name_is_no_part_of_the_quote() -> None:
    # GIVEN '"We wait," Chile's foreign minister, Valentina Rojas, said.'
    words = [
        '"',
        "We",
        "wait",
        ",",
        '"',
        "Chile",
        "'s",
        "foreign",
        "minister",
        ",",
        "Valentina",
        "Rojas",
        ",",
    ]
    words += ["said", "."]
    heads = [2, 2, 13, 2, 2, 8, 5, 8, 13, 10, 8, 10, 10, 13, 13]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nmod:poss", "case", "amod", "nsubj", "punct"]
    deps += ["appos", "flat", "punct", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "PART", "ADJ", "NOUN", "PUNCT", "PROPN"]
    pos += ["PROPN", "PUNCT", "VERB", "PUNCT"]
    spaces = [
        False,
        True,
        False,
        False,
        True,
        False,
        True,
        True,
        False,
        True,
        True,
        False,
        True,
        False,
        False,
    ]
    ents = ["O"] * 10 + ["B-PERSON", "I-PERSON"] + ["O"] * 3
    spans = [(1, 3, "CONTENT"), (10, 12, "SOURCE"), (13, 14, "CUE")]
    doc = parsed(words, heads, deps, spans, pos=pos, spaces=spaces, ents=ents)
    statement = only(doc, [named(doc, "e1", "Valentina Rojas", "PERSON")])
    assert statement.content is not None and statement.content.text == "We wait"
    assert statement.kind == "direct"
    assert (
        statement.source is not None and statement.source.text == "Chile's foreign minister, Valentina Rojas"
    )


def test_a_cue_with_a_subject_of_its_own_does_not_share_the_source_of_the_cue_before_it() -> None:
    # GIVEN "The commission declared Cole winner, but his rival, Okonkwo, said the count was rigged."
    words = [
        "The",
        "commission",
        "declared",
        "Cole",
        "winner",
        ",",
        "but",
        "his",
        "rival",
        ",",
        "Okonkwo",
        ",",
    ]
    words += ["said", "the", "count", "was", "rigged", "."]
    heads = [1, 2, 2, 2, 2, 8, 8, 8, 2, 10, 12, 10, 8, 14, 16, 16, 12, 2]
    deps = ["det", "nsubj", "ROOT", "obj", "xcomp", "punct", "cc", "nmod:poss", "conj", "punct", "nsubj"]
    deps += ["punct", "acl:relcl", "det", "nsubj:pass", "aux:pass", "ccomp", "punct"]
    pos = ["DET", "NOUN", "VERB", "PROPN", "NOUN", "PUNCT", "CCONJ", "PRON", "NOUN", "PUNCT", "PROPN"]
    pos += ["PUNCT", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    ents = ["O"] * 10 + ["B-PERSON"] + ["O"] * 7
    spans = [(0, 2, "SOURCE"), (2, 3, "CUE"), (3, 5, "CONTENT"), (12, 13, "CUE"), (13, 17, "CONTENT")]
    doc = parsed(words, heads, deps, spans, pos=pos, ents=ents)
    said = [
        s for s in extract_statements(doc, [named(doc, "e1", "Okonkwo", "PERSON")]) if s.cue.text == "said"
    ]
    assert said[0].source is not None and said[0].source.text == "Okonkwo"
    assert said[0].speaker is not None and said[0].speaker.entity_id == "e1"


def test_a_noun_phrase_set_off_by_commas_is_the_source_when_the_parse_gives_the_cue_no_subject() -> None:
    # GIVEN "In a statement after the meeting, the bank's committee, known as Copom, said ..." with the
    # committee parsed as an apposition of "statement"
    words = ["In", "a", "statement", "after", "the", "meeting", ",", "the", "bank", "'s", "committee", ","]
    words += ["known", "as", "Copom", ",", "said", "the", "decision", "was", "unanimous", "."]
    heads = [2, 2, 16, 5, 5, 2, 10, 8, 10, 8, 2, 12, 10, 14, 12, 2, 16, 18, 20, 20, 16, 16]
    deps = [
        "case",
        "det",
        "obl",
        "case",
        "det",
        "nmod",
        "punct",
        "det",
        "nmod:poss",
        "case",
        "appos",
        "punct",
    ]
    deps += ["acl", "case", "obl", "punct", "ROOT", "det", "nsubj", "cop", "ccomp", "punct"]
    pos = [
        "ADP",
        "DET",
        "NOUN",
        "ADP",
        "DET",
        "NOUN",
        "PUNCT",
        "DET",
        "NOUN",
        "PART",
        "NOUN",
        "PUNCT",
        "VERB",
    ]
    pos += ["ADP", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    doc = parsed(words, heads, deps, [(16, 17, "CUE"), (17, 21, "CONTENT")], pos=pos)
    statement = only(doc, [named(doc, "e1", "Copom", "ORG")])
    assert statement.source is not None and statement.source.text == "the bank's committee, known as Copom"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"
    assert statement.medium == "statement"


def test_a_that_clause_after_a_cue_that_took_in_its_interview_is_the_content() -> None:
    words = ["Voss", "said", "in", "an", "interview", "that", "residents", "would", "fight", "."]
    heads = [1, 1, 4, 4, 1, 8, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "case", "det", "obl", "mark", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 5, "CUE")], pos=pos)
    statement = only(doc, [named(doc, "e1", "Voss", "PERSON")])
    assert statement.content is not None and statement.content.text == "that residents would fight"
    assert statement.medium == "interview"


def test_an_inverted_quote_does_not_take_in_the_sentence_the_parser_ran_into_it() -> None:
    # GIVEN 'He denied payments. "I coach," Pritchett told reporters.' parsed as one sentence
    words = [
        "He",
        "denied",
        "payments",
        ".",
        '"',
        "I",
        "coach",
        ",",
        '"',
        "Pritchett",
        "told",
        "reporters",
        ".",
    ]
    heads = [1, 1, 1, 1, 6, 6, 10, 6, 6, 10, 1, 10, 1]
    deps = [
        "nsubj",
        "ROOT",
        "obj",
        "punct",
        "punct",
        "nsubj",
        "ccomp",
        "punct",
        "punct",
        "nsubj",
        "parataxis",
    ]
    deps += ["obj", "punct"]
    pos = [
        "PRON",
        "VERB",
        "NOUN",
        "PUNCT",
        "PUNCT",
        "PRON",
        "VERB",
        "PUNCT",
        "PUNCT",
        "PROPN",
        "VERB",
        "NOUN",
    ]
    pos += ["PUNCT"]
    spaces = [True, True, False, True, False, True, False, False, True, True, True, False, False]
    ents = ["O"] * 9 + ["B-PERSON"] + ["O"] * 3
    doc = parsed(words, heads, deps, [(9, 10, "SOURCE"), (10, 11, "CUE")], pos=pos, spaces=spaces, ents=ents)
    statement = only(doc, [named(doc, "e1", "Pritchett", "PERSON")])
    assert statement.content is not None and statement.content.text == "I coach"
    assert statement.kind == "direct"


def test_a_that_clause_after_the_cue_wins_over_prose_of_the_sentence_before() -> None:
    # GIVEN "Republicans avoided the dispute. A spokeswoman said in an email that the company would review
    # it."
    # with "the dispute" marked as content and no cue for "avoided"
    words = ["Republicans", "avoided", "the", "dispute", ".", "A", "spokeswoman", "said", "in", "an", "email"]
    words += ["that", "the", "company", "would", "review", "it", "."]
    heads = [1, 1, 3, 1, 1, 6, 7, 7, 10, 10, 7, 15, 13, 15, 15, 7, 15, 7]
    deps = [
        "nsubj",
        "ROOT",
        "det",
        "obj",
        "punct",
        "det",
        "nsubj",
        "ROOT",
        "case",
        "det",
        "obl",
        "mark",
        "det",
    ]
    deps += ["nsubj", "aux", "ccomp", "obj", "punct"]
    pos = [
        "PROPN",
        "VERB",
        "DET",
        "NOUN",
        "PUNCT",
        "DET",
        "NOUN",
        "VERB",
        "ADP",
        "DET",
        "NOUN",
        "SCONJ",
        "DET",
    ]
    pos += ["NOUN", "AUX", "VERB", "PRON", "PUNCT"]
    doc = parsed(words, heads, deps, [(2, 4, "CONTENT"), (5, 7, "SOURCE"), (7, 8, "CUE")], pos=pos)
    statement = only(doc, [])
    assert statement.content is not None and statement.content.text == "that the company would review it"
    assert statement.medium == "email"


def test_an_addressee_takes_in_a_name_whatever_the_tagger_made_of_its_words() -> None:
    # GIVEN "Petrakis told The Denver Post that the plan would change." with "Post" parsed as a verb
    words = ["Petrakis", "told", "The", "Denver", "Post", "that", "the", "plan", "would", "change", "."]
    heads = [1, 1, 4, 4, 1, 9, 7, 9, 9, 4, 1]
    deps = ["nsubj", "ROOT", "det", "compound", "ccomp", "mark", "det", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "VERB", "DET", "PROPN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    ents = ["B-PERSON", "O", "B-ORG", "I-ORG", "I-ORG"] + ["O"] * 6
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (5, 10, "CONTENT")]
    doc = parsed(words, heads, deps, spans, pos=pos, ents=ents)
    statement = only(doc, [named(doc, "e1", "Petrakis", "PERSON")])
    assert statement.addressee == "The Denver Post"


def test_a_televised_address_is_a_medium() -> None:
    words = ["In", "a", "televised", "address", ",", "Sandoval", "said", "he", "would", "win", "."]
    heads = [3, 3, 3, 6, 6, 6, 6, 9, 9, 6, 6]
    deps = ["case", "det", "amod", "obl", "punct", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["ADP", "DET", "ADJ", "NOUN", "PUNCT", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    doc = parsed(words, heads, deps, [(5, 6, "SOURCE"), (6, 7, "CUE"), (7, 10, "CONTENT")], pos=pos)
    assert only(doc, [named(doc, "e1", "Sandoval", "PERSON")]).medium == "televised address"


def test_an_organisation_opening_the_sentence_with_its_ticker_and_apposition_is_the_source() -> None:
    # GIVEN "Brightwater plc (BWE.L), one of the suppliers, said it would help." with "plc" parsed as a clause
    words = ["Brightwater", "plc", "(", "BWE.L", ")", ",", "one", "of", "the", "suppliers", ",", "said", "it"]
    words += ["would", "help", "."]
    heads = [1, 11, 3, 1, 3, 6, 1, 9, 9, 6, 1, 11, 14, 14, 11, 11]
    deps = ["compound", "ccomp", "punct", "appos", "punct", "punct", "appos", "case", "det", "nmod", "punct"]
    deps += ["ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "NOUN", "PUNCT", "NOUN", "PUNCT", "PUNCT", "NUM", "ADP", "DET", "NOUN", "PUNCT", "VERB"]
    pos += ["PRON", "AUX", "VERB", "PUNCT"]
    spaces = [
        True,
        True,
        False,
        False,
        False,
        True,
        True,
        True,
        True,
        False,
        True,
        True,
        True,
        True,
        False,
        False,
    ]
    ents = ["B-ORG"] + ["O"] * 15
    doc = parsed(
        words, heads, deps, [(11, 12, "CUE"), (12, 15, "CONTENT")], pos=pos, spaces=spaces, ents=ents
    )
    statement = only(doc, [named(doc, "e1", "Brightwater", "ORG")])
    assert (
        statement.source is not None
        and statement.source.text == "Brightwater plc (BWE.L), one of the suppliers"
    )
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_name_and_an_age_opening_the_sentence_are_the_source_whatever_the_ner_and_parse() -> None:
    # GIVEN "Rao, 52, later told analysts that costs fell." with the name untagged and "told" a conjunct of it
    words = ["Rao", ",", "52", ",", "later", "told", "analysts", "that", "costs", "fell", "."]
    heads = [0, 2, 0, 5, 5, 0, 5, 9, 9, 5, 0]
    deps = ["ROOT", "punct", "conj", "punct", "advmod", "conj", "obj", "mark", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PUNCT", "NUM", "PUNCT", "ADV", "VERB", "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT"]
    doc = parsed(words, heads, deps, [(4, 6, "CUE"), (7, 10, "CONTENT")], pos=pos)
    statement = only(doc, [named(doc, "e1", "Rao", "PERSON")])
    assert statement.source is not None and statement.source.text == "Rao"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"
    assert statement.addressee == "analysts"


def test_an_addressee_keeps_the_number_of_a_station_name() -> None:
    words = ["Cole", "told", "BBC", "Radio", "4", "that", "bills", "would", "rise", "."]
    heads = [1, 1, 3, 1, 3, 8, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "compound", "obj", "nummod", "mark", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "NUM", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"]
    ents = ["B-PERSON", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 2, "CUE"), (5, 9, "CONTENT")], pos=pos, ents=ents)
    assert only(doc, [named(doc, "e1", "Cole", "PERSON")]).addressee == "BBC Radio 4"


def test_a_ranking_is_no_subject_and_the_name_with_its_apposition_is_the_source() -> None:
    # GIVEN "Brandauer, the world No. 2, said he had no regrets." with "2" parsed as the subject of "said"
    words = ["Brandauer", ",", "the", "world", "No", ".", "2", ",", "said", "he", "had", "no", "regrets", "."]
    heads = [8, 0, 4, 4, 0, 4, 8, 6, 8, 10, 8, 12, 10, 8]
    deps = ["dep", "punct", "det", "compound", "appos", "punct", "nsubj", "punct", "ROOT", "nsubj", "ccomp"]
    deps += ["det", "obj", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "NUM", "PUNCT", "VERB", "PRON", "VERB", "DET"]
    pos += ["NOUN", "PUNCT"]
    spaces = [False, True, True, True, False, True, False, True, True, True, True, True, False, False]
    ents = ["B-PERSON"] + ["O"] * 13
    doc = parsed(words, heads, deps, [(8, 9, "CUE"), (9, 13, "CONTENT")], pos=pos, spaces=spaces, ents=ents)
    statement = only(doc, [named(doc, "e1", "Brandauer", "PERSON")])
    assert statement.source is not None and statement.source.text == "Brandauer, the world No. 2"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_subject_parsed_as_passive_without_an_auxiliary_is_the_source_not_the_listener() -> None:
    # GIVEN '"It was a cat," the 52-year-old told WHTV-8.' with "old" as nsubj:pass and "told" tagged VBN
    words = [
        '"',
        "It",
        "was",
        "a",
        "cat",
        ",",
        '"',
        "the",
        "52",
        "-",
        "year",
        "-",
        "old",
        "told",
        "WHTV-8",
        ".",
    ]
    heads = [4, 4, 4, 4, 13, 4, 4, 12, 10, 10, 12, 12, 13, 13, 13, 13]
    deps = [
        "punct",
        "nsubj",
        "cop",
        "det",
        "ccomp",
        "punct",
        "punct",
        "det",
        "nummod",
        "punct",
        "obl:unmarked",
    ]
    deps += ["punct", "nsubj:pass", "ROOT", "iobj", "punct"]
    tags = [
        "``",
        "PRP",
        "VBD",
        "DT",
        "NN",
        ",",
        "''",
        "DT",
        "CD",
        "HYPH",
        "NN",
        "HYPH",
        "JJ",
        "VBN",
        "NNP",
        ".",
    ]
    pos = [
        "PUNCT",
        "PRON",
        "AUX",
        "DET",
        "NOUN",
        "PUNCT",
        "PUNCT",
        "DET",
        "NUM",
        "PUNCT",
        "NOUN",
        "PUNCT",
        "ADJ",
    ]
    pos += ["VERB", "PROPN", "PUNCT"]
    spaces = [
        False,
        True,
        True,
        True,
        False,
        False,
        True,
        True,
        False,
        False,
        False,
        False,
        True,
        True,
        False,
    ]
    spaces += [False]
    doc = parsed(words, heads, deps, [(1, 5, "CONTENT"), (13, 14, "CUE")], tags=tags, pos=pos, spaces=spaces)
    statement = only(doc, [])
    assert statement.source is not None and statement.source.text == "the 52-year-old"
    assert statement.addressee == "WHTV-8"


def test_a_listener_opening_the_content_a_participle_before_it_and_addressing_give_the_addressee() -> None:
    # GIVEN "Judge Sims warned jurors not to read it ." with the content opening at the listener (as PolNeAR)
    words = ["Judge", "Sims", "warned", "jurors", "not", "to", "read", "it", "."]
    heads = [1, 2, 2, 2, 6, 6, 2, 6, 2]
    deps = ["compound", "nsubj", "ROOT", "iobj", "advmod", "mark", "xcomp", "obj", "punct"]
    doc = parsed(words, heads, deps, [(0, 2, "SOURCE"), (2, 3, "CUE"), (3, 8, "CONTENT")])
    assert only(doc, []).addressee == "jurors"
    # AND "Nunes told cheering supporters he had won ." with "cheering" parsed as the verb's open complement
    words = ["Nunes", "told", "cheering", "supporters", "he", "had", "won", "."]
    heads = [1, 1, 1, 2, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "xcomp", "obj", "nsubj", "aux", "ccomp", "punct"]
    tags = ["NNP", "VBD", "VBG", "NNS", "PRP", "VBD", "VBN", "."]
    doc = parsed(words, heads, deps, [(0, 1, "SOURCE"), (1, 2, "CUE"), (4, 7, "CONTENT")], tags=tags)
    assert only(doc, []).addressee == "supporters"
    # AND "Addressing councillors , Delaney cautioned that costs rise ." with the participle as the subject
    words = ["Addressing", "councillors", ",", "Delaney", "cautioned", "that", "costs", "rise", "."]
    heads = [4, 0, 0, 0, 4, 7, 7, 4, 4]
    deps = ["csubj", "obj", "punct", "obj", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    doc = parsed(words, heads, deps, [(3, 4, "SOURCE"), (4, 5, "CUE"), (5, 8, "CONTENT")])
    assert only(doc, []).addressee == "councillors"


def test_a_letter_to_staff_the_tagger_read_as_a_verb_still_names_its_addressee() -> None:
    # GIVEN "In a letter to staff on Monday , Whitfield wrote that it was sad ." with "staff" a verb
    words = ["In", "a", "letter", "to", "staff", "on", "Monday", ",", "Whitfield", "wrote", "that", "it"]
    words += ["was", "sad", "."]
    heads = [2, 2, 9, 4, 2, 6, 2, 2, 9, 9, 13, 13, 13, 9, 9]
    deps = ["case", "det", "obl", "mark", "acl", "case", "nmod", "punct", "nsubj", "ROOT", "mark", "nsubj"]
    deps += ["cop", "ccomp", "punct"]
    tags = ["IN", "DT", "NN", "TO", "VB", "IN", "NNP", ",", "NNP", "VBD", "IN", "PRP", "VBD", "JJ", "."]
    pos = ["ADP", "DET", "NOUN", "PART", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "SCONJ", "PRON"]
    pos += ["AUX", "ADJ", "PUNCT"]
    spans = [(8, 9, "SOURCE"), (9, 10, "CUE"), (10, 14, "CONTENT")]
    statement = only(parsed(words, heads, deps, spans, tags=tags, pos=pos), [])
    assert (statement.addressee, statement.medium) == ("staff", "letter")


@pytest.mark.parametrize(
    ("words", "medium"),
    [
        (["Kim", "said", "in", "a", "post", "on", "Facebook", "that", "it", "closed", "."], "Facebook"),
        (["Kim", "said", "by", "phone", "that", "it", "closed", "."], "phone"),
        (["Kim", "said", "in", "a", "legal", "submission", "that", "it", "closed", "."], "legal submission"),
    ],
)  # fmt: skip
def test_a_platform_after_a_post_and_a_phone_are_the_medium(words: list[str], medium: str) -> None:
    that = words.index("that")
    heads = [1, 1, *[1] * (that - 2), that + 2, that + 2, 1, 1]
    deps = ["nsubj", "ROOT", *["obl"] * (that - 2), "mark", "nsubj", "ccomp", "punct"]
    spans = [(0, 1, "SOURCE"), (1, 2, "CUE"), (that, that + 3, "CONTENT")]
    assert only(parsed(words, heads, deps, spans), []).medium == medium


def test_an_organisation_and_its_apposition_after_a_dateline_are_the_source() -> None:
    # GIVEN "SAN JOSE — Nimbral Systems, the storage company, said it would cut jobs." parsed with the
    # dateline as the root and "said" hung on the company's name (no subject)
    words = ["SAN", "JOSE", "—", "Nimbral", "Systems", ",", "the", "storage", "company", ",", "said", "it"]
    words += ["would", "cut", "jobs", "."]
    heads = [1, 1, 4, 4, 1, 8, 8, 8, 4, 4, 4, 13, 13, 10, 13, 1]
    deps = ["compound", "ROOT", "punct", "compound", "list", "punct", "det", "compound", "appos", "punct"]
    deps += ["acl", "nsubj", "aux", "ccomp", "obj", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "VERB"]
    pos += ["PRON", "AUX", "VERB", "NOUN", "PUNCT"]
    ents = ["B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", *["O"] * 11]
    doc = parsed(words, heads, deps, [(10, 11, "CUE"), (11, 15, "CONTENT")], pos=pos, ents=ents)
    statement = only(doc, [named(doc, "e1", "Nimbral Systems", "ORG")])
    assert statement.source is not None and statement.source.text == "Nimbral Systems, the storage company"
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_reached_by_phone_and_the_ruling_are_media_and_a_place_is_no_role() -> None:
    # GIVEN "Thorsen , reached by phone in Victoria , British Columbia , said she felt no joy ." with the
    # province parsed as an apposition of the name
    words = [
        "Thorsen",
        ",",
        "reached",
        "by",
        "phone",
        "in",
        "Victoria",
        ",",
        "British",
        "Columbia",
        ",",
        "said",
    ]
    words += ["she", "felt", "no", "joy", "."]
    heads = [11, 0, 0, 4, 2, 6, 2, 9, 9, 0, 0, 11, 13, 11, 15, 13, 11]
    deps = ["nsubj", "punct", "acl", "case", "obl", "case", "obl", "punct", "compound", "appos", "punct"]
    deps += ["ROOT", "nsubj", "ccomp", "det", "obj", "punct"]
    ents = ["B-PERSON", *["O"] * 5, "B-GPE", "O", "B-GPE", "I-GPE", *["O"] * 7]
    doc = parsed(words, heads, deps, [(0, 11, "SOURCE"), (11, 12, "CUE"), (12, 16, "CONTENT")], ents=ents)
    statement = only(doc, [named(doc, "e1", "Thorsen", "PERSON")])
    assert statement.medium == "phone"
    assert statement.speaker is not None and statement.speaker.role is None
    # AND "The ruling said it was not persuaded ." names its medium
    words = ["The", "ruling", "said", "it", "was", "not", "persuaded", "."]
    heads = [1, 2, 2, 6, 6, 6, 2, 2]
    deps = ["det", "nsubj", "ROOT", "nsubj:pass", "aux:pass", "advmod", "ccomp", "punct"]
    doc = parsed(words, heads, deps, [(0, 2, "SOURCE"), (2, 3, "CUE"), (3, 7, "CONTENT")])
    assert only(doc, []).medium == "ruling"


def test_a_role_and_a_name_whose_second_syllable_the_ner_left_out_are_the_source() -> None:
    # GIVEN "Bluecrest 's founder , Han Tae - joon , wrote that he was sad ." with "wrote" hung on "founder"
    words = ["Bluecrest", "'s", "founder", ",", "Han", "Tae", "-", "joon", ",", "wrote", "that", "he", "was"]
    words += ["sad", "."]
    heads = [2, 0, 2, 4, 2, 7, 7, 4, 9, 2, 13, 13, 13, 9, 2]
    deps = [
        "nmod:poss",
        "case",
        "ROOT",
        "punct",
        "appos",
        "compound",
        "punct",
        "flat",
        "punct",
        "conj",
        "mark",
    ]
    deps += ["nsubj", "cop", "ccomp", "punct"]
    spaces = [False, True, False, True, True, False, False, False, True, True, True, True, True, False, False]
    ents = ["B-ORG", "O", "O", "O", "B-PERSON", "I-PERSON", *["O"] * 9]
    pos = ["PROPN", "PART", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "NOUN", "PUNCT", "VERB", "SCONJ"]
    pos += ["PRON", "AUX", "ADJ", "PUNCT"]
    doc = parsed(words, heads, deps, [(9, 10, "CUE"), (10, 14, "CONTENT")], ents=ents, spaces=spaces, pos=pos)
    statement = only(doc, [named(doc, "e1", "Han Tae-joon", "PERSON")])
    assert statement.source is not None and statement.source.text == "Bluecrest's founder, Han Tae-joon"


def test_the_sentence_before_skips_an_opening_quote_mark_split_off_as_a_sentence() -> None:
    words = ["The", "union", "spoke", ".", '"', "Fares", "rise", ",", '"', "the", "group", "said", "."]
    starts = [True, False, False, False, True, True, *[False] * 7]
    doc = Doc(NLP.vocab, words=words, sent_starts=starts)
    assert syntax.previous_sentence_start(doc[9]) == 0
    assert syntax.previous_sentence_start(doc[1]) == 0


def test_whom_a_question_was_asked_is_its_addressee_but_not_an_inverted_speaker() -> None:
    words = ["Justice", "Ashdown", "asked", "Pham", "whether", "it", "mattered", "."]
    heads = [1, 2, 2, 2, 6, 6, 2, 2]
    deps = ["compound", "nsubj", "ROOT", "obj", "mark", "nsubj", "ccomp", "punct"]
    doc = parsed(words, heads, deps, [(0, 2, "SOURCE"), (2, 3, "CUE"), (4, 7, "CONTENT")])
    assert only(doc, []).addressee == "Pham"
    # AND '"Why ?" asked Nora Lindgren .': the name after the verb is the one asking
    words = ['"', "Why", "?", '"', "asked", "Nora", "Lindgren", "."]
    heads = [1, 4, 1, 1, 4, 6, 4, 4]
    deps = ["punct", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj", "punct"]
    spaces = [False, False, False, True, True, True, False, False]
    doc = parsed(words, heads, deps, [(1, 3, "CONTENT"), (4, 5, "CUE"), (5, 7, "SOURCE")], spaces=spaces)
    assert only(doc, []).addressee is None


def test_a_name_an_age_and_a_description_before_the_cue_are_the_source() -> None:
    # GIVEN "Tran Mai , 29 , a seamstress who worked upstairs , recalled that it burned ." (the name the root)
    words = ["Tran", "Mai", ",", "29", ",", "a", "seamstress", "who", "worked", "upstairs", ",", "recalled"]
    words += ["that", "it", "burned", "."]
    heads = [0, 0, 3, 0, 6, 6, 0, 8, 6, 8, 0, 0, 14, 14, 11, 0]
    deps = ["ROOT", "flat", "punct", "nmod", "punct", "det", "appos", "nsubj", "acl:relcl", "advmod", "punct"]
    deps += ["conj", "mark", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "NNP", ",", "CD", ",", "DT", "NN", "WP", "VBD", "RB", ",", "VBD", "IN", "PRP", "VBD", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "DET", "NOUN", "PRON", "VERB", "ADV", "PUNCT", "VERB"]
    pos += ["SCONJ", "PRON", "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", *["O"] * 14]
    spans = [(11, 12, "CUE"), (12, 15, "CONTENT")]
    doc = parsed(words, heads, deps, spans, tags=tags, pos=pos, ents=ents)
    statement = only(doc, [named(doc, "e1", "Tran Mai", "PERSON")])
    assert statement.source is not None and statement.source.text.startswith("Tran Mai, 29, a seamstress")
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_cue_the_model_ran_on_past_its_verb_still_finds_the_name_before_it() -> None:
    # GIVEN "Minister Yaw Appiah acknowledged in parliament that prices fell ." with the name as the root
    words = ["Minister", "Yaw", "Appiah", "acknowledged", "in", "parliament", "that", "prices", "fell", "."]
    heads = [1, 1, 1, 2, 5, 3, 8, 8, 3, 1]
    deps = ["compound", "ROOT", "flat", "acl", "case", "obl", "mark", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "ADP", "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT"]
    ents = ["O", "B-PERSON", "I-PERSON", *["O"] * 7]
    doc = parsed(words, heads, deps, [(3, 6, "CUE"), (6, 9, "CONTENT")], pos=pos, ents=ents)
    statement = only(doc, [named(doc, "e1", "Yaw Appiah", "PERSON")])
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_person_named_right_after_an_inverted_cue_is_the_source_and_the_clause_before_the_content() -> None:
    # GIVEN "Farmers are not villains , argued Otavio Brandt , a rancher ." with no source or content marked
    words = ["Farmers", "are", "not", "villains", ",", "argued", "Otavio", "Brandt", ",", "a", "rancher", "."]
    heads = [3, 3, 3, 5, 5, 5, 7, 5, 10, 10, 7, 5]
    deps = ["nsubj", "cop", "advmod", "ccomp", "punct", "ROOT", "compound", "obj", "punct", "det", "appos"]
    deps += ["punct"]
    pos = ["NOUN", "AUX", "PART", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT"]
    ents = [*["O"] * 6, "B-PERSON", "I-PERSON", *["O"] * 4]
    doc = parsed(words, heads, deps, [(5, 6, "CUE")], pos=pos, ents=ents)
    statement = only(doc, [named(doc, "e1", "Otavio Brandt", "PERSON")])
    assert statement.source is not None and statement.source.text == "Otavio Brandt"
    assert statement.content is not None and statement.content.text == "Farmers are not villains"


def test_a_subject_the_parse_found_inside_a_fronted_names_apposition_gives_the_whole_source() -> None:
    # GIVEN "Olamide Fashola, a mining analyst at Lagos-based consultancy Ridgeline Africa, argued that prices
    # fell." with the tagger calling "Olamide" a preposition, the parser starting a sentence at "Ridgeline"
    # and making "Africa" the subject of "argued"
    words = ["Olamide", "Fashola", ",", "a", "mining", "analyst", "at", "Lagos", "-", "based", "consultancy"]
    words += ["Ridgeline", "Africa", ",", "argued", "that", "prices", "fell", "."]
    heads = [1, 1, 5, 5, 5, 1, 10, 9, 7, 10, 1, 12, 14, 12, 14, 17, 17, 14, 14]
    deps = ["case", "ROOT", "punct", "det", "compound", "appos", "case", "compound", "punct", "amod", "nmod"]
    deps += ["compound", "nsubj", "punct", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "NOUN", "PROPN"]
    pos += ["PROPN", "PUNCT", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", *["O"] * 5, "B-LOC", "O", "O", "O", "B-ORG", "I-ORG", *["O"] * 6]
    spaces = [
        word not in {"Lagos", "-"} and after not in {",", "."}
        for word, after in zip(words, [*words[1:], ""], strict=True)
    ]
    doc = parsed(words, heads, deps, [(14, 15, "CUE"), (15, 18, "CONTENT")], ents=ents, spaces=spaces)
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    people = [named(doc, "e1", "Olamide Fashola", "PERSON"), named(doc, "e2", "Ridgeline Africa", "ORG")]
    statement = only(doc, people)
    expected = "Olamide Fashola, a mining analyst at Lagos-based consultancy Ridgeline Africa"
    assert statement.source is not None and statement.source.text == expected
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"


def test_a_person_named_right_before_a_speech_verb_the_parse_made_a_conjunct_is_its_source() -> None:
    # GIVEN "The company will expand, finance chief Sanne Oudkerk told reporters." with "told" a conjunct of
    # "expand", whose subject is "The company"
    words = ["The", "company", "will", "expand", ",", "finance", "chief", "Sanne", "Oudkerk", "told"]
    words += ["reporters", "."]
    heads = [1, 3, 3, 3, 9, 6, 7, 3, 7, 3, 9, 3]
    deps = ["det", "nsubj", "aux", "ROOT", "punct", "compound", "compound", "nmod", "flat", "conj", "iobj"]
    deps += ["punct"]
    pos = ["DET", "NOUN", "AUX", "VERB", "PUNCT", "NOUN", "NOUN", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"]
    ents = [*["O"] * 7, "B-PERSON", "I-PERSON", *["O"] * 3]
    doc = parsed(words, heads, deps, [(9, 10, "CUE")], ents=ents, pos=pos)
    statement = only(doc, [named(doc, "e1", "Sanne Oudkerk", "PERSON")])
    assert statement.speaker is not None and statement.speaker.entity_id == "e1"
