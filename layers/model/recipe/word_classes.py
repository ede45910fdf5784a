"""Build the static vectors table of ``en_newsextract`` from word classes learnt on a large corpus.

The corpora here are small (about 1.2M words of raw text), so words never seen in training get nothing
but their spelling. spaCy's ``spacy-lookups-data`` (MIT) ships, for about a million English word forms,
a Brown cluster (1,000 classes learnt on a large web corpus; the cluster id's bits are the path in the
cluster tree) and a log-probability. Each word becomes a fixed random vector per feature, summed:

- the cluster path and its prefixes of 2, 4, 6, 8, 10 and 12 bits (nested classes: "41" names like
  "NSA" and "Bundesbank"; "116" "said" and "drawled");
- its frequency band (``int(-log prob)``, 3 to 20).

Words that share all features share one row, so the table stays small (about 9k rows, 280k keys,
6.6 MB). The tok2vec layers of the syntax network and the NER read it with
``include_static_vectors = true`` and ``[initialize] vectors`` pointing at OUT_DIR (the 1.2.0 candidate of
MODEL_CARD.md, not yet the shipped recipe); it is saved inside the pipeline, so the result still loads
with plain ``spacy.load(path)``.

python word_classes.py OUT_DIR
"""

from __future__ import annotations

import argparse
import gzip
import json
import zlib
from pathlib import Path

import numpy as np
import spacy
import spacy_lookups_data
from numpy.typing import NDArray
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.vectors import Vectors

FloatArray = NDArray[np.float32]

WIDTH = 96
MIN_LOG_PROB = -17.0  # unclustered words rarer than this get no row (zero vector)
PATH_PREFIXES = (2, 4, 6, 8, 10, 12)


def _table(name: str) -> dict[str, float]:
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"en_lexeme_{name}.json.gz"
    with gzip.open(path) as handle:
        table: dict[str, float] = json.load(handle)
    return table


def word_features(word: str, clusters: dict[str, float], log_probs: dict[str, float]) -> tuple[str, ...]:
    """The names of the features whose vectors make up ``word``'s row."""
    cluster = int(clusters.get(word, 0))
    if cluster > 1:
        path = bin(cluster)[3:]  # drop "0b" and the leading 1 that marks the root
        features = [f"c{path[:depth]}" for depth in PATH_PREFIXES if depth < len(path)] + [f"c{path}"]
    else:
        features = ["nocluster"]
    log_prob = log_probs.get(word)
    features.append(f"p{min(20, max(3, int(-log_prob)))}" if log_prob is not None else "pnone")
    return tuple(features)


def feature_vector(name: str) -> FloatArray:
    """A fixed pseudo-random vector per feature name (seeded by its CRC32, so builds are identical)."""
    return np.random.default_rng(zlib.crc32(name.encode())).standard_normal(WIDTH).astype("float32")


def build_vectors() -> Vectors:
    clusters, log_probs = _table("cluster"), _table("prob")
    row_of: dict[tuple[str, ...], int] = {}
    rows: list[FloatArray] = []
    key_rows: list[tuple[int, int]] = []
    for word, log_prob in log_probs.items():
        if clusters.get(word, 0) <= 1 and log_prob < MIN_LOG_PROB:
            continue
        features = word_features(word, clusters, log_probs)
        if features not in row_of:
            row_of[features] = len(rows)
            rows.append(sum(feature_vector(name) for name in features) / np.sqrt(len(features)))
        key_rows.append((hash_string(word), row_of[features]))
    vectors = Vectors(data=np.vstack(rows).astype("float32"))
    for key, row in key_rows:
        vectors.add(key, row=row)
    return vectors


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    nlp = spacy.blank("en")
    nlp.vocab.vectors = build_vectors()
    nlp.to_disk(args.out)
    rows, width = nlp.vocab.vectors.shape
    print(f"{args.out}: {len(nlp.vocab.vectors.key2row)} keys, {rows} rows of {width}")


if __name__ == "__main__":
    main()
