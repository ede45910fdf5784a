"""DynamoDBStore on moto: the store contract, atomic replacement, crashes, retries, item sizes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from newsextract.store import CHUNK_BYTES, DynamoDBStore, StoreError
from tests.fakes import CrashingClient, FlakyClient, make_result, version
from tests.integration.tables import create_results_table
from tests.store_contract import StoreContract

TABLE = "results-test"


@pytest.fixture
def dynamodb(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        create_results_table(client, TABLE)
        yield client


def make_store(client: Any) -> DynamoDBStore:
    return DynamoDBStore(TABLE, client=client, sleep=lambda _: None)


@pytest.fixture
def store(dynamodb: Any) -> DynamoDBStore:
    return make_store(dynamodb)


def all_items(client: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    kwargs: dict[str, Any] = {"TableName": TABLE}
    while True:
        response = client.scan(**kwargs)
        items.extend(response["Items"])
        if "LastEvaluatedKey" not in response:
            return items
        kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def generations(client: Any) -> set[str]:
    return {i["sk"]["S"].split("#")[1] for i in all_items(client) if i["sk"]["S"].startswith("G#")}


def big_result(key: str, entities: int = 60, **kwargs: Any) -> Any:
    """A result with more than 100 items, so it is written with BatchWriteItem, not one transaction."""
    names = [(f"Person Number{n:03d}", "PERSON") for n in range(entities)]
    quotes = [(name, f"Quote {number}.") for number, (name, _) in enumerate(names[:5])]
    return make_result(key, entities=names, quotes=quotes, **kwargs)


class TestDynamoDBStore(StoreContract):
    pass


def test_item_size_stays_far_below_the_limit(dynamodb: Any, store: DynamoDBStore) -> None:
    text = ("Zaluzhnyi met Milley in Poland — «встреча» 🇺🇦. " * 7000)[:300_000]
    result = make_result("long.txt", text=text, quotes=[("Mark Milley", text[:120_000])])
    assert store.put_result(result)
    sizes = [len(json.dumps(item, ensure_ascii=False).encode("utf-8")) for item in all_items(dynamodb)]
    assert max(sizes) < CHUNK_BYTES + 4096 < 400_000
    assert len(sizes) > 10
    stored = store.get_result(result.article.id)
    assert stored is not None
    assert stored.article.text == text
    assert stored.to_dict() == result.to_dict()
    (item,) = store.statements_by_speaker("Milley").items
    assert item["content"]["text"] == text[:120_000]


@pytest.mark.parametrize("factory", [make_result, big_result])
def test_replacement_removes_the_old_generation(dynamodb: Any, store: DynamoDBStore, factory: Any) -> None:
    store.put_result(factory("x.txt", model_version="1"))
    first = generations(dynamodb)
    store.put_result(factory("x.txt", model_version="2"))
    second = generations(dynamodb)
    assert len(first) == len(second) == 1
    assert first != second
    assert store.get_result(make_result("x.txt").article.id).model.version == "2"  # type: ignore[union-attr]


@pytest.mark.parametrize("after", [0, 30, 90, 140])
def test_crash_midway_leaves_the_previous_result_readable(dynamodb: Any, after: int) -> None:
    old = big_result("crash.txt", model_version="old")
    store = make_store(dynamodb)
    store.put_result(old)
    new = big_result("crash.txt", entities=70, model_version="new")
    new.entities[0].name = "Valerii Zaluzhnyi"
    crashing = make_store(CrashingClient(dynamodb, after=after))
    with pytest.raises(RuntimeError, match="simulated crash"):
        crashing.put_result(new)
    assert store.get_result(old.article.id).to_dict() == old.to_dict()  # type: ignore[union-attr]
    assert store.articles_for_entity("Zaluzhnyi").items == []
    assert store.articles_for_entity("Number000").items[0]["entity"]["name"] == "Person Number000"
    assert [i["statement_count"] for i in store.list_articles().items] == [5]
    # the next successful write replaces it and leaves exactly one generation behind
    assert store.put_result(new)
    assert store.get_result(new.article.id).model.version == "new"  # type: ignore[union-attr]
    assert len(store.articles_for_entity("Zaluzhnyi").items) == 1


def test_crash_after_the_flip_serves_only_the_new_generation(dynamodb: Any) -> None:
    store = make_store(dynamodb)
    old = big_result("flip.txt", model_version="old")
    store.put_result(old)
    new = big_result("flip.txt", model_version="new")
    new.entities[1].name = "Valerii Zaluzhnyi"
    crashing = make_store(dynamodb)
    crashing._drop_stale = lambda *a, **k: (_ for _ in ()).throw(RuntimeError("simulated crash"))  # type: ignore[method-assign]
    with pytest.raises(RuntimeError, match="simulated crash"):
        crashing.put_result(new)
    assert len(generations(dynamodb)) == 2  # the old generation is still there ...
    assert store.get_result(new.article.id).to_dict() == new.to_dict()  # type: ignore[union-attr]
    assert store.articles_for_entity("Number001").items == []  # ... but never visible
    assert len(store.articles_for_entity("Zaluzhnyi").items) == 1
    assert len(store.articles_for_entity("Number002").items) == 1
    store.put_result(new)
    assert len(generations(dynamodb)) == 1


def test_reader_never_mixes_generations(dynamodb: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN a reader that read the meta item, WHEN a writer replaces the result before the reader
    queries the items, THEN the reader retries and returns the new result whole."""
    store = make_store(dynamodb)
    old = big_result("race.txt", model_version="old")
    new = big_result("race.txt", entities=61, model_version="new")
    store.put_result(old)
    original = store._meta_item
    replaced = []

    def meta_then_replace(article_id: str) -> Any:
        item = original(article_id)
        if not replaced:
            replaced.append(True)
            make_store(dynamodb).put_result(new)
        return item

    monkeypatch.setattr(store, "_meta_item", meta_then_replace)
    assert store.get_result(old.article.id).to_dict() == new.to_dict()  # type: ignore[union-attr]


