"""Typed literals for the values the records carry as plain Python values."""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

_DATE_TYPES: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?"), XSD.dateTime),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)


def date_literal(text: str) -> Literal:
    """An ISO 8601 date, month or year as the fitting XSD type; anything else as a plain string.

    >>> [str(date_literal(t).datatype) for t in ("2015", "2015-09-16", "März 2015")]
    ['http://www.w3.org/2001/XMLSchema#gYear', 'http://www.w3.org/2001/XMLSchema#date', 'None']
    """
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype)
    return Literal(text)


def number_literal(value: float) -> Literal:
    """A whole number as ``xsd:integer``, any other as ``xsd:decimal`` (no binary-float noise)."""
    if float(value).is_integer():
        return Literal(int(value))
    return Literal(Decimal(repr(float(value))))


def offset_literal(offset: int) -> Literal:
    return Literal(offset, datatype=XSD.nonNegativeInteger)
