"""Fixtures shared by every test level."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("NEWSEXTRACT_SHARED", REPO_ROOT.parent / "shared"))
SAMPLE_ARTICLE = SHARED_DIR / "articles" / "milley-zaluzhnyi-2023-01-17.txt"
POLNEAR_DIR = Path(os.environ.get("NEWSEXTRACT_CORPORA", SHARED_DIR / "corpora")) / "polnear"
EVENTS_DIR = REPO_ROOT / "tests" / "events"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.fail(f"../shared not found at {SHARED_DIR} (set NEWSEXTRACT_SHARED)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def polnear_dir() -> Path:
    if not (POLNEAR_DIR / "train" / "text").is_dir():
        pytest.fail(f"PolNeAR not found at {POLNEAR_DIR} (set NEWSEXTRACT_CORPORA)")
    return POLNEAR_DIR


@pytest.fixture(scope="session")
def sample_article_bytes(shared_dir: Path) -> bytes:
    return (shared_dir / "articles" / "milley-zaluzhnyi-2023-01-17.txt").read_bytes()


@pytest.fixture
def lambda_context():  # type: ignore[no-untyped-def]
    from newsextract.local import LambdaContext

    return LambdaContext("test-function")
