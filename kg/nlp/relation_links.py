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
* ``within``: the first actor after the cue is the parent of the next one ("Innerhalb der SWK … die KVB").

A cue whose sentence names no project may point forward to the projects listed next ("… initiiert. Beispiele
dafür sind: Im Projekt „X“ …") or back to the topic thing. Evidence lists the cue sentence first, then the
sentence that names the antecedent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations

from kg.nlp.relation_cues import DOMAINS, Cue, load_terms
from kg.nlp.relation_scope import ACTOR, BACK_ADVERB, BACK_PRONOUN, Discourse, Group, M, Sentence

WINDOW = {"before": 100, "after": 80, "participation": 250}
SOURCE_WINDOW = {"before": 40, "after": 60}
TOPIC_PENALTY = 0.85
# A cue does not reach across a blank line or a list heading ("… folgende Punkte vor:\n\nBetriebskonzept:").
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|:\s*\n")
# A sentence that opens with a list marker lists examples of what the sentence before it spoke of.
FORWARD_LIST = re.compile(
    r"^\W*(?:(?:Beispiele|Beispielhaft|Dazu|Hierzu|Darunter)\b[^:.]{0,40}|[^:.]{0,80}\b(?:u\. ?a\.|darunter))\s*:"
)
# The actor of a passive ("… wurden durch das Amt X initiiert").
PASSIVE = re.compile(r"\b(?:wird|werden|wurde|wurden)\b")
PASSIVE_AGENT = re.compile(r"\b(?:durch|von|vom)\s+(?:(?:den|die|das|dem|der)\s+)?$")
# The actor the work is done for, or the owner in an apposition ("die KVB als Tochter der SWK betreibt …").
# A relative clause around a mention: opened by ", der|die|das|welche…", closed by a finite verb and a comma.
RELATIVE_OPENING = re.compile(r",\s+(?:der|die|das|welche[rs]?)\s[^,]*$")
RELATIVE_CLOSING = re.compile(r"[^,]*\b(?:ist|sind|war|waren|wird|werden|wurde|wurden)\s*,")
NOT_AGENT = re.compile(r"\b(?:[Ii]m Auftrag|als \w+)\s+(?:der|des|von|vom)\s+$")
# A missed sentence end inside the sentence span ("… durch das Institut (IVI). von und den Für das Projekt X …"):
# a period after a closing parenthesis or a long lower-case word; a participation cue does not reach across it.
INNER_END = re.compile(r"(?:\)|(?<!inkl)(?<!zzgl)[a-zäöüß]{4,})[.!?]\s+(?=\S)")
# Lead roles: the topic carried from earlier sentences must be a project or event, and a count after the cue
# ("die Konsortialführung bei zweien") points to unnamed things, not to the topic.
LEAD_TOPIC = frozenset({"Project", "Event"})
COUNTED = re.compile(r"^\s*(?:bei|in|für|von)\s+(?:zwei|drei|vier|fünf|sechs|mehreren|einigen|allen)\w*\b")


@dataclass(frozen=True)
class Found:
    """A candidate relation before de-duplication; ``sentences`` is its evidence, the cue sentence first."""

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
    following: Sentence | None = None  # the next sentence of the section


def _preceded_by(sentence: Sentence, group: Group, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.search(sentence.text[: sentence.local(group.start)]))


def nearest_group(
    match: Match, types: frozenset[str], side: str, window: dict[str, int], skip: re.Pattern[str] | None = None
) -> Group | None:
    """The enumeration of ``types`` nearest the match on ``side`` ("near": either), within ``window``; a group
    right after ``skip`` does not count."""
    best: tuple[int, Group] | None = None
    for group in match.sentence.groups:
        members = tuple(m for m in group.members if m.type in types)
        if not members or (skip is not None and _preceded_by(match.sentence, group, skip)):
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


def forward(match: Match, types: frozenset[str]) -> list[M]:
    """The mentions of ``types`` in the next sentence when it lists examples ("Beispiele dafür sind: …")."""
    following = match.following
    if following is None or not FORWARD_LIST.match(following.text):
        return []
    return following.of_types(types)


def carried(match: Match, types: frozenset[str]) -> list[M]:
    """The mentions of ``types`` in the next sentence when it says what the contract of this one is about: it
    names no actor that this sentence does not ("… unterzeichneten A, B und C einen Kooperationsvertrag. Im
    Rahmen eines Pilotprojekts sollen in den Quartieren der A …")."""
    following = match.following
    if following is None:
        return []
    here = {m.key for m in match.sentence.of_types(frozenset({ACTOR}))}
    if any(m.key not in here for m in following.of_types(frozenset({ACTOR}))):
        return []
    return following.of_types(types)


def _objects(
    match: Match,
    types: frozenset[str],
    exclude: frozenset[str] = frozenset(),
    reach: int | None = 1,
    ahead: bool = True,
    topic_types: frozenset[str] | None = None,
) -> tuple[list[M], Sentence | None]:
    """The mentions of ``types`` in the sentence, else those listed next, else the topic thing; with the
    sentence they came from when it is not the cue sentence. ``ahead``: whether a list that follows counts;
    ``topic_types``: the types the topic thing may have (default ``types``).

    The topic thing counts when the sentence points back to it ("hier", "dieses Projekt") or was named at most
    ``reach`` sentences before (``None``: anywhere in the section).
    """
    here = [m for m in match.sentence.of_types(types) if m.key not in exclude]
    if here:
        return here, None
    listed = [m for m in forward(match, types) if m.key not in exclude] if ahead else []
    if not listed and ahead and match.cue.carry:
        listed = [m for m in carried(match, types) if m.key not in exclude]
    if listed:
        return listed, match.following
    thing, age = match.discourse.thing, match.discourse.thing_age
    if match.cue.own_sentence:
        return [], None
    near = reach is None or age <= reach or match.sentence.refers_back()
    allowed = types if topic_types is None else topic_types
    if thing is not None and near and thing.type in allowed and thing.key not in exclude:
        return [thing], match.discourse.thing_sentence or match.sentence
    return [], None


def _found(match: Match, s: M, predicate: str, o: M, via: Sentence | None = None) -> Found:
    """``via``: the other sentence the relation rests on (the antecedent's or the listed one), if any."""
    carried = via is not None and via != match.sentence
    confidence = match.cue.confidence * (TOPIC_PENALTY if carried else 1.0)
    sentences = (match.sentence, via) if carried and via is not None else (match.sentence,)
    return Found(s.key, predicate, o.key, match.cue.id, round(confidence, 3), sentences)


def in_relative_clause(sentence: Sentence, m: M) -> bool:
    """Whether ``m`` stands in a relative clause (", der auf einer Teilstrecke der Linie 60 geplant ist,"): it
    describes something else and is not what the sentence's actors take part in."""
    before, after = sentence.text[: sentence.local(m.start)], sentence.text[sentence.local(m.end) :]
    return bool(RELATIVE_OPENING.search(before) and RELATIVE_CLOSING.match(after))


def deciding_bodies(sentence: Sentence) -> frozenset[str]:
    """The council bodies of a sentence in which a body decides, commissions or takes note."""
    terms = load_terms()
    if not terms["deciding"].search(sentence.text):
        return frozenset()
    return frozenset(m.key for m in sentence.of_types(frozenset({ACTOR})) if terms["council_body"].search(m.text))


def _clause(match: Match) -> tuple[int, int]:
    """The document span around the match up to the missed sentence ends (``INNER_END``) on either side."""
    sentence = match.sentence
    start, end = sentence.start, sentence.end
    for hit in INNER_END.finditer(sentence.text):
        at = sentence.start + hit.end()
        if at <= match.start:
            start = at
        elif sentence.start + hit.start() >= match.end:
            end = min(end, at)
    return start, end


def participation(match: Match) -> Iterator[Found]:
    near = WINDOW["participation"]
    start, end = _clause(match)
    bodies = deciding_bodies(match.sentence)
    actors = [m for m in match.sentence.of_types(frozenset({ACTOR})) if m.end > match.start - near]
    actors = [m for m in actors if m.start < match.end + near and start <= m.start < end and m.key not in bodies]
    outside = frozenset(m.key for m in match.sentence.mentions if not start <= m.start < end)
    described = frozenset(m.key for m in match.sentence.mentions if in_relative_clause(match.sentence, m))
    things, via = _objects(match, DOMAINS["participatesIn"][1], exclude=described | outside, reach=None)
    for s in actors:
        for o in things:
            yield _found(match, s, match.cue.predicate, o, via)


def _agents(match: Match, types: frozenset[str]) -> Group | None:
    """The actors nearest the cue; in a passive the one after "durch"/"von" before the cue; never the actor
    the work is done for ("im Auftrag der X betreibt die Y") nor an owner ("Y als Tochter der X")."""
    if match.cue.side == "before" and PASSIVE.search(match.sentence.text):
        passive = [
            g
            for g in match.sentence.groups
            if g.kind == ACTOR and g.end <= match.start and _preceded_by(match.sentence, g, PASSIVE_AGENT)
        ]
        if passive:
            return passive[-1]
    return nearest_group(match, types, match.cue.side, WINDOW, skip=NOT_AGENT)


def agent(match: Match) -> Iterator[Found]:
    subjects_types, object_types = DOMAINS[match.cue.predicate]
    topic_types = None
    if match.cue.predicate == "coordinates":
        after = match.sentence.text[match.sentence.local(match.end) :]
        topic_types = frozenset() if COUNTED.match(after) else LEAD_TOPIC
    things, via = _objects(match, object_types, reach=match.cue.reach, topic_types=topic_types)
    group = _agents(match, subjects_types)
    actors: list[M] = list(group.members) if group else []
    if (
        not actors
        and via is None
        and match.discourse.actor
        and not match.sentence.of_types(subjects_types)
        and (BACK_PRONOUN.search(match.sentence.text) or match.sentence.refers_back())
    ):
        actors, via = [match.discourse.actor], match.discourse.actor_sentence
    for s in actors:
        for o in things:
            yield _found(match, s, match.cue.predicate, o, via)


def source(match: Match) -> Iterator[Found]:
    subject_types, object_types = DOMAINS[match.cue.predicate]
    group = nearest_group(match, object_types, match.cue.side, SOURCE_WINDOW)
    if group is None:
        return
    funder = group.members[-1] if match.cue.side == "before" else group.members[0]
    # a funder or programme does not reach forward: "Förderung der Elektromobilität" is no funded project;
    # names coordinated with it are its siblings ("im Rahmen von „X I und II“"), not its parts
    siblings = frozenset(m.key for m in group.members)
    things, via = _objects(match, subject_types, exclude=siblings, ahead=False)
    for s in things:
        yield _found(match, s, match.cue.predicate, funder, via)


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
            yield _found(match, s, match.cue.predicate, o)


def joint(match: Match) -> Iterator[Found]:
    actor = frozenset({ACTOR})
    mode = match.cue.mode
    before = nearest_group(match, actor, "before", {"before": 150, "after": 0})
    after = nearest_group(match, actor, "after", WINDOW) if mode != "together" else None
    bodies = deciding_bodies(match.sentence)
    subjects: list[M] = [m for m in before.members if m.key not in bodies] if before else []
    via: Sentence | None = None
    if mode == "with" and not subjects and match.discourse.actor and BACK_ADVERB.search(match.sentence.text):
        subjects, via = [match.discourse.actor], match.discourse.actor_sentence
    objects: list[M] = [m for m in after.members if m.key not in bodies] if after else []
    if mode == "together" and len(subjects) < 2:
        return
    pairs = list(combinations(subjects + objects if mode == "all" else subjects, 2))
    if mode == "with":
        pairs += [(s, o) for s in subjects for o in objects]
    for s, o in pairs:
        yield _found(match, s, "partnerOf", o, via)
    things, thing_via = _objects(match, DOMAINS["participatesIn"][1], reach=2)
    for s in {m.key: m for m in subjects + objects}.values():
        for o in things:
            yield _found(match, s, "participatesIn", o, thing_via)


def within(match: Match) -> Iterator[Found]:
    subject_types, object_types = DOMAINS[match.cue.predicate]
    parent = nearest_group(match, object_types, "after", WINDOW)
    if parent is None or len(parent.members) != 1:
        return
    later = [g for g in match.sentence.groups if g.start > parent.end and g.kind == ACTOR]
    if later and later[0].start - parent.end <= WINDOW["after"]:
        for s in later[0].members:
            if s.type in subject_types:
                yield _found(match, s, match.cue.predicate, parent.members[0])


LINKS: dict[str, Callable[[Match], Iterator[Found]]] = {
    "participation": participation,
    "agent": agent,
    "source": source,
    "pair": pair,
    "joint": joint,
    "within": within,
}
