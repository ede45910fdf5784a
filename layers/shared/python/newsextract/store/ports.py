"""The ``ResultStore`` port: what the service and the API need from wherever results live.

Also the ordering of S3 object versions (``SourceVersion``), which every store applies the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from newsextract.result import ExtractionResult

INDEX_PUBLISHED = "by-published"
INDEX_ENTITY = "by-entity"
INDEX_SPEAKER = "by-speaker"

MAX_PAGE = 100
MAX_KEY_CHARS = 300
"""Longest index key (normalised name) that is indexed."""

_SEQ_WIDTH = 64


class InvalidCursor(ValueError):
    """A pagination cursor that is malformed, forged, or issued for another index or query."""


class StoreError(RuntimeError):
    """The store could not complete an operation (retries exhausted, inconsistent reads)."""


# --------------------------------------------------------------------------------------------------
# Source versions and their order


def _norm_sequencer(sequencer: str | None, width: int = _SEQ_WIDTH) -> str | None:
    if not sequencer:
        return None
    value = sequencer.strip().upper()
    if not re.fullmatch(r"[0-9A-F]+", value):
        return None
    return value.rjust(width, "0")


def _norm_timestamp(value: str | None) -> str | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class SourceVersion:
    """The S3 object version a result was extracted from (or a deletion refers to)."""

    bucket: str
    key: str
    version_id: str | None = None
    etag: str | None = None
    sequencer: str | None = None
    last_modified: str | None = None

    def is_newer_than(self, other: SourceVersion) -> bool:
        """S3 sequencers decide when both have one, else ``last_modified``; equal or unknown is not newer."""
        if self.sequencer and other.sequencer:
            width = max(len(self.sequencer), len(other.sequencer))
            mine, theirs = _norm_sequencer(self.sequencer, width), _norm_sequencer(other.sequencer, width)
            if mine and theirs:
                return mine > theirs
        mine_lm, theirs_lm = _norm_timestamp(self.last_modified), _norm_timestamp(other.last_modified)
        if mine_lm and theirs_lm:
            return mine_lm > theirs_lm
        return False

    @property
    def ordering(self) -> tuple[str | None, str | None]:
        """(fixed-width sequencer, UTC timestamp): the forms compared inside DynamoDB conditions."""
        return _norm_sequencer(self.sequencer), _norm_timestamp(self.last_modified)


@dataclass(frozen=True)
class StoredMeta:
    article_id: str
    key: str | None
    status: str
    content_sha256: str
    model_name: str
    model_version: str
    source: SourceVersion | None
    generation: str


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next: str | None


class ResultStore(Protocol):
    """Keeps one current extraction result per article and serves the read-side queries."""

    def get_meta(self, article_id: str) -> StoredMeta | None: ...

    def put_result(self, result: ExtractionResult, source: SourceVersion | None = None) -> bool:
        """Atomically replace the article's result; False (nothing written) if a newer source is stored."""
        ...

    def delete_article(self, article_id: str, source: SourceVersion | None = None) -> bool:
        """Remove every item of the article; False if a newer source version is stored."""
        ...

    def get_result(self, article_id: str) -> ExtractionResult | None: ...

    def list_articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> Page: ...

    def articles_for_entity(self, name: str, *, limit: int = 20, cursor: str | None = None) -> Page: ...

    def statements_by_speaker(self, name: str, *, limit: int = 20, cursor: str | None = None) -> Page: ...
