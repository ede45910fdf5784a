"""What a pipeline without a parser needs to run the rules: sound token edges and sentence boundaries.

spaCy's tokenizer (3.8) copies a special-case token ("’em", "Gen.", the "’" of "x’ y") into the Doc with
the left and right edges it had in the tokenizer's cache, and shifts the tokens after it without updating
theirs. The parser recomputes every edge, so a parsed Doc is sound; a Doc that is never parsed keeps them,
and ``Token.rights`` (so ``children`` and ``subtree``) then reads outside the Doc: a segmentation fault
that kills the process, which the statement rules hit on most news articles. For a pipeline with no
component that sets dependencies (``NEWSEXTRACT_MODEL`` may name one), this component runs after the
tokenizer and sets each token's head and edges to itself, as an unparsed Doc built from words has them.
The rules also read sentences; a pipeline with nothing that sets them gets spaCy's ``sentencizer`` and the
line breaks of ``paragraphs`` at its end.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from newsextract.nlp.paragraphs import COMPONENT as PARAGRAPH_BREAKS

COMPONENT = "token_edges"


@Language.component(COMPONENT)
def reset_token_edges(doc: Doc) -> Doc:
    """Every token its own head and edges; dependency labels and sentence starts as they were (unset)."""
    if not len(doc) or doc.has_annotation("DEP"):
        return doc
    sentence_starts = cast(Ints2d, doc.to_array([SENT_START]))
    rows = numpy.zeros((len(doc), 2), dtype="uint64")
    rows[:, 1] = doc.vocab.strings.add("dep")
    # a labelled parse makes spaCy recompute every edge from the heads; the labels are then taken away
    doc.from_array([HEAD, DEP], cast(Ints2d, rows))
    doc.from_array([DEP], cast(Ints2d, numpy.zeros((len(doc), 1), dtype="uint64")))
    doc.from_array([SENT_START], sentence_starts)
    return doc


def _assigns(nlp: Language, attribute: str) -> bool:
    return any(attribute in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names)


def attach_unparsed_support(nlp: Language, after: str | None = None) -> None:
    """For a pipeline with no component that sets dependencies: the edge component (after ``after``, else
    first) and, when nothing sets sentence starts either, the sentencizer and line breaks at the end."""
    if _assigns(nlp, "token.dep") or COMPONENT in nlp.pipe_names:
        return
    if after is not None and after in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after=after)
    else:
        nlp.add_pipe(COMPONENT, first=True)
    if not _assigns(nlp, "token.is_sent_start"):
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(PARAGRAPH_BREAKS)
