"""Abbreviated titles stay one token: "Lt. Cmdr. Adam Price", not "Lt", ".", "Cmdr", ".".

spaCy's English tokenizer knows "Gen.", "Gov.", "Sen." and "Rep." but splits the period off most military
and police ranks ("Col.", "Sgt.", "Lt.", "Det.", "Supt."). The split period then ends a sentence in the
middle of a name, which cuts sources and leaves speakers unresolved.

The other way round, "X." after "on" or "via" is the platform and the end of a sentence ("apologized on X.
She said ..."), not an initial: a component that runs first splits the period off, so that the NER does not
read "X. She" as one name and the parser ends the sentence there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.symbols import ORTH

from newsextract.names import TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

PLATFORM_COMPONENT = "platform_period"
_BEFORE_PLATFORM = frozenset({"on", "via"})


def attach_title_abbreviations(nlp: Language) -> None:
    """A tokenizer special case for each abbreviated title with its period, capitalised and upper case."""
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    for abbreviation in TITLE_ABBREVIATIONS:
        for form in (abbreviation.capitalize(), abbreviation.upper()):
            tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])


@Language.component(PLATFORM_COMPONENT)
def split_platform_period(doc: Doc) -> Doc:
    """``on X.`` -> ``on X .`` (see the module docstring)."""
    ends = [t for t in doc[1:] if t.text == "X." and doc[t.i - 1].lower_ in _BEFORE_PLATFORM]
    if ends:
        with doc.retokenize() as retokenizer:
            for token in ends:
                retokenizer.split(token, ["X", "."], heads=[(token, 0), (token, 0)])
    return doc


def attach_platform_period(nlp: Language) -> None:
    """Add the component first in the pipeline, if it is not there yet."""
    if PLATFORM_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PLATFORM_COMPONENT, first=True)
