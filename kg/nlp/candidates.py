"""Adding candidate spans to ``doc.spans["candidates"]`` and the token tests the recognisers share.

A candidate's ``label_`` is its entity type, ``kb_id_`` a gazetteer id, ``id_`` the recogniser that found it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.nlp.lexicon import word_set

GROUP = "candidates"
# Which recogniser wins a tie between spans of the same length: higher first.
PRIORITY = {"structure": 5, "gazetteer": 4, "acronym": 3, "person": 3, "title": 2, "pattern": 2, "place": 2, "brand": 1}

_BRAND = re.compile(r"^(?:[a-zäöü]+[A-ZÄÖÜ]\w*|[A-ZÄÖÜ][a-zäöü]+[A-ZÄÖÜ]\w*|\w*\d\w*[A-Za-z]\w*|\w+[@.]\w+)$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,7}$|^[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-ZÄÖÜ]$")


def add(doc: Doc, start: int, end: int, label: str, source: str, kb_id: str = "") -> Span | None:
    """Add the token span ``[start, end)`` as a candidate of type ``label``; empty spans are skipped."""
    if end <= start:
        return None
    span = Span(doc, start, end, label=label, kb_id=kb_id, span_id=source)
    if GROUP not in doc.spans:
        doc.spans[GROUP] = []
    doc.spans[GROUP].append(span)
    return span


def source(span: Span) -> str:
    """Which recogniser added ``span`` (kept in the span's ``id_``)."""
    return span.id_ or "pattern"


def candidates(doc: Doc) -> list[Span]:
    return list(doc.spans[GROUP]) if GROUP in doc.spans else []


def is_function_word(token: Token) -> bool:
    return token.lower_ in word_set("function_words")


def is_brand(text: str) -> bool:
    """CamelCase, inner digits or dots: "SaxHybrid", "eBus", "teilAuto", "car2go", "easy.GO", "DYN@MO"."""
    if len(text) > 3 and text[1] == "-" and text[0].isalpha():  # "E-car2go"
        text = text[2:]
    return bool(_BRAND.match(text)) and not text.isupper() and text[:1].isalpha()


def is_acronym(text: str) -> bool:
    """An upper-case abbreviation that may name an actor ("LVB", "HTWK", "AfD"), not a stop-listed one."""
    return bool(_ACRONYM.match(text)) and text.upper() not in word_set("acronym_stoplist", fold=False)


def is_name_word(token: Token) -> bool:
    """A word that can be part of a name: capitalised, an acronym or a brand, not a function word."""
    text = token.text
    if not text[:1].isalpha() or is_function_word(token):
        return False
    return text[:1].isupper() or is_brand(text)
