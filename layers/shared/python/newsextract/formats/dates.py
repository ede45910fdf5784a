"""Publication dates in the forms newsrooms write them, normalised to ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_MONTH_FIRST = rf"(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
_DAY_FIRST = rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_NAMES})\.?,?\s+(?P<year>\d{{4}})"
_WRITTEN_DATES = tuple(re.compile(pattern, re.I) for pattern in (_MONTH_FIRST, _DAY_FIRST))
DATE_PATTERN = (
    "(?:"
    + "|".join(re.sub(r"\?P<\w+>", "?:", pattern) for pattern in (ISO_DATE, _MONTH_FIRST, _DAY_FIRST))
    + ")"
)
"""A regex fragment (no named groups) matching the date forms ``normalize_date`` understands."""


def normalize_date(value: str) -> str | None:
    """ISO 8601 for a date written as ISO, RFC 2822, "January 17, 2023" or "17 Jan 2023"; else None."""
    value = value.strip()
    if not value:
        return None
    iso = re.fullmatch(ISO_DATE, value)
    if iso:
        try:
            if len(value) == 10:
                return date.fromisoformat(value).isoformat()
            return datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T")).isoformat()
        except ValueError:
            return None
    for pattern in _WRITTEN_DATES:
        match = pattern.fullmatch(value.rstrip("."))
        if match:
            try:
                return date(
                    int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"])
                ).isoformat()
            except ValueError:
                return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
