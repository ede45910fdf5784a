"""Bad uploads through the real extraction handler and the real API on moto.

Every case ends as a correct result or as an article with status ``failed`` and a reason: visible through
the API, in a structured (Powertools JSON) log line with the key, and as an EMF metric. None is a batch item
failure (that would retry it until the dead-letter queue), none is dropped.

The spaCy pipeline here is ``light_extractor()``: the real ``Extractor`` over a blank English pipeline with a
sentencizer and an entity ruler, so these tests do not wait for the trained model.
"""

from __future__ import annotations

import codecs
import json
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

import boto3
import pytest

from newsextract import bootstrap
from newsextract.api import build_app
from newsextract.ids import article_id
from newsextract.local import LambdaContext, api_gateway_event
from newsextract.nlp.extractor import Extractor
from newsextract.operations import object_created_body
from newsextract.store import DynamoDBStore
from tests.integration.conftest import BUCKET, TABLE

STORY = (
    "The Harbor Bridge will close for repairs in September, the Northbay Port Authority said on Tuesday. "
    "Maria Delgado, the authority's director, said the work could not wait."
)
ENTITY_PATTERNS = [
    {"label": "PERSON", "pattern": "Maria Delgado"},
    {"label": "ORG", "pattern": "Northbay Port Authority"},
    {"label": "LOC", "pattern": "Harbor Bridge"},
    {"label": "LOC", "pattern": "Zürich"},
]


