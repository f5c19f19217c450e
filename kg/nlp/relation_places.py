"""Places named by their adjective: "die zehn Aachener Partner (Stadt Aachen, RWTH Aachen, ASEAG …)".

German forms a place adjective with -er ("Aachener", "Hamburger", "Bremer", "Dresdner"); placed before an actor
enumeration, or before one descriptor noun and the enumeration ("des Dresdner Unternehmens X"), it locates those
actors there (CONVENTIONS.md, locatedIn). The city's own bodies ("Stadt Aachen", "StädteRegion Aachen") are not
located by it: the text does not place them, their name does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kg.nlp.relation_links import Found
from kg.nlp.relation_scope import ACTOR, M, Sentence
from kg.records import Entity

CUE = "place.demonym"
CONFIDENCE = 0.7
# Between the adjective and the actors: at most one descriptor noun and an opening parenthesis; a noun of
# ownership ("die Bochumer Stadttöchter") makes the adjective the owner, not the place (see subsidiaryOf).
_BETWEEN = re.compile(r"\s+(?:(?![\w-]*(?:[Tt]öchter|[Tt]ochter|Beteiligung))[A-ZÄÖÜ][\w-]*\s*)?\(?\s*")
_OWN_BODY = re.compile(
    r"^(?:Stadt|Landeshauptstadt|Hansestadt|Gemeinde|Städte[Rr]egion|Region|Kreis|Landkreis|Bezirk)\b"
)


def demonyms(label: str) -> set[str]:
    """The -er adjectives of a one-word place name: Aachen → Aachener, Bremen → Bremer, Dresden → Dresdner."""
    if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]{2,}", label):
        return set()
    forms = {label + "er"}
    if label.endswith("en"):
        forms |= {label[:-2] + "er", label[:-2] + "ner"}
    return forms


def _adjectives(places: Iterable[Entity]) -> dict[str, str]:
    return {form: place.key for place in places for label in place.labels for form in demonyms(label)}


def demonym_relations(sentences: list[Sentence], entities: dict[str, Entity]) -> Iterator[Found]:
    """``locatedIn`` for the actors that a place adjective introduces."""
    adjectives = _adjectives(e for e in entities.values() if e.type == "Place")
    if not adjectives:
        return
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, adjectives), key=len, reverse=True)) + r")\b")
    for sentence in sentences:
        hits = [h for h in pattern.finditer(sentence.text) if not _in_name(sentence, sentence.start + h.start())]
        ends = [sentence.start + h.start() for h in hits[1:]] + [sentence.end]
        for hit, end in zip(hits, ends, strict=False):
            for actor in _introduced(sentence, sentence.start + hit.end(), end):
                yield Found(actor.key, "locatedIn", adjectives[hit.group(1)], CUE, CONFIDENCE, (sentence,))


def _in_name(sentence: Sentence, offset: int) -> bool:
    """Whether the adjective is part of a name ("Leipziger Verkehrsbetriebe")."""
    return any(m.start <= offset < m.end for m in sentence.mentions)


def _introduced(sentence: Sentence, start: int, end: int) -> list[M]:
    """The actors of the enumeration right after ``start``, up to the next place adjective at ``end``."""
    group = next((g for g in sentence.groups if g.end > start), None)
    first = next((m for m in group.members if m.start >= start), None) if group else None
    if group is None or first is None or group.kind != ACTOR:
        return []
    if not _BETWEEN.fullmatch(sentence.text[sentence.local(start) : sentence.local(first.start)]):
        return []
    return [m for m in group.members if start <= m.start < end and not _OWN_BODY.match(m.text)]
