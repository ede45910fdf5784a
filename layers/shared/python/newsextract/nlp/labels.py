"""One label set for every pipeline.

newsextract's own pipeline predicts PERSON, ORG, LOC, MISC (from CoNLL-2003) and DATE, TIME, MONEY,
PERCENT, CARDINAL, QUANTITY, ORDINAL (from patterns). OntoNotes-style pipelines such as
``en_core_web_sm`` predict finer labels; ``canonical_label`` folds both into the canonical set so the
rest of the code never depends on which pipeline is loaded.
"""

from __future__ import annotations

CANONICAL_LABELS = (
    "PERSON", "ORG", "LOC", "MISC",
    "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL",
)  # fmt: skip

LABEL_MAP: dict[str, str] = {
    # CoNLL-2003
    "PER": "PERSON",
    # OntoNotes 5 (en_core_web_*)
    "GPE": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    # WikiNER / other spaCy pipelines
    "LOCATION": "LOC",
    "ORGANIZATION": "ORG",
    "PERSONS": "PERSON",
}

NAMED_LABELS = frozenset({"PERSON", "ORG", "LOC", "MISC"})
"""Labels of named entities, the ones clustered and indexed across articles."""
PERSON_LABELS = frozenset({"PERSON", "PER"})
"""Raw labels of persons on ``Token.ent_type_``, from either kind of pipeline (OntoNotes or CoNLL)."""


def canonical_label(label: str) -> str:
    """Map any pipeline's entity label to the canonical set; unknown labels become MISC."""
    upper = label.upper()
    if upper in CANONICAL_LABELS:
        return upper
    return LABEL_MAP.get(upper, "MISC")
