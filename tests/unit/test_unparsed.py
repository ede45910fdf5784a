"""Pipelines without a parser: sound token edges and sentence boundaries (newsextract.nlp.unparsed)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import spacy

from newsextract.nlp.paragraphs import COMPONENT as PARAGRAPH_BREAKS
from newsextract.nlp.unparsed import COMPONENT, attach_unparsed_support, reset_token_edges

TEXT = "Sanders declares ‘revolution,’ ignores losses.\n\nThey said ’twas over, x’ y."


def test_children_of_tokenizer_special_cases_are_readable_without_a_parser() -> None:
    # spaCy copies special-case tokens ("’") with stale edges; Token.rights then reads outside the Doc and
    # the process dies (segmentation fault), so the check runs in a child process
    script = textwrap.dedent(
        f"""
        import spacy
        from newsextract.nlp.unparsed import attach_unparsed_support
        nlp = spacy.blank("en")
        attach_unparsed_support(nlp)
        doc = nlp({TEXT!r})
        print(sum(len(list(t.children)) + len(list(t.subtree)) for t in doc))
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout.strip()) == (0, str(len(spacy.blank("en")(TEXT))))


def test_reset_edges_leave_the_doc_unparsed_and_its_sentence_starts_as_they_were() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    starts = [t.is_sent_start for t in doc]
    doc = reset_token_edges(doc)
    assert not doc.has_annotation("DEP")
    assert [t.is_sent_start for t in doc] == starts
    assert all(t.head.i == t.left_edge.i == t.right_edge.i == t.i and t.dep_ == "" for t in doc)
    bare = reset_token_edges(spacy.blank("en")("No sentences here. Nor here."))
    assert not bare.has_annotation("SENT_START")


def test_support_is_attached_only_where_it_is_needed() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("ner")
    attach_unparsed_support(blank)
    attach_unparsed_support(blank)
    assert blank.pipe_names == [COMPONENT, "ner", "sentencizer", PARAGRAPH_BREAKS]
    with_senter = spacy.blank("en")
    with_senter.add_pipe("senter")
    attach_unparsed_support(with_senter, after="senter")
    assert with_senter.pipe_names == ["senter", COMPONENT]
    parsed = spacy.blank("en")
    parsed.add_pipe("parser")
    attach_unparsed_support(parsed)
    assert parsed.pipe_names == ["parser"]
