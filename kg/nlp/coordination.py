"""Coordinated numbers after a name: "SaxMobility I und II", "eBus 1 und 2" name two projects.

The first is an ordinary span ("SaxMobility I"); the second ("II") is a span of its own whose surface form
the text leaves out, so its full name ("SaxMobility II") is kept in ``doc.user_data["kg.coordinated"]``
(token offsets -> name) for the resolver.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp import candidates

USER_DATA_KEY = "kg.coordinated"
_NUMBER = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X|\d{1,2})$")
_TYPES = ("Project", "Programme", "Plan", "Event", "Product")


def numbers_after(doc: Doc, end: int) -> list[int]:
    """Token indices of "I und II" / "1, 2 und 3" starting at ``end``; empty if they do not follow."""
    found: list[int] = []
    k = end
    while k < len(doc) and _NUMBER.match(doc[k].text):
        found.append(k)
        if k + 2 < len(doc) and doc[k + 1].text in (",", "und", "sowie") and _NUMBER.match(doc[k + 2].text):
            k += 2
        else:
            break
    return found if len(found) > 1 else []


def named_number(doc: Doc, start: int, end: int, k: int) -> str:
    return f"{doc[start:end].text} {doc[k].text}"


@Language.component("coordination", requires=["doc.spans"], assigns=["doc.spans", "doc.user_data"])
def coordination(doc: Doc) -> Doc:
    """Split "Name I und II" into one candidate per number, of the type of the span before the numbers."""
    names: dict[tuple[int, int], str] = {}
    for span in candidates.candidates(doc):
        if span.label_ not in _TYPES:
            continue
        numbers = numbers_after(doc, span.end)
        if not numbers:
            continue
        candidates.add(doc, span.start, numbers[0] + 1, span.label_, candidates.source(span), span.kb_id_)
        for k in numbers[1:]:
            candidates.add(doc, k, k + 1, span.label_, candidates.source(span))
            names[(k, k + 1)] = named_number(doc, span.start, span.end, k)
    doc.user_data[USER_DATA_KEY] = names
    return doc
