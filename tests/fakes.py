"""In-memory fakes: a ``ResultStore`` that behaves like ``DynamoDBStore``, fault-injecting DynamoDB clients,
and a small result builder for tests."""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from newsextract.ids import article_id as make_article_id
from newsextract.result import (
    ArticleInfo,
    Entity,
    ExtractionResult,
    ModelInfo,
    Speaker,
    Statement,
    TextSpan,
)
from newsextract.store import (
    INDEX_ENTITY,
    INDEX_PUBLISHED,
    INDEX_SPEAKER,
    CursorCodec,
    InvalidCursor,
    Page,
    SourceVersion,
    StoredMeta,
    article_summary,
    check_limit,
    entity_index,
    entity_summary,
    query_key,
    sort_date,
    speaker_index,
)


@dataclass
class _Stored:
    result: ExtractionResult | None  # None: a tombstone (deleted, ordering kept)
    source: SourceVersion | None
    generation: str


class InMemoryStore:
    """``ResultStore`` in a dict, with the ordering rule, tombstones and signed cursors of the real one."""

    def __init__(self, cursor_secret: bytes = b"in-memory") -> None:
        self._articles: dict[str, _Stored] = {}
        self._cursors = CursorCodec(cursor_secret)
        self._counter = 0
        self.puts = 0

    def _stored_newer(self, article_id: str, source: SourceVersion | None) -> bool:
        held = self._articles.get(article_id)
        return bool(held and held.source and source and held.source.is_newer_than(source))

    def get_meta(self, article_id: str) -> StoredMeta | None:
        held = self._articles.get(article_id)
        if held is None or held.result is None:
            return None
        result = held.result
        return StoredMeta(
            article_id=article_id,
            key=result.article.key,
            status=result.article.status,
            content_sha256=result.article.content_sha256,
            model_name=result.model.name,
            model_version=result.model.version,
            source=held.source,
            generation=held.generation,
        )

    def put_result(self, result: ExtractionResult, source: SourceVersion | None = None) -> bool:
        if self._stored_newer(result.article.id, source):
            return False
        self._counter += 1
        self.puts += 1
        snapshot = ExtractionResult.from_dict(copy.deepcopy(result.to_dict()))
        self._articles[result.article.id] = _Stored(snapshot, source, f"{self._counter:012x}")
        return True

    def delete_article(self, article_id: str, source: SourceVersion | None = None) -> bool:
        if self._stored_newer(article_id, source):
            return False
        if source is not None and (source.sequencer or source.last_modified):
            self._articles[article_id] = _Stored(None, source, "")
        else:
            self._articles.pop(article_id, None)
        return True

    def get_result(self, article_id: str) -> ExtractionResult | None:
        held = self._articles.get(article_id)
        if held is None or held.result is None:
            return None
        return ExtractionResult.from_dict(copy.deepcopy(held.result.to_dict()))

    def _results(self) -> list[ExtractionResult]:
        return [h.result for h in self._articles.values() if h.result is not None]

    def _paginate(
        self, index: str, binding: str, rows: list[tuple[str, dict[str, Any]]], limit: int, cursor: str | None
    ) -> Page:
        check_limit(limit)
        rows.sort(key=lambda row: row[0], reverse=True)
        if cursor:
            after = self._cursors.decode(cursor, index, binding)
            if set(after) != {"after"}:
                raise InvalidCursor("cursor does not belong to this index")
            rows = [row for row in rows if row[0] < after["after"]]
        page = rows[:limit]
        more = len(rows) > limit
        next_cursor = self._cursors.encode(index, binding, {"after": page[-1][0]}) if more else None
        return Page(items=[item for _, item in page], next=next_cursor)

    def list_articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> Page:
        rows = []
        for result in self._results():
            position = f"{sort_date(result)}#{result.article.id}"
            if since and position < since:
                continue
            if until and position > until + "~":
                continue
            rows.append((position, article_summary(result)))
        return self._paginate(INDEX_PUBLISHED, f"{since or ''}|{until or ''}", rows, limit, cursor)

    def articles_for_entity(self, name: str, *, limit: int = 20, cursor: str | None = None) -> Page:
        key = query_key(name)
        rows = []
        for result in self._results():
            entity = entity_index(result).get(key)
            if entity is not None:
                item = {**article_summary(result), "entity": entity_summary(entity)}
                rows.append((f"{sort_date(result)}#{result.article.id}", item))
        return self._paginate(INDEX_ENTITY, key, rows, limit, cursor)

    def statements_by_speaker(self, name: str, *, limit: int = 20, cursor: str | None = None) -> Page:
        key = query_key(name)
        rows = []
        for result in self._results():
            info = result.article
            article = {"id": info.id, "title": info.title, "published": info.published}
            for entry_key, position, statement in speaker_index(result):
                if entry_key == key:
                    position_key = f"{sort_date(result)}#{result.article.id}#{99999 - position:05d}"
                    rows.append((position_key, {**statement.to_dict(), "article": article}))
        return self._paginate(INDEX_SPEAKER, key, rows, limit, cursor)


# --------------------------------------------------------------------------------------------------
# fault-injecting DynamoDB clients (wrap a real boto3 client, e.g. under moto)


def client_error(code: str, operation: str, **extra: Any) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": code}, **extra}, operation)


