"""German dates as written ("16.09.2015", "17. September 2015", "März 2015") to ISO 8601."""

from __future__ import annotations

import re

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
}
MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])")
WRITTEN_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*({MONTH_NAMES})\s+(\d{{4}})\b")
MONTH_YEAR = re.compile(rf"\b({MONTH_NAMES})\s+(\d{{4}})\b")
ANY_DATE = re.compile(f"{NUMERIC_DATE.pattern}|{WRITTEN_DATE.pattern}")


def iso_date(day: int, month: int, year: int) -> str | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(text: str) -> str | None:
    """The ISO date of the first date in ``text``, or None.

    >>> parse_date("Ratsversammlung vom 16.09.2015"), parse_date("Leipzig, den 17. September 2015")
    ('2015-09-16', '2015-09-17')
    """
    if m := NUMERIC_DATE.search(text):
        return iso_date(int(m[1]), int(m[2]), int(m[3]))
    if m := WRITTEN_DATE.search(text):
        return iso_date(int(m[1]), MONTHS[m[2].lower()], int(m[3]))
    return None


def parse_month(text: str) -> str | None:
    """ "März 2015" -> "2015-03"."""
    if m := MONTH_YEAR.search(text):
        return f"{int(m[2]):04d}-{MONTHS[m[1].lower()]:02d}"
    return None
