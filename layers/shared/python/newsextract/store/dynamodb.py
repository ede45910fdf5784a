"""The DynamoDB single-table adapter of ``ResultStore``.

The key schema, the items of an article and the replacement protocol are described in
``docs/storage.md``. boto3 is not imported: the client is injected or created lazily.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable, Iterator
from typing import Any

from botocore.exceptions import ClientError

from newsextract.result import ArticleInfo, Entity, ExtractionResult, ModelInfo, Statement
from newsextract.store.ports import (
    INDEX_ENTITY,
    INDEX_PUBLISHED,
    INDEX_SPEAKER,
    InvalidCursor,
    Page,
    SourceVersion,
    StoredMeta,
    StoreError,
)
from newsextract.store.views import (
    CursorCodec,
    check_limit,
    derive_cursor_secret,
    entity_index,
    entity_summary,
    query_key,
    sort_date,
    speaker_index,
)

# --------------------------------------------------------------------------------------------------
# DynamoDB adapter

MAX_ERROR_CHARS = 4000
CHUNK_BYTES = 64 * 1024
"""Largest payload (UTF-8 bytes) of one item: far below DynamoDB's 400 KB item limit."""
INLINE_STATEMENT_BYTES = 32 * 1024
ORPHAN_AGE_MS = 20 * 60 * 1000
"""A generation that never became current is removed once older than this (longer than any Lambda run)."""
_LIST_PK = "ARTICLES"
_META_SK = "META"
_DELETED = "deleted"

_RETRYABLE = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
        "TransactionConflictException",
        "TransactionInProgressException",
    }
)
_RETRYABLE_REASONS = frozenset({"TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"})

Item = dict[str, dict[str, Any]]


def _av(values: dict[str, Any]) -> Item:
    """Plain values -> DynamoDB attribute values (None is left out)."""
    item: Item = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, bool):
            item[name] = {"BOOL": value}
        elif isinstance(value, int | float):
            item[name] = {"N": repr(value)}
        else:
            item[name] = {"S": str(value)}
    return item


