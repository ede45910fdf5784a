"""normalize_key / index_keys: one key scheme for the cross-article entity and speaker indexes."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsextract.names import index_keys, normalize_key, surname_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Milley", "milley"),
        ("Mark Milley", "mark milley"),
        ("gen. mark milley", "mark milley"),
        ("Gen. Mark Milley", "mark milley"),
        ("Milley's", "milley"),
        ("Milley\u2019s", "milley"),
        ("Army Col. Dave Butler", "army col dave butler"),
        ("Col. Dave Butler", "dave butler"),
        ("Mr.  Dave   Butler", "dave butler"),
        ("President Joe Biden", "joe biden"),
        ("The Associated Press", "associated press"),
        ("U.S.", "us"),
        ("AT&T", "att"),
        ("O'Neil", "oneil"),
        ("Jean-Claude Juncker", "jean claude juncker"),
        ("Volodymyr Zelens\u0301kyy", "volodymyr zelenskyy"),
        ("Jos\u00e9 \u00c1lvarez", "jose alvarez"),
        ("General Motors", "general motors"),
        ("Gen Z", "gen z"),
        ("the president", "the president"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_normalize_key_examples(name: str, key: str) -> None:
    assert normalize_key(name) == key


def test_milley_forms_share_a_lookup_key_with_the_index() -> None:
    # GIVEN an entity indexed under its canonical name
    keys = set(index_keys("Mark Milley", "PERSON"))
    # THEN every usual way of asking for him hits one of its keys
    for query in ("Milley", "Mark Milley", "gen. mark milley", "MILLEY'S", "Gen. Milley"):
        assert normalize_key(query) in keys


def test_index_keys_person_adds_surname_and_first_last() -> None:
    assert index_keys("Lloyd J. Austin III", "PERSON") == ["lloyd j austin iii", "lloyd austin", "austin"]
    assert index_keys("Dave Butler", "PER") == ["dave butler", "butler"]
    assert index_keys("Milley", "PERSON") == ["milley"]


def test_index_keys_other_labels_use_the_full_key_only() -> None:
    assert index_keys("The Associated Press", "ORG") == ["associated press"]
    assert index_keys("New York", "LOC") == ["new york"]
    assert index_keys("...", "ORG") == []


def test_surname_key() -> None:
    assert surname_key("Lloyd J. Austin Jr.") == "austin"
    assert surname_key("Milley") is None
    assert surname_key("Park Ji-hoon") == "park"  # the family name first
    assert surname_key("Grace Okonkwo-Hill") == "hill"


def test_index_keys_of_family_first_and_hyphenated_names() -> None:
    assert index_keys("Park Ji-hoon", "PERSON") == ["park ji hoon", "park"]
    assert index_keys("Tsai Ing-wen", "PERSON") == ["tsai ing wen", "tsai"]
    assert index_keys("Babatunde Adeyemi-Cole", "PERSON") == [
        "babatunde adeyemi cole",
        "adeyemi cole",
        "babatunde cole",
        "cole",
    ]
    assert index_keys("Jean-Luc Mélenchon", "PERSON") == ["jean luc melenchon", "jean melenchon", "melenchon"]


@given(st.text())
def test_normalize_key_is_idempotent_and_never_raises(name: str) -> None:
    key = normalize_key(name)
    assert isinstance(key, str)
    assert normalize_key(key) == key
    assert key == key.strip()
    assert "  " not in key


@given(st.text(alphabet=st.characters(codec="latin-1")))
def test_normalize_key_ignores_case(name: str) -> None:
    assert normalize_key(name.upper()) == normalize_key(name.lower()) == normalize_key(name)


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    st.lists(st.sampled_from(["\u0301", "\u0300", "\u0308", "\u0303", "\u030c", "\u0327"]), min_size=1),
)
def test_normalize_key_ignores_diacritics(name: str, marks: list[str]) -> None:
    accented = "".join(ch + (marks[i % len(marks)] if ch.isalpha() else "") for i, ch in enumerate(name))
    assert normalize_key(unicodedata.normalize("NFC", accented)) == normalize_key(name)


@given(st.text(), st.sampled_from(["PERSON", "ORG", "LOC", "MISC", "DATE"]))
@example("0\r{-{", "PERSON")  # a hyphenated last word with no letters has no key of its own
def test_index_keys_contain_the_normalized_name(name: str, label: str) -> None:
    keys = index_keys(name, label)
    assert len(keys) == len(set(keys))
    assert all(keys)
    if normalize_key(name):
        assert keys[0] == normalize_key(name)
        assert all(normalize_key(key) == key for key in keys)


def test_a_hyphenated_first_name_has_a_gender_only_when_both_parts_agree() -> None:
    from newsextract.names import first_name_gender

    assert first_name_gender("Jean Smith") == "F"
    assert first_name_gender("Jean-Luc Marchetti") is None  # "Luc" is no census name
    assert first_name_gender("Mary-Kate Olsen") == "F"


def test_a_vietnamese_family_name_first_is_no_given_name_and_thi_or_van_gives_the_gender() -> None:
    from newsextract.names import first_name_gender

    assert first_name_gender("Le Minh Tuan") is None  # the census lists "Le" as a woman's first name
    assert first_name_gender("Tran Quoc Bao") is None
    assert first_name_gender("Nguyen Thi Lan Huong") == "F"
    assert first_name_gender("Tran Van Hoang") == "M"
