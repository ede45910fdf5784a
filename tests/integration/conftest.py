"""Integration fixtures: real boto3 against moto's in-process mock, resources as in template.yaml."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import boto3
import pytest
from moto import mock_aws

from newsextract import bootstrap
from newsextract.local import REPO_ROOT, load_handler_module
from tests.integration.tables import create_results_table

BUCKET = "articles"
TABLE = "newsextract-results"


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "TABLE_NAME": TABLE,
        "POWERTOOLS_SERVICE_NAME": "newsextract",
        "POWERTOOLS_METRICS_NAMESPACE": "NewsExtract",
        "POWERTOOLS_TRACE_DISABLED": "1",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    with mock_aws():
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket=BUCKET)
        s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
        dynamodb = boto3.client("dynamodb")
        create_results_table(dynamodb, TABLE)
        bootstrap.reset()
        yield {"s3": s3, "dynamodb": dynamodb}
        bootstrap.reset()


POWERTOOLS_ENV = {
    "POWERTOOLS_SERVICE_NAME": "newsextract",
    "POWERTOOLS_METRICS_NAMESPACE": "NewsExtract",
    "POWERTOOLS_TRACE_DISABLED": "1",
}


@pytest.fixture(scope="session")
def extract_app() -> ModuleType:
    """The handler module, imported under the Powertools settings (they are read at import time)."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in POWERTOOLS_ENV.items():
            patch.setenv(name, value)
        return load_handler_module(REPO_ROOT / "functions" / "extract" / "app.py", "extract_app_under_test")
