"""Dead-lettering, ``newsextract redrive`` and ``newsextract reprocess`` on moto SQS, S3 and DynamoDB.

The queue has the template's redrive policy (``maxReceiveCount`` 3) and no visibility timeout, so a
failed message comes back at once; ``QueueWorker.poll_once`` is the local stand-in for Lambda's SQS poller
and calls the real extraction handler.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import boto3
import pytest

from newsextract import bootstrap, cli
from newsextract.ids import article_id
from newsextract.local import QueueWorker
from newsextract.nlp.extractor import Extractor
from newsextract.operations import object_created_body, redrive, reprocess
from newsextract.service import QueueMessage
from newsextract.store import DynamoDBStore
from tests.integration.conftest import BUCKET, TABLE
from tests.integration.test_bad_input import STORY, light_extractor

MAX_RECEIVE = 3


@pytest.fixture
def queues(aws: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(bootstrap, "build_extractor", light_extractor)
    sqs = boto3.client("sqs")
    dlq_url = sqs.create_queue(QueueName="articles-dlq")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    queue_url = sqs.create_queue(
        QueueName="articles",
        Attributes={
            "VisibilityTimeout": "0",
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": MAX_RECEIVE}),
        },
    )["QueueUrl"]
    aws["sqs"] = sqs
    return {"queue_url": queue_url, "dlq_url": dlq_url}


def worker(queue_url: str, extract_app: ModuleType) -> QueueWorker:
    return QueueWorker(
        boto3.client("sqs"),
        queue_url,
        "arn:aws:sqs:us-east-1:123456789012:articles",
        extract_app.lambda_handler,
        batch_size=10,
    )


def depth(queue_url: str) -> int:
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )


def upload(s3: Any, key: str, body: bytes) -> str:
    put = s3.put_object(Bucket=BUCKET, Key=key, Body=body)
    return object_created_body(BUCKET, key, len(body), put["ETag"], put.get("VersionId"))


def status_of(key: str) -> str | None:
    result = DynamoDBStore(TABLE, client=boto3.client("dynamodb")).get_result(article_id(key, BUCKET))
    return None if result is None else result.article.status


def test_a_message_that_keeps_failing_ends_in_the_dlq_and_redrive_brings_it_back(
    aws: dict[str, Any],
    queues: dict[str, str],
    extract_app: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    queue_url, dlq_url = queues["queue_url"], queues["dlq_url"]
    keys = ["news/first story.txt", "news/second story.txt"]
    for key in keys:
        aws["sqs"].send_message(QueueUrl=queue_url, MessageBody=upload(aws["s3"], key, STORY.encode()))
    # GIVEN the results table is unreachable (a wrong TABLE_NAME)
    monkeypatch.setenv("TABLE_NAME", "missing-table")
    bootstrap.reset()
    poller = worker(queue_url, extract_app)
    receives = 0
    while depth(queue_url) and receives < 10:
        poller.poll_once()
        receives += 1
    # THEN every message is tried maxReceiveCount times and then parked in the DLQ, not lost
    assert receives == MAX_RECEIVE + 1
    assert depth(queue_url) == 0 and depth(dlq_url) == 2
    # WHEN the cause is fixed and the DLQ is redriven: one message by the library call, the rest by the CLI
    monkeypatch.setenv("TABLE_NAME", TABLE)
    bootstrap.reset()
    assert redrive(aws["sqs"], dlq_url, queue_url, limit=1) == 1
    assert depth(dlq_url) == 1 and depth(queue_url) == 1
    capsys.readouterr()
    assert cli.main(["redrive", "--dlq-url", dlq_url, "--queue-url", queue_url]) == 0
    assert (
        capsys.readouterr().out.strip() == "moved 1 message(s) from the dead-letter queue back to the queue"
    )
    assert depth(dlq_url) == 0 and depth(queue_url) == 2
    # THEN both are extracted and the queues are empty
    while depth(queue_url) and receives < 20:
        poller.poll_once()
        receives += 1
    assert depth(queue_url) == 0 and depth(dlq_url) == 0
    assert [status_of(key) for key in keys] == ["done", "done"]
    assert redrive(aws["sqs"], dlq_url, queue_url) == 0


def test_an_unreadable_upload_is_acknowledged_not_dead_lettered(
    aws: dict[str, Any], queues: dict[str, str], extract_app: ModuleType
) -> None:
    body = upload(aws["s3"], "news/scan.pdf", b"%PDF-1.7 binary")
    aws["sqs"].send_message(QueueUrl=queues["queue_url"], MessageBody=body)
    worker(queues["queue_url"], extract_app).poll_once()
    assert depth(queues["queue_url"]) == 0 and depth(queues["dlq_url"]) == 0
    assert status_of("news/scan.pdf") == "failed"


class SmallPages:
    """An S3 client whose ``list_objects_v2`` paginator returns ``size`` keys per page (counts the pages)."""

    def __init__(self, client: Any, size: int) -> None:
        self._client = client
        self._size = size
        self.pages = 0

    def get_paginator(self, name: str) -> Any:
        paginator = self._client.get_paginator(name)
        outer = self

        class Paginator:
            def paginate(self, **kwargs: Any) -> Iterator[dict[str, Any]]:
                for page in paginator.paginate(**kwargs, PaginationConfig={"PageSize": outer._size}):
                    outer.pages += 1
                    yield page

        return Paginator()


def drain(queue_url: str) -> list[str]:
    """Receive everything and run it through the extraction service; the actions, in order."""
    sqs = boto3.client("sqs")
    actions: list[str] = []
    for _ in range(50):
        messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
        if not messages:
            return actions
        report = bootstrap.build_extraction_service().process(
            [QueueMessage(m["MessageId"], m["Body"]) for m in messages]
        )
        assert report.failures == {}
        actions.extend(outcome.action for outcome in report.outcomes)
        sqs.delete_message_batch(
            QueueUrl=queue_url,
            Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)],
        )
    raise AssertionError("the queue did not drain")


def test_reprocess_enqueues_every_object_under_the_prefix_and_reextracts_only_what_changed(
    aws: dict[str, Any],
    queues: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    queue_url = queues["queue_url"]
    keys = [f"batch/{n:02d} story {n}.txt" for n in range(25)]
    for n, key in enumerate(keys):
        aws["s3"].put_object(Bucket=BUCKET, Key=key, Body=f"{STORY} Story number {n}.".encode())
    for key in ("other/a.txt", "batchy.txt"):
        aws["s3"].put_object(Bucket=BUCKET, Key=key, Body=STORY.encode())
    # WHEN the bucket prefix is reprocessed with 10 keys per listing page
    s3 = SmallPages(aws["s3"], 10)
    pauses: list[float] = []
    sent = reprocess(
        s3, aws["sqs"], bucket=BUCKET, queue_url=queue_url, prefix="batch/", rate=50, sleep=pauses.append
    )
    # THEN every object under it is enqueued once, page by page, at the requested rate
    assert sent == 25 and s3.pages == 3
    assert pauses == [0.2, 0.2, 0.2]
    assert drain(queue_url) == ["extracted"] * 25
    assert status_of("other/a.txt") is None and status_of("batchy.txt") is None
    # GIVEN three objects changed (their notifications lost)
    changed = keys[3:6]
    for key in changed:
        aws["s3"].put_object(Bucket=BUCKET, Key=key, Body=b"Maria Delgado resigned on Friday.")
    # WHEN the CLI reprocesses the prefix
    capsys.readouterr()
    argv = ["reprocess", "--bucket", BUCKET, "--prefix", "batch/", "--queue-url", queue_url, "--rate", "0"]
    assert cli.main(argv) == 0
    assert capsys.readouterr().out.strip() == f"enqueued 25 object(s) from s3://{BUCKET}/batch/"
    # THEN only the changed ones are extracted again
    actions = drain(queue_url)
    assert sorted(actions) == ["extracted"] * 3 + ["unchanged"] * 22
    store = DynamoDBStore(TABLE, client=boto3.client("dynamodb"))
    for key in changed:
        result = store.get_result(article_id(key, BUCKET))
        assert result is not None and result.article.text == "Maria Delgado resigned on Friday."
    # AND after a model upgrade, everything is
    upgraded = Extractor(light_extractor()._nlp)
    upgraded.model = type(upgraded.model)(upgraded.model.name, "0.0.2")
    monkeypatch.setattr(bootstrap, "build_extractor", lambda: upgraded)
    bootstrap.reset()
    assert reprocess(aws["s3"], aws["sqs"], bucket=BUCKET, queue_url=queue_url, prefix="batch/", rate=0) == 25
    assert drain(queue_url) == ["extracted"] * 25
    result = store.get_result(article_id(keys[0], BUCKET))
    assert result is not None and result.model.version == "0.0.2"


def test_reprocess_reports_a_queue_that_refuses_messages(aws: dict[str, Any], queues: dict[str, str]) -> None:
    aws["s3"].put_object(Bucket=BUCKET, Key="batch/a.txt", Body=b"x")

    class Refusing:
        def send_message_batch(self, **kwargs: Any) -> dict[str, Any]:
            return {"Successful": [], "Failed": [{"Id": "0", "Code": "InternalError", "SenderFault": False}]}

    with pytest.raises(RuntimeError, match="1 message\\(s\\) could not be enqueued"):
        reprocess(
            aws["s3"], Refusing(), bucket=BUCKET, queue_url=queues["queue_url"], prefix="batch/", rate=0
        )
