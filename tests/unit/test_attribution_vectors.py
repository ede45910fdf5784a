"""Which vocab the attribution network's bare copies are made in, when the network reads static vectors.

Real spaCy objects: a tiny vectors table saved as a pipeline in a temporary directory stands in for the
attribution package.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import LOWER, ORTH
from spacy.vectors import Vectors

from newsextract.nlp.attribution import VECTORS_META_KEY, _shadow_vocab, bare_copy, vectors_fingerprint

WORDS = ("said", "told", "pentagon")


def small_table(attr: int = LOWER, scale: float = 1.0) -> Vectors:
    table = Vectors(shape=(len(WORDS), 4), attr=attr)
    for row, word in enumerate(WORDS):
        table.add(word, vector=np.full(4, (row + 1) * scale, dtype="float32"))
    return table


def package_with(tmp_path: Path, table: Vectors, fingerprint: str | None) -> Path:
    """A pipeline directory holding ``table``, with ``fingerprint`` (if any) in its meta."""
    nlp = spacy.blank("en")
    nlp.vocab.vectors = table
    if fingerprint is not None:
        nlp.meta[VECTORS_META_KEY] = fingerprint
    path = tmp_path / "attribution"
    nlp.to_disk(path)
    cfg_path = path / "vocab" / "vectors.cfg"  # spaCy 3.8 saves the lookup attribute for floret tables only
    cfg = json.loads(cfg_path.read_text())
    cfg_path.write_text(json.dumps({**cfg, "attr": int(table.attr)}))
    return path


def test_the_fingerprint_changes_with_rows_keys_and_lookup_attribute() -> None:
    base = vectors_fingerprint(small_table())
    assert base == vectors_fingerprint(small_table())
    assert base != vectors_fingerprint(small_table(scale=2.0))
    assert base != vectors_fingerprint(small_table(attr=ORTH))
    swapped = Vectors(shape=(len(WORDS), 4), attr=LOWER)
    for row, word in enumerate(reversed(WORDS)):
        swapped.add(word, vector=np.full(4, row + 1.0, dtype="float32"))
    assert base != vectors_fingerprint(swapped)  # same rows, other words


def test_a_network_without_static_vectors_uses_the_host_vocab(tmp_path: Path) -> None:
    host = spacy.blank("en")
    assert _shadow_vocab(host.vocab, package_with(tmp_path, small_table(), None)) is host.vocab


def test_a_directory_without_meta_is_read_as_a_network_without_vectors(tmp_path: Path) -> None:
    host = spacy.blank("en")
    path = package_with(tmp_path, small_table(), vectors_fingerprint(small_table()))
    (path / "meta.json").unlink()
    assert _shadow_vocab(host.vocab, path) is host.vocab


def test_a_host_with_the_same_table_lends_its_vocab(tmp_path: Path) -> None:
    host = spacy.blank("en")
    host.vocab.vectors = small_table()
    path = package_with(tmp_path, small_table(), vectors_fingerprint(small_table()))
    assert _shadow_vocab(host.vocab, path) is host.vocab


@pytest.mark.parametrize("host_table", [None, small_table(scale=2.0), small_table(attr=ORTH)])
def test_a_host_without_the_table_gets_the_packages_own(tmp_path: Path, host_table: Vectors | None) -> None:
    host = spacy.blank("en")
    if host_table is not None:
        host.vocab.vectors = host_table
    path = package_with(tmp_path, small_table(), vectors_fingerprint(small_table()))
    vocab = _shadow_vocab(host.vocab, path)
    assert vocab is not host.vocab
    assert vectors_fingerprint(vocab.vectors) == vectors_fingerprint(small_table())
    copy = bare_copy(host("Pentagon SAID"), vocab)
    assert copy.vocab is vocab
    assert [float(t.vector[0]) for t in copy] == [3.0, 1.0]  # looked up by LOWER


def test_a_package_whose_table_does_not_match_its_fingerprint_is_refused(tmp_path: Path) -> None:
    path = package_with(tmp_path, small_table(scale=2.0), vectors_fingerprint(small_table()))
    with pytest.raises(ValueError, match="fingerprint"):
        _shadow_vocab(spacy.blank("en").vocab, path)
