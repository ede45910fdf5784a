"""S3 notifications in SQS bodies."""

from __future__ import annotations

import json

import pytest

from newsextract.events import MalformedMessageError, parse_message_body
from tests.conftest import EVENTS_DIR


def bodies(name: str) -> list[str]:
    return [record["body"] for record in json.loads((EVENTS_DIR / name).read_text())["Records"]]


def test_keys_are_url_decoded() -> None:
    changes = [change for body in bodies("sqs_s3_put_batch.json") for change in parse_message_body(body)]
    assert [c.key for c in changes] == ["news/harbor bridge (2024).txt", "news/café+bar%.md"]
    assert {c.kind for c in changes} == {"created"}
    assert changes[0].version_id == "v1"
    assert changes[0].sequencer == "0055AED6DCD90281E5"


def test_test_event_has_no_changes() -> None:
    assert parse_message_body(bodies("sqs_s3_test_event.json")[0]) == []


def test_removed_event() -> None:
    (change,) = parse_message_body(bodies("sqs_s3_removed.json")[0])
    assert (change.kind, change.key) == ("removed", "news/harbor bridge (2024).txt")


@pytest.mark.parametrize(
    "body", ["not json", "[1, 2]", '{"Records": "x"}', '{"Records": [{"eventName": "ObjectCreated:Put"}]}',
             '{"Records": [{"eventName": "ObjectRestore:Post",'
             ' "s3": {"bucket": {"name": "b"}, "object": {"key": "k"}}}]}']
)  # fmt: skip
def test_malformed_bodies_are_rejected(body: str) -> None:
    with pytest.raises(MalformedMessageError):
        parse_message_body(body)
