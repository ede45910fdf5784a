"""spaCy training hooks for the recipe (``spacy train ... --code layers/model/recipe/readers.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry


@registry.readers("newsextract.tagged_corpus.v1")
def tagged_corpus(path: str, limit: int = 0) -> Callable[[Language], Iterator[Example]]:
    """Like ``spacy.Corpus.v1``, but the predicted Docs keep the stored tags and lemmas (the attribution
    model's input features, see ``newsextract.nlp.attribution.bare_copy``); the rest is left to predict."""

    def read(nlp: Language) -> Iterator[Example]:
        docs = DocBin().from_disk(path).get_docs(nlp.vocab)
        for count, reference in enumerate(docs):
            if limit and count >= limit:
                return
            predicted = Doc(
                nlp.vocab,
                words=[t.text for t in reference],
                spaces=[bool(t.whitespace_) for t in reference],
                tags=[t.tag_ for t in reference],
                lemmas=[t.lemma_ for t in reference],
            )
            yield Example(predicted, reference)

    return read
