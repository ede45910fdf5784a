"""The real extraction handler, real boto3 against moto, the real spaCy pipeline."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import jsonschema
import pytest

from newsextract.ids import article_id
from newsextract.store import DynamoDBStore
from tests.conftest import EVENTS_DIR
from tests.integration.conftest import BUCKET, TABLE
from tests.unit.test_result_schema import result_schema

pytestmark = pytest.mark.model

STORY = (
    "The Harbor Bridge will close for repairs in September, the Northbay Port Authority said on Tuesday. "
    '"We cannot keep patching it," said Maria Delgado, the authority\'s director.'
)


def event(name: str) -> dict[str, Any]:
    return json.loads((EVENTS_DIR / name).read_text())


def store() -> DynamoDBStore:
    import boto3

    return DynamoDBStore(TABLE, client=boto3.client("dynamodb"))


def test_batch_with_url_encoded_keys_is_extracted_and_stored(
    aws, extract_app: ModuleType, lambda_context
) -> None:
    aws["s3"].put_object(Bucket=BUCKET, Key="news/harbor bridge (2024).txt", Body=STORY.encode())
    aws["s3"].put_object(
        Bucket=BUCKET, Key="news/café+bar%.md", Body=b"# Council\n\nThe council met in Northbay."
    )
    response = extract_app.lambda_handler(event("sqs_s3_put_batch.json"), lambda_context)
    assert response == {"batchItemFailures": []}
    first = store().get_result(article_id("news/harbor bridge (2024).txt", BUCKET))
    second = store().get_result(article_id("news/café+bar%.md", BUCKET))
    assert first is not None and second is not None
    assert first.article.status == "done" and first.article.text == STORY
    assert second.article.title == "Council"
    jsonschema.validate(first.to_dict(), result_schema())
    assert {"PERSON", "ORG"} <= {entity.label for entity in first.entities}
    for entity in first.entities:
        for mention in entity.mentions:
            assert STORY[mention.start : mention.end] == mention.text


def test_test_event_is_acknowledged_without_writes(aws, extract_app: ModuleType, lambda_context) -> None:
    assert extract_app.lambda_handler(event("sqs_s3_test_event.json"), lambda_context) == {
        "batchItemFailures": []
    }
    assert aws["dynamodb"].scan(TableName=TABLE)["Count"] == 0


def test_object_removed_deletes_every_item(aws, extract_app: ModuleType, lambda_context) -> None:
    key = "news/harbor bridge (2024).txt"
    aws["s3"].put_object(Bucket=BUCKET, Key=key, Body=STORY.encode())
    put = event("sqs_s3_put_batch.json")
    put["Records"] = put["Records"][:1]
    extract_app.lambda_handler(put, lambda_context)
    assert aws["dynamodb"].scan(TableName=TABLE)["Count"] > 0
    aws["s3"].delete_object(Bucket=BUCKET, Key=key)
    assert extract_app.lambda_handler(event("sqs_s3_removed.json"), lambda_context) == {
        "batchItemFailures": []
    }
    remaining = aws["dynamodb"].scan(TableName=TABLE)["Items"]
    assert [item["sk"]["S"] for item in remaining] == ["META"], "only the delete marker stays"
    assert remaining[0]["status"]["S"] == "deleted"
    assert store().get_result(article_id(key, BUCKET)) is None


def test_unreadable_upload_is_stored_as_failed_and_acknowledged(aws, extract_app, lambda_context) -> None:
    aws["s3"].put_object(Bucket=BUCKET, Key="news/harbor bridge (2024).txt", Body=b"%PDF-1.7 \x00\x01")
    put = event("sqs_s3_put_batch.json")
    put["Records"] = put["Records"][:1]
    assert extract_app.lambda_handler(put, lambda_context) == {"batchItemFailures": []}
    failed = store().get_result(article_id("news/harbor bridge (2024).txt", BUCKET))
    assert failed is not None and failed.article.status == "failed"
    assert "PDF" in (failed.article.error or "")


def test_a_record_that_cannot_be_stored_is_a_batch_item_failure(
    aws, extract_app, lambda_context, monkeypatch
) -> None:
    aws["s3"].put_object(Bucket=BUCKET, Key="news/harbor bridge (2024).txt", Body=STORY.encode())
    monkeypatch.setenv("TABLE_NAME", "no-such-table")
    from newsextract import bootstrap

    bootstrap.reset()
    mixed = event("sqs_s3_test_event.json")
    mixed["Records"].append({**event("sqs_s3_put_batch.json")["Records"][0], "messageId": "put-message"})
    response = extract_app.lambda_handler(mixed, lambda_context)
    assert response == {"batchItemFailures": [{"itemIdentifier": "put-message"}]}
