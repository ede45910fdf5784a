"""Where extraction results live: the ``ResultStore`` port (``ports``), the views every store shares
(``views``) and the DynamoDB single-table adapter (``dynamodb``). See ``docs/storage.md``.

Nothing here imports spaCy or boto3.
"""

from newsextract.store.dynamodb import CHUNK_BYTES, DynamoDBStore
from newsextract.store.ports import (
    INDEX_ENTITY,
    INDEX_PUBLISHED,
    INDEX_SPEAKER,
    MAX_PAGE,
    InvalidCursor,
    Page,
    ResultStore,
    SourceVersion,
    StoredMeta,
    StoreError,
)
from newsextract.store.views import (
    CursorCodec,
    article_summary,
    check_limit,
    derive_cursor_secret,
    entity_index,
    entity_summary,
    query_key,
    sort_date,
    speaker_index,
)

__all__ = [
    "CHUNK_BYTES",
    "INDEX_ENTITY",
    "INDEX_PUBLISHED",
    "INDEX_SPEAKER",
    "MAX_PAGE",
    "CursorCodec",
    "DynamoDBStore",
    "InvalidCursor",
    "Page",
    "ResultStore",
    "SourceVersion",
    "StoreError",
    "StoredMeta",
    "article_summary",
    "check_limit",
    "derive_cursor_secret",
    "entity_index",
    "entity_summary",
    "query_key",
    "sort_date",
    "speaker_index",
]
