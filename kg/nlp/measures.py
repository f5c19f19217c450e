"""Unnamed but specific projects: a nominalised measure that a council paper is about or decides.

CONVENTIONS.md counts a specific system or project that actors plan, run or lead as a Project even without a
proper name. Two places state that role in council prose: the paper's subject ("Betreff: Beschaffung von fünf
Bussen im Kreis X", the body's decision is about it) and a decision sentence ("Dem Bau einer Radwegebrücke über
die Bahnanlagen wird zugestimmt."). Both must start with a measure noun joined to its object
(``measure_nouns``, ``measure_links`` in ``entity_lexicon.jsonl``); a measure merely mentioned is no entity.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.nlp import candidates
from kg.nlp.lexicon import word_set

MAX_MEASURE = 16
_SEGMENT = re.compile(r"\s+[-–:]\s+")
_QUOTES = re.compile(r"[„“”\"«»]")


def _is_measure(words: list[str]) -> bool:
    """``words`` open with an optional adjective, a measure noun and a link: "Weiterer Ausbau der …"."""
    nouns = word_set("measure_nouns")
    if len(words) > 1 and words[0].lower().endswith(("er", "e", "es")) and words[1].lower() in nouns:
        words = words[1:]
    return (
        len(words) >= 3
        and words[0].lower() in nouns
        and words[0][:1].isupper()
        and words[1].lower() in word_set("measure_links")
    )


def subject_measures(subject: str) -> list[str]:
    """The parts of a paper's subject that name a measure; a quoted name in it is the project itself.

    >>> subject_measures("Elektromobilität stärken - Weiterer Ausbau der Ladeinfrastruktur in Leipzig")
    ['Weiterer Ausbau der Ladeinfrastruktur in Leipzig']
    >>> subject_measures("Vertragsverlängerung mit der nextbike GmbH")
    []
    """
    found = []
    for segment in _SEGMENT.split(subject):
        segment = segment.strip().rstrip(".?!")
        if _QUOTES.search(segment) or "," in segment:
            continue
        if _is_measure(segment.split()):
            found.append(segment)
    return found


def decided_measure(sentence: Span) -> tuple[int, int] | None:
    """The measure a decision sentence approves: "Dem Bau einer Radwegebrücke … wird zugestimmt." -> "Bau … ".

    The measure must fill the sentence from its start (after a list number and an article) to "wird/werden".
    """
    tokens = [t for t in sentence if not t.is_space]
    k = 0
    while k < len(tokens) and (tokens[k].like_num or tokens[k].is_punct):
        k += 1
    if k < len(tokens) and tokens[k].lower_ in ("dem", "der", "die", "das", "den"):
        k += 1
    start = k
    for j in range(start + 2, min(start + MAX_MEASURE, len(tokens) - 1)):
        if tokens[j].lower_ in ("wird", "werden"):
            if tokens[j + 1].lower_ not in word_set("decision_verbs"):
                return None
            words = [t.text for t in tokens[start:j]]
            if any(t.is_punct and t.text not in "-/" for t in tokens[start:j]) or not _is_measure(words):
                return None
            return tokens[start].i, tokens[j - 1].i + 1
    return None


def add_measures(doc: Doc) -> None:
    """Add the subject's measures (wherever they occur) and the decided measures as Project candidates."""
    document = doc._.document
    subject = document.structure.subject if document is not None else None
    for measure in subject_measures(subject or ""):
        for match in re.finditer(re.escape(measure), doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                candidates.add(doc, span.start, span.end, "Project", "title")
    for sentence in doc.sents:
        found = decided_measure(sentence)
        if found:
            candidates.add(doc, found[0], found[1], "Project", "title")
