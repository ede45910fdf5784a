"""load_pipeline honours NEWSEXTRACT_MODEL (a directory or an installed package name)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsextract.nlp import pipeline
from newsextract.nlp.extractor import model_info


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.load_pipeline.cache_clear()
    monkeypatch.delenv(pipeline.MODEL_ENV, raising=False)
    monkeypatch.setenv(pipeline.ATTRIBUTION_MODEL_ENV, "")


@pytest.fixture
def tiny_pipeline(tmp_path: Path) -> Path:
    nlp = spacy.blank("en")
    nlp.meta.update({"name": "tiny_news", "version": "0.0.1"})
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "tiny")
    return tmp_path / "tiny"


def test_model_directory_from_the_environment(monkeypatch: pytest.MonkeyPatch, tiny_pipeline: Path) -> None:
    monkeypatch.setenv(pipeline.MODEL_ENV, str(tiny_pipeline))
    nlp = pipeline.load_pipeline()
    assert model_info(nlp).name == "en_tiny_news"
    # "on X." split first, whatever the pipeline; sound token edges for a pipeline without a parser
    assert nlp.pipe_names == ["platform_period", "token_edges", "sentencizer"]
    assert pipeline.load_pipeline() is nlp


def test_explicit_name_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, tiny_pipeline: Path
) -> None:
    monkeypatch.setenv(pipeline.MODEL_ENV, "/nonexistent/model")
    assert model_info(pipeline.load_pipeline(str(tiny_pipeline))).version == "0.0.1"


def test_unknown_package_name_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pipeline.MODEL_ENV, "en_no_such_pipeline")
    with pytest.raises(pipeline.ModelNotFoundError, match="en_no_such_pipeline"):
        pipeline.load_pipeline()


def test_shipped_pipeline_is_the_default(monkeypatch: pytest.MonkeyPatch, tiny_pipeline: Path) -> None:
    monkeypatch.setattr(pipeline, "_LAYER_ROOT", tiny_pipeline.parent / "opt-model")
    monkeypatch.setattr(pipeline, "_CHECKOUT_ROOT", tiny_pipeline.parent)
    (tiny_pipeline.parent / "en_newsextract").symlink_to(tiny_pipeline)
    assert pipeline.resolve_pipeline().core == str(tiny_pipeline.parent / "en_newsextract")


def test_layer_location_comes_before_the_checkout(
    monkeypatch: pytest.MonkeyPatch, tiny_pipeline: Path
) -> None:
    layer = tiny_pipeline.parent / "opt-model"
    layer.mkdir()
    (layer / "en_newsextract").symlink_to(tiny_pipeline)
    monkeypatch.setattr(pipeline, "_LAYER_ROOT", layer)
    assert pipeline.resolve_pipeline().core == str(layer / "en_newsextract")
