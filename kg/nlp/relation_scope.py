"""What a relation cue can see: the mentions of a sentence, their enumerations, and what came before.

Council prose spreads one fact over several sentences ("Das Projekt „X“ … Hier arbeitet die SWL mit … zusammen"),
so a ``Discourse`` carries the *topic actor* (the last actor that was the sole subject of a sentence) and the
*topic thing* (the last project, programme, event, product or plan named) from sentence to sentence, within
one section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ACTOR = "Organization"
THING_TYPES = frozenset({"Project", "Programme", "Event", "Product", "Plan"})

# Between two members of an enumeration: punctuation, conjunctions, articles and descriptor nouns
# ("Partnern (ENSO, DREWAG und LVB), Herstellern und Dienstleistern (KEMA-IEV"), but at least one
# separator; a bare article is a genitive ("Abteilung X der Stadt Y") and ends the enumeration.
_SEPARATOR = re.compile(r"[,;/(]|\b(?:und|sowie|oder|bzw\.?|als auch)\b")
_GAP_WORD = re.compile(r"[^\s,;/()„“”\"'.:]+")
_GAP_FILLERS = frozenset(
    {"und", "sowie", "oder", "bzw", "bzw.", "als", "auch", "der", "die", "das", "dem", "den", "des", "z.", "B."}
)
_PLACE_FILLERS = frozenset({"in", "im"})
_MAX_GAP_NOUNS = 3
_MAX_GAP = 60
# Words that point back to what the previous sentences named: adverbs ("Hier arbeitet die SWL …") may point to
# the topic actor or thing, noun phrases ("dieses Projekt") to the topic thing only.
BACK_ADVERB = re.compile(r"\b(?:[Hh]ier|[Hh]ierbei|[Dd]abei|[Dd]azu|[Dd]aran|[Dd]arin|[Dd]ort)\b")
BACK_PRONOUN = re.compile(r"\b(?:sie|er)\b")  # lower case: "hat sie … geschaffen", not the polite "Sie"
BACK_NOUN = re.compile(
    r"\b[Dd]ies(?:e|es|er|em|en)? (?:Projekt|Vorhaben|Initiative|Programm|System|Angebot|Entwicklung)\w*"
    r"|\b(?:[Dd]as|[Dd]es|[Ii]m|[Dd]em) (?:Projekt|Vorhaben)(?:es|s)?\b(?! „)"
)
# A project named in quotes that no recogniser marked still changes the topic ("Im Projekt „Econnect“ …").
UNMARKED_NAME = re.compile(
    r"\b\w*(?:[Pp]rojekt|[Vv]orhaben|[Pp]rogramm)\w*(?:\s+[A-ZÄÖÜ][\w-]*){0,2}\s+„|\b(?:Rahmen von|Call)\s+„"
)
_SOLE_SUBJECT_BEFORE = re.compile(r"^\W*(?:(?:Die|Der|Das)\s+)?$")
# A thing named as the route or site of the work ("Einsatz … auf der Innovationslinie 89") is not the topic.
_SITE_BEFORE = re.compile(r"\b(?:auf|an|entlang)\s+(?:der|dem|den)\s+$")


@dataclass(frozen=True)
class M:
    """A mention: one occurrence of an entity (by key) with its type and character offsets."""

    key: str
    type: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Group:
    """An enumeration of mentions of one kind ("die LVB und das Fraunhofer IVI"), or a single mention."""

    members: tuple[M, ...]

    @property
    def start(self) -> int:
        return self.members[0].start

    @property
    def end(self) -> int:
        return self.members[-1].end

    @property
    def kind(self) -> str:
        return kind(self.members[0].type)


def kind(entity_type: str) -> str:
    """Mentions enumerate together when they are of one kind: actors, things, places, products."""
    if entity_type in {"Project", "Programme", "Event"}:
        return "thing"
    return entity_type


def enumerates(gap: str, of: str = "") -> bool:
    """Whether ``gap`` (the text between two mentions of kind ``of``) joins them in one enumeration; places
    may repeat their preposition ("in Walle, in Huchting und im Viertel X")."""
    if len(gap) > _MAX_GAP or not _SEPARATOR.search(gap):
        return False
    fillers = _GAP_FILLERS | _PLACE_FILLERS if of == "Place" else _GAP_FILLERS
    nouns = [w for w in _GAP_WORD.findall(gap) if w not in fillers]
    return len(nouns) <= _MAX_GAP_NOUNS and all(w[0].isupper() for w in nouns)


def groups(text: str, offset: int, mentions: list[M]) -> list[Group]:
    """Group the (sorted) mentions of a sentence into enumerations; ``offset`` is the sentence start."""
    out: list[list[M]] = []
    for m in mentions:
        if out:
            last = out[-1][-1]
            if kind(last.type) == kind(m.type) and enumerates(text[last.end - offset : m.start - offset], kind(m.type)):
                out[-1].append(m)
                continue
        out.append([m])
    return [Group(tuple(g)) for g in out]


@dataclass(frozen=True)
class Sentence:
    """One sentence with its mentions (document offsets) and their enumerations."""

    start: int
    end: int
    text: str
    mentions: tuple[M, ...]
    groups: tuple[Group, ...]

    def local(self, offset: int) -> int:
        return offset - self.start

    def of_types(self, types: frozenset[str]) -> list[M]:
        return [m for m in self.mentions if m.type in types]

    def refers_back(self) -> bool:
        return bool(BACK_ADVERB.search(self.text) or BACK_NOUN.search(self.text))

    def sole_subject(self) -> M | None:
        """The actor that opens the sentence alone ("Die LVB nimmt …", not "Die BMW Group, die TU …")."""
        first = self.groups[0] if self.groups else None
        if first is None or first.kind != ACTOR or len(first.members) != 1:
            return None
        m = first.members[0]
        return m if _SOLE_SUBJECT_BEFORE.match(self.text[: self.local(m.start)]) else None

    def first_actor(self) -> M | None:
        actor_groups = [g for g in self.groups if g.kind == ACTOR]
        if len(actor_groups) == 1 and len(actor_groups[0].members) == 1:
            return actor_groups[0].members[0]
        return None


@dataclass
class Discourse:
    """The running context: topic actor and topic thing, each with the sentence that introduced it."""

    actor: M | None = None
    thing: M | None = None
    actor_sentence: Sentence | None = None
    thing_sentence: Sentence | None = None
    thing_age: int = 0  # sentences since the topic thing was named
    section: str | None = field(default=None)

    def enter(self, section: str | None) -> None:
        """A new section starts a new context."""
        if section != self.section:
            self.actor = self.thing = None
            self.actor_sentence = self.thing_sentence = None
            self.section = section

    def read(self, sentence: Sentence) -> None:
        """Before the cues of ``sentence`` run: a project named there but not marked ends the old topic."""
        if UNMARKED_NAME.search(sentence.text) and not any(m.type in THING_TYPES for m in sentence.mentions):
            self.thing = self.thing_sentence = None

    def update(self, sentence: Sentence) -> None:
        """After the cues of ``sentence`` ran: its actor and thing become the topic."""
        actor = sentence.sole_subject() or sentence.first_actor()
        if actor is not None:
            self.actor, self.actor_sentence = actor, sentence
        things = [m for m in sentence.mentions if m.type in THING_TYPES]
        things = [m for m in things if not _SITE_BEFORE.search(sentence.text[: sentence.local(m.start)])] or things
        self.thing_age += 1
        if things:
            self.thing, self.thing_sentence, self.thing_age = things[-1], sentence, 0
