"""A running `newsextract local` (moto server, queue worker, API) on free ports, shared by the e2e tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from spacy.tokens import Doc

from tests.conftest import REPO_ROOT


@pytest.fixture(scope="session")
def sample_doc(sample_article_bytes: bytes) -> Doc:
    """The reference article as decoded from ../shared, parsed once by the shipped pipeline."""
    from newsextract import load_pipeline

    return load_pipeline()(sample_article_bytes.decode("utf-8"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class RunningStack:
    aws_url: str
    api_url: str
    api_key: str
    bucket: str
    process: subprocess.Popen[str]

    def client(self, service: str) -> Any:
        return boto3.client(
            service, endpoint_url=self.aws_url, region_name="us-east-1",
            aws_access_key_id="local", aws_secret_access_key="local",
        )  # fmt: skip

    def get(self, path: str, *, api_key: str | None = None) -> tuple[int, dict[str, Any], dict[str, str]]:
        headers = {"x-api-key": self.api_key if api_key is None else api_key}
        request = urllib.request.Request(self.api_url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null"), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null"), dict(error.headers)

    def wait_for(self, path: str, *, timeout: float = 120, until: Any = None) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            status, body, _ = self.get(path)
            if status == 200 and (until is None or until(body)):
                return body
            if time.monotonic() > deadline:
                raise AssertionError(f"{path} not ready after {timeout}s: {status} {body}")
            time.sleep(0.3)


@pytest.fixture(scope="session")
def stack() -> Iterator[RunningStack]:
    aws_port, api_port = free_port(), free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for name in ("AWS_ENDPOINT_URL", "TABLE_NAME", "AWS_PROFILE"):
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "newsextract.cli", "local",
         "--aws-port", str(aws_port), "--api-port", str(api_port),
         "--api-key", "e2e-key", "--bucket", "e2e-articles"],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    banner = []
    deadline = time.monotonic() + 120
    for line in process.stdout:
        banner.append(line)
        if "local stack is up" in line or time.monotonic() > deadline:
            break
    if process.poll() is not None or "local stack is up" not in "".join(banner):
        process.kill()
        pytest.fail("newsextract local did not start:\n" + "".join(banner))
    running = RunningStack(
        f"http://127.0.0.1:{aws_port}", f"http://127.0.0.1:{api_port}", "e2e-key", "e2e-articles", process
    )
    yield running
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
