"""Convert PolNeAR (brat standoff) to spaCy DocBin with SOURCE/CUE/CONTENT entities.

Each token also gets the attribution model's input features as its tag and lemma (``bare_copy``: the
core pipeline's PTB tag plus the quote state; coarse dependency class and speech-verb head; default
core: the shipped ``en_newsextract``). Every fragment becomes one entity, trimmed of whitespace and
punctuation at both ends (the scorer ignores them too, so the model learns one consistent boundary).
Nested attributions overlap; the shorter span wins, so an embedded attribution keeps its source, cue
and content.

    python convert.py CORPUS_DIR OUT_DIR [--splits train dev] [--core NAME_OR_DIR]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin, Span

from newsextract.evaluation.polnear import ROLES, iter_documents, normalize
from newsextract.nlp.attribution import bare_copy
from newsextract.nlp.pipeline import PIPE_BATCH_SIZE, resolve_pipeline

LABELS = {"source": "SOURCE", "cue": "CUE", "content": "CONTENT"}


def convert(corpus_dir: Path, split: str, out_dir: Path, core: Language) -> Counter[str]:
    stats: Counter[str] = Counter()
    db = DocBin(store_user_data=False)
    documents = list(iter_documents(corpus_dir, split))
    for document, tagged in zip(
        documents, core.pipe((d.text for d in documents), batch_size=PIPE_BATCH_SIZE), strict=True
    ):
        doc = bare_copy(tagged)
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
    parser.add_argument("--core", default=None, help="core pipeline for the tags (default: the shipped one)")
    args = parser.parse_args()
    # The core as spacy.load gives it, without newsextract's paragraph breaks: 0.2.0 was trained so, and a
    # model trained on parses with them scored lower on dev (ATTRIBUTION_CARD.md).
    core = spacy.load(resolve_pipeline(args.core).core)
    for split in args.splits:
        print(split, dict(convert(args.corpus, split, args.out, core)))


if __name__ == "__main__":
    main()
