"""Copy a trained attribution pipeline into layers/model/attribution with its meta filled in.

python package.py TRAINED_DIR OUT_DIR [--version X.Y.Z] [--vectors PIPELINE_DIR]

A network trained with static vectors needs ``--vectors``: the pipeline whose table it was trained with
(the core pipeline). spaCy forgets a table's lookup attribute on saving (it reads ``LOWER``), so the table
is taken from that pipeline, and its fingerprint goes into ``meta.json`` for the product to recognise it
(``newsextract.nlp.attribution``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import spacy
from spacy.attrs import LOWER

from newsextract.nlp.attribution import VECTORS_META_KEY, vectors_fingerprint

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from glove_vectors import keep_lower_lookup


def reads_static_vectors(nlp: spacy.language.Language) -> bool:
    return bool(nlp.config["components"]["ner"]["model"]["tok2vec"]["embed"].get("include_static_vectors"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("trained", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--version", default="0.2.0")
    parser.add_argument(
        "--vectors", type=Path, help="pipeline whose vectors table the network was trained with"
    )
    args = parser.parse_args()
    nlp = spacy.load(args.trained)
    description = "SOURCE/CUE/CONTENT attribution spans (NER, own tok2vec over words, tag + quote state, "
    description += "coarse dependency"
    if reads_static_vectors(nlp):
        if args.vectors is None:
            parser.error("the network reads static vectors: name their pipeline with --vectors")
        nlp.vocab.vectors = spacy.load(args.vectors).vocab.vectors
        nlp.meta[VECTORS_META_KEY] = vectors_fingerprint(nlp.vocab.vectors)
        description += ", the core's static vectors"
    nlp.meta.update(
        {
            "name": "newsextract_attribution",
            "spacy_version": ">=3.8.0,<3.9.0",
            "version": args.version,
            "description": description + ") trained on PolNeAR train",
            "sources": [{"name": "PolNeAR", "author": "Newell, Margolin & Ruths (LREC 2018)"}],
            "license": "research use (PolNeAR terms)",
        }
    )
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    if VECTORS_META_KEY in nlp.meta:
        if nlp.vocab.vectors.attr == LOWER:
            keep_lower_lookup(args.out)
        if vectors_fingerprint(spacy.load(args.out).vocab.vectors) != nlp.meta[VECTORS_META_KEY]:
            raise RuntimeError(f"{args.out}: the saved vectors table differs from {args.vectors}'s")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(json.dumps({"out": str(args.out), "bytes": size, "labels": list(nlp.get_pipe("ner").labels)}))


if __name__ == "__main__":
    main()
