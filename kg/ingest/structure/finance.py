"""Money in the financial part of a paper: "Höhe in EUR ... 40.000,00 1.100.57.1.0.01.07", and amounts with a
currency in the proposal or resolution ("30.000 Euro", "1,5 Mio. €")."""

from __future__ import annotations

import re

from kg.document import MoneyAmount, ResolutionItem, TextSpan

_TABLE_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*,\d{2})(?![\d,])")
_BUDGET_LINE = re.compile(r"[ \t\n]{1,5}(?:HSt\.?\s*)?(\d+(?:\.\d+){3,}[\w.]*)")
_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-))?\s*(Mio\.?|Millionen|Mrd\.?|Milliarden|Tsd\.?|tsd\.?)?"
    r"\s*(?:€|EUR\b|Euro\b)"
)
_SCALE = {"mio": 1e6, "millionen": 1e6, "mrd": 1e9, "milliarden": 1e9, "tsd": 1e3}
_TABLE_WINDOW = 1500


def german_number(integer: str, fraction: str | None = None) -> float:
    """ "40.000" and "00" -> 40000.0; a fraction "-" ("150.000,-") is zero."""
    value = float(integer.replace(".", ""))
    if fraction and fraction != "-":
        value += float(f"0.{fraction}")
    return value


def table_amounts(text: str, start: int) -> list[MoneyAmount]:
    """Amounts with two decimals in the finance table that starts at ``start``, each with its budget line."""
    found = []
    for m in _TABLE_AMOUNT.finditer(text, start, min(len(text), start + _TABLE_WINDOW)):
        integer, fraction = m[1].split(",")
        budget = _BUDGET_LINE.match(text, m.end())
        value = german_number(integer, fraction)
        found.append(MoneyAmount(value, "EUR", budget[1] if budget else None, TextSpan(m.start(), m.end())))
    return found


def item_amounts(items: tuple[ResolutionItem, ...], text: str) -> list[MoneyAmount]:
    """Amounts with a currency stated in proposal or resolution items."""
    found = []
    for item in items:
        if item.span is None:
            continue
        for m in _AMOUNT.finditer(text, item.span.start, item.span.end):
            value = german_number(m[1], m[2]) * _SCALE.get((m[3] or "").rstrip(".").lower(), 1)
            found.append(MoneyAmount(value, "EUR", None, TextSpan(m.start(), m.end())))
    return found