class ProxyClient:
    """Forwards every call to ``real``; subclasses intercept some operations."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: dict[str, int] = {}

    def __getattr__(self, name: str) -> Any:
        target = getattr(self.real, name)
        if not callable(target):
            return target

        def call(**kwargs: Any) -> Any:
            self.calls[name] = self.calls.get(name, 0) + 1
            return self.intercept(name, target, kwargs)

        return call

    def intercept(self, name: str, target: Any, kwargs: dict[str, Any]) -> Any:
        return target(**kwargs)


class CrashingClient(ProxyClient):
    """Raises (like a Lambda killed mid-run) once more than ``after`` items would have been written."""

    def __init__(self, real: Any, after: int) -> None:
        super().__init__(real)
        self.after = after
        self.written = 0

    def intercept(self, name: str, target: Any, kwargs: dict[str, Any]) -> Any:
        if name == "batch_write_item":
            count = sum(len(v) for v in kwargs["RequestItems"].values())
        elif name == "transact_write_items":
            count = len(kwargs["TransactItems"])
        else:
            count = 1 if name in ("put_item", "delete_item") else 0
        if count and self.written + count > self.after:
            raise RuntimeError("simulated crash")
        self.written += count
        return target(**kwargs)


class FlakyClient(ProxyClient):
    """Throttles, returns UnprocessedItems/Keys, or cancels transactions with TransactionConflict ``times``
    times per operation before behaving."""

    def __init__(
        self, real: Any, *, throttle: int = 0, unprocessed: int = 0, conflicts: int = 0, max_batch: int = 25
    ) -> None:
        super().__init__(real)
        self.left = {"throttle": throttle, "unprocessed": unprocessed, "conflicts": conflicts}
        self.max_batch = max_batch
        self.injected: dict[str, int] = {"throttle": 0, "unprocessed": 0, "conflicts": 0}

    def _take(self, fault: str) -> bool:
        if self.left[fault] > 0:
            self.left[fault] -= 1
            self.injected[fault] += 1
            return True
        return False

    def intercept(self, name: str, target: Any, kwargs: dict[str, Any]) -> Any:
        if name in {"put_item", "query", "batch_write_item", "batch_get_item"} and self._take("throttle"):
            raise client_error("ProvisionedThroughputExceededException", name)
        if name == "transact_write_items" and self._take("conflicts"):
            reasons = [{"Code": "None"}] * (len(kwargs["TransactItems"]) - 1)
            reasons.append({"Code": "TransactionConflict"})
            raise client_error("TransactionCanceledException", name, CancellationReasons=reasons)
        if name == "batch_write_item":
            ((table, requests),) = kwargs["RequestItems"].items()
            assert len(requests) <= self.max_batch, "BatchWriteItem takes at most 25 requests"
            if len(requests) > 1 and self._take("unprocessed"):
                half = len(requests) // 2
                target(RequestItems={table: requests[:half]})
                return {"UnprocessedItems": {table: requests[half:]}}
        if name == "batch_get_item":
            ((table, request),) = kwargs["RequestItems"].items()
            if len(request["Keys"]) > 1 and self._take("unprocessed"):
                half = len(request["Keys"]) // 2
                response = target(RequestItems={table: {**request, "Keys": request["Keys"][:half]}})
                response["UnprocessedKeys"] = {table: {**request, "Keys": request["Keys"][half:]}}
                return response
        return target(**kwargs)


# --------------------------------------------------------------------------------------------------
# results for tests


def make_result(
    key: str,
    *,
    text: str | None = None,
    title: str | None = None,
    published: str | None = "2023-01-17",
    entities: list[tuple[str, str]] | None = None,
    quotes: list[tuple[str, str]] | None = None,
    extracted_at: str = "2024-01-01T00:00:00Z",
    model_version: str = "1.0.0",
    status: str = "done",
    error: str | None = None,
) -> ExtractionResult:
    """A small, consistent result: ``entities`` are (name, label); ``quotes`` are (speaker, content)."""
    entities = entities if entities is not None else [("Mark Milley", "PERSON"), ("Pentagon", "ORG")]
    quotes = quotes if quotes is not None else [("Mark Milley", "We will support Ukraine.")]
    body = text
    if body is None:
        parts = [f"{name} was mentioned." for name, _ in entities]
        parts += [f'"{content}" said {speaker}.' for speaker, content in quotes]
        body = " ".join(parts) or "Nothing happened."
    built_entities = []
    for number, (name, label) in enumerate(entities):
        start = max(body.find(name), 0)
        built_entities.append(
            Entity(
                id=f"e{number}",
                name=name,
                label=label,
                mentions=[TextSpan.of(body, start, start + len(name))],
                salience=round(1.0 / (number + 1), 4),
            )
        )
    by_name = {e.name: e for e in built_entities}
    statements = []
    for number, (speaker, content) in enumerate(quotes):
        start = max(body.find(content), 0)
        entity = by_name.get(speaker)
        statements.append(
            Statement(
                id=f"s{number}",
                kind="direct",
                source=None,
                cue=None,
                content=TextSpan.of(body, start, start + len(content)),
                speaker=Speaker(name=speaker, label="PERSON", entity_id=entity.id if entity else None),
                confidence=0.9,
            )
        )
    article = ArticleInfo(
        id=make_article_id(key, "uploads"),
        key=key,
        text=body,
        title=title if title is not None else f"Title of {key}",
        published=published,
        content_sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        status=status,  # type: ignore[arg-type]
        error=error,
    )
    return ExtractionResult(
        article=article,
        model=ModelInfo(name="en_newsextract", version=model_version),
        entities=built_entities,
        statements=statements,
        extracted_at=extracted_at,
    )


def version(key: str, sequencer: str | None = None, last_modified: str | None = None) -> SourceVersion:
    return SourceVersion(bucket="uploads", key=key, sequencer=sequencer, last_modified=last_modified)