@pytest.mark.parametrize("factory", [make_result, big_result])
def test_throttling_and_unprocessed_items_are_retried(dynamodb: Any, factory: Any) -> None:
    flaky = FlakyClient(dynamodb, throttle=3, unprocessed=4)
    store = make_store(flaky)
    results = [factory(f"f{n}.txt") for n in range(3)]
    for result in results:
        assert store.put_result(result)
    assert flaky.injected["throttle"] == 3
    assert len(collect_ids(store)) == 3
    assert store.get_result(results[0].article.id).to_dict() == results[0].to_dict()  # type: ignore[union-attr]
    assert len(store.articles_for_entity("Number001" if factory is big_result else "Milley").items) == 3
    if factory is big_result:
        assert flaky.injected["unprocessed"] == 4


def collect_ids(store: DynamoDBStore) -> set[str]:
    return {i["id"] for i in store.list_articles(limit=100).items}


def test_transaction_conflicts_are_retried(dynamodb: Any) -> None:
    flaky = FlakyClient(dynamodb, conflicts=2)
    store = make_store(flaky)
    result = make_result("tx.txt")
    assert store.put_result(result)
    assert flaky.injected["conflicts"] == 2
    assert flaky.calls["transact_write_items"] == 3
    assert store.get_result(result.article.id) is not None


def test_retries_are_bounded(dynamodb: Any) -> None:
    flaky = FlakyClient(dynamodb, conflicts=100)
    store = DynamoDBStore(TABLE, client=flaky, sleep=lambda _: None, max_attempts=3)
    with pytest.raises(Exception, match="TransactionCanceled"):
        store.put_result(make_result("tx.txt"))
    flaky = FlakyClient(dynamodb, unprocessed=100)
    store = DynamoDBStore(TABLE, client=flaky, sleep=lambda _: None, max_attempts=3)
    with pytest.raises(StoreError, match="unprocessed"):
        store.put_result(big_result("u.txt"))


def test_a_concurrent_newer_write_wins(dynamodb: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN a writer that checked the stored version, WHEN a newer version is flipped in before its own
    flip, THEN the conditional flip refuses it and its orphaned items are removed."""
    store = make_store(dynamodb)
    old, new = big_result("c.txt", model_version="old"), big_result("c.txt", model_version="new")
    original = store._batch_write
    raced = []

    def write_then_race(requests: list[dict[str, Any]]) -> None:
        original(requests)
        if not raced and any("PutRequest" in r for r in requests):
            raced.append(True)
            assert make_store(dynamodb).put_result(new, version("c.txt", "0B"))

    monkeypatch.setattr(store, "_batch_write", write_then_race)
    assert not store.put_result(old, version("c.txt", "0A"))
    assert store.get_result(new.article.id).model.version == "new"  # type: ignore[union-attr]
    assert len(generations(dynamodb)) == 1


def test_client_is_created_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    store = DynamoDBStore("t")
    assert store._client is None