def _plain(item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in item.items():
        if "S" in value:
            out[name] = value["S"]
        elif "N" in value:
            number = value["N"]
            out[name] = float(number) if any(c in number for c in ".eE") else int(number)
        elif "BOOL" in value:
            out[name] = value["BOOL"]
    return out


def _utf8_chunks(text: str, limit: int = CHUNK_BYTES) -> list[str]:
    """Split ``text`` into pieces of at most ``limit`` UTF-8 bytes, never inside a character."""
    data = text.encode("utf-8")
    chunks: list[str] = []
    start = 0
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        chunks.append(data[start:end].decode("utf-8"))
        start = end
    return chunks or [""]


def new_generation() -> str:
    """A time-ordered generation id: 12 hex digits of milliseconds, then 6 random hex digits."""
    return f"{time.time_ns() // 1_000_000:012x}{os.urandom(3).hex()}"


def _generation_age_ms(generation: str) -> int:
    try:
        return time.time_ns() // 1_000_000 - int(generation[:12], 16)
    except ValueError:
        return ORPHAN_AGE_MS + 1


def _article_pk(article_id: str) -> str:
    return f"A#{article_id}"


class _ConditionFailed(Exception):
    pass


class DynamoDBStore:
    """``ResultStore`` on one DynamoDB table (keys pk/sk; GSIs by-published, by-entity, by-speaker)."""

    def __init__(
        self,
        table_name: str,
        *,
        client: Any = None,
        cursor_secret: bytes | None = None,
        max_attempts: int = 8,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.table_name = table_name
        self._client = client
        self._cursors = CursorCodec(cursor_secret or derive_cursor_secret(table_name))
        self._max_attempts = max_attempts
        self._sleep = sleep

    @property
    def client(self) -> Any:
        if self._client is None:
            import boto3

            self._client = boto3.client("dynamodb")
        return self._client

    # ---------------------------------------------------------------- low level, with retries

    def _backoff(self, attempt: int) -> None:
        self._sleep(random.uniform(0, min(2.0, 0.05 * 2**attempt)))

    def _call(self, operation: str, **kwargs: Any) -> Any:
        for attempt in range(self._max_attempts):
            try:
                return getattr(self.client, operation)(**kwargs)
            except ClientError as err:
                code = err.response.get("Error", {}).get("Code", "")
                if code == "ConditionalCheckFailedException":
                    raise _ConditionFailed from err
                if code == "TransactionCanceledException":
                    reasons = {r.get("Code") for r in err.response.get("CancellationReasons", []) or []}
                    if "ConditionalCheckFailed" in reasons:
                        raise _ConditionFailed from err
                    retryable = bool(reasons & _RETRYABLE_REASONS)
                else:
                    retryable = code in _RETRYABLE
                if not retryable or attempt == self._max_attempts - 1:
                    raise
                self._backoff(attempt)
        raise StoreError(f"{operation} failed")  # pragma: no cover - the loop returns or raises

    def _batch_write(self, requests: list[dict[str, Any]]) -> None:
        for start in range(0, len(requests), 25):
            pending = requests[start : start + 25]
            for attempt in range(self._max_attempts):
                response = self._call("batch_write_item", RequestItems={self.table_name: pending})
                pending = response.get("UnprocessedItems", {}).get(self.table_name, [])
                if not pending:
                    break
                self._backoff(attempt)
            else:
                raise StoreError(f"{len(pending)} writes left unprocessed")

    def _batch_get(self, keys: list[Item]) -> list[Item]:
        items: list[Item] = []
        for start in range(0, len(keys), 100):
            pending: dict[str, Any] = {self.table_name: {"Keys": keys[start : start + 100]}}
            for attempt in range(self._max_attempts):
                response = self._call("batch_get_item", RequestItems=pending)
                items.extend(response.get("Responses", {}).get(self.table_name, []))
                pending = response.get("UnprocessedKeys") or {}
                if not pending:
                    break
                self._backoff(attempt)
            else:
                raise StoreError("reads left unprocessed")
        return items

    def _query_all(self, **kwargs: Any) -> Iterator[Item]:
        while True:
            response = self._call("query", TableName=self.table_name, **kwargs)
            yield from response.get("Items", [])
            if "LastEvaluatedKey" not in response:
                return
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    def _meta_item(self, article_id: str) -> Item | None:
        response = self._call(
            "get_item",
            TableName=self.table_name,
            Key=_av({"pk": _article_pk(article_id), "sk": _META_SK}),
            ConsistentRead=True,
        )
        item: Item | None = response.get("Item")
        return item

    def _live_meta(self, article_id: str) -> dict[str, Any] | None:
        """The article's meta item (plain) when it has a current result; None if absent or deleted."""
        item = self._meta_item(article_id)
        meta = _plain(item) if item is not None else None
        return meta if meta is not None and _is_live(meta) else None

    def _article_keys(self, article_id: str) -> list[str]:
        return [
            item["sk"]["S"]
            for item in self._query_all(
                KeyConditionExpression="#pk = :pk",
                ExpressionAttributeNames={"#pk": "pk", "#sk": "sk"},
                ExpressionAttributeValues=_av({":pk": _article_pk(article_id)}),
                ProjectionExpression="#pk, #sk",
                ConsistentRead=True,
            )
        ]

    def _delete_keys(self, article_id: str, sort_keys: list[str]) -> None:
        pk = _article_pk(article_id)
        self._batch_write([{"DeleteRequest": {"Key": _av({"pk": pk, "sk": sk})}} for sk in sort_keys])

    # ---------------------------------------------------------------- writing

    def _generation_items(self, result: ExtractionResult, gen: str) -> list[Item]:
        article_id = result.article.id
        pk = _article_pk(article_id)
        date = sort_date(result)
        items: list[Item] = []

        def record(kind: str, position: int, payload: str, extra: dict[str, Any]) -> None:
            base = f"G#{gen}#{kind}#{position:05d}"
            parts = _utf8_chunks(payload)
            head = {"pk": pk, "sk": base, "gen": gen, "data": parts[0], "parts": len(parts), **extra}
            items.append(_av(head))
            for number, part in enumerate(parts[1:], start=1):
                items.append(_av({"pk": pk, "sk": f"{base}#P#{number:03d}", "gen": gen, "data": part}))

        for position, chunk in enumerate(_utf8_chunks(result.article.text)):
            items.append(_av({"pk": pk, "sk": f"G#{gen}#T#{position:05d}", "gen": gen, "data": chunk}))
        for position, entity in enumerate(result.entities):
            record("E", position, json.dumps(entity.to_dict(), ensure_ascii=False), {})
        for position, statement in enumerate(result.statements):
            record("S", position, json.dumps(statement.to_dict(), ensure_ascii=False), {})

        for key, entity in entity_index(result).items():
            summary = entity_summary(entity)
            items.append(
                _av(
                    {
                        "pk": pk,
                        "sk": f"G#{gen}#XE#{key}",
                        "gen": gen,
                        "article_id": article_id,
                        "gsi2pk": f"E#{key}",
                        "gsi2sk": f"{date}#{article_id}",
                        "entity": json.dumps(summary, ensure_ascii=False),
                    }
                )
            )
        for key, position, statement in speaker_index(result):
            payload = json.dumps(statement.to_dict(), ensure_ascii=False)
            inline = len(payload.encode("utf-8")) <= INLINE_STATEMENT_BYTES
            items.append(
                _av(
                    {
                        "pk": pk,
                        "sk": f"G#{gen}#XS#{position:05d}#{key}",
                        "gen": gen,
                        "article_id": article_id,
                        "gsi3pk": f"S#{key}",
                        "gsi3sk": f"{date}#{article_id}#{99999 - position:05d}",
                        "data": payload if inline else None,
                        "ref": None if inline else f"G#{gen}#S#{position:05d}",
                    }
                )
            )
        return items

    @staticmethod
    def _meta_values(
        result: ExtractionResult, gen: str, source: SourceVersion | None, item_count: int, data_items: int
    ) -> Item:
        article = result.article
        seq, lm = source.ordering if source else (None, None)
        error = article.error[:MAX_ERROR_CHARS] if article.error else None
        date = sort_date(result)
        return _av(
            {
                "pk": _article_pk(article.id),
                "sk": _META_SK,
                "gen": gen,
                "items": item_count,
                "data_items": data_items,
                "article_id": article.id,
                "key": article.key,
                "title": article.title,
                "published": article.published,
                "url": article.url,
                "author": article.author,
                "format": article.format,
                "content_sha256": article.content_sha256,
                "status": article.status,
                "error": error,
                "word_count": article.word_count,
                "entity_count": len(result.entities),
                "statement_count": len(result.statements),
                "model_name": result.model.name,
                "model_version": result.model.version,
                "extracted_at": result.extracted_at,
                "schema_version": result.schema_version,
                "gsi1pk": _LIST_PK,
                "gsi1sk": f"{date}#{article.id}",
                **_source_values(source),
                "src_seq": seq,
                "src_lm": lm,
            }
        )

    def put_result(self, result: ExtractionResult, source: SourceVersion | None = None) -> bool:
        """Write a new generation, flip the meta item to it (conditionally), then drop the old one.

        If another writer flips the meta item meanwhile, this generation is abandoned and written anew,
        so a flip never points at items that a concurrent clean-up may have removed.
        """
        article_id = result.article.id
        for _ in range(self._max_attempts):
            current = self._meta_item(article_id)
            if _stored_is_newer(current, source):
                return False
            expected = _plain(current).get("gen") if current else None
            gen = new_generation()
            items = self._generation_items(result, gen)
            data_items = sum(1 for item in items if not item["sk"]["S"].startswith(f"G#{gen}#X"))
            meta = self._meta_values(result, gen, source, len(items), data_items)
            condition = _flip_condition(expected, source)
            try:
                if len(items) < 100 and sum(len(json.dumps(i)) for i in items) < 3_000_000:
                    puts = [{"Put": {"TableName": self.table_name, "Item": i}} for i in items]
                    meta_put = {"Put": {"TableName": self.table_name, "Item": meta, **condition}}
                    self._call("transact_write_items", TransactItems=[*puts, meta_put])
                else:
                    self._batch_write([{"PutRequest": {"Item": i}} for i in items])
                    try:
                        self._call("put_item", TableName=self.table_name, Item=meta, **condition)
                    except _ConditionFailed:
                        self._delete_keys(article_id, [_sk(i) for i in items])
                        raise
            except _ConditionFailed:
                continue
            self._drop_stale(article_id, keep=gen, previous=expected)
            return True
        raise StoreError(f"could not replace the result of {article_id}: concurrent writers")

    def _drop_stale(self, article_id: str, *, keep: str, previous: str | None) -> None:
        """Delete generations replaced by ``keep``: the previous one, ones older than it, long-abandoned ones.

        Not "older than ``keep``": a writer that flipped after us (same millisecond, or a clock behind ours)
        may hold a generation id that sorts below ``keep`` and is current.
        """
        stale = []
        for sk in self._article_keys(article_id):
            if not sk.startswith("G#"):
                continue
            gen = sk.split("#", 2)[1]
            replaced = previous is not None and gen <= previous
            if gen != keep and (replaced or _generation_age_ms(gen) > ORPHAN_AGE_MS):
                stale.append(sk)
        self._delete_keys(article_id, stale)

    def delete_article(self, article_id: str, source: SourceVersion | None = None) -> bool:
        """Replace the meta item by a tombstone (kept when ordering info is known), then delete the rest."""
        for _ in range(self._max_attempts):
            current = self._meta_item(article_id)
            if _stored_is_newer(current, source):
                return False
            expected = _plain(current).get("gen") if current else None
            condition = _flip_condition(expected, source)
            seq, lm = source.ordering if source else (None, None)
            try:
                if seq or lm:
                    tombstone = _av(
                        {
                            "pk": _article_pk(article_id),
                            "sk": _META_SK,
                            "article_id": article_id,
                            "status": _DELETED,
                            **_source_values(source),
                            "src_seq": seq,
                            "src_lm": lm,
                        }
                    )
                    self._call("put_item", TableName=self.table_name, Item=tombstone, **condition)
                elif current is not None:
                    self._call(
                        "delete_item",
                        TableName=self.table_name,
                        Key=_av({"pk": _article_pk(article_id), "sk": _META_SK}),
                        **condition,
                    )
            except _ConditionFailed:
                continue
            self._delete_keys(article_id, [sk for sk in self._article_keys(article_id) if sk != _META_SK])
            return True
        raise StoreError(f"could not delete {article_id}: concurrent writers")

    # ---------------------------------------------------------------- reading one article

    def get_meta(self, article_id: str) -> StoredMeta | None:
        meta = self._live_meta(article_id)
        if meta is None:
            return None
        return StoredMeta(
            article_id=article_id,
            key=meta.get("key"),
            status=meta["status"],
            content_sha256=meta.get("content_sha256", ""),
            model_name=meta.get("model_name", ""),
            model_version=meta.get("model_version", ""),
            source=_source_from(meta),
            generation=meta["gen"],
        )

    def get_result(self, article_id: str) -> ExtractionResult | None:
        """Read the meta item, then the text, entity and statement items of its generation (not its index
        items, which sort after them); re-read if the result was replaced in between."""
        for _ in range(3):
            meta = self._live_meta(article_id)
            if meta is None:
                return None
            gen = meta["gen"]
            items = [
                _plain(i)
                for i in self._query_all(
                    KeyConditionExpression="pk = :pk AND sk BETWEEN :first AND :last",
                    ExpressionAttributeValues=_av(
                        {":pk": _article_pk(article_id), ":first": f"G#{gen}#", ":last": f"G#{gen}#U"}
                    ),
                    ConsistentRead=True,
                )
            ]
            if len(items) == meta.get("data_items"):
                return _assemble(meta, items)
        raise StoreError(f"result of {article_id} kept changing while being read")

    # ---------------------------------------------------------------- index queries

    def _page(
        self,
        index: str,
        binding: str,
        key_condition: str,
        values: dict[str, str],
        attrs: tuple[str, str],
        limit: int,
        cursor: str | None,
        keep: Callable[[list[Item]], list[Item]],
    ) -> tuple[list[Item], str | None]:
        check_limit(limit)
        start: Item | None = None
        if cursor:
            position = self._cursors.decode(cursor, index, binding)
            if set(position) != {"pk", "sk", *attrs}:
                raise InvalidCursor("cursor does not belong to this index")
            start = _av(position)
        out: list[Item] = []
        while True:
            kwargs: dict[str, Any] = {
                "TableName": self.table_name,
                "IndexName": index,
                "KeyConditionExpression": key_condition,
                "ExpressionAttributeValues": _av(values),
                "ScanIndexForward": False,
                "Limit": limit - len(out) + 1,
            }
            if start is not None:
                kwargs["ExclusiveStartKey"] = start
            response = self._call("query", **kwargs)
            page: list[Item] = response.get("Items", [])
            kept = {id(i) for i in keep(page)}
            for position_in_page, item in enumerate(page):
                if id(item) not in kept:
                    continue
                out.append(item)
                if len(out) == limit:
                    more = position_in_page < len(page) - 1 or "LastEvaluatedKey" in response
                    if not more:
                        return out, None
                    last = {name: item[name]["S"] for name in ("pk", "sk", *attrs)}
                    return out, self._cursors.encode(index, binding, last)
            if "LastEvaluatedKey" not in response:
                return out, None
            start = response["LastEvaluatedKey"]

    def _current_metas(self, items: list[Item]) -> dict[str, dict[str, Any]]:
        """Meta items (plain) of the articles referenced by index items, by article id."""
        ids = sorted({i["article_id"]["S"] for i in items})
        keys = [_av({"pk": _article_pk(a), "sk": _META_SK}) for a in ids]
        metas = [_plain(m) for m in self._batch_get(keys)]
        return {m["article_id"]: m for m in metas if _is_live(m)}

    def list_articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> Page:
        condition = "gsi1pk = :pk"
        values = {":pk": _LIST_PK}
        if since and until and since > until + "~":
            check_limit(limit)
            return Page(items=[], next=None)
        if since and until:
            condition += " AND gsi1sk BETWEEN :since AND :until"
            values.update({":since": since, ":until": until + "~"})
        elif since:
            condition += " AND gsi1sk >= :since"
            values[":since"] = since
        elif until:
            condition += " AND gsi1sk <= :until"
            values[":until"] = until + "~"
        binding = f"{since or ''}|{until or ''}"
        items, next_cursor = self._page(
            INDEX_PUBLISHED, binding, condition, values, ("gsi1pk", "gsi1sk"), limit, cursor, lambda p: p
        )
        return Page(items=[_summary_from_meta(_plain(i)) for i in items], next=next_cursor)

    def _current_index_page(
        self, index: str, key: str, partition: str, attrs: tuple[str, str], limit: int, cursor: str | None
    ) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]], str | None]:
        """A page of an entity/speaker index, keeping only items of each article's current generation;
        returns the plain items, the meta items of their articles by id, and the next cursor."""
        metas: dict[str, dict[str, Any]] = {}

        def current(page: list[Item]) -> list[Item]:
            metas.update(self._current_metas(page))
            return [i for i in page if metas.get(i["article_id"]["S"], {}).get("gen") == i["gen"]["S"]]

        items, next_cursor = self._page(
            index, key, f"{attrs[0]} = :pk", {":pk": partition}, attrs, limit, cursor, current
        )
        return [_plain(item) for item in items], metas, next_cursor

    def articles_for_entity(self, name: str, *, limit: int = 20, cursor: str | None = None) -> Page:
        key = query_key(name)
        items, metas, next_cursor = self._current_index_page(
            INDEX_ENTITY, key, f"E#{key}", ("gsi2pk", "gsi2sk"), limit, cursor
        )
        out = [
            {**_summary_from_meta(metas[item["article_id"]]), "entity": json.loads(item["entity"])}
            for item in items
        ]
        return Page(items=out, next=next_cursor)

    def statements_by_speaker(self, name: str, *, limit: int = 20, cursor: str | None = None) -> Page:
        key = query_key(name)
        items, metas, next_cursor = self._current_index_page(
            INDEX_SPEAKER, key, f"S#{key}", ("gsi3pk", "gsi3sk"), limit, cursor
        )
        out = []
        for item in items:
            meta = metas[item["article_id"]]
            payload = item.get("data") or self._load_record(item["article_id"], item["ref"])
            statement = json.loads(payload)
            statement["article"] = {"id": meta["article_id"], "title": meta.get("title"),
                                    "published": meta.get("published")}  # fmt: skip
            out.append(statement)
        return Page(items=out, next=next_cursor)

    def _load_record(self, article_id: str, base_sk: str) -> str:
        parts = list(
            self._query_all(
                KeyConditionExpression="pk = :pk AND begins_with(sk, :prefix)",
                ExpressionAttributeValues=_av({":pk": _article_pk(article_id), ":prefix": base_sk}),
            )
        )
        return "".join(p["data"]["S"] for p in sorted(parts, key=lambda p: str(p["sk"]["S"])))


