"""One name normalisation for the cross-article entity and speaker indexes.

Scheme (``normalize_key``), applied in this order:

1. Unicode NFKD, combining marks dropped, ``casefold`` (so "Zelenskyy", "ZELENSKYY", "Zélenskyy" agree).
2. Typographic apostrophes become ``'``; a possessive ``'s`` / trailing ``'`` at the end of a word is
   dropped ("Milley's" -> "milley"); other apostrophes and periods are deleted ("O'Neil" -> "oneil",
   "U.S." -> "us"); ``&`` is deleted ("AT&T" -> "att"); every other non-alphanumeric character is a space.
3. Leading ``the`` and leading honorifics / titles (``STRIP_PREFIXES``: "mr", "gen", "col", "president",
   "chairman", "secretary", ...) are removed, as long as a word of two or more characters remains
   ("Gen. Mark Milley" -> "mark milley", but "Gen Z" stays "gen z"). Only words that rarely start an
   organisation's name are stripped: "General Motors" keeps "general".
4. Whitespace is collapsed.

``normalize_key`` is idempotent and never raises; the empty string maps to ``""``.

Indexing (``index_keys``): every entity or speaker is stored under its full key and, for PERSON, also
under the surname key (last word, skipping "jr", "sr", "ii", ...) and the first+last key when a middle
name or initial is present. An API query is looked up under ``normalize_key(query)`` only. Hence
"Milley", "Mark Milley", "gen. mark milley" and "Milley's" all find an article mentioning
"Joint Chiefs of Staff Chairman Mark Milley". The price: a surname query also finds other people with
that surname.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "madam", "mme", "herr"})
"""Courtesy forms: stripped from names, never reported as titles."""

TITLE_ABBREVIATIONS: dict[str, str] = {
    "gen": "general",
    "cllr": "councillor",
    "dr": "doctor",
    "lt": "lieutenant",
    "ltc": "lieutenant colonel",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "cpt": "captain",
    "cmdr": "commander",
    "cdr": "commander",
    "adm": "admiral",
    "brig": "brigadier",
    "sgt": "sergeant",
    "cpl": "corporal",
    "pvt": "private",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "pres": "president",
    "sec": "secretary",
    "amb": "ambassador",
    "prof": "professor",
    "rev": "reverend",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "atty": "attorney",
}
"""Abbreviated titles and their full form (lower case, without the period)."""

STRIP_PREFIXES = (
    HONORIFICS
    | frozenset(TITLE_ABBREVIATIONS)
    | frozenset({
        "president", "vice", "chairman", "chairwoman", "chairperson", "secretary", "senator",
        "congressman", "congresswoman", "representative", "governor", "mayor", "minister", "premier",
        "chancellor", "ambassador", "colonel", "lieutenant", "sergeant", "admiral", "spokesman",
        "spokeswoman", "spokesperson", "former", "deputy", "acting", "professor", "judge", "justice",
        "councilman", "councilwoman", "councilmember", "councillor", "councilor", "alderman", "alderwoman",
        "assemblyman", "assemblywoman", "magistrate",
    })
)  # fmt: skip
"""Leading words ``normalize_key`` removes (honorifics, abbreviated titles, unambiguous office words)."""

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
POST_NOMINALS = frozenset({"KC", "QC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD", "FRS"})
"""Letters written after a person's name ("Eleanor Vance-Mbeki KC", "Martin Dunne MSP"), as written."""

_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'"}
)
_POSSESSIVE = re.compile(r"'s?(?!\w)")
_DELETED = re.compile(r"['.&]")


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKD", folded.casefold())


def _words(name: str) -> list[str]:
    """Folded, punctuation-free words of ``name`` (steps 1, 2 and 4 of the scheme)."""
    text = name
    for _ in range(4):  # casefold can expose new combining marks; repeat until stable
        folded = _fold(text)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
        if folded == text:
            break
        text = folded
    text = text.translate(_APOSTROPHES)
    text = _POSSESSIVE.sub("", text)
    text = _DELETED.sub("", text)
    text = "".join(ch if ch.isalnum() else " " for ch in text)
    return text.split()


def strip_prefixes(words: list[str]) -> list[str]:
    """Drop a leading "the" and leading honorifics/titles while a word of two or more characters remains."""
    i = 0
    while i < len(words) and (words[i] == "the" or words[i] in STRIP_PREFIXES):
        i += 1
    rest = words[i:]
    if not any(len(w) >= 2 for w in rest):
        return words
    return rest


