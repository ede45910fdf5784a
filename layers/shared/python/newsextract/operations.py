"""Operator commands: move dead-lettered messages back, and re-enqueue a whole bucket."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any


def redrive(sqs: Any, dlq_url: str, queue_url: str, *, limit: int | None = None) -> int:
    """Move messages from the dead-letter queue to the queue; each is deleted only after it was sent."""
    moved = 0
    while limit is None or moved < limit:
        wanted = 10 if limit is None else min(10, limit - moved)
        messages = sqs.receive_message(QueueUrl=dlq_url, MaxNumberOfMessages=wanted, WaitTimeSeconds=1).get(
            "Messages", []
        )
        if not messages:
            break
        for message in messages:
            sqs.send_message(QueueUrl=queue_url, MessageBody=message["Body"])
            sqs.delete_message(QueueUrl=dlq_url, ReceiptHandle=message["ReceiptHandle"])
            moved += 1
    return moved


def object_created_body(bucket: str, key: str, size: int, etag: str | None, version_id: str | None) -> str:
    """An S3 ObjectCreated notification body, as S3 would send it (key URL-encoded by the service)."""
    from urllib.parse import quote_plus

    obj: dict[str, Any] = {"key": quote_plus(key, safe="/"), "size": size}
    if etag:
        obj["eTag"] = etag.strip('"')
    if version_id:
        obj["versionId"] = version_id
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventTime": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "eventName": "ObjectCreated:Put",
        "s3": {
            "s3SchemaVersion": "1.0",
            "bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"},
            "object": obj,
        },
    }
    return json.dumps({"Records": [record]})


def reprocess(
    s3: Any,
    sqs: Any,
    *,
    bucket: str,
    queue_url: str,
    prefix: str = "",
    rate: float = 50.0,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Enqueue an ObjectCreated event for every object under ``prefix`` (paginated, at most ``rate``/s).

    The extraction service skips objects whose content hash and model version are unchanged, so this
    re-extracts only what a model upgrade or a content change affects.
    """
    sent = 0
    interval = 10.0 / rate if rate > 0 else 0.0
    batch: list[dict[str, str]] = []

    def flush() -> None:
        nonlocal sent
        if not batch:
            return
        response = sqs.send_message_batch(QueueUrl=queue_url, Entries=batch)
        if response.get("Failed"):
            raise RuntimeError(
                f"{len(response['Failed'])} message(s) could not be enqueued: {response['Failed'][0]}"
            )
        sent += len(batch)
        batch.clear()
        if interval:
            sleep(interval)

    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            body = object_created_body(bucket, obj["Key"], int(obj.get("Size", 0)), obj.get("ETag"), None)
            batch.append({"Id": str(len(batch)), "MessageBody": body})
            if len(batch) == 10:
                flush()
    flush()
    return sent
