"""Line breaks end sentences before the parser runs (newsextract.nlp.paragraphs)."""

from __future__ import annotations

import spacy

from newsextract.nlp.paragraphs import COMPONENT, attach_paragraph_breaks, mark_paragraph_breaks


def test_a_line_break_and_the_word_after_it_start_sentences() -> None:
    text = "Shares rose.\n\nThe chief, Jonas Weber, said so.\nThen he left"
    doc = mark_paragraph_breaks(spacy.blank("en")(text))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Shares", "\n\n", "The", "\n", "Then"]


def test_a_sentence_starts_only_after_a_final_mark_a_colon_or_a_closing_quote_after_a_final_mark() -> None:
    text = "Caddell told Breitbart News host Alex Marlow. “We won,” he said: “Really.” Then (U.S. Army) left!"
    doc = mark_paragraph_breaks(spacy.blank("en")(text))
    undecided = [t.text for t in doc[1:] if t.is_sent_start is None]
    assert undecided == ["“", "“", "”", "Then", "Army"]  # "U.S." may end one
    assert all(t.is_sent_start is False for t in doc if t.text in {"News", "Alex", "he", "said", "left"})


def test_names_and_hyphenated_words_are_never_split_by_a_sentence_start() -> None:
    from spacy.tokens import Span

    doc = spacy.blank("en")("The director, Kim Soo-yeon, said so.\n\nGen. Mark Milley left")
    doc.ents = [
        Span(doc, 3, 5, label="PERSON"),
        Span(doc, 12, 15, label="PERSON"),
    ]  # "Kim Soo", "Gen. Mark Milley"
    doc = mark_paragraph_breaks(doc)
    assert all(t.is_sent_start is False for t in doc if t.text in {"Soo", "-", "yeon", "Mark", "Milley"})
    assert [t.text for t in doc if t.is_sent_start] == ["The", "\n\n", "Gen."]
    unnamed = mark_paragraph_breaks(spacy.blank("en")("He left.\n\nGen. Mark Milley left"))
    assert next(t for t in unnamed if t.text == "Mark").is_sent_start is None  # "Gen." may end a sentence


def test_the_component_goes_just_before_the_parser_once_and_only_if_there_is_one() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger")
    attach_paragraph_breaks(nlp)
    assert nlp.pipe_names == ["tagger"]
    nlp.add_pipe("parser")
    attach_paragraph_breaks(nlp)
    attach_paragraph_breaks(nlp)
    assert nlp.pipe_names == ["tagger", COMPONENT, "parser"]


def test_a_number_after_no_is_no_sentence_start() -> None:
    doc = mark_paragraph_breaks(spacy.blank("en")("Brandauer, the world No. 2, said so."))
    assert next(t for t in doc if t.text == "2").is_sent_start is False
    doc = mark_paragraph_breaks(spacy.blank("en")("Brandauer won the final. 2 others lost."))
    assert next(t for t in doc if t.text == "2").is_sent_start is None


def test_a_name_after_an_abbreviated_part_of_a_person_s_name_is_no_sentence_start() -> None:
    from spacy.tokens import Span

    doc = spacy.blank("en")("The secretary, Giorgos Th. Papadakis-Lekkas, spoke. Dr. Th. Then left.")
    doc.ents = [Span(doc, 3, 5, label="PERSON")]  # "Giorgos Th"
    doc = mark_paragraph_breaks(doc)
    papadakis = next(t for t in doc if t.text == "Papadakis")
    assert papadakis.is_sent_start is False
    then = next(t for t in doc if t.text == "Then")
    assert then.is_sent_start is None  # "Th." outside a person's name says nothing


def test_a_dateline_opening_a_paragraph_stays_a_sentence_of_its_own() -> None:
    text = "Headline here\n\nLONDON (Kestrel Wire) — Castlegate City have signed a striker, the club said."
    doc = mark_paragraph_breaks(spacy.blank("en")(text))
    castlegate = next(t for t in doc if t.text == "Castlegate")
    assert castlegate.is_sent_start is True
    assert next(t for t in doc if t.text == "City").is_sent_start is False
    inline = mark_paragraph_breaks(spacy.blank("en")("He spoke in LONDON — Castlegate City said so."))
    assert next(t for t in inline if t.text == "Castlegate").is_sent_start is False  # no dateline mid-line
