"""Behaviour every ``ResultStore`` shares; subclassed by the in-memory and the DynamoDB store tests.

Subclasses provide a ``store`` fixture.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from newsextract.store import InvalidCursor, ResultStore
from tests.fakes import make_result, version


def collect(fetch: Any, **kwargs: Any) -> list[dict[str, Any]]:
    """Every item of a paginated query, following cursors."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        page = fetch(cursor=cursor, **kwargs)
        items.extend(page.items)
        cursor = page.next
        if cursor is None:
            return items
    raise AssertionError("pagination does not end")


class StoreContract:
    def test_round_trip_keeps_the_whole_result(self, store: ResultStore) -> None:
        result = make_result("a.txt")
        assert store.put_result(result, version("a.txt", "0A"))
        assert store.get_result(result.article.id).to_dict() == result.to_dict()  # type: ignore[union-attr]
        meta = store.get_meta(result.article.id)
        assert meta is not None
        assert (meta.key, meta.status, meta.model_version) == ("a.txt", "done", "1.0.0")
        assert meta.source == version("a.txt", "0A")

    def test_missing_article(self, store: ResultStore) -> None:
        assert store.get_result("0" * 20) is None
        assert store.get_meta("0" * 20) is None

    def test_failed_result_is_stored_and_listed(self, store: ResultStore) -> None:
        failed = make_result("bad.bin", entities=[], quotes=[], text="", status="failed", error="not text")
        assert store.put_result(failed)
        assert store.get_result(failed.article.id).article.error == "not text"  # type: ignore[union-attr]
        (item,) = store.list_articles().items
        assert (item["status"], item["error"], item["entity_count"]) == ("failed", "not text", 0)

    def test_list_is_newest_first_and_pages_cover_everything_once(self, store: ResultStore) -> None:
        days = [f"2023-01-{day:02d}" for day in (5, 1, 9, 3, 7, 2, 8)]
        for number, day in enumerate(days):
            store.put_result(make_result(f"n{number}.txt", published=day))
        first = store.list_articles(limit=3)
        assert len(first.items) == 3
        assert first.next is not None
        items = collect(store.list_articles, limit=3)
        assert [i["published"] for i in items] == sorted(days, reverse=True)
        assert len({i["id"] for i in items}) == len(days)
        assert set(items[0]) >= {"id", "key", "title", "published", "status", "word_count", "model"}

    def test_unpublished_articles_sort_by_extraction_time(self, store: ResultStore) -> None:
        store.put_result(make_result("old.txt", published="2020-01-01"))
        store.put_result(make_result("undated.txt", published=None, extracted_at="2024-05-01T00:00:00Z"))
        assert [i["key"] for i in store.list_articles().items] == ["undated.txt", "old.txt"]

    def test_since_and_until_are_inclusive_dates(self, store: ResultStore) -> None:
        for day in ("2023-01-01", "2023-01-10", "2023-01-20T15:30:00Z", "2023-02-01"):
            store.put_result(make_result(f"{day}.txt", published=day))
        window = collect(store.list_articles, since="2023-01-10", until="2023-01-20", limit=1)
        assert [i["published"] for i in window] == ["2023-01-20T15:30:00Z", "2023-01-10"]
        assert len(store.list_articles(since="2023-01-15").items) == 2
        assert len(store.list_articles(until="2023-01-01").items) == 1
        assert store.list_articles(since="2023-02-02", until="2023-01-01").items == []

    def test_the_same_entity_under_several_names(self, store: ResultStore) -> None:
        result = make_result("milley.txt", entities=[("Gen. Mark Milley", "PERSON"), ("Pentagon", "ORG")])
        store.put_result(result)
        for query in ("Milley", "Mark Milley", "gen. mark milley", "MILLEY"):
            (item,) = store.articles_for_entity(query).items
            assert item["id"] == result.article.id
            assert item["entity"]["name"] == "Gen. Mark Milley"
            assert set(item["entity"]) == {"id", "name", "label", "count", "salience"}
        assert store.articles_for_entity("pentagon").items[0]["entity"]["label"] == "ORG"
        assert store.articles_for_entity("Zaluzhnyi").items == []

    def test_only_named_entities_are_indexed(self, store: ResultStore) -> None:
        store.put_result(make_result("d.txt", entities=[("January", "DATE"), ("Kyiv", "LOC")], quotes=[]))
        assert store.articles_for_entity("January").items == []
        assert len(store.articles_for_entity("Kyiv").items) == 1

    def test_entity_pages_are_newest_first(self, store: ResultStore) -> None:
        for day in ("2023-01-01", "2023-03-01", "2023-02-01"):
            store.put_result(make_result(f"{day}.txt", published=day))
        items = collect(store.articles_for_entity, name="Milley", limit=2)
        assert [i["published"] for i in items] == ["2023-03-01", "2023-02-01", "2023-01-01"]

    def test_statements_by_speaker(self, store: ResultStore) -> None:
        quotes = [("Mark Milley", "First thing."), ("Lloyd Austin", "Other.")]
        quotes.append(("Mark Milley", "Second thing."))
        result = make_result("q.txt", quotes=quotes, title="Quotes")
        store.put_result(make_result("older.txt", published="2022-01-01", quotes=[("Milley", "Oldest.")]))
        store.put_result(result)
        items = collect(store.statements_by_speaker, name="gen. milley", limit=1)
        assert [i["content"]["text"] for i in items] == ["First thing.", "Second thing.", "Oldest."]
        assert items[0]["article"] == {"id": result.article.id, "title": "Quotes", "published": "2023-01-17"}
        assert items[0]["speaker"]["name"] == "Mark Milley"

    def test_a_joint_speaker_is_found_under_each_member_not_under_the_joined_name(
        self, store: ResultStore
    ) -> None:
        people = [("Mark Milley", "PERSON"), ("Valerii Zaluzhnyi", "PERSON")]
        result = make_result(
            "j.txt", entities=people, quotes=[("Mark Milley and Valerii Zaluzhnyi", "We met.")]
        )
        (statement,) = result.statements
        assert statement.speaker is not None
        statement.speaker = replace(statement.speaker, entity_id=None, members=("e0", "e1"))
        store.put_result(result)
        for name in ("Milley", "Valerii Zaluzhnyi"):
            (item,) = store.statements_by_speaker(name).items
            assert item["speaker"]["members"] == ["e0", "e1"]
        assert store.statements_by_speaker("Mark Zaluzhnyi").items == []

    def test_newer_source_wins_whatever_the_arrival_order(self, store: ResultStore) -> None:
        new = make_result("v.txt", model_version="2.0.0")
        old = make_result("v.txt", model_version="1.0.0")
        assert store.put_result(new, version("v.txt", "00FF"))
        assert not store.put_result(old, version("v.txt", "A0"))  # shorter hex: padded before comparing
        assert store.get_result(new.article.id).model.version == "2.0.0"  # type: ignore[union-attr]
        assert store.put_result(old, version("v.txt", "00FF"))  # equal version: replaced (re-extraction)
        assert store.put_result(new, version("v.txt", None, "2024-01-01T00:00:00+00:00"))

    def test_last_modified_decides_without_sequencers(self, store: ResultStore) -> None:
        result = make_result("t.txt")
        assert store.put_result(result, version("t.txt", None, "2024-01-01T12:00:00Z"))
        assert not store.put_result(result, version("t.txt", None, "2024-01-01T11:00:00Z"))
        assert store.put_result(result, version("t.txt", None, "2024-01-01T13:00:00+01:00"))  # same instant

    def test_replacement_drops_old_index_entries(self, store: ResultStore) -> None:
        store.put_result(make_result("r.txt", entities=[("Mark Milley", "PERSON")], quotes=[]))
        store.put_result(make_result("r.txt", entities=[("Valerii Zaluzhnyi", "PERSON")], quotes=[]))
        assert store.articles_for_entity("Milley").items == []
        assert len(store.articles_for_entity("Zaluzhnyi").items) == 1
        assert len(store.list_articles().items) == 1

    def test_delete_removes_everything_and_keeps_order(self, store: ResultStore) -> None:
        result = make_result("gone.txt")
        store.put_result(result, version("gone.txt", "10"))
        assert not store.delete_article(result.article.id, version("gone.txt", "0F"))
        assert store.get_result(result.article.id) is not None
        assert store.delete_article(result.article.id, version("gone.txt", "11"))
        assert store.get_result(result.article.id) is None
        assert store.get_meta(result.article.id) is None
        assert store.list_articles().items == []
        assert store.articles_for_entity("Milley").items == []
        assert store.statements_by_speaker("Milley").items == []
        assert not store.put_result(result, version("gone.txt", "10"))  # late, older upload event
        assert store.put_result(result, version("gone.txt", "12"))  # re-upload

    def test_delete_of_unknown_article(self, store: ResultStore) -> None:
        assert store.delete_article("1" * 20)

    def test_cursors_are_bound_and_signed(self, store: ResultStore) -> None:
        for number in range(3):
            store.put_result(make_result(f"c{number}.txt", published=f"2023-01-0{number + 1}"))
        cursor = store.list_articles(limit=1).next
        assert cursor is not None
        assert len(store.list_articles(limit=1, cursor=cursor).items) == 1
        body, mac = cursor.split(".")
        forged = f"{body[:-2]}{'A' if body[-2] != 'A' else 'B'}{body[-1]}.{mac}"
        for bad in ("garbage", "a.b.c", forged, f"{body}.{mac[::-1]}", "x" * 5000):
            with pytest.raises(InvalidCursor):
                store.list_articles(cursor=bad)
        with pytest.raises(InvalidCursor):
            store.articles_for_entity("Milley", cursor=cursor)
        with pytest.raises(InvalidCursor):
            store.statements_by_speaker("Milley", cursor=cursor)
        with pytest.raises(InvalidCursor):
            store.list_articles(since="2023-01-01", cursor=cursor)
        entity_cursor = store.articles_for_entity("Milley", limit=1).next
        assert entity_cursor is not None
        with pytest.raises(InvalidCursor):
            store.articles_for_entity("Pentagon", cursor=entity_cursor)
        assert isinstance(InvalidCursor("x"), ValueError)

    @pytest.mark.parametrize("limit", [0, 101, -1])
    def test_page_size_is_bounded(self, store: ResultStore, limit: int) -> None:
        with pytest.raises(ValueError, match="limit"):
            store.list_articles(limit=limit)
