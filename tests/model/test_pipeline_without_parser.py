"""``NEWSEXTRACT_MODEL`` may name a pipeline without a parser (or without a tagger): extraction still runs.

The shipped pipeline saved without those components stands in for such a pipeline; the shipped attribution
network runs on top. Real PolNeAR articles, because what crashed such a pipeline (a segmentation fault in
spaCy's ``Token.rights`` on tokenizer special cases, no sentence boundaries for the rules) needs real text.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import spacy

from newsextract.evaluation.polnear import iter_documents
from newsextract.nlp import pipeline
from newsextract.nlp.extractor import Extractor
from newsextract.nlp.unparsed import COMPONENT
from tests.unit.test_result_schema import result_schema

pytestmark = pytest.mark.model

SHIPPED = Path(__file__).resolve().parents[2] / "layers" / "model" / "en_newsextract"


LEFT_OUT = {"no-parser": ["parser"], "no-syntax": ["parser", "tagger", "morphologizer", "lemmatizer"]}


@pytest.mark.parametrize("left_out", LEFT_OUT.values(), ids=LEFT_OUT.keys())
def test_extraction_runs_on_real_articles_with_a_pipeline_without_a_parser(
    tmp_path: Path, polnear_dir: Path, left_out: list[str]
) -> None:
    spacy.load(SHIPPED, exclude=left_out).to_disk(tmp_path / "core")
    pipeline.load_pipeline.cache_clear()
    try:
        nlp = pipeline.load_pipeline(str(tmp_path / "core"))
    finally:
        pipeline.load_pipeline.cache_clear()
    assert nlp.pipe_names[:2] == ["platform_period", COMPONENT]
    assert "sentencizer" in nlp.pipe_names and nlp.pipe_names[-1] == "attribution"
    extractor = Extractor(nlp)
    schema = result_schema()
    statements = 0
    for document in list(iter_documents(polnear_dir, "dev"))[:24]:
        result = extractor.extract_one(document.text, f"{document.name}.txt")
        jsonschema.validate(result.to_dict(), schema)
        statements += len(result.statements)
    assert statements > 100  # the attribution network still finds statements
