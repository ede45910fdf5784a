"""The newsextract command with the shipped pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsextract.cli import main
from tests.conftest import REPO_ROOT
from tests.unit.test_result_schema import result_schema

pytestmark = pytest.mark.model
SAMPLE = REPO_ROOT / "samples" / "harbor-bridge-2024-03-05.txt"


def test_extract_prints_one_json_line_per_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"title": "T", "body": "Mayor Ann Lee said the park would reopen."}))
    assert main(["extract", str(SAMPLE), str(second)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    results = [json.loads(line) for line in lines]
    for result in results:
        jsonschema.validate(result, result_schema())
    assert results[0]["article"]["key"] == SAMPLE.name
    assert results[1]["article"]["title"] == "T"


def test_extract_to_a_directory(tmp_path: Path) -> None:
    assert main(["extract", str(SAMPLE), "--out", str(tmp_path / "out")]) == 0
    result = json.loads((tmp_path / "out" / f"{SAMPLE.name}.json").read_text())
    assert result["article"]["published"] == "2024-03-05"
    assert any(entity["name"] == "Maria Delgado" for entity in result["entities"])


def test_bad_input_is_one_line_and_the_others_still_run(tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.5 ...")
    missing = tmp_path / "gone.txt"
    command = [sys.executable, "-m", "newsextract.cli", "extract", str(bad), str(SAMPLE), str(missing)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"newsextract: {bad}: binary content (PDF)")
    assert "gone.txt: No such file or directory" in errors[1]
    assert "Traceback" not in done.stderr
    assert len(done.stdout.splitlines()) == 1


def test_info_reports_the_shipped_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["model"]["name"] == "en_newsextract"
    assert Path(info["model"]["path"]) == REPO_ROOT / "layers" / "model" / "en_newsextract"
    assert info["spacy_version"].startswith("3.8")
    assert info["version"]


def test_python_api() -> None:
    import newsextract

    result = newsextract.extract("Mayor Ann Lee said on Friday that the park would reopen.", key="park.txt")
    assert result["article"]["key"] == "park.txt"
    assert any(entity["label"] == "PERSON" for entity in result["entities"])
    assert newsextract.load_pipeline() is newsextract.load_pipeline()