# --------------------------------------------------------------------------------------------------
# helpers of the adapter


def _sk(item: Item) -> str:
    return str(item["sk"]["S"])


def _source_values(source: SourceVersion | None) -> dict[str, Any]:
    if source is None:
        return {}
    return {
        "src_bucket": source.bucket,
        "src_key": source.key,
        "src_version_id": source.version_id,
        "src_etag": source.etag,
        "src_sequencer": source.sequencer,
        "src_last_modified": source.last_modified,
    }


def _source_from(meta: dict[str, Any]) -> SourceVersion | None:
    if "src_bucket" not in meta:
        return None
    return SourceVersion(
        bucket=meta["src_bucket"],
        key=meta["src_key"],
        version_id=meta.get("src_version_id"),
        etag=meta.get("src_etag"),
        sequencer=meta.get("src_sequencer"),
        last_modified=meta.get("src_last_modified"),
    )


def _stored_is_newer(item: Item | None, source: SourceVersion | None) -> bool:
    if item is None or source is None:
        return False
    stored = _source_from(_plain(item))
    return stored is not None and stored.is_newer_than(source)


def _flip_condition(expected_gen: str | None, source: SourceVersion | None) -> dict[str, Any]:
    """Condition for replacing the meta item: nobody flipped it meanwhile, and it is not newer than us."""
    values: dict[str, Any] = {}
    if expected_gen is None:
        expression = "attribute_not_exists(gen)"
    else:
        expression = "gen = :expected"
        values[":expected"] = expected_gen
    seq, lm = source.ordering if source else (None, None)
    newer: str | None = None
    if seq and lm:
        newer = (
            "(attribute_exists(src_seq) AND src_seq > :seq)"
            " OR (attribute_not_exists(src_seq) AND src_lm > :lm)"
        )
    elif seq:
        newer = "src_seq > :seq"
    elif lm:
        newer = "src_lm > :lm"
    if newer:
        expression = f"({expression}) AND NOT ({newer})"
        values.update({k: v for k, v in ((":seq", seq), (":lm", lm)) if v})
    condition: dict[str, Any] = {"ConditionExpression": expression}
    if values:
        condition["ExpressionAttributeValues"] = _av(values)
    return condition


