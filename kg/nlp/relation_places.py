"""Places named by their adjective ("die zehn Aachener Partner (Stadt Aachen, RWTH Aachen, ASEAG …)"), and places
listed after a colon for a project spread over them ("zwölf neue mobil.punkte entstanden: drei in Walle, …").

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
LIST_CUE = "place.colon-list"
BEFORE_CUE = "place.before-project"
# After the colon: the list opens with a count or a preposition before its first place ("drei in Walle").
_LIST_OPENING = re.compile(
    r"^:\s*(?:(?:\d+|eine?[rs]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|je|jeweils)\s+"
    r"(?:\w+\s+){0,2}?)?(?:in|im)\s+(?:der\s+|dem\s+|den\s+)?$"
)
_MAX_TO_COLON = 120
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


# Places named before the project they host: "in den Quartieren A und B in X sollen zwei Mobilstationen aufgebaut
# werden". Conservative: the places follow one "in"/"im" closely, the project follows the places closely, and a
# verb of building ends the clause right after the project.
_PLACE_OPENING = re.compile(r"\b(?:in|im)\s[^,.;:]{0,40}$")
_BUILT_AFTER = re.compile(
    r"^[^,.;:]{0,30}?\b(?:aufgebaut|errichtet|eingerichtet|gebaut|installiert|geschaffen|entstehen|entstanden"
    r"|eröffnet|umgesetzt)\b"
)
_MAX_PLACES_TO_PROJECT = 40


def place_before_relations(sentences: list[Sentence]) -> Iterator[Found]:
    """``locatedIn`` for the places that open a clause in which the sentence's one project is built."""
    for sentence in sentences:
        things = [m for m in sentence.mentions if m.type in {"Project", "Programme", "Event"}]
        if not things or {m.key for m in things} != {things[0].key} or things[0].type != "Project":
            continue
        project = things[-1]
        places = _chain_before(sentence, project.start)
        if not places or not _BUILT_AFTER.match(sentence.text[sentence.local(project.end) :]):
            continue
        if not _PLACE_OPENING.search(sentence.text[: sentence.local(places[0].start)]):
            continue
        for place in places:
            yield Found(project.key, "locatedIn", place.key, BEFORE_CUE, CONFIDENCE, (sentence,))


def _chain_before(sentence: Sentence, end: int) -> list[M]:
    """The places that end close before ``end``, each close after the one before it."""
    chain: list[M] = []
    for m in reversed([m for m in sentence.mentions if m.end <= end]):
        if m.type != "Place" or (chain[0].start if chain else end) - m.end > _MAX_PLACES_TO_PROJECT:
            break
        chain.insert(0, m)
    return chain


def place_list_relations(sentences: list[Sentence]) -> Iterator[Found]:
    """``locatedIn`` every place listed after a colon for the project named last before it."""
    for sentence in sentences:
        colon = sentence.text.find(":")
        if colon < 0:
            continue
        at = sentence.start + colon
        before = [m for m in sentence.mentions if m.end <= at]
        places = [m for m in sentence.mentions if m.start > at and m.type == "Place"]
        if not before or not places or before[-1].type != "Project" or at - before[-1].end > _MAX_TO_COLON:
            continue
        if not _LIST_OPENING.match(sentence.text[colon : sentence.local(places[0].start)]):
            continue
        for place in places:
            yield Found(before[-1].key, "locatedIn", place.key, LIST_CUE, CONFIDENCE, (sentence,))
