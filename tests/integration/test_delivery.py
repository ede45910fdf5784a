"""At-least-once, out-of-order and concurrent delivery of S3 notifications, against moto S3 and DynamoDB.

Each ``ExtractionService`` here stands for one Lambda container (the handler module keeps one batch
processor per process, so two concurrent invocations are two containers, not two threads of one handler).
The final state must match the newest object version, whatever the order of arrival, with exactly one
generation of items per article: nothing duplicated, nothing left behind.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

import boto3
import pytest

from newsextract.ids import article_id
from newsextract.objects import S3ObjectSource, StoredObject
from newsextract.operations import object_created_body
from newsextract.service import ChangeOutcome, ExtractionService, QueueMessage
from newsextract.store import DynamoDBStore, SourceVersion
from tests.integration.conftest import BUCKET, TABLE
from tests.integration.test_bad_input import light_extractor, sqs_record

KEY = "news/harbor bridge.txt"
OLD = "The Harbor Bridge will close in September, the Northbay Port Authority said."
NEW = "Maria Delgado said the Harbor Bridge will stay open until October, the Northbay Port Authority said."
SEQ_OLD, SEQ_NEW = "0055AED6DCD90281E5", "0055AED6DCD90281F0"


def created(key: str, version_id: str | None, sequencer: str | None = None) -> str:
    body = json.loads(object_created_body(BUCKET, key, 1, "etag", version_id))
    if sequencer:
        body["Records"][0]["s3"]["object"]["sequencer"] = sequencer
    return json.dumps(body)


def removed(key: str, version_id: str | None = None, sequencer: str | None = None) -> str:
    body = json.loads(created(key, version_id, sequencer))
    body["Records"][0]["eventName"] = "ObjectRemoved:DeleteMarkerCreated"
    return json.dumps(body)


class PinnedVersionSource(S3ObjectSource):
    """Reads one given object version (a worker that fetched before a newer upload), then runs ``pause``."""

    def __init__(self, client: Any, version_id: str, pause: Callable[[], None] = lambda: None) -> None:
        super().__init__(client)
        self._version_id = version_id
        self._pause = pause

    def fetch(self, bucket: str, key: str, max_bytes: int) -> StoredObject | None:
        response = self._client.get_object(Bucket=bucket, Key=key, VersionId=self._version_id)
        data = response["Body"].read()
        version = SourceVersion(
            bucket=bucket,
            key=key,
            version_id=self._version_id,
            etag=str(response["ETag"]).strip('"'),
            last_modified=response["LastModified"].isoformat(),
        )
        self._pause()
        return StoredObject(data=data, content_type=None, version=version)


_MOTO_LOCK = threading.Lock()


class AtomicCalls:
    """A boto3 client whose API calls run one at a time, as each DynamoDB request is atomic on AWS.

    moto's DynamoDB is not thread-safe: a transaction that fails restores a copy of the whole table taken
    when it started, undoing what other threads wrote meanwhile. Calls still interleave freely.
    """

    def __init__(self, client: Any) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if name in ("exceptions", "meta") or name.startswith("get_") or not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            with _MOTO_LOCK:
                return attribute(*args, **kwargs)

        return call


def dynamodb_store() -> DynamoDBStore:
    return DynamoDBStore(TABLE, client=AtomicCalls(boto3.client("dynamodb")))


def service(objects: Any = None) -> ExtractionService:
    """A fresh service (one 'Lambda container') on moto, with the light pipeline."""
    return ExtractionService(
        store=dynamodb_store(),
        objects=objects or S3ObjectSource(boto3.client("s3")),
        extractor=light_extractor(),
        max_object_bytes=2_000_000,
    )


def process(body: str, objects: Any = None) -> list[ChangeOutcome]:
    report = service(objects).process([QueueMessage("m-" + str(abs(hash(body))), body)])
    assert report.failures == {}
    return report.outcomes


def items_of(dynamodb: Any, identifier: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    kwargs: dict[str, Any] = {"TableName": TABLE}
    while True:
        page = dynamodb.scan(**kwargs)
        items.extend(i for i in page["Items"] if i["pk"]["S"] == f"A#{identifier}")
        if "LastEvaluatedKey" not in page:
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def assert_one_generation(dynamodb: Any, identifier: str) -> dict[str, Any]:
    """Exactly one meta item and exactly the items of its generation: no duplicates, no leftovers."""
    items = items_of(dynamodb, identifier)
    metas = [i for i in items if i["sk"]["S"] == "META"]
    assert len(metas) == 1
    gen = metas[0]["gen"]["S"]
    rest = [i["sk"]["S"] for i in items if i["sk"]["S"] != "META"]
    assert all(sk.startswith(f"G#{gen}#") for sk in rest), rest
    assert len(rest) == len(set(rest)) == int(metas[0]["items"]["N"])
    return metas[0]


def entity_rows(dynamodb: Any, name_key: str) -> list[dict[str, Any]]:
    return dynamodb.query(
        TableName=TABLE,
        IndexName="by-entity",
        KeyConditionExpression="gsi2pk = :pk",
        ExpressionAttributeValues={":pk": {"S": f"E#{name_key}"}},
    )["Items"]


def text_of(identifier: str) -> str:
    result = DynamoDBStore(TABLE, client=boto3.client("dynamodb")).get_result(identifier)
    assert result is not None
    return result.article.text


@pytest.fixture
def versions(aws: dict[str, Any]) -> tuple[str, str]:
    """Two versions of KEY: OLD, then NEW (the current one)."""
    old = aws["s3"].put_object(Bucket=BUCKET, Key=KEY, Body=OLD.encode())["VersionId"]
    new = aws["s3"].put_object(Bucket=BUCKET, Key=KEY, Body=NEW.encode())["VersionId"]
    assert old != new
    return old, new


IDENTIFIER = article_id(KEY, BUCKET)


def test_the_same_event_twice_is_extracted_once(aws: dict[str, Any], versions: tuple[str, str]) -> None:
    body = created(KEY, versions[1], SEQ_NEW)
    assert [o.action for o in process(body)] == ["extracted"]
    first = assert_one_generation(aws["dynamodb"], IDENTIFIER)
    assert [o.action for o in process(body)] == ["unchanged"]
    assert assert_one_generation(aws["dynamodb"], IDENTIFIER) == first
    assert text_of(IDENTIFIER) == NEW


def test_the_same_message_twice_in_one_batch_leaves_one_generation(
    aws: dict[str, Any], versions: tuple[str, str]
) -> None:
    body = created(KEY, versions[1], SEQ_NEW)
    report = service().process([QueueMessage("a", body), QueueMessage("b", body)])
    assert report.failures == {}
    assert sorted(o.action for o in report.outcomes) in (
        ["extracted", "extracted"],
        ["extracted", "unchanged"],
    )
    assert_one_generation(aws["dynamodb"], IDENTIFIER)
    assert text_of(IDENTIFIER) == NEW


def test_a_late_event_for_an_older_version_keeps_the_newer_result(
    aws: dict[str, Any], versions: tuple[str, str]
) -> None:
    old, new = versions
    assert [o.action for o in process(created(KEY, new, SEQ_NEW))] == ["extracted"]
    assert [o.action for o in process(created(KEY, old, SEQ_OLD))] == ["unchanged"]
    assert text_of(IDENTIFIER) == NEW
    assert_one_generation(aws["dynamodb"], IDENTIFIER)


@pytest.mark.parametrize("arrival", ["old-first", "new-first"])
def test_a_slow_worker_holding_the_older_version_never_overwrites_the_newer(
    aws: dict[str, Any], versions: tuple[str, str], arrival: str
) -> None:
    """Order by S3 sequencer, not arrival: the old version's write is refused once the new one is stored."""
    old, new = versions
    slow = PinnedVersionSource(aws["s3"], old)
    if arrival == "old-first":
        assert [o.action for o in process(created(KEY, old, SEQ_OLD), slow)] == ["extracted"]
        assert text_of(IDENTIFIER) == OLD
        assert [o.action for o in process(created(KEY, new, SEQ_NEW))] == ["extracted"]
    else:
        assert [o.action for o in process(created(KEY, new, SEQ_NEW))] == ["extracted"]
        assert [o.action for o in process(created(KEY, old, SEQ_OLD), slow)] == ["stale"]
    assert text_of(IDENTIFIER) == NEW
    meta = assert_one_generation(aws["dynamodb"], IDENTIFIER)
    assert meta["src_version_id"]["S"] == new and meta["src_sequencer"]["S"] == SEQ_NEW