def normalize_key(name: str) -> str:
    """The lookup key of a name: see the module docstring. Idempotent; never raises."""
    if not isinstance(name, str):
        return ""
    return " ".join(strip_prefixes(_words(name)))


_SYLLABIC_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")
"""A given name of two syllables joined by a hyphen, the second in lower case ("Ji-hoon", "Ing-wen"): East
Asian names written family name first ("Park Ji-hoon")."""


def family_name_first(name: str) -> bool:
    """Whether a two-word person's name puts the family name first ("Park Ji-hoon", "Tsai Ing-wen")."""
    words = name.split()
    return len(words) == 2 and _SYLLABIC_GIVEN_NAME.fullmatch(words[1]) is not None


def surname_key(name: str) -> str | None:
    """Key of the family name of a person's name ("Lloyd J. Austin III" -> "austin", "Park Ji-hoon" ->
    "park"), or None for one word."""
    if family_name_first(name):
        return normalize_key(name.split()[0]) or None
    words = normalize_key(name).split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    if len(words) < 2:
        return None
    return words[-1]


def index_keys(name: str, label: str) -> list[str]:
    """All keys an entity or speaker named ``name`` is indexed under, deduplicated, full key first.

    Every label gets the full key; PERSON also gets the surname key and, for names of three or more
    words, the first+last key ("Lloyd J. Austin" -> "lloyd j austin", "lloyd austin", "austin"; "Park
    Ji-hoon" -> "park ji hoon", "park").
    """
    full = normalize_key(name)
    if not full:
        return []
    keys = [full]
    if label.upper() in ("PERSON", "PER"):
        words = full.split()
        while len(words) > 1 and words[-1] in NAME_SUFFIXES:
            words.pop()
        if family_name_first(name):
            keys.append(words[0])  # "Park Ji-hoon" -> "park"
            return list(dict.fromkeys(keys))
        raw_last = name.split()[-1]
        hyphenated = normalize_key(raw_last) if "-" in raw_last.strip("-") and len(name.split()) >= 2 else ""
        if hyphenated:
            keys.append(hyphenated)  # "Babatunde Adeyemi-Cole" -> "adeyemi cole"; "{-{" has no key
        if len(words) >= 3:
            keys.append(f"{words[0]} {words[-1]}")
        if len(words) >= 2 and len(words[-1]) >= 2 and words[-1] not in STRIP_PREFIXES:
            keys.append(words[-1])
    return list(dict.fromkeys(keys))


@functools.cache
def _first_names() -> dict[str, str]:
    table = resources.files("newsextract").joinpath("data/first_names.tsv").read_text(encoding="ascii")
    return dict(line.split("\t") for line in table.splitlines() if line)


def is_first_name(word: str) -> bool:
    """Whether the 1990 US census lists ``word`` as a first name ("Faith", "Imanol" not)."""
    return normalize_key(word) in _first_names()


def first_name_gender(name: str) -> str | None:
    """ "F" or "M" when the first word of a person's name is a first name with a clear gender in the 1990
    US census ("Ingrid Dahl" -> "F", "Luis Ortiz" -> "M"), else None ("Dana", "Hiroshi")."""
    raw = name.split()
    if len(raw) > 1 and "-" in raw[0].strip("-"):  # "Jean-Luc": both parts must agree ("Jean" alone is F)
        genders = {_first_names().get(normalize_key(part)) for part in raw[0].split("-") if part}
        return genders.pop() if len(genders) == 1 else None
    words = normalize_key(name).split()
    if len(words) > 2 and words[0] in _VIETNAMESE_FAMILY_NAMES:  # "Le Minh Tuan": "Le" is no given name
        return _VIETNAMESE_GENDERED_MIDDLES.get(words[1])  # "Nguyen Thi Lan Huong" -> "F"
    return _first_names().get(words[0]) if len(words) > 1 else None


_VIETNAMESE_FAMILY_NAMES = frozenset({
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
    "duong", "ly", "trinh", "dinh", "truong", "lam",
})  # fmt: skip
"""The commonest Vietnamese family names, which open a name ("Tran Quoc Bao"); the census lists some ("Le",
"Tran") as women's first names."""
_VIETNAMESE_GENDERED_MIDDLES = {"thi": "F", "van": "M"}
