"""Abbreviated titles stay one token: "Lt. Cmdr. Adam Price", not "Lt", ".", "Cmdr", ".".

spaCy's English tokenizer knows "Gen.", "Gov.", "Sen." and "Rep." but splits the period off most military
and police ranks ("Col.", "Sgt.", "Lt.", "Det.", "Supt."). The split period then ends a sentence in the
middle of a name, which cuts sources and leaves speakers unresolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.symbols import ORTH

from newsextract.names import TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer


def attach_title_abbreviations(nlp: Language) -> None:
    """A tokenizer special case for each abbreviated title with its period, capitalised and upper case."""
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    for abbreviation in TITLE_ABBREVIATIONS:
        for form in (abbreviation.capitalize(), abbreviation.upper()):
            tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])
