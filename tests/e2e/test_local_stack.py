"""The whole path a user takes, on the local stack: upload to S3, read the API."""

from __future__ import annotations

import time

import pytest

from newsextract.ids import article_id
from tests.conftest import REPO_ROOT
from tests.e2e.conftest import RunningStack

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def upload(stack: RunningStack, key: str, body: bytes) -> str:
    stack.client("s3").put_object(Bucket=stack.bucket, Key=key, Body=body)
    return article_id(key, stack.bucket)


def test_api_requires_the_key(stack: RunningStack) -> None:
    status, body, _ = stack.get("/articles", api_key="wrong")
    assert status == 403
    assert body == {"message": "Forbidden"}


def test_reference_article_goes_through_the_stack(stack: RunningStack, sample_article_bytes: bytes) -> None:
    identifier = upload(stack, "world/milley zaluzhnyi.txt", sample_article_bytes)
    result = stack.wait_for(f"/articles/{identifier}")
    article = result["article"]
    assert article["status"] == "done"
    assert article["published"] == "2023-01-17"
    assert article["text"].startswith("Joint Chiefs of Staff Chairman Mark Milley")
    names = {entity["name"] for entity in result["entities"]}
    assert "Mark Milley" in names
    assert result["statements"], "the reference article has statements"
    listed = stack.get("/articles")[1]["items"]
    assert identifier in {item["id"] for item in listed}
    mentioning = stack.wait_for("/entities/Milley/articles", until=lambda body: body["items"])
    assert identifier in {item["id"] for item in mentioning["items"]}


def test_project_sample_article_and_its_speakers(stack: RunningStack) -> None:
    sample = REPO_ROOT / "samples" / "harbor-bridge-2024-03-05.txt"
    identifier = upload(stack, sample.name, sample.read_bytes())
    result = stack.wait_for(f"/articles/{identifier}")
    assert result["article"]["title"] == "Port authority approves $240 million repair of the Harbor Bridge"
    statements = stack.get(f"/articles/{identifier}/statements")[1]["items"]
    assert any(s["speaker"] and s["speaker"]["name"] == "Maria Delgado" for s in statements)
    by_speaker = stack.wait_for("/speakers/Delgado/statements", until=lambda body: body["items"])
    assert {item["article"]["id"] for item in by_speaker["items"]} == {identifier}


def test_malformed_upload_is_visible_as_failed(stack: RunningStack) -> None:
    identifier = upload(stack, "broken/scan.pdf", b"%PDF-1.4 binary \x00\x01")
    result = stack.wait_for(f"/articles/{identifier}")
    assert result["article"]["status"] == "failed"
    assert "PDF" in result["article"]["error"]


def test_deleting_the_object_removes_the_result(stack: RunningStack) -> None:
    identifier = upload(stack, "gone/soon.txt", b"The mayor said the park would reopen on Friday.")
    stack.wait_for(f"/articles/{identifier}")
    stack.client("s3").delete_object(Bucket=stack.bucket, Key="gone/soon.txt")
    deadline = time.monotonic() + 60
    while stack.get(f"/articles/{identifier}")[0] == 200 and time.monotonic() < deadline:
        time.sleep(0.3)
    assert stack.get(f"/articles/{identifier}")[0] == 404
