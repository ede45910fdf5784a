"""Convert PolNeAR (brat standoff) to spaCy DocBin with SOURCE/CUE/CONTENT entities.

Every fragment becomes one entity, trimmed of whitespace and punctuation at both ends (the scorer
ignores them too, so the model learns one consistent boundary). Nested attributions overlap; the
shorter span wins, so an embedded attribution keeps its source, cue and content.

    python convert.py CORPUS_DIR OUT_DIR [--splits train dev]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin, Span

from newsextract.evaluation.polnear import ROLES, iter_documents, normalize

LABELS = {"source": "SOURCE", "cue": "CUE", "content": "CONTENT"}


def convert(corpus_dir: Path, split: str, out_dir: Path) -> Counter[str]:
    nlp = spacy.blank("en")
    stats: Counter[str] = Counter()
    db = DocBin(store_user_data=False)
    for document in iter_documents(corpus_dir, split):
        doc = nlp.make_doc(document.text)
        candidates: list[Span] = []
        for role in ROLES:
            for fragments in document.spans[role]:
                for start, end in fragments:
                    trimmed = normalize(document.text, start, end)
                    if trimmed is None:
                        continue
                    span = doc.char_span(*trimmed, label=LABELS[role], alignment_mode="expand")
                    if span is None or not span.text.strip():
                        stats["unaligned"] += 1
                        continue
                    candidates.append(span)
        taken: set[int] = set()
        kept: list[Span] = []
        for span in sorted(set(candidates), key=lambda s: (len(s), s.start)):
            if taken.isdisjoint(range(span.start, span.end)):
                kept.append(span)
                taken.update(range(span.start, span.end))
                stats[span.label_] += 1
            else:
                stats[f"dropped_{span.label_}"] += 1
        doc.ents = sorted(kept, key=lambda s: s.start)
        db.add(doc)
        stats["docs"] += 1
    out_dir.mkdir(parents=True, exist_ok=True)
    db.to_disk(out_dir / f"{split}.spacy")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--splits", nargs="+", default=["train", "dev"])
    args = parser.parse_args()
    for split in args.splits:
        print(split, dict(convert(args.corpus, split, args.out)))


if __name__ == "__main__":
    main()