def test_a_worker_that_read_the_old_version_before_the_new_one_was_stored_loses(
    aws: dict[str, Any], versions: tuple[str, str]
) -> None:
    """Worker A reads the old version, stalls; worker B stores the new one; A's late write is refused."""
    old, new = versions
    fetched, resume = threading.Event(), threading.Event()

    def stall() -> None:
        fetched.set()
        assert resume.wait(30)

    outcomes: dict[str, list[ChangeOutcome]] = {}
    slow = threading.Thread(
        target=lambda: outcomes.__setitem__(
            "a", process(created(KEY, old, SEQ_OLD), PinnedVersionSource(aws["s3"], old, stall))
        ),
    )
    slow.start()
    assert fetched.wait(30)
    outcomes["b"] = process(created(KEY, new, SEQ_NEW))
    resume.set()
    slow.join(30)
    assert [o.action for o in outcomes["b"]] == ["extracted"]
    assert [o.action for o in outcomes["a"]] == ["stale"]
    assert text_of(IDENTIFIER) == NEW
    assert_one_generation(aws["dynamodb"], IDENTIFIER)


@pytest.mark.parametrize("round_", range(6))
def test_two_workers_on_the_same_key_at_once_end_with_the_newest_version(
    aws: dict[str, Any], versions: tuple[str, str], round_: int
) -> None:
    old, new = versions
    bodies = [
        (created(KEY, old, SEQ_OLD), PinnedVersionSource(aws["s3"], old)),
        (created(KEY, new, SEQ_NEW), None),
        (created(KEY, new, SEQ_NEW), None),
    ]
    bodies = bodies[round_ % 3 :] + bodies[: round_ % 3]
    start = threading.Barrier(len(bodies))
    errors: list[BaseException] = []

    def run(body: str, objects: Any) -> None:
        start.wait(10)
        try:
            process(body, objects)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=args) for args in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert_one_generation(aws["dynamodb"], IDENTIFIER)
    assert text_of(IDENTIFIER) == NEW
    assert len(entity_rows(aws["dynamodb"], "maria delgado")) == 1


