"""Choose among the candidate spans and merge mentions into entities.

Overlaps go to the longest span (ties: structure > gazetteer > acronym/person > pattern/title > brand).
Mentions are one entity when they share a gazetteer id, when their word stems agree without the legal form
("Stadtwerken Leipzig" = "Stadtwerke Leipzig GmbH"), or when an acronym was defined for the other. Each
entity gets one canonical name (the gazetteer name or the fullest form seen) and every other form as alias;
its key is the gazetteer id or ``kg.keys.entity_key`` of the name, so documents agree on it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.keys import entity_key
from kg.nlp import candidates
from kg.nlp.acronyms import USER_DATA_KEY
from kg.nlp.candidates import is_brand
from kg.nlp.coordination import USER_DATA_KEY as COORDINATED_KEY
from kg.nlp.gazetteer import GAZETTEER_DIR, load_gazetteer
from kg.nlp.lexicon import stem, word_set
from kg.nlp.titles import CLOSE_QUOTES, OPEN_QUOTES
from kg.records import Entity, Mention

_GROUPS = {"Project": "project", "Programme": "project"}
_GLUED_NUMBER = re.compile(r"^(\w*[a-z])(II|III|IV)$")
_SAME_WORD = {"&": "und", "für": "in", "im": "in"}  # "Bikesharingsystem für Augsburg" = "… in Augsburg"


@dataclass
class _Group:
    spans: list[Span] = field(default_factory=list)
    nested: list[Span] = field(default_factory=list)


_KEEP_DOT = ("V.", "Inc.", "Ltd.", "Co.", "S.A.", "B.V.", "Dr.", "Prof.")


def clean(text: str) -> str:
    """The surface form with soft hyphens and line breaks folded, and a sentence's full stop dropped."""
    text = " ".join(text.replace("\u00ad", "").split())
    return text[:-1] if text.endswith(".") and not text.endswith(_KEEP_DOT) else text


def surface(span: Span) -> str:
    """The span's text, or the full name of a coordinated number ("II" of "SaxMobility I und II")."""
    return str(span.doc.user_data.get(COORDINATED_KEY, {}).get((span.start, span.end), span.text))


def norm_key(span: Span) -> tuple[str, ...]:
    """Word stems without quotes, a leading article or a trailing legal form: the identity of a name."""
    legal = {f.lower() for f in word_set("legal_forms")}
    text = surface(span)
    if text != span.text:
        return tuple(stem(w) for w in text.split())
    glued = _GLUED_NUMBER.match(span.text) if len(span) == 1 else None
    if glued:  # "SaxMobilityII" = "SaxMobility II"
        return stem(glued.group(1)), glued.group(2).lower()
    if len(span) == 1 and "-" in span.text and is_brand(span.text.split("-")[0]):  # "mobil.punkt-Entwicklung"
        return (stem(span.text.split("-")[0]),)
    words = [_SAME_WORD.get(t.lower_, t.text.rstrip("-")) for t in span if t.text not in OPEN_QUOTES | CLOSE_QUOTES]
    while words and (words[-1].lower() in legal or words[-1] in {"e.", "V.", "&", "Co.", "mbH"}):
        words.pop()
    return tuple(stem(w) for w in words) or tuple(stem(t.text) for t in span)


