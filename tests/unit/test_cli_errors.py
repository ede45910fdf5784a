"""The ``newsextract`` command on bad input: one line on stderr, a non-zero exit status, never a traceback.

In-process cases use the real ``Extractor`` over a blank English pipeline; the subprocess cases run the
installed console script against a blank pipeline saved to disk (``NEWSEXTRACT_MODEL``).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from newsextract import bootstrap, cli
from newsextract.nlp.extractor import Extractor

CONSOLE_SCRIPT = Path(sys.executable).with_name("newsextract")
STORY = "The Harbor Bridge will close in September, the Northbay Port Authority said on Tuesday."


@cache
def blank_extractor() -> Extractor:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Extractor(nlp)


@pytest.fixture(autouse=True)
def _blank_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bootstrap, "build_extractor", blank_extractor)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


def assert_one_line(err: list[str], path: str, reason: str) -> None:
    assert len(err) == 1, err
    assert err[0].startswith(f"newsextract: {path}: "), err
    assert reason in err[0]
    assert "Traceback" not in err[0]


BAD_FILES = [
    pytest.param("bad.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary content (PDF)", id="pdf"),
    pytest.param("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(24), "binary content (PNG)", id="png"),
    pytest.param("bundle.zip", b"PK\x03\x04" + bytes(26), "binary content (ZIP", id="zip"),
    pytest.param("empty.txt", b"", "the object is empty", id="empty"),
    pytest.param("blank.txt", b" \n\t\r\n ", "no text to extract from", id="whitespace"),
    pytest.param("nul.txt", b"abc\x00def", "NUL bytes", id="nul"),
    pytest.param("broken.json", b'{"body": "unterminated', "invalid JSON", id="json-malformed"),
    pytest.param("deep.json", b"[" * 50_000 + b"]" * 50_000, "nested too deeply", id="json-deep"),
    pytest.param(
        "typed.json", b'{"body": ["a"]}', 'JSON field "body" must be a string, not array', id="json-type"
    ),
    pytest.param("bad16.txt", b"\xff\xfea\x00\x00\xd8", "invalid UTF-16", id="utf16-broken"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_unreadable_file_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run(["extract", str(path)], capsys)
    assert code == cli.EXIT_INPUT_ERROR
    assert out == ""
    assert_one_line(err, str(path), reason)


def test_missing_file_and_directory_are_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = run(["extract", str(missing), str(tmp_path)], capsys)
    assert code == cli.EXIT_INPUT_ERROR and out == ""
    assert len(err) == 2
    assert err[0] == f"newsextract: {missing}: No such file or directory"
    assert err[1] == f"newsextract: {tmp_path}: Is a directory"


def test_good_files_are_still_extracted_next_to_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.pdf"
    good.write_text(STORY, encoding="utf-8")
    bad.write_bytes(b"%PDF-1.4")
    code, out, err = run(["extract", str(bad), str(good)], capsys)
    assert code == cli.EXIT_INPUT_ERROR
    assert_one_line(err, str(bad), "PDF")
    [line] = out.splitlines()
    result = json.loads(line)
    assert result["article"]["text"] == STORY and result["article"]["status"] == "done"


def test_binary_on_stdin_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x89PNG\r\n\x1a\n....")))
    code, out, err = run(["extract", "-"], capsys)
    assert code == cli.EXIT_INPUT_ERROR and out == ""
    assert_one_line(err, "-", "PNG")


def test_an_unreachable_endpoint_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "x",
        "AWS_SECRET_ACCESS_KEY": "x",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_MAX_ATTEMPTS": "1",
    }.items():
        monkeypatch.setenv(name, value)
    queue = "http://127.0.0.1:9/000000000000/q"
    code, out, err = run(
        ["redrive", "--dlq-url", queue, "--queue-url", queue, "--endpoint-url", "http://127.0.0.1:9"], capsys
    )
    assert code == cli.EXIT_USAGE_ERROR and out == ""
    assert len(err) == 1 and err[0].startswith("newsextract: ") and "Traceback" not in err[0]


@pytest.fixture(scope="module")
def blank_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import spacy

    target = tmp_path_factory.mktemp("model") / "blank"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(target)
    return target


def console(args: list[str], model: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSEXTRACT_MODEL": model, "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_console_script_on_a_pdf_exits_1_with_one_stderr_line(tmp_path: Path, blank_model_dir: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    done = console(["extract", "bad.pdf"], str(blank_model_dir), tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "newsextract: bad.pdf: binary content (PDF) is not supported; upload text, Markdown, HTML or JSON"
    ]


def test_console_script_with_a_missing_model_exits_2_with_one_stderr_line(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    done = console(["extract", "story.txt"], str(tmp_path / "no-such-model"), tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("newsextract: ModelNotFoundError: cannot load spaCy pipeline")
