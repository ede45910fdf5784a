"""Orchestration of one queue batch: fetch -> parse -> extract (one ``nlp.pipe``) -> store.

The rules that keep results correct and nothing lost:
- an upload that cannot be read (empty, binary, too large, malformed) is stored as a *failed* article
  with its reason and acknowledged: retrying would fail the same way;
- anything else that goes wrong (S3, DynamoDB, a malformed message) fails the message, so SQS retries it
  and, after ``maxReceiveCount`` tries, moves it to the dead-letter queue;
- the current object is read, not the version named in the event, so a late event for an old version
  can never overwrite a newer result; the store also refuses writes older than what it holds, and a
  removal only deletes once S3 says the key is gone, ordered by the time it was seen gone;
- the same content with the same model version is not extracted twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

from newsextract.events import MalformedMessageError, ObjectChange, parse_message_body
from newsextract.formats import ArticleError, parse_article
from newsextract.ids import article_id, content_sha256
from newsextract.nlp.extractor import ArticleInput, utc_now
from newsextract.objects import ObjectSource, ObjectTooLargeError
from newsextract.result import ArticleInfo, ExtractionResult, ModelInfo
from newsextract.store import ResultStore, SourceVersion

Action = Literal["extracted", "unchanged", "failed", "deleted", "stale", "ignored"]


class ExtractorPort(Protocol):
    @property
    def model(self) -> ModelInfo: ...

    def extract_many(self, inputs: Sequence[ArticleInput]) -> list[ExtractionResult]: ...


@dataclass(frozen=True)
class QueueMessage:
    message_id: str
    body: str


@dataclass(frozen=True)
class ChangeOutcome:
    """What happened to one object change; ``failed`` means a failed article was stored."""

    message_id: str
    action: Action
    key: str | None = None
    article_id: str | None = None
    reason: str | None = None


@dataclass
class BatchReport:
    outcomes: list[ChangeOutcome] = field(default_factory=list)
    failures: dict[str, Exception] = field(default_factory=dict)
    """Messages to report as batch item failures (SQS retries them), by message id."""

    def fail(self, message_id: str, error: Exception) -> None:
        self.failures.setdefault(message_id, error)


@dataclass(frozen=True)
class _Pending:
    message_id: str
    input: ArticleInput
    source: SourceVersion


class ExtractionService:
    def __init__(
        self,
        *,
        store: ResultStore,
        objects: ObjectSource,
        extractor: ExtractorPort,
        max_object_bytes: int,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        self._clock = clock
        self._store = store
        self._objects = objects
        self._extractor = extractor
        self._max_object_bytes = max_object_bytes

    def process(self, messages: Sequence[QueueMessage]) -> BatchReport:
        """Handle a batch of queue messages; every message ends acknowledged-and-stored or in ``failures``."""
        report = BatchReport()
        pending: list[_Pending] = []
        for message in messages:
            try:
                changes = parse_message_body(message.body)
            except MalformedMessageError as error:
                report.fail(message.message_id, error)
                continue
            if not changes:
                report.outcomes.append(ChangeOutcome(message.message_id, "ignored", reason="s3:TestEvent"))
            for change in changes:
                try:
                    self._prepare(message.message_id, change, pending, report)
                except Exception as error:
                    report.fail(message.message_id, error)
        self._extract_and_store([p for p in pending if p.message_id not in report.failures], report)
        return report

    def _prepare(
        self, message_id: str, change: ObjectChange, pending: list[_Pending], report: BatchReport
    ) -> None:
        identifier = article_id(change.key, change.bucket)
        if change.kind == "removed":
            self._remove(message_id, change, identifier, report)
            return
        try:
            stored = self._objects.fetch(change.bucket, change.key, self._max_object_bytes)
        except ObjectTooLargeError as error:
            self._store_failure(message_id, change.source, identifier, change.key, "", str(error), report)
            return
        if stored is None:
            report.outcomes.append(
                ChangeOutcome(message_id, "ignored", change.key, identifier, "the object no longer exists")
            )
            return
        source = stored.version
        if change.sequencer and (change.version_id is None or change.version_id == source.version_id):
            source = replace(source, sequencer=change.sequencer)
        digest = content_sha256(stored.data)
        meta = self._store.get_meta(identifier)
        model = self._extractor.model
        if (
            meta is not None
            and meta.content_sha256 == digest
            and (meta.model_name, meta.model_version) == (model.name, model.version)
        ):
            report.outcomes.append(ChangeOutcome(message_id, "unchanged", change.key, identifier))
            return
        try:
            article = parse_article(stored.data, change.key, stored.content_type)
        except ArticleError as error:
            self._store_failure(message_id, source, identifier, change.key, digest, str(error), report)
            return
        pending.append(_Pending(message_id, ArticleInput(identifier, change.key, article, digest), source))

    def _remove(self, message_id: str, change: ObjectChange, identifier: str, report: BatchReport) -> None:
        if self._objects.exists(change.bucket, change.key):
            report.outcomes.append(
                ChangeOutcome(
                    message_id, "ignored", change.key, identifier, "a newer object exists for the key"
                )
            )
            return
        # The key was just seen empty: that moment orders the removal against writes of newer uploads.
        observed = replace(change.source, last_modified=self._clock())
        deleted = self._store.delete_article(identifier, observed)
        report.outcomes.append(
            ChangeOutcome(message_id, "deleted" if deleted else "stale", change.key, identifier)
        )

    def _extract_and_store(self, pending: list[_Pending], report: BatchReport) -> None:
        if not pending:
            return
        try:
            results = self._extractor.extract_many([p.input for p in pending])
        except Exception:
            for item in pending:
                self._extract_alone(item, report)
            return
        for item, result in zip(pending, results, strict=True):
            self._save(item, result, report)

    def _extract_alone(self, item: _Pending, report: BatchReport) -> None:
        try:
            result = self._extractor.extract_many([item.input])[0]
        except ArticleError as error:
            reason = str(error)
        except Exception as error:
            reason = f"extraction failed ({type(error).__name__})"
        else:
            self._save(item, result, report)
            return
        self._store_failure(
            item.message_id,
            item.source,
            item.input.id,
            item.input.key,
            item.input.content_sha256,
            reason,
            report,
        )

    def _save(self, item: _Pending, result: ExtractionResult, report: BatchReport) -> None:
        try:
            written = self._store.put_result(result, item.source)
        except Exception as error:
            report.fail(item.message_id, error)
            return
        action: Action = "extracted" if written else "stale"
        report.outcomes.append(ChangeOutcome(item.message_id, action, item.input.key, item.input.id))

    def _store_failure(
        self,
        message_id: str,
        source: SourceVersion,
        identifier: str,
        key: str | None,
        digest: str,
        reason: str,
        report: BatchReport,
    ) -> None:
        article = ArticleInfo(id=identifier, key=key, text="", content_sha256=digest)
        result = ExtractionResult.failed(article, self._extractor.model, reason)
        try:
            written = self._store.put_result(result, source)
        except Exception as error:
            report.fail(message_id, error)
            return
        report.outcomes.append(
            ChangeOutcome(message_id, "failed" if written else "stale", key, identifier, reason)
        )
