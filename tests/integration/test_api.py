"""The API Lambda handler end to end on moto: captured API Gateway REST events in, JSON responses out."""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import boto3
import pytest
from moto import mock_aws

from newsextract import bootstrap_api
from newsextract.api import build_app
from newsextract.store import DynamoDBStore
from tests.fakes import InMemoryStore, make_result
from tests.integration.tables import create_results_table

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "tests" / "events"
HANDLER = ROOT / "functions" / "api" / "app.py"
TABLE = "results-api-test"
ORIGIN = "https://news.example.org"


@dataclass
class FakeLambdaContext:
    function_name: str = "api"
    memory_limit_in_mb: int = 256
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:api"
    aws_request_id: str = "52fdfc07-2182-154f-163f-5f0f9a621d72"


@pytest.fixture
def lambda_context() -> FakeLambdaContext:
    return FakeLambdaContext()


def load_handler() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_handler_under_test", HANDLER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "TABLE_NAME": TABLE,
        "API_CURSOR_SECRET": "test-secret",
        "CORS_ALLOW_ORIGIN": ORIGIN,
        "POWERTOOLS_TRACE_DISABLED": "1",
        "POWERTOOLS_SERVICE_NAME": "newsextract-api",
    }.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def stack(env: None) -> Iterator[tuple[DynamoDBStore, ModuleType]]:
    """A seeded results table and the real handler module, under moto."""
    with mock_aws():
        client = boto3.client("dynamodb")
        create_results_table(client, TABLE)
        store = DynamoDBStore(TABLE, client=client, cursor_secret=b"test-secret")
        bootstrap_api.reset()
        yield store, load_handler()
        bootstrap_api.reset()


def event(name: str, path: str | None = None, query: dict[str, str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EVENTS / f"api_{name}.json").read_text())
    data = copy.deepcopy(data)
    if path is not None:
        data["path"] = path
        data["requestContext"]["path"] = f"/prod{path}"
        data["pathParameters"] = {"proxy": path.lstrip("/")}
    if query is not None:
        data["queryStringParameters"] = query or None
        data["multiValueQueryStringParameters"] = {k: [v] for k, v in query.items()} or None
    return data


