"""How a cue match relates the mentions around it: one small function per ``link`` of ``relation_cues.jsonl``.

* ``participation``: every actor of the sentence takes part in every project/programme/event of it (or in the
  topic thing when the sentence names none: "Die Absprachen mit den Partnern teilAuto und nextbike …").
* ``agent``: the actor enumeration nearest the cue (on ``side``) does it to the things of the sentence
  ("unter Federführung des Dezernates … sowie der LVV", "die SWL federführend", "betreiben die Stadtwerke").
* ``source``: the things of the sentence get the nearest funder / programme on ``side`` ("gefördert durch",
  "EFRE-Förderprojekt", "im Rahmen des Programms").
* ``pair``: the enumeration before the cue relates to the one after it ("die LVB, ein Unternehmen der LVV";
  ``reverse``: "die Bochumer Stadttöchter VBW, Bogestra und Stadtwerke").
* ``joint``: stated joint work gives ``partnerOf`` ("A gemeinsam mit B", "A und B gemeinsam", "zwischen A und
  B") and ``participatesIn`` of everyone in the project at hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations

from kg.nlp.relation_cues import DOMAINS, Cue
from kg.nlp.relation_scope import ACTOR, BACK_ADVERB, BACK_PRONOUN, Discourse, Group, M, Sentence

WINDOW = {"before": 100, "after": 80, "participation": 250}
SOURCE_WINDOW = {"before": 40, "after": 60}
TOPIC_PENALTY = 0.85
# A cue does not reach across a blank line or a list heading ("… folgende Punkte vor:\n\nBetriebskonzept:").
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|:\s*\n")


@dataclass(frozen=True)
class Found:
    """A candidate relation before de-duplication; ``sentences`` is its evidence, oldest first."""

    subject: str
    predicate: str
    object: str
    cue: str
    confidence: float
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Match:
    """One cue match in one sentence, with the running discourse."""

    cue: Cue
    start: int  # document offsets
    end: int
    sentence: Sentence
    discourse: Discourse


def nearest_group(match: Match, types: frozenset[str], side: str, window: dict[str, int]) -> Group | None:
    """The enumeration of ``types`` nearest the match on ``side`` ("near": either), within ``window``."""
    best: tuple[int, Group] | None = None
    for group in match.sentence.groups:
        members = tuple(m for m in group.members if m.type in types)
        if not members:
            continue
        if side in ("before", "near") and group.start < match.start and match.start - group.end <= window["before"]:
            distance = max(0, match.start - group.end)
        elif side in ("after", "near") and group.end > match.end and group.start - match.end <= window["after"]:
            distance = max(0, group.start - match.end)
        else:
            continue
        between = match.sentence.text[
            match.sentence.local(min(group.end, match.start)) : match.sentence.local(max(group.start, match.end))
        ]
        if PARAGRAPH_BREAK.search(between):
            continue
        if best is None or distance < best[0]:
            best = (distance, Group(members))
    return best[1] if best else None


def _objects(
    match: Match, types: frozenset[str], exclude: frozenset[str] = frozenset(), reach: int | None = 1
) -> tuple[list[M], bool]:
    """The mentions of ``types`` in the sentence, else the topic thing; the flag says it came from the topic.

    The topic thing counts when the sentence points back to it ("hier", "dieses Projekt") or was named at most
    ``reach`` sentences before (``None``: anywhere in the section).
    """
    here = [m for m in match.sentence.of_types(types) if m.key not in exclude]
    if here:
        return here, False
    thing, age = match.discourse.thing, match.discourse.thing_age
    near = reach is None or age <= reach or match.sentence.refers_back()
    if thing is not None and near and thing.type in types and thing.key not in exclude:
        return [thing], True
    return [], False


def _found(match: Match, s: M, predicate: str, o: M, from_topic: bool, via: Sentence | None = None) -> Found:
    confidence = match.cue.confidence * (TOPIC_PENALTY if from_topic else 1.0)
    sentences = (via, match.sentence) if from_topic and via is not None else (match.sentence,)
    return Found(s.key, predicate, o.key, match.cue.id, round(confidence, 3), sentences)


def participation(match: Match) -> Iterator[Found]:
    near = WINDOW["participation"]
    actors = [m for m in match.sentence.of_types(frozenset({ACTOR})) if m.end > match.start - near]
    actors = [m for m in actors if m.start < match.end + near]
    things, from_topic = _objects(match, DOMAINS["participatesIn"][1], reach=None)
    for s in actors:
        for o in things:
            yield _found(match, s, match.cue.predicate, o, from_topic, match.discourse.thing_sentence)


def agent(match: Match) -> Iterator[Found]:
    subjects_types, object_types = DOMAINS[match.cue.predicate]
    things, from_topic = _objects(match, object_types, reach=match.cue.reach)
    group = nearest_group(match, subjects_types, match.cue.side, WINDOW)
    actors: list[M] = list(group.members) if group else []
    via = match.discourse.thing_sentence
    if (
        not actors
        and not from_topic
        and match.discourse.actor
        and not match.sentence.of_types(subjects_types)
        and (BACK_PRONOUN.search(match.sentence.text) or match.sentence.refers_back())
    ):
        actors, from_topic, via = [match.discourse.actor], True, match.discourse.actor_sentence
    for s in actors:
        for o in things:
            yield _found(match, s, match.cue.predicate, o, from_topic, via)


def source(match: Match) -> Iterator[Found]:
    subject_types, object_types = DOMAINS[match.cue.predicate]
    group = nearest_group(match, object_types, match.cue.side, SOURCE_WINDOW)
    if group is None:
        return
    funder = group.members[-1] if match.cue.side == "before" else group.members[0]
    things, from_topic = _objects(match, subject_types, exclude=frozenset({funder.key}))
    for s in things:
        yield _found(match, s, match.cue.predicate, funder, from_topic, match.discourse.thing_sentence)


def pair(match: Match) -> Iterator[Found]:
    subject_types, object_types = DOMAINS[match.cue.predicate]
    first_types, second_types = (object_types, subject_types) if match.cue.reverse else (subject_types, object_types)
    first = nearest_group(match, first_types, "before", WINDOW)
    second = nearest_group(match, second_types, "after", WINDOW)
    if first is None or second is None:
        return
    subjects, objects = (second, first) if match.cue.reverse else (first, second)
    for s in subjects.members:
        for o in objects.members:
            yield _found(match, s, match.cue.predicate, o, False)


def joint(match: Match) -> Iterator[Found]:
    actor = frozenset({ACTOR})
    mode = match.cue.mode
    before = nearest_group(match, actor, "before", {"before": 150, "after": 0})
    after = nearest_group(match, actor, "after", WINDOW) if mode != "together" else None
    subjects: list[M] = list(before.members) if before else []
    via: Sentence | None = None
    if mode == "with" and not subjects and match.discourse.actor and BACK_ADVERB.search(match.sentence.text):
        subjects, via = [match.discourse.actor], match.discourse.actor_sentence
    objects: list[M] = list(after.members) if after else []
    if mode == "together" and len(subjects) < 2:
        return
    pairs = list(combinations(subjects + objects if mode == "all" else subjects, 2))
    if mode == "with":
        pairs += [(s, o) for s in subjects for o in objects]
    for s, o in pairs:
        yield _found(match, s, "partnerOf", o, via is not None, via)
    things, from_topic = _objects(match, DOMAINS["participatesIn"][1], reach=2)
    for s in {m.key: m for m in subjects + objects}.values():
        for o in things:
            yield _found(match, s, "participatesIn", o, from_topic, match.discourse.thing_sentence)


LINKS: dict[str, Callable[[Match], Iterator[Found]]] = {
    "participation": participation,
    "agent": agent,
    "source": source,
    "pair": pair,
    "joint": joint,
}
