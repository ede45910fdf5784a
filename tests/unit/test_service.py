"""ExtractionService with in-memory fakes for the store, S3 and the extractor."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest

from newsextract.ids import article_id
from newsextract.nlp.extractor import ArticleInput
from newsextract.objects import StoredObject, too_large
from newsextract.result import ArticleInfo, Entity, ExtractionResult, ModelInfo, TextSpan
from newsextract.service import ExtractionService, QueueMessage
from newsextract.store import SourceVersion
from tests.fakes import InMemoryStore

BUCKET = "articles"


@dataclass
class FakeObjects:
    objects: dict[str, StoredObject] = field(default_factory=dict)
    failing: set[str] = field(default_factory=set)

    def put(
        self, key: str, data: bytes, version: str = "v1", modified: str = "2024-03-05T12:00:00+00:00"
    ) -> None:
        source = SourceVersion(BUCKET, key, version, f"etag-{version}", None, modified)
        self.objects[key] = StoredObject(data=data, content_type=None, version=source)

    def fetch(self, bucket: str, key: str, max_bytes: int) -> StoredObject | None:
        if key in self.failing:
            raise ConnectionError("S3 unavailable")
        stored = self.objects.get(key)
        if stored is not None and len(stored.data) > max_bytes:
            raise too_large(len(stored.data), max_bytes)
        return stored

    def exists(self, bucket: str, key: str) -> bool:
        return key in self.objects


class FakeExtractor:
    """Marks each capitalised word as a MISC entity; raises for texts containing BOOM."""

    model = ModelInfo("en_fake", "1.0.0")

    def __init__(self) -> None:
        self.batches: list[int] = []

    def extract_many(self, inputs: Sequence[ArticleInput]) -> list[ExtractionResult]:
        self.batches.append(len(inputs))
        if any("BOOM" in item.article.text for item in inputs):
            raise RuntimeError("pipeline crashed")
        results = []
        for item in inputs:
            text = item.article.text
            words = [w for w in text.split() if w[:1].isupper()]
            entities = [
                Entity(
                    id=f"e{i}",
                    name=w,
                    label="MISC",
                    mentions=[TextSpan.of(text, text.index(w), text.index(w) + len(w))],
                )
                for i, w in enumerate(words, 1)
            ]
            results.append(ExtractionResult(article=item.info(), model=self.model, entities=entities))
        return results


def created(key: str, *, sequencer: str | None = None, version: str = "v1") -> str:
    obj = {"key": key.replace(" ", "+"), "versionId": version}
    if sequencer:
        obj["sequencer"] = sequencer
    return json.dumps({"Records": [{"eventName": "ObjectCreated:Put", "eventTime": "2024-03-05T12:00:00Z",
                                    "s3": {"bucket": {"name": BUCKET}, "object": obj}}]})  # fmt: skip


def removed(key: str) -> str:
    return json.dumps(
        {
            "Records": [
                {
                    "eventName": "ObjectRemoved:Delete",
                    "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}},
                }
            ]
        }
    )


@pytest.fixture
def objects() -> FakeObjects:
    return FakeObjects()


@pytest.fixture
def store() -> InMemoryStore:
    return InMemoryStore()


@pytest.fixture
def extractor() -> FakeExtractor:
    return FakeExtractor()


@pytest.fixture
def service(store: InMemoryStore, objects: FakeObjects, extractor: FakeExtractor) -> ExtractionService:
    return ExtractionService(store=store, objects=objects, extractor=extractor, max_object_bytes=1000)


def test_batch_is_extracted_in_one_pipeline_call(service, objects, store, extractor) -> None:
    objects.put("a.txt", b"Alpha met Beta.")
    objects.put("b.txt", b"Gamma met Delta.")
    report = service.process([QueueMessage("m1", created("a.txt")), QueueMessage("m2", created("b.txt"))])
    assert report.failures == {}
    assert [o.action for o in report.outcomes] == ["extracted", "extracted"]
    assert extractor.batches == [2]
    result = store.get_result(article_id("a.txt", BUCKET))
    assert result is not None
    assert [e.name for e in result.entities] == ["Alpha", "Beta."]


def test_same_content_and_model_is_not_extracted_twice(service, objects, extractor) -> None:
    objects.put("a.txt", b"Alpha met Beta.")
    service.process([QueueMessage("m1", created("a.txt"))])
    report = service.process([QueueMessage("m2", created("a.txt"))])
    assert [o.action for o in report.outcomes] == ["unchanged"]
    assert extractor.batches == [1]


def test_unreadable_upload_is_a_failed_article_not_a_retry(service, objects, store) -> None:
    objects.put("scan.pdf", b"%PDF-1.7 binary")
    report = service.process([QueueMessage("m1", created("scan.pdf"))])
    assert report.failures == {}
    stored = store.get_result(article_id("scan.pdf", BUCKET))
    assert stored is not None
    assert stored.article.status == "failed"
    assert "PDF" in (stored.article.error or "")


def test_object_above_the_size_limit_is_a_failed_article(service, objects, store) -> None:
    objects.put("big.txt", b"x " * 600)
    service.process([QueueMessage("m1", created("big.txt"))])
    stored = store.get_result(article_id("big.txt", BUCKET))
    assert stored is not None and stored.article.status == "failed"
    assert "1,200 bytes, above the 1,000-byte limit" in (stored.article.error or "")


def test_infrastructure_errors_fail_the_message_for_retry(service, objects, store) -> None:
    objects.put("a.txt", b"Alpha met Beta.")
    objects.failing.add("b.txt")
    report = service.process([QueueMessage("m1", created("a.txt")), QueueMessage("m2", created("b.txt"))])
    assert set(report.failures) == {"m2"}
    assert store.get_result(article_id("a.txt", BUCKET)) is not None


def test_malformed_message_fails_and_others_go_on(service, objects) -> None:
    objects.put("a.txt", b"Alpha met Beta.")
    report = service.process([QueueMessage("bad", "{not json"), QueueMessage("m1", created("a.txt"))])
    assert set(report.failures) == {"bad"}
    assert [o.action for o in report.outcomes] == ["extracted"]


def test_a_text_that_breaks_the_pipeline_is_isolated(service, objects, store, extractor) -> None:
    objects.put("a.txt", b"Alpha met Beta.")
    objects.put("b.txt", b"BOOM goes the text.")
    report = service.process([QueueMessage("m1", created("a.txt")), QueueMessage("m2", created("b.txt"))])
    assert report.failures == {}
    assert store.get_result(article_id("a.txt", BUCKET)).article.status == "done"
    broken = store.get_result(article_id("b.txt", BUCKET))
    assert broken.article.status == "failed"
    assert broken.article.error == "extraction failed (RuntimeError)"


def test_test_event_is_acknowledged(service) -> None:
    report = service.process(
        [QueueMessage("m1", json.dumps({"Event": "s3:TestEvent", "Service": "Amazon S3"}))]
    )
    assert report.failures == {}
    assert [o.action for o in report.outcomes] == ["ignored"]


def test_removed_object_deletes_its_results(service, objects, store) -> None:
    objects.put("a.txt", b"Alpha met Beta.")
    service.process([QueueMessage("m1", created("a.txt"))])
    del objects.objects["a.txt"]
    report = service.process([QueueMessage("m2", removed("a.txt"))])
    assert [o.action for o in report.outcomes] == ["deleted"]
    assert store.get_result(article_id("a.txt", BUCKET)) is None


def test_removal_event_is_ignored_when_a_newer_object_exists(service, objects, store) -> None:
    objects.put("a.txt", b"Alpha met Beta.")
    service.process([QueueMessage("m1", created("a.txt"))])
    report = service.process([QueueMessage("m2", removed("a.txt"))])
    assert [o.action for o in report.outcomes] == ["ignored"]
    assert store.get_result(article_id("a.txt", BUCKET)) is not None


def test_late_event_for_an_old_version_reads_the_current_object(service, objects, store) -> None:
    objects.put("a.txt", b"Newer text by Gamma.", version="v2", modified="2024-03-05T12:00:05+00:00")
    service.process([QueueMessage("m1", created("a.txt", version="v1", sequencer="0A"))])
    assert "Gamma" in store.get_result(article_id("a.txt", BUCKET)).article.text


def test_store_failure_fails_the_message(objects, extractor) -> None:
    class BrokenStore(InMemoryStore):
        def put_result(self, result: ExtractionResult, source: SourceVersion | None = None) -> bool:
            raise ConnectionError("DynamoDB unavailable")

    service = ExtractionService(
        store=BrokenStore(), objects=objects, extractor=extractor, max_object_bytes=1000
    )
    objects.put("a.txt", b"Alpha met Beta.")
    objects.put("bad.pdf", b"%PDF-1.4")
    report = service.process([QueueMessage("m1", created("a.txt")), QueueMessage("m2", created("bad.pdf"))])
    assert set(report.failures) == {"m1", "m2"}
    assert report.outcomes == []


def test_failed_article_info_is_complete() -> None:
    info = ArticleInfo(id=article_id("k"), key="k", text="")
    result = ExtractionResult.failed(info, ModelInfo("m", "1"), "why")
    assert result.to_dict()["article"]["status"] == "failed"
    assert result.to_dict()["article"]["error"] == "why"