def call(handler: ModuleType, context: Any, data: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
    response = handler.lambda_handler(data, context)
    headers = {k: v[-1] for k, v in response.get("multiValueHeaders", {}).items()}
    headers.update(response.get("headers") or {})
    return response["statusCode"], headers, json.loads(response["body"])


def seed(store: DynamoDBStore) -> list[Any]:
    results = [
        make_result(
            "a.txt", published="2023-01-17", entities=[("Gen. Mark Milley", "PERSON"), ("Kyiv", "LOC")]
        ),
        make_result("b.txt", published="2023-01-20", quotes=[("Mark Milley", "Later words.")]),
        make_result("c.txt", published="2022-12-01", entities=[("Pentagon", "ORG")], quotes=[]),
    ]
    for result in results:
        assert store.put_result(result)
    return results


def test_list_articles_pages_newest_first(stack: Any, lambda_context: Any) -> None:
    store, handler = stack
    seed(store)
    status, headers, body = call(handler, lambda_context, event("list_articles"))
    assert status == 200
    assert [i["key"] for i in body["items"]] == ["b.txt", "a.txt"]
    assert headers["Content-Type"].startswith("application/json")
    status, _, rest = call(handler, lambda_context, event("list_articles", query={"cursor": body["next"]}))
    assert status == 200
    assert [i["key"] for i in rest["items"]] == ["c.txt"]
    assert rest["next"] is None


def test_security_and_cors_headers(stack: Any, lambda_context: Any) -> None:
    _, handler = stack
    _, headers, _ = call(handler, lambda_context, event("list_articles"))
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["Access-Control-Allow-Origin"] == ORIGIN
    other = event("list_articles")
    other["headers"]["Origin"] = other["multiValueHeaders"]["Origin"][0] = "https://evil.example.com"
    _, headers, _ = call(handler, lambda_context, other)
    assert "Access-Control-Allow-Origin" not in headers
    _, headers, _ = call(handler, lambda_context, event("get_article", path="/articles/" + "0" * 20))
    assert headers["X-Content-Type-Options"] == "nosniff"  # error responses too


def test_since_until_filters(stack: Any, lambda_context: Any) -> None:
    store, handler = stack
    seed(store)
    query = {"since": "2023-01-01", "until": "2023-01-17", "limit": "100"}
    status, _, body = call(handler, lambda_context, event("list_articles", query=query))
    assert status == 200
    assert [i["key"] for i in body["items"]] == ["a.txt"]


def test_article_and_its_parts(stack: Any, lambda_context: Any) -> None:
    store, handler = stack
    first = seed(store)[0]
    path = f"/articles/{first.article.id}"
    status, _, body = call(handler, lambda_context, event("get_article", path=path))
    assert status == 200
    assert body == first.to_dict()
    _, _, entities = call(handler, lambda_context, event("get_article", path=f"{path}/entities"))
    assert [e["name"] for e in entities["items"]] == ["Gen. Mark Milley", "Kyiv"]
    _, _, statements = call(handler, lambda_context, event("get_article", path=f"{path}/statements"))
    assert statements["items"][0]["content"]["text"] == "We will support Ukraine."
    assert statements["items"][0]["confidence"] == 0.9
    for floor, count in (("0.9", 1), ("0.95", 0)):
        query = {"min_confidence": floor}
        _, _, kept = call(
            handler, lambda_context, event("get_article", path=f"{path}/statements", query=query)
        )
        assert len(kept["items"]) == count


def test_missing_article_is_a_json_404(stack: Any, lambda_context: Any) -> None:
    _, handler = stack
    status, _, body = call(handler, lambda_context, event("get_article", path="/articles/" + "0" * 20))
    assert status == 404
    assert body["error"]["status"] == 404
    status, _, body = call(handler, lambda_context, event("get_article", path="/nowhere"))
    assert (status, body["error"]["status"]) == (404, 404)


@pytest.mark.parametrize("path", ["/entities/Milley/articles", "/entities/Mark%20Milley/articles", None])
def test_entity_lookup_by_any_form_of_the_name(stack: Any, lambda_context: Any, path: str | None) -> None:
    store, handler = stack
    seed(store)
    status, _, body = call(handler, lambda_context, event("entity_articles", path=path))
    assert status == 200
    assert [i["key"] for i in body["items"]] == ["b.txt", "a.txt"]
    assert body["items"][1]["entity"]["name"] == "Gen. Mark Milley"


def test_speaker_statements(stack: Any, lambda_context: Any) -> None:
    store, handler = stack
    seed(store)
    status, _, body = call(handler, lambda_context, event("speaker_statements"))
    assert status == 200
    assert [i["content"]["text"] for i in body["items"]] == ["Later words.", "We will support Ukraine."]
    assert body["items"][0]["article"]["published"] == "2023-01-20"


def test_speaker_statements_above_a_confidence(stack: Any, lambda_context: Any) -> None:
    store, handler = stack
    result = make_result("q.txt", quotes=[("Mark Milley", "Sure words."), ("Mark Milley", "Unsure words.")])
    result.statements[0].confidence, result.statements[1].confidence = 0.95, 0.6
    store.put_result(result)
    query = {"min_confidence": "0.8"}
    status, _, body = call(handler, lambda_context, event("speaker_statements", query=query))
    assert status == 200
    assert [(i["content"]["text"], i["confidence"]) for i in body["items"]] == [("Sure words.", 0.95)]
    _, _, everything = call(handler, lambda_context, event("speaker_statements"))
    assert len(everything["items"]) == 2


@pytest.mark.parametrize(
    ("name", "path", "query"),
    [
        ("list_articles", None, {"limit": "0"}),
        ("list_articles", None, {"limit": "101"}),
        ("list_articles", None, {"limit": "ten"}),
        ("list_articles", None, {"since": "yesterday"}),
        ("list_articles", None, {"cursor": "not-a-cursor"}),
        ("get_article", "/articles/bad!id", None),
        ("entity_articles", "/entities/" + "x" * 201 + "/articles", None),
        ("speaker_statements", "/speakers/%20/statements", None),
        ("speaker_statements", None, {"min_confidence": "1.5"}),
    ],
)
def test_invalid_requests_are_400(
    stack: Any, lambda_context: Any, name: str, path: str | None, query: dict[str, str] | None
) -> None:
    _, handler = stack
    status, _, body = call(handler, lambda_context, event(name, path=path, query=query))
    assert status == 400
    assert body["error"]["status"] == 400
    assert "Traceback" not in body["error"]["message"]


def test_forged_and_cross_index_cursors_are_400(stack: Any, lambda_context: Any) -> None:
    store, handler = stack
    seed(store)
    _, _, body = call(handler, lambda_context, event("list_articles", query={"limit": "1"}))
    cursor = body["next"]
    payload, mac = cursor.split(".")
    forged = f"{payload[:-1]}{'A' if payload[-1] != 'A' else 'B'}.{mac}"
    for data in (
        event("list_articles", query={"cursor": forged}),
        event("entity_articles", query={"cursor": cursor}),
        event("speaker_statements", query={"cursor": cursor}),
        event("list_articles", query={"cursor": cursor, "since": "2020-01-01"}),
    ):
        status, _, error = call(handler, lambda_context, data)
        assert (status, error["error"]["message"]) == (400, "invalid cursor")


def test_openapi_document(stack: Any, lambda_context: Any) -> None:
    _, handler = stack
    status, _, body = call(handler, lambda_context, event("openapi"))
    assert status == 200
    assert body["openapi"].startswith("3.")
    paths = {
        "/articles",
        "/articles/{article_id}",
        "/entities/{name}/articles",
        "/speakers/{name}/statements",
    }
    assert paths <= set(body["paths"])
    limit = next(p for p in body["paths"]["/articles"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 100


def test_unexpected_errors_are_500_without_details(lambda_context: Any, env: None) -> None:
    class BrokenStore(InMemoryStore):
        def list_articles(self, **kwargs: Any) -> Any:
            raise KeyError("internal_table_attribute gsi1sk")

    app = build_app(BrokenStore(), cors_origin=None)
    response = app.resolve(event("list_articles"), lambda_context)  # type: ignore[arg-type]
    assert response["statusCode"] == 500
    assert json.loads(response["body"]) == {"error": {"status": 500, "message": "internal error"}}
    assert "gsi1sk" not in response["body"]


def test_app_works_on_the_in_memory_store(lambda_context: Any) -> None:
    store = InMemoryStore()
    store.put_result(make_result("m.txt"))
    app = build_app(store, cors_origin=None)
    response = app.resolve(event("entity_articles"), lambda_context)  # type: ignore[arg-type]
    assert [i["key"] for i in json.loads(response["body"])["items"]] == ["m.txt"]
    assert "Access-Control-Allow-Origin" not in response["multiValueHeaders"]


def test_handler_never_imports_spacy(env: None) -> None:
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('h', {str(HANDLER)!r})\n"
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n"
        "assert callable(module.lambda_handler)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
    )
    command = [sys.executable, "-c", code]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.strip() == "[]"