def _summary_from_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": meta["article_id"],
        "key": meta.get("key"),
        "title": meta.get("title"),
        "published": meta.get("published"),
        "status": meta.get("status"),
        "error": meta.get("error"),
        "word_count": meta.get("word_count", 0),
        "entity_count": meta.get("entity_count", 0),
        "statement_count": meta.get("statement_count", 0),
        "model": {"name": meta.get("model_name"), "version": meta.get("model_version")},
        "extracted_at": meta.get("extracted_at"),
    }


def _records(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join the parts of each record (``<base sk>``, ``<base sk>#P#001``, ...) and parse them."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        grouped.setdefault(item["sk"].split("#P#")[0], []).append(item)
    return [
        json.loads("".join(p["data"] for p in sorted(grouped[base], key=lambda i: i["sk"])))
        for base in sorted(grouped)
    ]


def _is_live(meta: dict[str, Any]) -> bool:
    """A meta item that points at a current result (not a delete marker)."""
    return meta.get("status") != _DELETED and "gen" in meta


def _assemble(meta: dict[str, Any], items: list[dict[str, Any]]) -> ExtractionResult:
    by_kind: dict[str, list[dict[str, Any]]] = {"T": [], "E": [], "S": []}
    for item in items:
        kind = item["sk"].split("#")[2]
        if kind in by_kind:
            by_kind[kind].append(item)
    text = "".join(i["data"] for i in sorted(by_kind["T"], key=lambda i: i["sk"]))
    return ExtractionResult(
        article=ArticleInfo.from_dict({**meta, "id": meta["article_id"], "text": text}),
        model=ModelInfo(name=meta.get("model_name", ""), version=meta.get("model_version", "")),
        entities=[Entity.from_dict(d) for d in _records(by_kind["E"])],
        statements=[Statement.from_dict(d) for d in _records(by_kind["S"])],
        extracted_at=meta.get("extracted_at"),
        schema_version=meta.get("schema_version", "1.0"),
    )
