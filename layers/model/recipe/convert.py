"""Convert the shared corpora into spaCy DocBin files under build/model/corpus/.

CoNLL-2003 (``token TAG`` IOB2, PER/ORG/LOC/MISC) becomes ``conll_{train,dev,test}.spacy`` with the label
PER renamed to PERSON. EWT (CoNLL-U) is written twice:

- ``ewt_{train,dev,test}.spacy``: UD's syntactic words. A multiword token ("it's", "Google's", "don't") is
  its words ("it" + "'s"), each with its own tag, head and relation, which is also how spaCy's English
  tokenizer splits it. ``evaluate.py`` scores on these.
- ``ewt-merged_{train,dev,test}.spacy``: each multiword token merged into one token with a joined tag
  ("PRP_VBZ", "NNP_POS") and one relation (``merge_subtokens=True``). Cores 1.0.0 to 1.4.0 were trained
  on these: both of the tokenizer's pieces were aligned to the merged token and learned its tag and
  relation. ``make model-syntax`` trains on the words since 1.5.0 (``EWT_TRAINING=ewt-merged`` gives the
  old training data back); ``evaluate.py`` keeps one row against the merged tokens for comparison.

Sentences are grouped into documents of ``--group`` sentences so the parser learns sentence boundaries;
``conll_traindev.spacy`` and ``ewt{,-merged}_traindev.spacy`` are train + dev for the final runs.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.converters.conllu_to_docs import conllu_to_docs
from spacy.vocab import Vocab

LABEL_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
SPLITS = ("train", "dev", "test")


def corpora_dir() -> Path:
    """Corpora root: $NEWSEXTRACT_CORPORA or <repo>/../shared/corpora."""
    default = Path(__file__).resolve().parents[3].parent / "shared" / "corpora"
    return Path(os.environ.get("NEWSEXTRACT_CORPORA", default))


def read_conll(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences as (token, IOB2 tag) lists; ``-DOCSTART-`` lines yield an empty sentence."""
    sent: list[tuple[str, str]] = []
    with path.open(encoding="utf8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if sent:
                    yield sent
                sent = []
                continue
            if parts[0] == "-DOCSTART-":
                if sent:
                    yield sent
                sent = []
                yield []
                continue
            if len(parts) != 2:
                raise ValueError(f"{path}: bad line {line!r}")
            sent.append((parts[0], parts[1]))
    if sent:
        yield sent


def iob2(tags: Iterable[str]) -> list[str]:
    """Repair stray IOB1 tags (an I- that does not continue its type becomes B-) and rename labels."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O":
            out.append(tag)
        else:
            prefix, label = tag.split("-", 1)
            if prefix == "I" and prev[2:] != label:
                prefix = "B"
            out.append(f"{prefix}-{LABEL_MAP[label]}")
        prev = tag
    return out


def conll_docs(path: Path, vocab: Vocab, group: int) -> Iterator[Doc]:
    """Group CoNLL sentences into Docs (never across -DOCSTART-), with sentence starts and entities."""
    buf: list[list[tuple[str, str]]] = []

    def flush() -> Iterator[Doc]:
        if not buf:
            return
        words = [w for s in buf for w, _ in s]
        tags = [tag for s in buf for tag in iob2(t for _, t in s)]
        sent_starts: list[bool | int | None] = [i == 0 for s in buf for i in range(len(s))]
        doc = Doc(vocab, words=words, ents=tags, sent_starts=sent_starts)
        buf.clear()
        yield doc

    for sent in read_conll(path):
        if not sent:
            yield from flush()
            continue
        buf.append(sent)
        if len(buf) >= group:
            yield from flush()
    yield from flush()


def ewt_docs(conllu: str, group: int, merged: bool) -> list[Doc]:
    """EWT sentences as Docs of ``group`` sentences: UD's syntactic words, or with each multiword token
    merged into one token (``merged``, what the syntax of cores 1.0.0 to 1.4.0 was trained on)."""
    docs = conllu_to_docs(conllu, n_sents=group, merge_subtokens=merged, no_print=True)  # type: ignore[no-untyped-call]
    return list(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("build/model/corpus"))
    parser.add_argument("--group", type=int, default=10, help="sentences per training document")
    args = parser.parse_args()
    root = corpora_dir()
    args.out.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    conll: dict[str, list[Doc]] = {}
    ewt_by_split: dict[tuple[str, str], list[Doc]] = {}
    for split in SPLITS:
        docs = conll[split] = list(conll_docs(root / "conll2003" / f"{split}.txt", vocab, args.group))
        DocBin(docs=docs, store_user_data=False).to_disk(args.out / f"conll_{split}.spacy")
        n_ents = sum(len(d.ents) for d in docs)
        print(f"conll {split}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens, {n_ents} entities")
        text = (root / "ud-english-ewt" / f"en_ewt-ud-{split}.conllu").read_text(encoding="utf8")
        for name, merged in (("ewt", False), ("ewt-merged", True)):
            ewt = ewt_by_split[name, split] = ewt_docs(text, args.group, merged=merged)
            DocBin(docs=ewt).to_disk(args.out / f"{name}_{split}.spacy")
            print(f"{name} {split}: {len(ewt)} docs, {sum(len(d) for d in ewt)} tokens")
    # The shipped NER and syntax are trained on train + dev with the settings and step count chosen on dev.
    DocBin(docs=conll["train"] + conll["dev"], store_user_data=False).to_disk(
        args.out / "conll_traindev.spacy"
    )
    for name in ("ewt", "ewt-merged"):
        traindev = ewt_by_split[name, "train"] + ewt_by_split[name, "dev"]
        DocBin(docs=traindev).to_disk(args.out / f"{name}_traindev.spacy")


if __name__ == "__main__":
    main()