def choose(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first; a chosen span takes a gazetteer id from a same-offset rival."""
    ids = {(s.start, s.end, _GROUPS.get(s.label_, s.label_)): s.kb_id_ for s in spans if s.kb_id_}
    ranked = sorted(spans, key=lambda s: (-len(s), -candidates.PRIORITY.get(candidates.source(s), 0), s.start))
    taken = [False] * (len(spans[0].doc) if spans else 0)
    chosen = []
    for span in ranked:
        if any(taken[span.start : span.end]):
            continue
        for i in range(span.start, span.end):
            taken[i] = True
        kb = span.kb_id_ or ids.get((span.start, span.end, _GROUPS.get(span.label_, span.label_)), "")
        chosen.append(Span(span.doc, span.start, span.end, label=span.label_, kb_id=kb, span_id=span.id_))
    return sorted(chosen, key=lambda s: s.start)


def nested_owners(spans: list[Span], chosen: list[Span]) -> list[Span]:
    """Organizations named as genitive owner inside a chosen body or plan ("Rat der Stadt Köln" -> "Stadt Köln",
    "Nahverkehrsplan der Stadt Hagen" -> "Stadt Hagen")."""
    found: list[Span] = []
    for outer in chosen:
        if outer.label_ not in ("Organization", "Plan") or len(outer) < 3:
            continue
        for span in spans:
            inside = outer.start < span.start and span.end == outer.end and span.label_ == "Organization"
            if inside and span.doc[span.start - 1].lower_ in ("der", "des") and not found.count(span):
                found.append(span)
    return found


def nested_parts(spans: list[Span], chosen: list[Span]) -> list[tuple[Span, Span | None]]:
    """The maker at the start of a chosen product ("BMW i3" -> "BMW"), so the actor stays an entity, and the
    shorter forms of a chosen plan ("Nahverkehrsplan 2020" in "Nahverkehrsplan 2020 der Stadt Hagen") with the
    plan they belong to, so they stay its aliases."""
    found: list[tuple[Span, Span | None]] = []
    for outer in chosen:
        for s in spans:
            if not (outer.start <= s.start and s.end <= outer.end and len(s) < len(outer)):
                continue
            if outer.label_ == "Product" and s.start == outer.start and s.label_ == "Organization" and s.kb_id_:
                found.append((s, None))
            elif outer.label_ == "Plan" and s.label_ == "Plan":
                found.append((s, outer))
    return found


def nested_places(spans: list[Span], chosen: list[Span], owners: list[Span]) -> list[Span]:
    """Places named inside a project, plan or event title ("Mobilstationsnetz in Köln" -> "Köln"); a place
    inside an actor's name gives none ("Stadtwerke Köln", the owner "Stadt Hagen" of a plan)."""
    found: list[Span] = []
    for outer in chosen:
        if outer.label_ in ("Organization", "Place", "Person") or len(outer) < 2:
            continue
        for span in spans:
            inside = outer.start < span.start and span.end <= outer.end and span.label_ == "Place"
            if (
                inside
                and not any(o.start <= span.start and span.end <= o.end for o in owners)
                and not any(s.start == span.start and s.end == span.end for s in found)
            ):
                found.append(span)
    return found


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _identity(span: Span) -> str:
    group = _GROUPS.get(span.label_, span.label_)
    return f"id:{span.kb_id_}" if span.kb_id_ else f"{group}:{' '.join(norm_key(span))}"


def group_mentions(
    doc: Doc, chosen: list[Span], nested: list[Span], forms: Sequence[tuple[Span, Span]] = ()
) -> dict[str, _Group]:
    """Mentions grouped into entities; each of ``forms`` (a shorter form, its name) joins the name's group."""
    union = _Union()
    for span in [*chosen, *nested]:
        union.find(_identity(span))
    for form, name in forms:
        union.join(_identity(form), _identity(name))
    acronyms: dict[str, tuple[int, int]] = doc.user_data.get(USER_DATA_KEY, {})
    by_offsets = {(s.start, s.end): s for s in chosen}
    for acronym, (start, end) in acronyms.items():
        long_form = by_offsets.get((start, end)) or next((s for s in chosen if s.start <= start and s.end >= end), None)
        words = acronym.split()
        uses = [s for s in chosen if [t.text for t in s[: len(words)]] == words or s[0].text.startswith(acronym + "-")]
        if long_form is not None:
            for use in uses:
                if use.label_ == long_form.label_ or use.kb_id_ == long_form.kb_id_:
                    union.join(_identity(use), _identity(long_form))
    defined = set(acronyms.values())
    _merge_short_forms(union, [s for s in [*chosen, *nested] if (s.start, s.end) not in defined])
    groups: dict[str, _Group] = {}
    for span in chosen:
        groups.setdefault(union.find(_identity(span)), _Group()).spans.append(span)
    for span in nested:
        groups.setdefault(union.find(_identity(span)), _Group()).nested.append(span)
    return groups


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return len(long) > n and any(
        long[i : i + n] == short and (i == 0 or long[i - 1] not in ("der", "des")) for i in range(len(long) - n + 1)
    )


def _merge_short_forms(union: _Union, spans: list[Span]) -> None:
    """Join a short form to the one longer name of its type that contains it ("Fahrradverleihsystem" ->
    "Öffentliches Fahrradverleihsystem für Leverkusen"); a short form inside several names stays apart, and
    ``spans`` leaves out long forms the text defines an acronym for (they are names of their own)."""
    keys: dict[str, tuple[str, tuple[str, ...]]] = {}
    for span in spans:
        if not span.kb_id_ and span.label_ not in ("Person", "Place"):
            keys.setdefault(_identity(span), (_GROUPS.get(span.label_, span.label_), norm_key(span)))
    for short_id, (group, short) in keys.items():
        longer = {union.find(k) for k, (g, key) in keys.items() if g == group and _contains(key, short)}
        if len(longer) == 1:
            union.join(short_id, longer.pop())


def _canonical(spans: list[Span]) -> str:
    texts = Counter(clean(surface(s)) for s in spans)
    non_acronym = [s for s in spans if candidates.source(s) != "acronym"] or spans
    best = max(non_acronym, key=lambda s: (len(s), texts[clean(surface(s))], -len(s.text), -s.start))
    return clean(surface(best))


def build_entity(group: _Group) -> Entity:
    spans = group.spans + group.nested
    entries = load_gazetteer(GAZETTEER_DIR)
    gid = next((s.kb_id_ for s in spans if s.kb_id_), "")
    entry = entries.get(gid)
    label = entry.type if entry else Counter(s.label_ for s in spans).most_common(1)[0][0]
    name = entry.name if entry else _canonical(spans)
    aliases = tuple(dict.fromkeys(clean(surface(s)) for s in spans if clean(surface(s)) != name))
    mentions = tuple(
        Mention(s.start_char, s.end_char, s.text, candidates.source(s)) for s in sorted(spans, key=lambda s: s.start)
    )
    return Entity(
        key=gid or entity_key(name),
        type=label,  # type: ignore[arg-type]
        name=name,
        aliases=aliases,
        mentions=mentions,
        wikidata=entry.wikidata if entry else None,
        gazetteer_id=gid or None,
    )


@Language.component("entity_resolver", requires=["doc.spans"], assigns=["doc.ents", "doc._.entities"])
def entity_resolver(doc: Doc) -> Doc:
    """Set ``doc.ents`` (kb_id_ = entity key) and ``doc._.entities`` from the candidates."""
    spans = [s for s in candidates.candidates(doc) if s.text.strip()]
    chosen = choose(spans)
    parts = nested_parts(spans, chosen)
    owners = nested_owners(spans, chosen)
    nested = owners + nested_places(spans, chosen, owners) + [part for part, _ in parts]
    forms = [(part, name) for part, name in parts if name is not None]
    entities: dict[str, Entity] = {}
    ents: list[Span] = []
    for group in group_mentions(doc, chosen, nested, forms).values():
        entity = build_entity(group)
        if entity.key in entities:  # two groups that name the same thing (e.g. one gazetteer id)
            old = entities[entity.key]
            aliases = tuple(dict.fromkeys(a for a in (*old.aliases, *entity.aliases, entity.name) if a != old.name))
            entity = Entity(
                old.key, old.type, old.name, aliases, old.mentions + entity.mentions, old.wikidata, old.gazetteer_id
            )
        entities[entity.key] = entity
        ents.extend(Span(doc, s.start, s.end, label=entity.type, kb_id=entity.key) for s in group.spans)
    doc.ents = sorted(ents, key=lambda s: s.start)
    doc._.entities = entities
    return doc
