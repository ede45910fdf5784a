"""Token patterns for the numeric and temporal entity types the CoNLL-2003 NER does not cover.

Labels follow OntoNotes: DATE, TIME, MONEY, PERCENT, CARDINAL, QUANTITY, ORDINAL. The patterns are
stored in an ``entity_ruler`` placed after ``ner`` with ``overwrite_ents = false``, so a span the
statistical NER found is never changed; among overlapping pattern matches the longest wins.
"""

from __future__ import annotations

from typing import Any

Pattern = dict[str, Any]

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_ABBR = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
MONTH_ANY = MONTHS + MONTH_ABBR + [m + "." for m in MONTH_ABBR]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASONS = ["spring", "summer", "autumn", "fall", "winter"]
PERIODS = ["week", "month", "year", "weekend", "decade", "century", "quarter", "season", *SEASONS]
DURATIONS = [
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "weekend",
    "weekends",
]
TIME_UNITS = ["hour", "hours", "minute", "minutes", "second", "seconds"]
RELATIVE = ["last", "next", "this", "past", "coming", "previous", "same", "early", "late", "mid"]
AMPM = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
ZONES = ["et", "est", "edt", "ct", "cst", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "msk"]
SCALES = ["hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "mn", "m", "k"]
CURRENCY_SYMBOLS = ["$", "us$", "€", "£", "¥", "a$", "c$", "hk$", "nz$", "s$", "r$", "₴", "₽", "₹"]
CURRENCY_CODES = ["usd", "eur", "gbp", "jpy", "cny", "rub", "uah", "chf", "cad", "aud", "inr"]
CURRENCY_WORDS = [
    "dollar",
    "dollars",
    "euro",
    "euros",
    "pound",
    "pounds",
    "sterling",
    "yen",
    "yuan",
    "renminbi",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "hryvnia",
    "hryvnias",
    "hryvnia",
    "franc",
    "francs",
    "rupee",
    "rupees",
    "cent",
    "cents",
    "pence",
    "peso",
    "pesos",
    "won",
    "lira",
    "shekel",
    "shekels",
]
UNITS = [
    "km",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "mile",
    "miles",
    "mi",
    "meter",
    "meters",
    "metre",
    "metres",
    "cm",
    "centimeters",
    "centimetres",
    "mm",
    "millimeters",
    "millimetres",
    "foot",
    "feet",
    "ft",
    "inch",
    "inches",
    "yard",
    "yards",
    "kg",
    "kilogram",
    "kilograms",
    "kilo",
    "kilos",
    "gram",
    "grams",
    "g",
    "lb",
    "lbs",
    "ounce",
    "ounces",
    "oz",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "barrel",
    "barrels",
    "bpd",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "liter",
    "liters",
    "litre",
    "litres",
    "gallon",
    "gallons",
    "degree",
    "degrees",
    "mph",
    "kph",
    "km/h",
    "mw",
    "gw",
    "kw",
    "megawatt",
    "megawatts",
    "gigawatt",
    "gigawatts",
    "kwh",
    "mwh",
    "twh",
    "bcm",
    "knots",
    "nautical",
]
APPROX = ["about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "under"]
ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
]
ORDINAL_RE = r"^\d+(st|nd|rd|th)$"
YEAR_RE = r"^(1[6-9]|20)\d\d$"
DAY: Pattern = {"TEXT": {"REGEX": r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
YEAR: Pattern = {"TEXT": {"REGEX": YEAR_RE}}
# A number that is neither an ordinal word ("first" is like_num in spaCy) nor a bare year.
NUM: Pattern = {
    "LIKE_NUM": True,
    "LOWER": {"NOT_IN": ORDINAL_WORDS},
    "TEXT": {"REGEX": r"^(?!(1[6-9]|20)\d\d$)(?!\d+(st|nd|rd|th)$)"},
}
ANY_NUM: Pattern = {"LIKE_NUM": True, "LOWER": {"NOT_IN": ORDINAL_WORDS}}
# One token: a year, a decade ("1990s", "'90s"), "mid-2022", an ISO or slash date, a span of years, 9/11.
SINGLE_TOKEN_DATE_RE = (
    r"^((1[6-9]|20)\d\d|(1[6-9]|20)\d0s|'\d0s|(mid|early|late|pre|post)-(1[6-9]|20)\d\d|\d{4}-\d\d-\d\d"
    r"|\d{1,2}/\d{1,2}/(\d\d|\d{4})|(1[6-9]|20)\d\d[-–/](\d\d|(1[6-9]|20)\d\d)|9/11)$"
)
SCALE: Pattern = {"LOWER": {"IN": SCALES}, "OP": "?"}
SCALED_RE = r"^\d+([.,]\d+)*(bn|m|mn|mln|k|b)$"


def _prefixed(label: str, body: list[Pattern]) -> list[Pattern]:
    """The pattern with an optional approximator ("about", "nearly") and with "more/less than" in front."""
    return [
        {"label": label, "pattern": [{"LOWER": {"IN": APPROX}, "OP": "?"}, *body]},
        {"label": label, "pattern": [{"LOWER": {"IN": ["more", "less", "fewer"]}}, {"LOWER": "than"}, *body]},
    ]


def date_patterns() -> list[Pattern]:
    month: Pattern = {"LOWER": {"IN": MONTH_ANY}}
    titled_month: Pattern = {
        "LOWER": {"IN": [m for m in MONTHS if m not in ("may", "march")]},
        "IS_TITLE": True,
    }
    comma: Pattern = {"ORTH": ",", "OP": "?"}
    rel: Pattern = {"LOWER": {"IN": RELATIVE}, "OP": "?"}
    bodies: list[list[Pattern]] = [
        [rel, {"LOWER": {"IN": WEEKDAYS}}],
        [{"LOWER": {"IN": WEEKDAYS}}, {"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}}],
        [month, DAY, comma, YEAR],
        [month, DAY],
        [DAY, month, YEAR],
        [DAY, month],
        [{"LOWER": "the"}, DAY, {"LOWER": "of"}, month, YEAR],
        [{"LOWER": "the"}, DAY, {"LOWER": "of"}, month],
        [rel, month, YEAR],
        [month, YEAR],
        [rel, titled_month],
        [{"LOWER": {"IN": ["may", "march"]}, "IS_TITLE": True}, YEAR],
        [{"LOWER": {"IN": ["in", "since", "until", "by"]}, "OP": "!"}, {"ORTH": "May"}, DAY],
        [{"TEXT": {"REGEX": SINGLE_TOKEN_DATE_RE}}],
        [
            {"TEXT": {"REGEX": r"^\d{4}$"}},
            {"ORTH": "-"},
            {"TEXT": {"REGEX": r"^\d\d$"}},
            {"ORTH": "-"},
            {"TEXT": {"REGEX": r"^\d\d$"}},
        ],
        [YEAR, {"ORTH": {"IN": ["-", "–"]}}, YEAR],
        [YEAR, {"ORTH": {"IN": ["-", "–", "/"]}}, {"TEXT": {"REGEX": r"^\d\d$"}}],
        [{"LOWER": {"IN": ["today", "yesterday", "tomorrow"]}}],
        [
            {"LOWER": {"IN": ["the", "this", "that"]}, "OP": "?"},
            {"LOWER": "day"},
            {"LOWER": {"IN": ["before", "after"]}},
            {"LOWER": {"IN": ["yesterday", "tomorrow"]}, "OP": "?"},
        ],
        [{"LOWER": {"IN": RELATIVE}}, {"LOWER": {"IN": PERIODS}}],
        [
            {"LOWER": {"IN": ["last", "next", "past", "coming", "previous"]}},
            ANY_NUM,
            {"LOWER": {"IN": DURATIONS}},
        ],
        [
            {"LOWER": "the"},
            {"LOWER": {"IN": ["last", "past", "next", "coming"]}},
            ANY_NUM,
            {"LOWER": {"IN": DURATIONS}},
        ],
        [
            {"LOWER": {"IN": ["a", "one"]}},
            {"LOWER": {"IN": ["day", "week", "month", "year", "decade"]}},
            {"LOWER": {"IN": ["ago", "earlier", "later"]}},
        ],
        [
            ANY_NUM,
            {"ORTH": "-"},
            {"LOWER": {"IN": [d for d in DURATIONS if not d.endswith("s")]}},
            {"LOWER": "-", "OP": "?"},
            {"LOWER": "old", "OP": "?"},
        ],
        [{"LOWER": "the", "OP": "?"}, {"TEXT": {"REGEX": ORDINAL_RE}}, {"LOWER": "century"}],
        [
            {"LOWER": "the", "OP": "?"},
            {"LOWER": {"IN": ORDINAL_WORDS}},
            {"LOWER": {"IN": ["half", "quarter"]}},
            {"LOWER": "of", "OP": "?"},
            {"LOWER": "the", "OP": "?"},
            {"LOWER": "year", "OP": "?"},
        ],
        [{"LOWER": {"IN": ["q1", "q2", "q3", "q4", "h1", "h2"]}}, YEAR],
        [{"LOWER": "fiscal"}, YEAR],
        [{"LOWER": "christmas", "IS_TITLE": True}, {"LOWER": {"IN": ["day", "eve"]}, "OP": "?"}],
        [
            {"LOWER": "new"},
            {"LOWER": "year"},
            {"LOWER": {"IN": ["'s", "’s"]}},
            {"LOWER": {"IN": ["day", "eve"]}},
        ],
    ]
    duration: list[Pattern] = [
        ANY_NUM,
        {"LOWER": {"IN": DURATIONS}},
        {"LOWER": {"IN": ["ago", "earlier", "later"]}, "OP": "?"},
    ]
    # "about three years" is one DATE: without the approximator, "about three" (CARDINAL) would win the tie.
    return [{"label": "DATE", "pattern": b} for b in bodies] + _prefixed("DATE", duration)


def time_patterns() -> list[Pattern]:
    clock: Pattern = {"TEXT": {"REGEX": r"^([01]?\d|2[0-3])[:.][0-5]\d$"}}
    hour: Pattern = {"TEXT": {"REGEX": r"^(1[0-2]|0?[1-9])$"}}
    ampm: Pattern = {"LOWER": {"IN": AMPM}}
    zone: Pattern = {"LOWER": {"IN": ZONES}, "IS_UPPER": True, "OP": "?"}
    bodies: list[list[Pattern]] = [
        [clock, ampm, zone],
        [clock, {"LOWER": {"IN": ZONES}, "IS_UPPER": True}],
        [{"TEXT": {"REGEX": r"^([01]?\d|2[0-3]):[0-5]\d$"}}],
        [hour, ampm, zone],
        [{"TEXT": {"REGEX": r"^(1[0-2]|0?[1-9])(am|pm)$"}}, zone],
        [hour, {"LOWER": {"IN": ["o'clock", "o’clock"]}}],
        [{"LOWER": {"IN": ["noon", "midday", "midnight", "tonight", "overnight"]}}],
        [
            {"LOWER": {"IN": ["this", "last", "tomorrow", "yesterday", "early", "late"]}},
            {"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}},
        ],
        [
            {"LOWER": {"IN": ["early", "late"]}},
            {"LOWER": {"IN": WEEKDAYS}},
            {"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}},
        ],
        [{"LOWER": {"IN": ["an", "one", "half", "a"]}}, {"LOWER": {"IN": ["hour", "minute"]}}],
        [ANY_NUM, {"ORTH": "-"}, {"LOWER": {"IN": ["hour", "minute", "second"]}}],
    ]
    span_of_time: list[Pattern] = [ANY_NUM, {"LOWER": {"IN": TIME_UNITS}}]
    return [{"label": "TIME", "pattern": b} for b in bodies] + _prefixed("TIME", span_of_time)


def money_patterns() -> list[Pattern]:
    symbol: Pattern = {"LOWER": {"IN": CURRENCY_SYMBOLS}}
    code: Pattern = {"LOWER": {"IN": CURRENCY_CODES}, "IS_UPPER": True}
    scaled: Pattern = {"TEXT": {"REGEX": SCALED_RE}}
    us: Pattern = {"LOWER": {"IN": ["u.s.", "us", "american", "canadian", "australian", "hong"]}, "OP": "?"}
    bodies: list[list[Pattern]] = [
        [symbol, ANY_NUM, SCALE],
        [symbol, scaled],
        [{"TEXT": {"REGEX": r"^(US|A|C|HK)?[$€£¥]\d[\d,.]*(bn|m|mn|k|b)?$"}}, SCALE],
        [code, ANY_NUM, SCALE],
        [ANY_NUM, SCALE, us, {"LOWER": {"IN": CURRENCY_WORDS}}],
        [ANY_NUM, SCALE, code],
        [
            {"LOWER": {"IN": ["a", "one"]}},
            {"LOWER": {"IN": ["million", "billion", "trillion"]}},
            {"LOWER": {"IN": ["dollars", "euros", "pounds"]}},
        ],
    ]
    return [p for b in bodies for p in _prefixed("MONEY", b)]


def percent_patterns() -> list[Pattern]:
    bodies: list[list[Pattern]] = [
        [ANY_NUM, {"LOWER": {"IN": ["percent", "%", "pct", "per-cent"]}}],
        [ANY_NUM, {"LOWER": "per"}, {"LOWER": "cent"}],
        [ANY_NUM, {"LOWER": "percentage"}, {"LOWER": {"IN": ["point", "points"]}}],
        [{"TEXT": {"REGEX": r"^\d+([.,]\d+)?%$"}}],
    ]
    return [p for b in bodies for p in _prefixed("PERCENT", b)]


def quantity_patterns() -> list[Pattern]:
    unit: Pattern = {"LOWER": {"IN": UNITS}}
    bodies: list[list[Pattern]] = [
        [ANY_NUM, SCALE, {"LOWER": "square", "OP": "?"}, unit],
        [ANY_NUM, SCALE, {"LOWER": "cubic", "OP": "?"}, unit],
        [ANY_NUM, {"ORTH": "-"}, unit],
        [{"TEXT": {"REGEX": r"^\d+([.,]\d+)?(km|kg|mm|cm|mw|gw|kw|mph|ft|lbs?)$"}}],
    ]
    return [p for b in bodies for p in _prefixed("QUANTITY", b)]


def cardinal_patterns() -> list[Pattern]:
    bodies: list[list[Pattern]] = [
        [NUM, {"LOWER": {"IN": ["hundred", "thousand", "million", "billion", "trillion"]}, "OP": "*"}],
        [{"TEXT": {"REGEX": SCALED_RE}}],
        [{"LOWER": {"IN": ["dozens", "hundreds", "thousands", "millions", "billions"]}}],
        [
            {"LOWER": {"IN": ["a", "one"]}},
            {"LOWER": {"IN": ["dozen", "hundred", "thousand", "million", "billion"]}},
        ],
    ]
    return [p for b in bodies for p in _prefixed("CARDINAL", b)]


def ordinal_patterns() -> list[Pattern]:
    return [
        {"label": "ORDINAL", "pattern": [{"LOWER": {"IN": ORDINAL_WORDS}}]},
        {"label": "ORDINAL", "pattern": [{"TEXT": {"REGEX": ORDINAL_RE}}]},
    ]


NAMES_WITH_DATE_WORDS = {
    ("usa", "today"): "ORG",
    ("russia", "today"): "ORG",
    ("psychology", "today"): "ORG",
    ("fox", "news", "sunday"): "MISC",
}
"""Names that end in a date word, which the date patterns would cut ("USA [Today]" as DATE, with "USA" a
place): matched before them by the name ruler, which overwrites the NER's part of the name."""


def name_patterns() -> list[Pattern]:
    return [
        {"label": label, "pattern": [{"LOWER": word} for word in words]}
        for words, label in NAMES_WITH_DATE_WORDS.items()
    ]


def all_patterns() -> list[Pattern]:
    """Every pattern, in a fixed order (the ruler keeps the longest match where matches overlap)."""
    return [
        *date_patterns(),
        *time_patterns(),
        *money_patterns(),
        *percent_patterns(),
        *quantity_patterns(),
        *cardinal_patterns(),
        *ordinal_patterns(),
    ]
