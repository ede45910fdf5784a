"""Dependency relations read the same way under both English label schemes.

``en_newsextract`` parses with Universal Dependencies labels (``obj``, ``obl``, ``nsubj:pass``, the
preposition a ``case`` child of its noun); the OntoNotes pipelines (``en_core_web_sm`` ...) use ClearNLP
labels (``dobj``, ``nsubjpass``, the noun a ``pobj`` child of its preposition, ``agent`` for "by").
Statement rules ask their questions here so that they work with either.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "nsubj:pass"})
OBJECTS = frozenset({"dobj", "obj", "iobj", "dative"})
CLAUSAL_COMPLEMENTS = frozenset({"ccomp", "xcomp", "parataxis"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""Penn Treebank tags of finite verbs and modals."""
_PASSIVE_AUXILIARIES = frozenset({"auxpass", "aux:pass"})
_UD_OBLIQUES = frozenset({"obl", "obl:agent", "nmod", "obj", "iobj", "xcomp"})  # "to" can hang on any of them


def is_passive(verb: Token) -> bool:
    """``was announced``: a passive auxiliary or a passive subject among the verb's children."""
    return any(
        child.dep_ in _PASSIVE_AUXILIARIES or child.dep_ in PASSIVE_SUBJECTS for child in verb.children
    )


def previous_sentence_start(token: Token) -> int:
    """Where the sentence before ``token``'s starts (its own sentence's start for the first one), as a
    character offset: "in its sentence or the one before" (sentence boundaries must be set)."""
    sentence = token.sent
    start = sentence.start
    while start > 0:  # past a "sentence" of punctuation alone (an opening quote mark split off)
        before = token.doc[start - 1].sent
        start = before.start
        if not all(t.is_punct for t in before):  # a paragraph break's own "sentence" still counts
            break
    return token.doc[start].idx if start < sentence.start else sentence.start_char


def mislabelled_active_subject(verb: Token) -> Token | None:
    """A subject the parser called passive on a verb with no auxiliary at all and no open complement ("the
    52-year-old [told] WHTV-8", "old" as ``nsubj:pass``; not the headline "Residents told to leave"): the
    verb's real subject."""
    if any(c.dep_.startswith("aux") or c.dep_ in {"xcomp", "auxpass"} for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS and c.i < verb.i), None)


def prepositional_objects(head: Token, preposition: str) -> list[Token]:
    """Nouns attached to ``head`` through ``preposition`` ("said *to* reporters"): the ``pobj`` of a
    ``prep`` child (ClearNLP), or a child that has the preposition as its ``case`` (UD)."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ == preposition:
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in _UD_OBLIQUES and any(
            c.dep_ == "case" and c.lower_ == preposition for c in child.children
        ):
            found.append(child)
    return found


def passive_agent(verb: Token) -> Token | None:
    """The "by" phrase's noun of a passive verb ("was confirmed *by Ryder*")."""
    if not is_passive(verb):
        return None
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return child
    agents = prepositional_objects(verb, "by")
    return agents[0] if agents else None


def governs(head_tokens: set[int], token: Token) -> bool:
    """Whether ``token`` hangs on one of ``head_tokens`` through a preposition: ClearNLP
    head -prep/agent-> "by" -pobj-> token."""
    return token.dep_ == "pobj" and token.head.dep_ in {"agent", "prep"} and token.head.head.i in head_tokens
