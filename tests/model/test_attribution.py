"""The packaged attribution pipeline attached to a core pipeline (loads real models)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsextract.nlp.attribution import (
    COMPONENT,
    SPANS_KEY,
    VECTORS_META_KEY,
    attach_attribution,
    bare_copy,
    vectors_fingerprint,
)
from newsextract.nlp.pipeline import (
    ATTRIBUTION_MODEL_ENV,
    MODEL_ENV,
    ModelNotFoundError,
    load_pipeline,
    resolve_pipeline,
)
from newsextract.nlp.statements import extract_statements

pytestmark = pytest.mark.model

TEXT = (
    "“We will not back down,” Senator Jane Smith said on Tuesday. "
    "The Pentagon confirmed that the troops would stay in Poland."
)


@pytest.fixture(scope="module")
def attribution_path():  # type: ignore[no-untyped-def]
    path = resolve_pipeline("blank").attribution
    if path is None:
        pytest.skip("no packaged attribution model (make attribution-model)")
    return path


@pytest.fixture(scope="module")
def core() -> Language:
    try:
        choice = resolve_pipeline()
    except ModelNotFoundError as error:
        pytest.skip(str(error))
    return spacy.load(choice.core)


def test_attach_on_a_blank_pipeline_finds_source_cue_and_content(attribution_path) -> None:  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    attach_attribution(nlp, attribution_path)
    attach_attribution(nlp, attribution_path)  # idempotent
    assert nlp.pipe_names.count(COMPONENT) == 1
    doc = nlp(TEXT)
    found = {(s.text, s.label_) for s in doc.spans[SPANS_KEY]}
    assert ("said", "CUE") in found
    assert ("confirmed", "CUE") in found
    assert any(label == "SOURCE" and "Smith" in text for text, label in found)
    assert any(label == "CONTENT" and "We will not back down" in text for text, label in found)


def test_attribution_leaves_the_core_entities_untouched(core: Language, attribution_path) -> None:  # type: ignore[no-untyped-def]
    before = [(e.start, e.end, e.label_) for e in core(TEXT).ents]
    nlp = spacy.load(resolve_pipeline().core)
    attach_attribution(nlp, attribution_path)
    doc = nlp(TEXT)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before
    assert doc.spans[SPANS_KEY]
    # nlp.pipe gives the same spans as one call at a time
    [piped] = list(nlp.pipe([TEXT]))
    assert [(s.start, s.end, s.label_) for s in piped.spans[SPANS_KEY]] == [
        (s.start, s.end, s.label_) for s in doc.spans[SPANS_KEY]
    ]


def packaged_spans(doc: Doc, attribution_path: Path) -> list[tuple[int, int, str]]:
    """The spans the attribution package, loaded whole with ``spacy.load``, gives ``doc``."""
    packaged = spacy.load(attribution_path)
    shadow = bare_copy(doc, packaged.vocab)
    ner = packaged.get_pipe("ner")
    ner.set_annotations([shadow], ner.predict([shadow]))
    return [(e.start, e.end, e.label_) for e in shadow.ents]


def test_the_component_builds_the_packaged_ner_on_the_host_vocab(core: Language, attribution_path) -> None:  # type: ignore[no-untyped-def]
    """No second pipeline (tokenizer, vocab) is loaded, and the spans are those of the packaged pipeline."""
    choice = resolve_pipeline()
    nlp = spacy.load(choice.core)
    attach_attribution(nlp, attribution_path)
    component: Any = nlp.get_pipe(COMPONENT)
    assert component.ner.vocab is nlp.vocab
    if not os.environ.get(MODEL_ENV) and os.environ.get(ATTRIBUTION_MODEL_ENV) is None:
        # the shipped core holds the very table the shipped network reads: no second copy is loaded
        assert component.vocab is nlp.vocab
    doc = nlp(TEXT)
    assert [(s.start, s.end, s.label_) for s in doc.spans[SPANS_KEY]] == packaged_spans(doc, attribution_path)


def test_on_a_host_without_its_vectors_the_component_reads_the_packaged_table(attribution_path) -> None:  # type: ignore[no-untyped-def]
    """A network that reads static vectors gets the package's own table on a blank host; one that reads none
    (0.2.0) makes its copies in the host's vocab. Either way the spans are the packaged pipeline's."""
    meta = json.loads((attribution_path / "meta.json").read_text())
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    attach_attribution(nlp, attribution_path)
    component: Any = nlp.get_pipe(COMPONENT)
    if VECTORS_META_KEY in meta:
        assert component.vocab is not nlp.vocab
        assert vectors_fingerprint(component.vocab.vectors) == meta[VECTORS_META_KEY]
    else:
        assert component.vocab is nlp.vocab
        embed = spacy.load(attribution_path).config["components"]["ner"]["model"]["tok2vec"]["embed"]
        assert embed["include_static_vectors"] is False  # else package.py would have recorded its table
    doc = nlp(TEXT)
    assert [(s.start, s.end, s.label_) for s in doc.spans[SPANS_KEY]] == packaged_spans(doc, attribution_path)


def test_shipped_pipeline_extracts_statements_with_speakers() -> None:
    try:
        nlp = load_pipeline()
    except ModelNotFoundError as error:
        pytest.skip(str(error))
    from newsextract.nlp.entities import cluster_entities

    doc = nlp(TEXT)
    statements = extract_statements(doc, cluster_entities(doc))
    assert len(statements) >= 2
    first = statements[0]
    assert first.kind == "direct"
    assert first.speaker is not None and "Smith" in first.speaker.name
    for statement in statements:
        for span in (statement.source, statement.cue, statement.content):
            if span is not None:
                assert TEXT[span.start : span.end] == span.text


def test_load_pipeline_keeps_a_paragraph_break_out_of_the_next_sentences_parse() -> None:
    try:
        nlp = load_pipeline()
    except ModelNotFoundError as error:
        pytest.skip(str(error))
    doc = nlp("Shares rose on Monday.\n\nAlbrecht's chief operating officer, Jonas Weber, said it works.")
    [line_break] = [t for t in doc if t.is_space]
    assert line_break.head.i == line_break.i and doc[line_break.i + 1].is_sent_start
    after = doc[line_break.i + 1 :]
    assert all(t.head.i > line_break.i for t in after)
    said = next(t for t in after if t.text == "said")
    assert [c.text for c in said.children if c.dep_.startswith("nsubj")] == ["officer"]
