"""Line breaks end sentences, names and hyphenated words do not: a component that runs before the parser.

Articles arrive with paragraphs separated by blank lines, which spaCy keeps as whitespace tokens
(``"\\n\\n"``). A parser trained on treebanks without such tokens attaches them as words ("\\n\\n" as
the subject of "said", the real subject as its object). Marking the line-break token and the token
after it as sentence starts keeps every paragraph out of the sentence before it, and the parser,
which respects sentence starts that are already set, parses the paragraph's first sentence on its own.

The parser also respects tokens marked as no sentence start: inside a name the NER found (in
``en_newsextract`` the NER runs before the parser) and around a hyphen between two words, the parser broke
sentences in the middle of names ("The festival's director, Kim | Soo-yeon, said"; "Gen. Mark | Milley"),
after "No." before a number ("the world No. | 2") and after a one- or two-letter part ending a person's name
("Giorgos Th. | Papadakis-Lekkas").

Nor does a sentence start after a word: only after a full stop, question or exclamation mark (or a closing
quote mark or bracket right after one), a colon or semicolon, or a line break. A parser trained on EWT's web
text, where many sentences end without a mark, broke about one news sentence in twenty between two words
("pollster Pat Caddell told Breitbart | News Daily host Alex Marlow on Thursday | how surprised he is").
A dateline opening a paragraph ("MADRID — ") stays a sentence of its own, as the parser made it before.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsextract.nlp.entities import DATELINE

COMPONENT = "paragraph_breaks"


@Language.component(COMPONENT)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    for ent in doc.ents:  # names the NER found before the parser: "The director, Kim | Soo-yeon, said"
        for token in ent[1:]:
            token.is_sent_start = False
    for token in doc[1:]:  # nor does a hyphenated word: "Soo-|yeon"
        before = doc[token.i - 1]
        if not before.whitespace_ and "-" in {token.text, before.text} and not before.is_space:
            token.is_sent_start = False
        elif token.like_num and token.i > 1 and before.text == "." and doc[token.i - 2].text in {"No", "Nos"}:
            token.is_sent_start = False  # nor a number after "No.": "the world No. | 2, said"
        elif (
            token.is_title and token.i > 1 and before.text == "." and _abbreviated_name_part(doc[token.i - 2])
        ):
            token.is_sent_start = (
                False  # nor a name after an abbreviated part of it: "Giorgos Th. | Papadakis"
            )
    for token in doc[1:]:  # nor a word after a word: "pollster Pat Caddell told Breitbart | News Daily host"
        if token.is_sent_start is None and not _may_end_sentence(doc[token.i - 1]):
            token.is_sent_start = False
    line_starts = list(doc[:1])
    for token in doc:
        if token.is_space and "\n" in token.text:
            token.is_sent_start = True
            if token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True
                line_starts.append(doc[token.i + 1])
    for line_start in line_starts:
        _after_dateline(line_start)
    return doc


def _after_dateline(line_start: Token) -> None:
    """A dateline stands apart: the word after "MADRID —" or "LONDON (Reuters) —" opening a line starts a
    sentence, as the parser had it before words could not end one (the statement rules read the lead
    sentence from there)."""
    doc = line_start.doc
    match = DATELINE.match(doc.text, line_start.idx)
    if match is None:
        return
    for token in doc[line_start.i :]:
        if token.idx >= match.end():
            if token.idx == match.end():
                token.is_sent_start = True
            return


_SENTENCE_FINAL = frozenset(".!?…")
_CLOSING = frozenset({"”", "’", '"', "'", "''", ")", "]"})


def _may_end_sentence(token: Token) -> bool:
    """Whether a sentence may end with ``token``: a full stop, question or exclamation mark (also ending
    "U.S."), a closing quote mark or bracket right after one, a colon or semicolon, or whitespace."""
    if token.is_space or token.text[-1] in _SENTENCE_FINAL or token.text in {":", ";"}:
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.text in _CLOSING and before is not None and before.text[-1] in _SENTENCE_FINAL


def _abbreviated_name_part(token: Token) -> bool:
    """``Th`` of "Giorgos Th. Papadakis-Lekkas": a capitalised word of one or two letters ending a person's
    name the NER found."""
    return token.ent_type_ in {"PERSON", "PER"} and token.is_title and len(token.text) <= 2 and token.is_alpha


def attach_paragraph_breaks(nlp: Language) -> None:
    """Add the component just before the parser, if there is one and the component is not there yet."""
    if "parser" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