def test_object_removed_removes_every_item_of_the_key(aws: dict[str, Any], versions: tuple[str, str]) -> None:
    process(created(KEY, versions[1], SEQ_NEW))
    assert entity_rows(aws["dynamodb"], "maria delgado") and len(items_of(aws["dynamodb"], IDENTIFIER)) > 3
    marker = aws["s3"].delete_object(Bucket=BUCKET, Key=KEY)["VersionId"]
    assert [o.action for o in process(removed(KEY, marker, "0055AED6DCD90281FF"))] == ["deleted"]
    left = items_of(aws["dynamodb"], IDENTIFIER)
    assert [(i["sk"]["S"], i["status"]["S"]) for i in left] in ([], [("META", "deleted")])
    assert all(not name.startswith("gsi") for item in left for name in item)
    assert entity_rows(aws["dynamodb"], "maria delgado") == []
    assert DynamoDBStore(TABLE, client=boto3.client("dynamodb")).get_result(IDENTIFIER) is None
    assert [o.action for o in process(removed(KEY, marker, "0055AED6DCD90281FF"))] == ["deleted"]
    assert [o.action for o in process(created(KEY, versions[1], SEQ_NEW))] == ["ignored"]


def test_a_late_removal_does_not_delete_a_newer_upload(
    aws: dict[str, Any], versions: tuple[str, str]
) -> None:
    marker = aws["s3"].delete_object(Bucket=BUCKET, Key=KEY)["VersionId"]
    again = aws["s3"].put_object(Bucket=BUCKET, Key=KEY, Body=NEW.encode())["VersionId"]
    assert [o.action for o in process(created(KEY, again, "0055AED6DCD9028200"))] == ["extracted"]
    assert [o.action for o in process(removed(KEY, marker, "0055AED6DCD90281FF"))] == ["ignored"]
    assert text_of(IDENTIFIER) == NEW
    assert_one_generation(aws["dynamodb"], IDENTIFIER)


