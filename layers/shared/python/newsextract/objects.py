"""Where uploads are read from: the ``ObjectSource`` port and its S3 adapter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from newsextract.formats import ArticleError
from newsextract.store import SourceVersion


class ObjectTooLargeError(ArticleError):
    """The upload is above the configured size limit."""


@dataclass(frozen=True)
class StoredObject:
    data: bytes
    content_type: str | None
    version: SourceVersion


class ObjectSource(Protocol):
    def fetch(self, bucket: str, key: str, max_bytes: int) -> StoredObject | None:
        """The current object, or None once it is gone. Raises ObjectTooLargeError above max_bytes."""

    def exists(self, bucket: str, key: str) -> bool:
        """Whether the key currently has an object."""


def too_large(size: int, max_bytes: int) -> ObjectTooLargeError:
    return ObjectTooLargeError(
        f"the object is {size:,} bytes, above the {max_bytes:,}-byte limit (MAX_OBJECT_BYTES)"
    )


class S3ObjectSource:
    """Reads the current version of an object; never more than ``max_bytes + 1`` bytes of it."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def fetch(self, bucket: str, key: str, max_bytes: int) -> StoredObject | None:
        try:
            response = self._client.get_object(Bucket=bucket, Key=key)
        except self._client.exceptions.NoSuchKey:
            return None
        body = response["Body"]
        try:
            size = int(response.get("ContentLength", 0))
            if size > max_bytes:
                raise too_large(size, max_bytes)
            data: bytes = body.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise too_large(len(data), max_bytes)
        finally:
            body.close()
        modified = response.get("LastModified")
        return StoredObject(
            data=data,
            content_type=response.get("ContentType"),
            version=SourceVersion(
                bucket=bucket,
                key=key,
                version_id=response.get("VersionId"),
                etag=str(response.get("ETag", "")).strip('"') or None,
                sequencer=None,
                last_modified=modified.isoformat() if modified is not None else None,
            ),
        )

    def exists(self, bucket: str, key: str) -> bool:
        try:
            self._client.head_object(Bucket=bucket, Key=key)
        except self._client.exceptions.ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True
