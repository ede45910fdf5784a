"""The result model and its published JSON Schema agree."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from newsextract.ids import article_id
from newsextract.result import ArticleInfo, Entity, ExtractionResult, ModelInfo, Speaker, Statement, TextSpan

TEXT = "“We will build it,” Maria Delgado said, “and soon.” The board agreed."


def result_schema() -> dict[str, object]:
    return json.loads(files("newsextract").joinpath("schema/result.schema.json").read_text(encoding="utf-8"))


def full_result() -> ExtractionResult:
    person = Entity(id="e1", name="Maria Delgado", label="PERSON", mentions=[TextSpan.of(TEXT, 20, 33)],
                    titles=["executive director"], salience=0.8)  # fmt: skip
    statement = Statement(
        id="s1",
        kind="direct",
        source=TextSpan.of(TEXT, 20, 33),
        cue=TextSpan.of(TEXT, 34, 38),
        content=TextSpan(start=1, end=49, text=TEXT[1:49], fragments=((1, 17), (41, 49))),
        speaker=Speaker(name="Maria Delgado", label="PERSON", entity_id="e1", role="executive director"),
        confidence=0.9,
    )
    article = ArticleInfo(id=article_id("a.txt", "articles"), key="a.txt", text=TEXT, content_sha256="a" * 64)
    return ExtractionResult(article=article, model=ModelInfo("en_newsextract", "1.0.0"), entities=[person],
                            statements=[statement], extracted_at="2024-03-05T12:00:00+00:00")  # fmt: skip


def test_full_result_validates_and_round_trips() -> None:
    data = full_result().to_dict()
    jsonschema.validate(data, result_schema())
    assert ExtractionResult.from_dict(json.loads(json.dumps(data))).to_dict() == data


def test_a_joint_speaker_round_trips_and_results_without_members_still_load() -> None:
    result = full_result()
    result.statements[0].speaker = Speaker(name="A and B", label="PERSON", members=("e1", "e2"))
    data = result.to_dict()
    jsonschema.validate(data, result_schema())
    assert (
        ExtractionResult.from_dict(json.loads(json.dumps(data))).statements[0].speaker
        == result.statements[0].speaker
    )
    del data["statements"][0]["speaker"]["members"]  # written before joint speakers existed
    jsonschema.validate(data, result_schema())
    assert ExtractionResult.from_dict(data).statements[0].speaker.members == ()  # type: ignore[union-attr]


def test_failed_result_validates() -> None:
    info = ArticleInfo(id=article_id("x.pdf"), key="x.pdf", text="")
    data = ExtractionResult.failed(
        info, ModelInfo("m", "1"), "binary content (PDF) is not supported"
    ).to_dict()
    jsonschema.validate(data, result_schema())
    assert data["article"]["status"] == "failed"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("article", "status"), "pending"),
        (("statements", 0, "kind"), "quoted"),
        (("entities", 0, "salience"), 2.0),
    ],
)
def test_schema_rejects_values_outside_the_model(path: tuple[object, ...], value: object) -> None:
    data = full_result().to_dict()
    target = data
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, result_schema())