def test_delete_then_reupload_through_the_handler(
    aws: dict[str, Any], extract_app: ModuleType, monkeypatch: pytest.MonkeyPatch, lambda_context: Any
) -> None:
    from newsextract import bootstrap

    monkeypatch.setattr(bootstrap, "build_extractor", light_extractor)
    put = aws["s3"].put_object(Bucket=BUCKET, Key=KEY, Body=NEW.encode())
    events = [created(KEY, put["VersionId"], SEQ_NEW), created(KEY, put["VersionId"], SEQ_NEW)]
    assert extract_app.lambda_handler({"Records": [sqs_record(b) for b in events]}, lambda_context) == {
        "batchItemFailures": []
    }
    assert_one_generation(aws["dynamodb"], IDENTIFIER)
    marker = aws["s3"].delete_object(Bucket=BUCKET, Key=KEY)["VersionId"]
    gone = {"Records": [sqs_record(removed(KEY, marker, "0055AED6DCD90281FF"))]}
    assert extract_app.lambda_handler(gone, lambda_context) == {"batchItemFailures": []}
    assert entity_rows(aws["dynamodb"], "maria delgado") == []
    back = aws["s3"].put_object(Bucket=BUCKET, Key=KEY, Body=OLD.encode())["VersionId"]
    again = {"Records": [sqs_record(created(KEY, back, "0055AED6DCD9028200"))]}
    assert extract_app.lambda_handler(again, lambda_context) == {"batchItemFailures": []}
    assert text_of(IDENTIFIER) == OLD
    assert_one_generation(aws["dynamodb"], IDENTIFIER)


def test_a_late_cleanup_never_removes_the_generation_another_writer_made_current(
    aws: dict[str, Any], versions: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIVEN writer A flipped to its generation and stalls before its clean-up, WHEN writer B replaces it in
    the same millisecond with a generation id that sorts lower, THEN A's clean-up leaves B's items alone."""
    import time

    from newsextract.store import dynamodb as store_module
    from tests.fakes import make_result

    millis = f"{time.time_ns() // 1_000_000:012x}"
    generations = iter([millis + "ffffff", millis + "000000"])
    monkeypatch.setattr(store_module, "new_generation", lambda: next(generations))
    flipped, resume = threading.Event(), threading.Event()

    class StallingStore(DynamoDBStore):
        def _drop_stale(self, article_id: str, *, keep: str, previous: str | None) -> None:
            flipped.set()
            assert resume.wait(30)
            super()._drop_stale(article_id, keep=keep, previous=previous)

    first = make_result(KEY)
    second = make_result(KEY, model_version="2.0.0")
    writer_a = threading.Thread(
        target=StallingStore(TABLE, client=AtomicCalls(boto3.client("dynamodb"))).put_result, args=(first,)
    )
    writer_a.start()
    assert flipped.wait(30)
    assert dynamodb_store().put_result(second)
    resume.set()
    writer_a.join(30)
    identifier = first.article.id
    meta = assert_one_generation(aws["dynamodb"], identifier)
    assert meta["gen"]["S"] == millis + "000000"
    stored = DynamoDBStore(TABLE, client=boto3.client("dynamodb")).get_result(identifier)
    assert stored is not None and stored.model.version == "2.0.0"
