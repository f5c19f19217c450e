"""The ``relation_extractor`` component: typed relations between resolved entities, with evidence.

Reads ``doc.ents`` (``kb_id_`` = entity key, ``label_`` = type), ``doc.sents`` and ``doc._.document``; writes
``doc._.relations``. Sentence by sentence it applies the cues of ``relation_cues.jsonl`` (see
``kg.nlp.relation_links``) and the gap cues of ``relation_gaps.jsonl``, carrying the topic actor and thing from
sentence to sentence (``kg.nlp.relation_scope``), and places by adjective, in a list or before the project
(``kg.nlp.relation_places``), and the projects a programme of "Teilprojekte" introduces after it in its section
(``kg.nlp.relation_programmes``).
Two document-level rules follow the annotation conventions: a section heading "Unternehmen der X" makes the actors
that lead its sentences subsidiaries of X, and a project whose title names a place is located there. Finally one
relation is kept per pair: the most specific predicate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from kg.document import Document
from kg.nlp.relation_cues import DOMAINS, GapCue, load_cues, load_gap_cues
from kg.nlp.relation_links import LINKS, Found, Match
from kg.nlp.relation_places import demonym_relations, place_before_relations, place_list_relations
from kg.nlp.relation_programmes import programme_member_relations
from kg.nlp.relation_scope import ACTOR, Discourse, Group, M, Sentence, groups
from kg.records import Evidence, Relation

# A heading that lists companies under a group: "4.2 Unternehmen der LVV", "Beteiligungen der Stadtwerke".
GROUP_HEADING = re.compile(
    r"\b(?:Unternehmen|Töchter|Tochtergesellschaften|Beteiligungen|Gesellschaften)\s+(?:der|des)\b"
)
HEADING_CUE, TITLE_CUE = "section.group-heading", "title.names-place"
APPOSITION_CUE = "gap.einheit-des-amts"
# Most specific first: one relation per pair (CONVENTIONS.md).
SPECIFICITY = ("operates", "coordinates", "participatesIn", "subsidiaryOf", "partnerOf")


def _mentions(doc: Doc) -> list[M]:
    return [M(e.kb_id_, e.label_, e.start_char, e.end_char, e.text) for e in doc.ents if e.kb_id_]


def _sentences(doc: Doc, mentions: list[M]) -> list[Sentence]:
    out, i = [], 0
    full_text = doc.text  # Doc.text joins every token: read it once, not per sentence
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while i < len(mentions) and mentions[i].start < start:
            i += 1
        inside = []
        j = i
        while j < len(mentions) and mentions[j].start < end:
            inside.append(mentions[j])
            j += 1
        text = full_text[start:end]
        out.append(Sentence(start, end, text, tuple(inside), tuple(groups(text, start, inside))))
    return out


def _neighbours(sentence: Sentence) -> Iterator[tuple[Group, Group]]:
    """Neighbouring groups, and neighbouring members inside a group: an enumeration may hold an apposition
    ("dem Verkehrs- und Tiefbauamt, Abteilung Stadtbeleuchtung")."""
    yield from zip(sentence.groups, sentence.groups[1:], strict=False)
    for group in sentence.groups:
        for a, b in zip(group.members, group.members[1:], strict=False):
            yield Group((a,)), Group((b,))


def _gap_matches(cue: GapCue, sentence: Sentence) -> Iterator[Found]:
    for left, right in _neighbours(sentence):
        gap = sentence.text[sentence.local(left.end) : sentence.local(right.start)]
        if not cue.gap.fullmatch(gap):
            continue
        subjects, objects = (right, left) if cue.reverse else (left, right)
        for s in subjects.members:
            if s.type not in cue.subject_types or (cue.subject_text and not cue.subject_text.search(s.text)):
                continue
            for o in objects.members:
                if o.type in cue.object_types and not (cue.object_text and not cue.object_text.search(o.text)):
                    yield Found(s.key, cue.predicate, o.key, cue.id, cue.confidence, (sentence,))


def _following(sentences: list[Sentence], i: int, document: Document | None) -> Sentence | None:
    """The sentence after ``sentences[i]`` when it is in the section where ``sentences[i]`` ends."""
    if i + 1 >= len(sentences):
        return None
    after = sentences[i + 1]
    if document is not None and document.section_at(after.start) != document.section_at(sentences[i].end - 1):
        return None
    return after


def _sentence_relations(sentences: list[Sentence], document: Document | None) -> Iterator[Found]:
    cues, gap_cues = load_cues(), load_gap_cues()
    discourse = Discourse()
    for i, sentence in enumerate(sentences):
        section = document.section_at(sentence.start) if document else None
        discourse.enter(section.id if section else None)
        discourse.read(sentence)
        following = _following(sentences, i, document)
        joint_with = False
        for cue in cues:
            if cue.unless is not None and cue.unless.search(sentence.text):
                continue
            if cue.link == "joint" and cue.mode == "together" and joint_with:
                continue
            for pattern in cue.patterns:
                for hit in pattern.finditer(sentence.text):
                    match = Match(
                        cue, sentence.start + hit.start(), sentence.start + hit.end(), sentence, discourse, following
                    )
                    found = list(LINKS[cue.link](match))
                    joint_with |= cue.link == "joint" and cue.mode == "with" and bool(found)
                    yield from found
        for gap_cue in gap_cues:
            yield from _gap_matches(gap_cue, sentence)
        discourse.update(sentence)


def _heading_relations(sentences: list[Sentence], mentions: list[M], document: Document) -> Iterator[Found]:
    """Actors that open sentences under "Unternehmen der X" belong to X (CONVENTIONS.md, subsidiaryOf)."""
    for section in document.sections:
        if not GROUP_HEADING.search(section.heading):
            continue
        at = document.text.find(section.heading, section.start)
        heading_end = (at if at >= 0 else section.start) + len(section.heading)
        parents = [m for m in mentions if m.type == ACTOR and section.start <= m.start < heading_end + 1]
        if not parents:
            continue
        for sentence in sentences:
            if sentence.end <= section.start or sentence.start >= section.end:
                continue
            child = _after_heading(sentence, heading_end) if sentence.start < heading_end else sentence.sole_subject()
            if child is not None and child.key != parents[-1].key:
                yield Found(child.key, "subsidiaryOf", parents[-1].key, HEADING_CUE, 0.75, (sentence,))


def _after_heading(sentence: Sentence, heading_end: int) -> M | None:
    """The first actor after the heading, when the heading shares its sentence span with the first sentence."""
    return next((m for m in sentence.mentions if m.start >= heading_end and m.type == ACTOR), None)


def _title_relations(doc: Doc, sentences: list[Sentence]) -> Iterator[Found]:
    """A project whose name or alias names a place is located there ("Aufbau Ladeinfrastruktur Stuttgart")."""
    entities = doc._.entities or {}
    places = [e for e in entities.values() if e.type == "Place"]
    for project in (e for e in entities.values() if e.type == "Project"):
        for place in places:
            names = [re.compile(rf"(?<!\w){re.escape(lab)}(?!\w)") for lab in place.labels if len(lab) >= 3]
            if not any(name.search(title) for name in names for title in project.labels):
                continue
            first = next((s for s in sentences if any(m.key == project.key for m in s.mentions)), None)
            if first is not None:
                yield Found(project.key, "locatedIn", place.key, TITLE_CUE, 0.7, (first,))


def chain(candidates: list[Found]) -> list[Found]:
    """A unit has one parent: "Amt X, Abteilung Y der Stadt Z" makes Y part of X, and X (not Y) part of Z."""
    parents = {(f.subject, f.sentences[-1].start): f.object for f in candidates if f.cue == APPOSITION_CUE}
    out = []
    for f in candidates:
        parent = parents.get((f.subject, f.sentences[-1].start))
        if f.predicate == "subsidiaryOf" and f.cue != APPOSITION_CUE and parent not in (None, f.object):
            f = replace(f, subject=parent)
        out.append(f)
    return out


def _in_domain(found: Found, types: dict[str, str]) -> bool:
    subjects, objects = DOMAINS[found.predicate]
    return found.subject != found.object and types.get(found.subject) in subjects and types.get(found.object) in objects


def _pair_key(found: Found) -> tuple[str, str]:
    """Symmetric predicates share one key per unordered pair, so "A partnerOf B" and "B partnerOf A" merge."""
    if found.predicate in {"partnerOf", "subsidiaryOf"}:
        low, high = sorted((found.subject, found.object))
        return low, high
    return found.subject, found.object


def select(candidates: Iterable[Found], types: dict[str, str]) -> list[Found]:
    """One relation per pair: the most specific predicate, then the most confident cue, first evidence kept."""
    best: dict[tuple[str, str], Found] = {}
    for found in candidates:
        if not _in_domain(found, types):
            continue
        key = _pair_key(found)
        old = best.get(key)
        if old is None or _rank(found) < _rank(old):
            best[key] = found
    return list(best.values())


def _rank(found: Found) -> tuple[int, float]:
    order = SPECIFICITY.index(found.predicate) if found.predicate in SPECIFICITY else 0
    return order, -found.confidence


def _evidence(found: Found, document: Document | None, doc_id: str) -> tuple[Evidence, ...]:
    out = []
    for s in dict.fromkeys(found.sentences):
        section = document.section_at(s.start) if document else None
        out.append(Evidence(doc_id, s.start, s.end, s.text, section.id if section else None))
    return tuple(out)


def extract_relations(doc: Doc) -> list[Relation]:
    """The relations the text of ``doc`` states between its entities (``doc.ents``), with evidence."""
    document: Document | None = doc._.document
    mentions = _mentions(doc)
    sentences = _sentences(doc, mentions)
    types = {m.key: m.type for m in mentions}
    types.update({key: e.type for key, e in (doc._.entities or {}).items()})
    candidates: list[Found] = list(_sentence_relations(sentences, document))
    if document is not None:
        candidates += _heading_relations(sentences, mentions, document)
    candidates += _title_relations(doc, sentences)
    candidates += programme_member_relations(sentences, document)
    candidates += demonym_relations(sentences, doc._.entities or {})
    candidates += place_list_relations(sentences)
    candidates += place_before_relations(sentences)
    doc_id = document.id if document else ""
    return [
        Relation(f.subject, f.predicate, f.object, f.cue, f.confidence, _evidence(f, document, doc_id))  # type: ignore[arg-type]
        for f in select(chain(candidates), types)
    ]


@Language.factory("relation_extractor", assigns=["doc._.relations"], requires=["doc.ents", "doc.sents"])
def make_relation_extractor(nlp: Language, name: str) -> RelationExtractor:
    return RelationExtractor()


class RelationExtractor:
    """Writes ``doc._.relations``; cue files are loaded once per process."""

    def __init__(self) -> None:
        load_cues()
        load_gap_cues()

    def __call__(self, doc: Doc) -> Doc:
        if not Doc.has_extension("relations"):
            Doc.set_extension("relations", default=None)
        for ext in ("document", "entities"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)
        doc._.relations = extract_relations(doc)
        return doc