@cache
def light_extractor() -> Extractor:
    """The real Extractor on a blank English pipeline (sentencizer + entity ruler); loaded once."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns(ENTITY_PATTERNS)
    nlp.meta["name"] = "light"
    nlp.meta["version"] = "0.0.1"
    return Extractor(nlp)


def sqs_record(body: str) -> dict[str, Any]:
    return {
        "messageId": str(uuid.uuid4()),
        "receiptHandle": "handle",
        "body": body,
        "attributes": {"ApproximateReceiveCount": "1"},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:newsextract-articles",
        "awsRegion": "us-east-1",
    }


class CurrentStdout:
    """A stream that writes to whatever ``sys.stdout`` is now (the handler's logger keeps its stream)."""

    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()


@dataclass
class Pipeline:
    """Uploads to moto S3, feeds the S3 notification to the extraction handler, reads through the API."""

    aws: dict[str, Any]
    extract_app: ModuleType
    capsys: pytest.CaptureFixture[str]

    def upload(self, key: str, body: bytes, content_type: str | None = None) -> dict[str, Any]:
        extra = {"ContentType": content_type} if content_type else {}
        put = self.aws["s3"].put_object(Bucket=BUCKET, Key=key, Body=body, **extra)
        message = object_created_body(BUCKET, key, len(body), put.get("ETag"), put.get("VersionId"))
        return self.handle([message])

    def handle(self, bodies: list[str]) -> dict[str, Any]:
        event = {"Records": [sqs_record(body) for body in bodies]}
        response: dict[str, Any] = self.extract_app.lambda_handler(event, LambdaContext("ExtractFunction"))
        return response

    def api(self, path: str) -> tuple[int, Any]:
        app = build_app(DynamoDBStore(TABLE, client=boto3.client("dynamodb")), cors_origin=None)
        response = app.resolve(api_gateway_event("GET", path, {}, None), LambdaContext("ApiFunction"))
        return int(response["statusCode"]), json.loads(response["body"])

    def output(self) -> list[dict[str, Any]]:
        """The JSON lines written to stdout so far (Powertools logs and EMF metrics)."""
        lines = []
        for line in self.capsys.readouterr().out.splitlines():
            line = line.strip()
            if line.startswith("{"):
                try:
                    lines.append(json.loads(line))
                except ValueError:
                    continue
        return lines


@pytest.fixture
def pipeline(
    aws: dict[str, Any],
    extract_app: ModuleType,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Pipeline]:
    monkeypatch.setattr(bootstrap, "build_extractor", light_extractor)
    monkeypatch.delenv("POWERTOOLS_METRICS_DISABLED", raising=False)
    handler = extract_app.logger.registered_handler
    original = handler.stream
    handler.setStream(CurrentStdout())
    try:
        yield Pipeline(aws, extract_app, capsys)
    finally:
        handler.setStream(original)


def metric_values(lines: list[dict[str, Any]], name: str) -> list[float]:
    values = []
    for line in lines:
        metrics = line.get("_aws", {}).get("CloudWatchMetrics", [])
        names = {m["Name"] for block in metrics for m in block.get("Metrics", [])}
        if name in names:
            value = line[name]
            values.extend(value if isinstance(value, list) else [value])
    return values


def outcome_logs(lines: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return [line for line in lines if line.get("key") == key and "action" in line]


def assert_failed(pipeline: Pipeline, key: str, response: dict[str, Any], reason: str) -> None:
    """Acknowledged, stored as failed with ``reason``, logged with key and reason, one ArticlesFailed."""
    assert response == {"batchItemFailures": []}
    lines = pipeline.output()
    identifier = article_id(key, BUCKET)
    status, body = pipeline.api(f"/articles/{identifier}")
    assert status == 200, body
    assert body["article"]["status"] == "failed"
    assert body["article"]["key"] == key
    assert reason.lower() in body["article"]["error"].lower()
    assert body["entities"] == [] and body["statements"] == []
    listed = {item["id"]: item for item in pipeline.api("/articles?limit=100")[1]["items"]}
    assert (
        listed[identifier]["status"] == "failed" and listed[identifier]["error"] == body["article"]["error"]
    )
    logged = outcome_logs(lines, key)
    assert [line["action"] for line in logged] == ["failed"], logged
    assert logged[0]["level"] == "WARNING"
    assert logged[0]["reason"] == body["article"]["error"]
    assert logged[0]["article_id"] == identifier
    assert metric_values(lines, "ArticlesFailed") == [1]
    assert metric_values(lines, "MessagesFailed") == []


def assert_done(pipeline: Pipeline, key: str, response: dict[str, Any]) -> dict[str, Any]:
    assert response == {"batchItemFailures": []}
    lines = pipeline.output()
    status, body = pipeline.api(f"/articles/{article_id(key, BUCKET)}")
    assert status == 200, body
    assert body["article"]["status"] == "done" and body["article"]["error"] is None
    assert [line["action"] for line in outcome_logs(lines, key)] == ["extracted"]
    assert metric_values(lines, "ArticlesExtracted") == [1]
    assert metric_values(lines, "ArticlesFailed") == []
    for entity in body["entities"]:
        for mention in entity["mentions"]:
            assert body["article"]["text"][mention["start"] : mention["end"]] == mention["text"]
    result: dict[str, Any] = body
    return result


DEEP_JSON = b'{"body": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"

FAILING_UPLOADS = [
    pytest.param("in/empty.txt", b"", None, "the object is empty", id="empty"),
    pytest.param("in/blank.txt", " \n\t \r\n\u3000\xa0 ".encode(), None, "no text", id="whitespace"),
    pytest.param(
        "in/report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", None, "PDF", id="pdf"
    ),
    pytest.param(
        "in/photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(16), "image/png", "PNG", id="png"
    ),
    pytest.param("in/archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(20), None, "ZIP", id="zip"),
    pytest.param("in/story.txt", b"PK\x03\x04 renamed docx", "text/plain", "ZIP", id="zip-named-txt"),
    pytest.param("in/nul.txt", b"text\x00with NUL bytes", None, "NUL", id="nul-bytes"),
    pytest.param(
        "in/broken.json", b'{"title": "Bridge", "body": "The bridge', None, "invalid JSON", id="json-bad"
    ),
    pytest.param("in/deep.json", DEEP_JSON, None, "nested too deeply", id="json-deep"),
    pytest.param("in/list.json", b'[{"body": "x"}]', None, "must be an object", id="json-array"),
    pytest.param(
        "in/num.json", b'{"body": 42}', None, '"body" must be a string, not number', id="json-body-number"
    ),
    pytest.param(
        "in/title.json",
        b'{"body": "Text.", "title": ["a"]}',
        None,
        '"title" must be a string, not array',
        id="json-title-array",
    ),
    pytest.param(
        "in/date.json",
        b'{"body": "Text.", "published": "yesterday"}',
        None,
        '"published" is not a date',
        id="json-bad-date",
    ),
    pytest.param("in/nobody.json", b'{"title": "Only a title"}', None, 'no "body" field', id="json-no-body"),
    pytest.param(
        "in/html-empty.html",
        b"<html><script>alert(1)</script></html>",
        None,
        "no text",
        id="html-only-script",
    ),
    pytest.param(
        "in/utf16-broken.txt",
        codecs.BOM_UTF16_LE + b"a\x00\x00\xd8",
        None,
        "invalid UTF-16",
        id="utf16-bad-surrogate",
    ),
]


@pytest.mark.parametrize(("key", "body", "content_type", "reason"), FAILING_UPLOADS)
def test_unreadable_upload_is_a_failed_article_with_its_reason(
    pipeline: Pipeline, key: str, body: bytes, content_type: str | None, reason: str
) -> None:
    response = pipeline.upload(key, body, content_type)
    assert_failed(pipeline, key, response, reason)


def test_upload_over_the_size_limit_is_failed_without_reading_it(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAX_OBJECT_BYTES", "1000")
    bootstrap.reset()
    response = pipeline.upload("in/big.txt", b"word " * 201)
    assert_failed(pipeline, "in/big.txt", response, "1,005 bytes, above the 1,000-byte limit")


def test_a_one_megabyte_line_without_punctuation_is_failed_with_the_pipeline_limit(
    pipeline: Pipeline,
) -> None:
    line = (b"lorem ipsum dolor sit amet " * 40_000)[: 1 << 20]
    response = pipeline.upload("in/one-line.txt", line)
    assert_failed(pipeline, "in/one-line.txt", response, "above the pipeline's limit of 1,000,000")


def test_a_long_line_without_punctuation_under_the_limit_is_extracted(pipeline: Pipeline) -> None:
    line = "Maria Delgado " + "lorem ipsum dolor sit amet " * 8_000
    body = assert_done(pipeline, "in/long-line.txt", pipeline.upload("in/long-line.txt", line.encode()))
    assert body["article"]["text"] == line
    assert [e["name"] for e in body["entities"]] == ["Maria Delgado"]


def test_invalid_utf8_falls_back_to_windows_1252(pipeline: Pipeline) -> None:
    data = b"The council met in Z\xfcrich \xc3( on Tuesday \x93quoted\x94."
    body = assert_done(pipeline, "in/latin.txt", pipeline.upload("in/latin.txt", data))
    assert body["article"]["text"] == data.decode("cp1252")
    assert "Zürich" in body["article"]["text"] and "“quoted”" in body["article"]["text"]


def test_windows_1252_text_is_decoded(pipeline: Pipeline) -> None:
    text = "“We cannot wait,” said Maria Delgado – the director of the café’s board, in Zürich."
    body = assert_done(pipeline, "in/cp1252.txt", pipeline.upload("in/cp1252.txt", text.encode("cp1252")))
    assert body["article"]["text"] == text
    assert {e["name"] for e in body["entities"]} == {"Maria Delgado", "Zürich"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded(pipeline: Pipeline, encoding: str) -> None:
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    key = f"in/bom-{encoding}.txt"
    data = bom + STORY.encode(encoding)
    body = assert_done(pipeline, key, pipeline.upload(key, data))
    assert body["article"]["text"] == STORY
    assert {e["label"] for e in body["entities"]} == {"PERSON", "ORG", "LOC"}


def test_html_scripts_styles_and_iframes_are_not_article_text(pipeline: Pipeline) -> None:
    page = (
        "<!doctype html><html><head><title>Bridge to close</title><script>var secret = 'tracker';</script>"
        "<style>p { color: red }</style></head><body><nav>Home | World</nav><article>"
        f"<p>{STORY}</p><script>document.write('injected')</script>"
        "<iframe src='https://ads.example'><p>iframe fallback</p></iframe><noscript>enable js</noscript>"
        "<p onclick=\"alert('x')\">The repairs will cost <b>$4 million</b>.</p></article>"
        "<footer>© Northbay Daily</footer></body></html>"
    )
    body = assert_done(pipeline, "in/page.html", pipeline.upload("in/page.html", page.encode()))
    text = body["article"]["text"]
    assert text == STORY + "\n\nThe repairs will cost $4 million."
    assert body["article"]["title"] == "Bridge to close" and body["article"]["format"] == "html"
    for junk in ("tracker", "injected", "iframe", "color", "enable js", "Home", "©", "alert"):
        assert junk not in text


@pytest.mark.parametrize(
    "key",
    [
        "news/harbor bridge (2024).txt",
        "news/a+b=c.txt",
        "news/100% sure %41 %zz.txt",
        "news/Zürich café — ünïcødé ✓ 東京.txt",
        "news/ leading and trailing .txt",
        "news/q?x=1&y=2#frag.txt",
    ],
)
def test_keys_with_spaces_plus_percent_and_unicode_are_decoded(pipeline: Pipeline, key: str) -> None:
    body = assert_done(pipeline, key, pipeline.upload(key, STORY.encode()))
    assert body["article"]["key"] == key
    assert body["article"]["id"] == article_id(key, BUCKET)
    assert body["article"]["text"] == STORY


def test_a_message_that_is_not_an_s3_event_is_retried_not_dropped(pipeline: Pipeline) -> None:
    """A malformed queue message cannot be stored as an article: it is a batch item failure (-> DLQ)."""
    bad = [sqs_record("not json {"), sqs_record(json.dumps({"Records": "nope"}))]
    event = {"Records": [sqs_record(json.dumps({"Event": "s3:TestEvent"})), *bad]}
    response = pipeline.extract_app.lambda_handler(event, LambdaContext("ExtractFunction"))
    assert response == {"batchItemFailures": [{"itemIdentifier": record["messageId"]} for record in bad]}
    lines = pipeline.output()
    errors = [line for line in lines if line.get("message") == "message failed; SQS will retry it"]
    assert {line["message_id"] for line in errors} == {record["messageId"] for record in bad}
    assert all("MalformedMessageError" in line["error"] for line in errors)
    assert sum(metric_values(lines, "MessagesFailed")) == 2
    assert metric_values(lines, "EventsIgnored") == [1]


def test_a_batch_where_every_message_is_malformed_is_retried_as_a_whole(pipeline: Pipeline) -> None:
    from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError

    event = {"Records": [sqs_record("not json {")]}
    with pytest.raises(BatchProcessingError):
        pipeline.extract_app.lambda_handler(event, LambdaContext("ExtractFunction"))
    assert pipeline.aws["dynamodb"].scan(TableName=TABLE)["Count"] == 0


def test_a_bad_upload_does_not_fail_its_batch_neighbours(pipeline: Pipeline) -> None:
    good = pipeline.aws["s3"].put_object(Bucket=BUCKET, Key="in/good.txt", Body=STORY.encode())
    bad = pipeline.aws["s3"].put_object(Bucket=BUCKET, Key="in/bad.pdf", Body=b"%PDF-1.4 x")
    response = pipeline.handle(
        [
            object_created_body(BUCKET, "in/good.txt", 1, good["ETag"], good.get("VersionId")),
            object_created_body(BUCKET, "in/bad.pdf", 1, bad["ETag"], bad.get("VersionId")),
        ]
    )
    assert response == {"batchItemFailures": []}
    assert pipeline.api(f"/articles/{article_id('in/good.txt', BUCKET)}")[1]["article"]["status"] == "done"
    assert pipeline.api(f"/articles/{article_id('in/bad.pdf', BUCKET)}")[1]["article"]["status"] == "failed"
