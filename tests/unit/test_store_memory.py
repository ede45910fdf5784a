"""The in-memory store honours the store contract; the ordering rule and cursor codec on their own."""

from __future__ import annotations

import pytest

from newsextract.store import CursorCodec, InvalidCursor, SourceVersion
from tests.fakes import InMemoryStore
from tests.store_contract import StoreContract


class TestInMemoryStore(StoreContract):
    @pytest.fixture
    def store(self) -> InMemoryStore:
        return InMemoryStore()


def v(sequencer: str | None = None, last_modified: str | None = None) -> SourceVersion:
    return SourceVersion("b", "k", None, None, sequencer, last_modified)


@pytest.mark.parametrize(
    ("mine", "theirs", "newer"),
    [
        (v("0062E99A88DC407460"), v("0062E99A88DC407459"), True),
        (v("FF"), v("0100"), False),  # left-padded: 00FF < 0100
        (v("0100"), v("FF"), True),
        (v("abc"), v("ABC"), False),  # equal
        (v("01", "2020-01-01T00:00:00Z"), v("02", "2024-01-01T00:00:00Z"), False),  # sequencer decides
        (v(None, "2024-01-01T00:00:01Z"), v("02", "2024-01-01T00:00:00Z"), True),
        (v(None, "2024-01-01T01:00:00+01:00"), v(None, "2024-01-01T00:00:00Z"), False),  # same instant
        (v(None, None), v("01", "2024-01-01T00:00:00Z"), False),  # unknown
        (v("zz"), v("01"), False),  # not hex: unknown
    ],
)
def test_source_version_order(mine: SourceVersion, theirs: SourceVersion, newer: bool) -> None:
    assert mine.is_newer_than(theirs) is newer


def test_cursor_codec_binds_index_query_and_secret() -> None:
    codec = CursorCodec(b"secret")
    cursor = codec.encode("by-entity", "milley", {"pk": "A#1", "sk": "x"})
    assert codec.decode(cursor, "by-entity", "milley") == {"pk": "A#1", "sk": "x"}
    with pytest.raises(InvalidCursor):
        codec.decode(cursor, "by-speaker", "milley")
    with pytest.raises(InvalidCursor):
        codec.decode(cursor, "by-entity", "austin")
    with pytest.raises(InvalidCursor):
        CursorCodec(b"other").decode(cursor, "by-entity", "milley")
    assert "milley" not in cursor and "A#1" not in cursor
