"""Copy a trained attribution pipeline into layers/model/attribution with its meta filled in.

python package.py TRAINED_DIR OUT_DIR [--version X.Y.Z]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("trained", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--version", default="0.2.0")
    args = parser.parse_args()
    nlp = spacy.load(args.trained)
    nlp.meta.update(
        {
            "name": "newsextract_attribution",
            "spacy_version": ">=3.8.0,<3.9.0",
            "version": args.version,
            "description": (
                "SOURCE/CUE/CONTENT attribution spans (NER, own tok2vec over words, tag + quote state, "
                "coarse dependency) trained on PolNeAR train"
            ),
            "sources": [{"name": "PolNeAR", "author": "Newell, Margolin & Ruths (LREC 2018)"}],
            "license": "research use (PolNeAR terms)",
        }
    )
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(json.dumps({"out": str(args.out), "bytes": size, "labels": list(nlp.get_pipe("ner").labels)}))


if __name__ == "__main__":
    main()
