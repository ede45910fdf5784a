"""The attribution component: SOURCE / CUE / CONTENT spans from the trained attribution pipeline.

The attribution pipeline (``layers/model/attribution``) is a plain spaCy pipeline whose ``ner`` owns its
tok2vec and reads lexical features only. The component runs that ``ner`` on a bare copy of each Doc
(same tokens, no annotation) and moves the predicted spans into ``doc.spans["attribution"]``, so the
core pipeline's ``doc.ents`` stay untouched whichever core pipeline is loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "attribution"
COMPONENT = "attribution"
FACTORY = "newsextract_attribution"
ATTRIBUTION_LABELS = ("SOURCE", "CUE", "CONTENT")


class AttributionTagger:
    """Runs the attribution NER of another pipeline and stores its spans under ``spans_key``."""

    def __init__(self, nlp: Language, name: str, model_path: str, spans_key: str) -> None:
        import spacy

        self.name = name
        self.spans_key = spans_key
        self.model_path = model_path
        inner = spacy.load(model_path)
        ner: Any = inner.get_pipe("ner")
        self.ner = ner
        for label in ner.labels:
            nlp.vocab.strings.add(label)

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        iterator = iter(docs)
        while batch := list(islice(iterator, batch_size)):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        shadows = [
            Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
            for doc in docs
        ]
        self.ner.set_annotations(shadows, self.ner.predict(shadows))
        for doc, shadow in zip(docs, shadows, strict=True):
            doc.spans[self.spans_key] = [Span(doc, e.start, e.end, label=e.label_) for e in shadow.ents]


def _register() -> None:
    if Language.has_factory(FACTORY):
        return

    def make_attribution(nlp: Language, name: str, model_path: str, spans_key: str) -> AttributionTagger:
        return AttributionTagger(nlp, name, model_path, spans_key)

    Language.factory(FACTORY, default_config={"model_path": "", "spans_key": SPANS_KEY})(make_attribution)


_register()


def attach_attribution(nlp: Language, model_path: Path, **config: Any) -> None:
    """Add the attribution component (last in the pipeline) unless it is already there."""
    if COMPONENT in nlp.pipe_names:
        return
    nlp.add_pipe(FACTORY, name=COMPONENT, last=True, config={"model_path": str(model_path), **config})
