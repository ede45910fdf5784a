"""The attribution component: SOURCE / CUE / CONTENT spans from the trained attribution pipeline.

The attribution pipeline (``layers/model/attribution``) is a plain spaCy pipeline whose ``ner`` owns its
tok2vec. Besides the words it reads two token features from the core pipeline, stored in the tag and
lemma slots of a bare copy of each Doc (:func:`bare_copy`): the Penn Treebank tag plus whether the token
stands inside double quotes (:func:`token_features`), and a coarse dependency class plus whether its
head is a speech verb (:func:`syntax_features`), which a CNN with a few tokens of context cannot see.
The predicted spans go into ``doc.spans["attribution"]``, so the core pipeline's ``doc.ents`` stay
untouched whichever core pipeline is loaded. Any pipeline with a PTB tagger and a parser (UD or
ClearNLP labels, e.g. ``en_core_web_sm``) gives the same kind of features; without them the features
are blank and accuracy drops.

The network may also read a static vectors table (0.2.0, the shipped one, reads none; ATTRIBUTION_CARD has
a run that reads the core's quantized GloVe table).
Its package then carries the table and records its :func:`vectors_fingerprint` in ``meta.json``: the bare
copies are made in the host's vocab when the host has that very table (no second copy in memory), else in
the attribution package's own vocab.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vectors import Vectors
from spacy.vocab import Vocab

SPANS_KEY = "attribution"
COMPONENT = "attribution"
FACTORY = "newsextract_attribution"
ATTRIBUTION_LABELS = ("SOURCE", "CUE", "CONTENT")

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTE = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
APOSTROPHE = "'"
DOUBLE_APOSTROPHE = "''"  # a straight quote in some newspaper archives (one token for spaCy)
NO_TAG = "_"
QUOTED_SUFFIX = "+Q"
VECTORS_META_KEY = "newsextract_vectors"  # meta.json: fingerprint of the table the network reads


def quoted_mask(text: str) -> list[bool]:
    """Which characters are inside double quotes; an unclosed quote runs to the end of its paragraph.
    Curly quotes nest (“He calls it “hell” and leaves.”); a closing mark that starts a word outside
    quotes (``”Fear is ...``) is taken as a mistyped opening; two apostrophes (``''It is,''`` in some
    newspaper archives) are one straight quote; single quotes count in an article that quotes with them
    (:func:`quotation_marks`)."""
    mask = [False] * len(text)
    depth = 0
    text = quotation_marks(text).replace(DOUBLE_APOSTROPHE, STRAIGHT_QUOTE + "\0")  # "\0": neither side
    for i, char in enumerate(text):
        if char == "\0":
            continue
        if char == "\n":
            depth = 0
        elif char in OPEN_QUOTES or (char == STRAIGHT_QUOTE and not depth):
            depth += 1
        elif char in CLOSE_QUOTES and not depth:
            depth = 1 if _starts_word(text, i) else 0
        elif char in CLOSE_QUOTES or char == STRAIGHT_QUOTE:
            depth -= 1
        else:
            mask[i] = depth > 0
    return mask


def quotation_marks(text: str) -> str:
    """``text`` with single quotation marks as double ones (same length) when the article quotes with single
    marks, as British papers do (‘We have listened,’ she said), and has no double quote mark. An opening
    mark starts a word; its closing mark is the next ’ in the paragraph that ends a word and is not an
    apostrophe inside one (“it’s”) or, unless no other follows, after a plural (“the teachers’ union”).
    Straight single marks ('We know,' she said) count when at least two open a word, and only in pairs."""
    if any(mark in text for mark in (*OPEN_QUOTES, *CLOSE_QUOTES, STRAIGHT_QUOTE)):
        return text
    if SINGLE_OPEN in text:
        opener, closer = SINGLE_OPEN, SINGLE_CLOSE
    elif sum(_opens_quote(text, i) for i, char in enumerate(text) if char == APOSTROPHE) >= 2:
        opener = closer = APOSTROPHE  # 'We know this will be hard,' she said: straight single marks
    else:
        return text
    chars = list(text)
    opening = text.find(opener)
    while opening >= 0:
        if not _opens_quote(text, opening) if opener == APOSTROPHE else not _may_open(text, opening):
            opening = text.find(opener, opening + 1)
            continue
        paragraph_end = text.find("\n", opening)
        candidates = [
            i
            for i in range(opening + 1, paragraph_end if paragraph_end >= 0 else len(text))
            if text[i] == closer and _ends_word(text, i)
        ]
        closing = next(
            (i for i in candidates if not _plural_possessive(text, i)), candidates[0] if candidates else None
        )
        continued = paragraph_end >= 0 and text[paragraph_end:].lstrip("\n").startswith(opener)
        if closing is None and opener == APOSTROPHE and not continued:
            opening = text.find(opener, opening + 1)  # a straight mark without its pair: an elision ('80s),
            continue  # unless the quote goes on in the next paragraph, which opens with a mark
        chars[opening] = OPEN_QUOTES[0]
        if closing is None and opener == APOSTROPHE:
            opening = text.find(opener, paragraph_end)
            continue
        if closing is None:
            break
        chars[closing] = CLOSE_QUOTES[0]
        opening = text.find(opener, closing + 1)
    return "".join(chars)


def _may_open(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-:"


_ELISION = re.compile(r"(?:\d\ds|em|til|n|cause|tis|twas)\b", re.IGNORECASE)
"""Words an apostrophe opens without opening a quotation ("the '80s", "rock 'n' roll")."""


def _opens_quote(text: str, i: int) -> bool:
    """A straight apostrophe that can open a quotation: at a word start, before a letter or digit, and not
    an elision."""
    return (
        _may_open(text, i)
        and i + 1 < len(text)
        and text[i + 1].isalnum()
        and _ELISION.match(text, i + 1) is None
    )


def _ends_word(text: str, i: int) -> bool:
    return not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())


def _plural_possessive(text: str, i: int) -> bool:
    """``the teachers’ union``: an apostrophe after a plural, before a lower-case word."""
    return text[i - 1] == "s" and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower()


def _starts_word(text: str, i: int) -> bool:
    return (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1].isalnum()


def token_features(doc: Doc) -> list[str]:
    """The first feature: PTB tag (``_`` untagged), ``+Q`` inside double quotes."""
    mask = quoted_mask(doc.text)
    return [(token.tag_ or NO_TAG) + (QUOTED_SUFFIX if mask[token.idx] else "") for token in doc]


# Dependency labels of both common English schemes (UD, as in en_newsextract; ClearNLP, as in the
# OntoNotes pipelines) reduced to the few classes that matter for attribution.
_COARSE_DEPS = {
    "nsubj": "SUBJ", "nsubjpass": "SUBJ", "nsubj:pass": "SUBJ", "csubj": "SUBJ", "expl": "SUBJ",
    "ccomp": "COMP", "xcomp": "COMP", "parataxis": "COMP", "dobj": "OBJ", "obj": "OBJ", "iobj": "OBJ",
    "dative": "OBJ", "root": "ROOT", "ROOT": "ROOT", "advcl": "CLAUSE", "acl": "CLAUSE",
    "relcl": "CLAUSE", "acl:relcl": "CLAUSE", "conj": "CONJ", "pobj": "NOUNMOD", "obl": "NOUNMOD",
    "nmod": "NOUNMOD", "appos": "APPOS", "mark": "MARK", "punct": "PUNCT",
}  # fmt: skip
SPEECH_LEMMAS = {
    "say", "tell", "announce", "confirm", "add", "write", "report", "claim", "state", "explain",
    "argue", "insist", "note", "tweet", "warn", "acknowledge", "deny", "suggest", "believe", "think",
    "ask", "predict", "promise", "declare", "describe", "call", "accord", "reply", "respond", "admit",
}  # fmt: skip


def syntax_features(doc: Doc) -> list[str]:
    """The second feature: coarse dependency class, side of the head, ``S`` when the head is a speech
    verb (``_`` everywhere when the Doc is not parsed)."""
    if not doc.has_annotation("DEP"):
        return [NO_TAG] * len(doc)
    features = []
    for token in doc:
        head = token.head
        side = "<" if head.i < token.i else ">" if head.i > token.i else ""
        speech = head.lemma_.lower() in SPEECH_LEMMAS or head.lower_ in SPEECH_LEMMAS
        features.append(_COARSE_DEPS.get(token.dep_, "OTHER") + side + ("S" if speech else ""))
    return features


def bare_copy(doc: Doc, vocab: Vocab | None = None) -> Doc:
    """Same tokens and whitespace as ``doc`` (single quotation marks written as double ones, which the model
    was trained on), with :func:`token_features` as tags, :func:`syntax_features` as lemmas and nothing
    else; made in ``vocab`` (default: ``doc``'s)."""
    marks = quotation_marks(doc.text)
    return Doc(
        vocab or doc.vocab,
        words=[marks[t.idx : t.idx + len(t.text)] for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        tags=token_features(doc),
        lemmas=syntax_features(doc),
    )


class AttributionTagger:
    """Runs the attribution NER of another pipeline and stores its spans under ``spans_key``."""

    def __init__(self, nlp: Language, name: str, model_path: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.model_path = model_path
        self.ner = _load_ner(nlp, Path(model_path))
        self.vocab = _shadow_vocab(nlp.vocab, Path(model_path))
        for label in self.ner.labels:
            nlp.vocab.strings.add(label)
            self.vocab.strings.add(label)

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        iterator = iter(docs)
        while batch := list(islice(iterator, batch_size)):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        shadows = [bare_copy(doc, self.vocab) for doc in docs]
        self.ner.set_annotations(shadows, self.ner.predict(shadows))
        for doc, shadow in zip(docs, shadows, strict=True):
            doc.spans[self.spans_key] = [Span(doc, e.start, e.end, label=e.label_) for e in shadow.ents]


def _load_ner(nlp: Language, model_path: Path) -> Any:
    """The ``ner`` of the attribution pipeline at ``model_path``, built on ``nlp``'s vocab.

    Only that component is needed: its tok2vec hashes the words and features of the bare copies itself and
    reads static vectors, if any, from the copies' vocab (:func:`_shadow_vocab`). Loading the whole
    pipeline with ``spacy.load`` would also build a second English tokenizer and vocab: about 0.2 s of every
    cold start.
    """
    from spacy.util import load_config

    block = dict(load_config(model_path / "config.cfg", interpolate=True)["components"]["ner"])
    factory = block.pop("factory")
    ner: Any = nlp.create_pipe(factory, name=f"{COMPONENT}_ner", config=block)
    ner.from_disk(model_path / "ner", exclude=["vocab"])
    return ner


def vectors_fingerprint(vectors: Vectors) -> str:
    """SHA-256 of a vectors table's shape, lookup attribute, rows and key-to-row map: two tables with the
    same fingerprint give every token the same vector."""
    digest = hashlib.sha256(f"{vectors.mode} {vectors.shape} {vectors.attr}".encode())
    digest.update(np.ascontiguousarray(vectors.data).tobytes())
    count = len(vectors.key2row)
    keys = np.fromiter(vectors.key2row.keys(), dtype=np.uint64, count=count)
    rows = np.fromiter(vectors.key2row.values(), dtype=np.int64, count=count)
    order = np.argsort(keys)
    digest.update(keys[order].tobytes())
    digest.update(rows[order].tobytes())
    return digest.hexdigest()


def _shadow_vocab(host: Vocab, model_path: Path) -> Vocab:
    """The vocab the bare copies are made in: the host's, unless the network reads a vectors table the host
    lacks; then the attribution package's own (loading it costs about 0.2 s more)."""
    meta_path = model_path / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf8")) if meta_path.is_file() else {}
    expected = meta.get(VECTORS_META_KEY)
    if expected is None or vectors_fingerprint(host.vectors) == expected:
        return host
    import spacy

    own: Vocab = spacy.load(model_path, exclude=["ner"]).vocab
    if vectors_fingerprint(own.vectors) != expected:
        raise ValueError(f"{model_path}: its vectors table does not match the fingerprint in meta.json")
    return own


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
