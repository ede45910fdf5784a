"""Score a core pipeline + attribution model on a PolNeAR split (what ``make eval-polnear`` runs).

    python evaluate.py [--core NAME_OR_DIR|blank] [--attribution DIR] [--corpus DIR] [--split dev]

``--core blank`` uses ``spacy.blank("en")`` with a sentencizer (no parse, no entities).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import spacy

from newsextract.evaluation.polnear import evaluate_polnear
from newsextract.nlp.attribution import attach_attribution
from newsextract.nlp.paragraphs import attach_paragraph_breaks
from newsextract.nlp.pipeline import resolve_pipeline


def main() -> None:
    default_corpus = Path(os.environ.get("NEWSEXTRACT_CORPORA", "../shared/corpora")) / "polnear"
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--core", default=None)
    parser.add_argument("--attribution", type=Path, default=None)
    parser.add_argument("--corpus", type=Path, default=default_corpus)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    if args.core == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        attribution = args.attribution or resolve_pipeline("blank").attribution
    else:
        choice = resolve_pipeline(args.core)
        nlp = spacy.load(choice.core)
        attach_paragraph_breaks(nlp)
        attribution = args.attribution or choice.attribution
    if attribution is None:
        raise SystemExit("no attribution model: pass --attribution DIR")
    attach_attribution(nlp, attribution)
    report = evaluate_polnear(args.corpus, args.split, nlp, limit=args.limit)
    print(report.format_table())
    if args.json:
        args.json.write_text(json.dumps(report.to_dict(), indent=2))


if __name__ == "__main__":
    main()
