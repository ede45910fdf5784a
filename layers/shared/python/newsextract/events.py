"""S3 event notifications as they arrive in SQS message bodies, decoded into ``ObjectChange``s."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import unquote_plus

from newsextract.store import SourceVersion

ChangeKind = Literal["created", "removed"]


class MalformedMessageError(ValueError):
    """An SQS message whose body is not an S3 event notification."""


@dataclass(frozen=True)
class ObjectChange:
    """One object created or removed, with the key decoded (S3 URL-encodes keys in events)."""

    kind: ChangeKind
    bucket: str
    key: str
    version_id: str | None = None
    sequencer: str | None = None
    etag: str | None = None
    size: int | None = None
    event_time: str | None = None

    @property
    def source(self) -> SourceVersion:
        return SourceVersion(
            bucket=self.bucket,
            key=self.key,
            version_id=self.version_id,
            etag=self.etag,
            sequencer=self.sequencer,
            last_modified=self.event_time,
        )


def parse_message_body(body: str) -> list[ObjectChange]:
    """The object changes in one SQS message body; ``[]`` for S3's ``s3:TestEvent``."""
    try:
        payload: Any = json.loads(body)
    except (json.JSONDecodeError, RecursionError):
        raise MalformedMessageError("message body is not JSON") from None
    if not isinstance(payload, dict):
        raise MalformedMessageError("message body is not an S3 event notification")
    if payload.get("Event") == "s3:TestEvent":
        return []
    records = payload.get("Records")
    if not isinstance(records, list):
        raise MalformedMessageError("message body has no S3 Records")
    return [_parse_record(record) for record in records]


def _parse_record(record: Any) -> ObjectChange:
    try:
        event_name: str = record["eventName"]
        s3 = record["s3"]
        bucket: str = s3["bucket"]["name"]
        obj = s3["object"]
        raw_key: str = obj["key"]
    except (KeyError, TypeError):
        raise MalformedMessageError("S3 record lacks eventName, bucket or object key") from None
    if event_name.startswith("ObjectCreated"):
        kind: ChangeKind = "created"
    elif event_name.startswith("ObjectRemoved"):
        kind = "removed"
    else:
        raise MalformedMessageError(f"unsupported S3 event {event_name!r}")
    size = obj.get("size")
    return ObjectChange(
        kind=kind,
        bucket=bucket,
        key=unquote_plus(raw_key),
        version_id=obj.get("versionId") or None,
        sequencer=obj.get("sequencer") or None,
        etag=obj.get("eTag") or obj.get("etag") or None,
        size=int(size) if isinstance(size, int | str) and str(size).isdigit() else None,
        event_time=record.get("eventTime"),
    )
