"""Score the packaged pipeline: NER on CoNLL-2003, syntax on UD EWT, words/s on one core.

NER is scored on gold CoNLL tokens (the standard protocol) with the whole pipeline running; only the
statistical labels PERSON/ORG/LOC/MISC are compared, since CoNLL has no DATE/MONEY/... annotation (the
ruler never changes NER spans, so this is exact). EWT is scored on UD's syntactic words ("it" + "'s" for
"it's"), from raw text tokenized by the pipeline (as in training) and from gold tokens, and once more from
raw text against the multiword tokens merged into one (how the card scored up to 2026-12-07: it credits a
relation given to both pieces of "it's", so it reads higher for a pipeline trained that way). Speed:
``nlp.pipe`` over the raw news texts of the PolNeAr dev split, one thread. Writes scores.json and the
score table in MODEL_CARD.md.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402
from convert import corpora_dir  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.scorer import Scorer  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402

NER_LABELS = ("PERSON", "ORG", "LOC", "MISC")
SYNTAX_KEYS = (
    "tag_acc",
    "pos_acc",
    "morph_acc",
    "lemma_acc",
    "dep_uas",
    "dep_las",
    "sents_p",
    "sents_r",
    "sents_f",
)


def load_docs(path: Path, nlp: Language) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def gold_tokens(nlp: Language, ref: Doc) -> Doc:
    return Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref])


def score_ner(nlp: Language, refs: list[Doc]) -> dict[str, Any]:
    examples = []
    for pred, ref in zip(nlp.pipe(gold_tokens(nlp, r) for r in refs), refs, strict=True):
        pred.ents = [e for e in pred.ents if e.label_ in NER_LABELS]
        examples.append(Example(pred, ref))
    scores = Scorer.score_spans(examples, "ents")
    per_type = {k: {m: round(v, 4) for m, v in d.items()} for k, d in scores["ents_per_type"].items()}
    return {
        "ents_p": round(scores["ents_p"], 4),
        "ents_r": round(scores["ents_r"], 4),
        "ents_f": round(scores["ents_f"], 4),
        "ents_per_type": dict(sorted(per_type.items())),
    }


def score_syntax(nlp: Language, refs: list[Doc], gold_tok: bool) -> dict[str, float]:
    examples = [Example(gold_tokens(nlp, r) if gold_tok else nlp.make_doc(r.text), r) for r in refs]
    scores = nlp.evaluate(examples)
    return {k: round(float(scores[k]), 4) for k in SYNTAX_KEYS if scores.get(k) is not None}


def speed(nlp: Language, texts: list[str], runs: int = 3) -> dict[str, Any]:
    """Words/s of ``nlp.pipe`` on one thread: by CPU time of this process (robust on a shared machine)
    and by wall-clock time; median of ``runs``."""
    list(nlp.pipe(texts[:5]))
    cpu_rates, wall_rates = [], []
    n_words = 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        n_words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        cpu_rates.append(n_words / (time.process_time() - cpu))
        wall_rates.append(n_words / (time.perf_counter() - wall))
    return {
        "words_per_second": round(statistics.median(cpu_rates)),
        "words_per_second_wall": round(statistics.median(wall_rates)),
        "words": n_words,
        "docs": len(texts),
        "runs": runs,
        "threads": 1,
        "cpu": platform.processor() or platform.machine(),
    }


def card_table(s: dict[str, Any]) -> str:
    ner, ewt, ewt_gold = s["ner"], s["ewt"], s["ewt_gold_tokens"]
    rows = [
        f"Scores on the **{s['split']}** splits (`make model-eval`, spaCy {s['spacy_version']}).",
        "",
        "| Task | Data | Metric | Score |",
        "|---|---|---|---|",
        f"| NER (all 4 types) | CoNLL-2003 {s['split']} | P / R / F1 | "
        f"{ner['ents_p']:.3f} / {ner['ents_r']:.3f} / **{ner['ents_f']:.3f}** |",
    ]
    for label, d in ner["ents_per_type"].items():
        rows.append(
            f"| NER {label} | CoNLL-2003 {s['split']} | P / R / F1 | "
            f"{d['p']:.3f} / {d['r']:.3f} / {d['f']:.3f} |"
        )
    merged = s["ewt_merged_tokens"]
    for name, d in (("raw text", ewt), ("gold tokens", ewt_gold)):
        rows.append(
            f"| Parser ({name}) | UD EWT {s['split']} | UAS / LAS | "
            f"{d['dep_uas']:.3f} / **{d['dep_las']:.3f}** |"
        )
        rows.append(
            f"| Tagging ({name}) | UD EWT {s['split']} | UPOS / XPOS / morph / lemma | "
            f"{d['pos_acc']:.3f} / {d['tag_acc']:.3f} / {d['morph_acc']:.3f} / "
            f"{d['lemma_acc']:.3f} |"
        )
        rows.append(
            f"| Sentences ({name}) | UD EWT {s['split']} | P / R / F | "
            f"{d['sents_p']:.3f} / {d['sents_r']:.3f} / {d['sents_f']:.3f} |"
        )
    rows.append(
        f"| Parser (raw text, gold multiword tokens merged) | UD EWT {s['split']} | UAS / LAS | "
        f"{merged['dep_uas']:.3f} / {merged['dep_las']:.3f} |"
    )
    sp = s["speed"]
    rows.append(
        f"| Speed, whole pipeline | {sp['docs']} news articles, {sp['words']} words | words/s per CPU "
        f"second (wall clock), 1 thread | **{sp['words_per_second']:,}** ({sp['words_per_second_wall']:,}) |"
    )
    rows.append(f"| Size on disk | `layers/model/en_newsextract` | MB | {s['size_mb']:.1f} |")
    return "\n".join(rows)


def update_card(card: Path, table: str) -> None:
    text = card.read_text(encoding="utf8")
    pattern = re.compile(r"(<!-- scores:start -->\n).*?(\n<!-- scores:end -->)", re.S)
    if not pattern.search(text):
        raise ValueError(f"{card}: no <!-- scores:start --> ... <!-- scores:end --> block")
    card.write_text(pattern.sub(lambda m: m.group(1) + table + m.group(2), text), encoding="utf8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=Path("layers/model/en_newsextract"))
    parser.add_argument("--corpus", type=Path, default=Path("build/model/corpus"))
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    parser.add_argument("--scores", type=Path, help="write scores here (JSON)")
    parser.add_argument("--card", type=Path, help="update the score table in this model card")
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    texts = [p.read_text(encoding="utf8") for p in sorted((corpora_dir() / "polnear/dev/text").glob("*.txt"))]
    ewt = load_docs(args.corpus / f"ewt_{args.split}.spacy", nlp)
    result: dict[str, Any] = {
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}",
        "spacy_version": spacy.about.__version__,
        "split": args.split,
        "ner": score_ner(nlp, load_docs(args.corpus / f"conll_{args.split}.spacy", nlp)),
        "ewt": score_syntax(nlp, ewt, gold_tok=False),
        "ewt_gold_tokens": score_syntax(nlp, ewt, gold_tok=True),
        "ewt_merged_tokens": score_syntax(
            nlp, load_docs(args.corpus / f"ewt-merged_{args.split}.spacy", nlp), gold_tok=False
        ),
        "speed": speed(nlp, texts),
        "size_mb": round(sum(f.stat().st_size for f in args.model.rglob("*") if f.is_file()) / 1e6, 1),
    }
    out = json.dumps(result, indent=2)
    print(out)
    if args.scores:
        args.scores.write_text(out + "\n", encoding="utf8")
    if args.card:
        update_card(args.card, card_table(result))
        print(card_table(result))


if __name__ == "__main__":
    main()
