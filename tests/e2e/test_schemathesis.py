"""Schemathesis against the running local stack: every read-only GET route of ``GET /openapi.json``.

Positive cases (valid by the schema) must never give a 5xx and must match the documented content type
and response schema; negative cases (parameters the schema rejects) must be refused with a 4xx, never a 5xx.
Bounded: a fixed number of examples per route, no shrinking database, no deadline.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.e2e.conftest import RunningStack

pytestmark = [pytest.mark.e2e, pytest.mark.model]

EXAMPLES = 15
SEED = {
    "schemathesis/bridge.txt": '"We cannot keep patching it," said Maria Delgado, director of the Northbay '
    "Port Authority. The Harbor Bridge will close in September.",
    "schemathesis/scan.pdf": "%PDF-1.7 not an article",
}


@pytest.fixture(scope="module")
def api_schema(stack: RunningStack) -> Any:
    s3 = stack.client("s3")
    for key, body in SEED.items():
        s3.put_object(Bucket=stack.bucket, Key=key, Body=body.encode())
    stack.wait_for(
        "/articles?limit=100",
        until=lambda page: {i["key"] for i in page["items"]} >= set(SEED),
    )
    return schemathesis.openapi.from_url(
        stack.api_url + "/openapi.json", headers={"x-api-key": stack.api_key}, timeout=30
    )


def get_operations(schema: Any) -> list[Any]:
    operations = [result.ok() for result in schema.get_all_operations()]
    return [operation for operation in operations if operation.method.upper() == "GET"]


def run_cases(stack: RunningStack, operation: Any, mode: GenerationMode, checks: list[Any]) -> int:
    calls = 0

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def exercise(case: Any) -> None:
        nonlocal calls
        calls += 1
        case.call_and_validate(
            base_url=stack.api_url, headers={"x-api-key": stack.api_key}, checks=checks, timeout=30
        )

    exercise()
    return calls


def test_the_schema_lists_every_read_route(api_schema: Any) -> None:
    paths = {operation.path for operation in get_operations(api_schema)}
    assert paths == {
        "/articles",
        "/articles/{article_id}",
        "/articles/{article_id}/entities",
        "/articles/{article_id}/statements",
        "/entities/{name}/articles",
        "/speakers/{name}/statements",
    }


def test_valid_requests_never_fail_and_match_the_schema(stack: RunningStack, api_schema: Any) -> None:
    started = time.monotonic()
    calls = 0
    for operation in get_operations(api_schema):
        calls += run_cases(
            stack,
            operation,
            GenerationMode.POSITIVE,
            [not_a_server_error, content_type_conformance, response_schema_conformance],
        )
    assert calls >= 5 * len(get_operations(api_schema)), calls
    assert time.monotonic() - started < 120


def test_invalid_requests_are_refused_with_4xx_not_5xx(stack: RunningStack, api_schema: Any) -> None:
    calls = 0
    for operation in get_operations(api_schema):
        calls += run_cases(
            stack, operation, GenerationMode.NEGATIVE, [not_a_server_error, content_type_conformance]
        )
    assert calls >= len(get_operations(api_schema)), calls


def test_every_status_code_returned_is_documented(stack: RunningStack, api_schema: Any) -> None:
    for operation in get_operations(api_schema):
        run_cases(stack, operation, GenerationMode.POSITIVE, [status_code_conformance])
