"""Sections: named headings ("Sachverhalt", "Beschlussvorschlag:") and numbered ones ("1. Hintergrund",
"4.2 Unternehmen der LVV"), on their own lines or inside flattened PDF text.

A numbered heading counts only when its number follows the previous one (4 -> 4.1 -> 4.2 -> 5), so that list
items and numbers in prose ("unter Punkt 4.5") are not taken for headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.document import Section, TextSpan
from kg.ingest.structure.labels import find_labels
from kg.ingest.vocabulary import sentence_openers

_LINE_HEADING = re.compile(
    r"^[ \t]*(?P<num>\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,2}(?=\.|\)))(?:\.\)|\.|\))?[ \t]+"
    r"(?P<title>[A-ZÄÖÜ„\"][^\n]{1,99}?)[ \t]*$",
    re.MULTILINE,
)
_FLAT_HEADING = re.compile(r"(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<dot>\.)?[ \t]+(?=[A-ZÄÖÜ„\"])")
_FLAT_BEFORE = re.compile(r"(?:^|[.!?:“\")][ \t]+(?:\d{1,3}[ \t]+)?)$")
_FLAT_LINE = 300  # a line longer than this is flattened text
_TITLE_WORDS = 18


@dataclass(frozen=True)
class _Heading:
    start: int
    title: str
    number: tuple[int, ...] | None
    end: int  # end of the heading text


def _successors(last: tuple[int, ...]) -> set[tuple[int, ...]]:
    return {(*last, 1)} | {(*last[:k], last[k] + 1) for k in range(len(last))}


def _inside(offset: int, spans: list[TextSpan]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def _numbered_candidates(text: str) -> list[_Heading]:
    found = []
    for m in _LINE_HEADING.finditer(text):
        title = m["title"]
        if not title.rstrip().endswith((".", ",", ";", ":")) and len(title.split()) <= _TITLE_WORDS:
            found.append(_Heading(m.start("num"), title.strip(), _number(m["num"]), m.end("title")))
    pos = 0
    for line in text.split("\n"):
        if len(line) > _FLAT_LINE:
            found.extend(_flat_candidates(text, pos, pos + len(line)))
        pos += len(line) + 1
    return found


def _flat_candidates(text: str, start: int, end: int) -> list[_Heading]:
    found = []
    for m in _FLAT_HEADING.finditer(text, start, end):
        numbered = m["dot"] or "." in m["num"]
        if not numbered or not _FLAT_BEFORE.search(text[max(start, m.start() - 8) : m.start()]):
            continue
        title_end = _flat_title_end(text, m.end(), end)
        title = re.sub(r"\s+\d{1,3}$", "", text[m.end() : title_end].strip())
        found.append(_Heading(m.start(), title, _number(m["num"]), title_end))
    return found


def _flat_title_end(text: str, start: int, end: int) -> int:
    """A heading in flattened text ends before the first word that opens a sentence ("4.4 Leipziger Messen Die ...")."""
    openers = sentence_openers()
    for i, word in enumerate(re.finditer(r"\S+", text[start : min(end, start + 400)])):
        if i >= _TITLE_WORDS:
            return start + word.start()
        if i > 0 and word[0] in openers:
            return start + word.start()
    return min(end, start + 400)


def _number(num: str) -> tuple[int, ...]:
    return tuple(int(n) for n in num.split("."))


def find_sections(text: str, exclude: list[TextSpan] | None = None) -> tuple[Section, ...]:
    """Sections in text order; numbered heading candidates inside ``exclude`` (proposal and resolution items)
    are list items, not headings."""
    exclude = exclude or []
    named = [
        _Heading(lab.start, lab.label, None, lab.end)
        for lab in find_labels(text, len(text))
        if lab.field.startswith("heading:") and lab.field != "heading:stop"
    ]
    numbered = [h for h in _numbered_candidates(text) if not _inside(h.start, exclude)]
    headings: list[_Heading] = []
    last: tuple[int, ...] | None = None
    for h in sorted({h.start: h for h in named + numbered}.values(), key=lambda h: h.start):
        if h.number is None:
            if not (headings and headings[-1].title == h.title and not text[headings[-1].end : h.start].strip()):
                headings.append(h)
            last = None
        elif (last is None and h.number in ((1,), (1, 1))) or (last is not None and h.number in _successors(last)):
            headings.append(h)
            last = h.number
    return _with_ends(text, headings)


def _with_ends(text: str, headings: list[_Heading]) -> tuple[Section, ...]:
    levels = [len(h.number) if h.number else 1 for h in headings]
    sections = []
    used: set[str] = set()
    for i, h in enumerate(headings):
        end = next((headings[j].start for j in range(i + 1, len(headings)) if levels[j] <= levels[i]), len(text))
        sid = ".".join(map(str, h.number)) if h.number else f"s{i + 1}"
        while sid in used:
            sid += "'"
        used.add(sid)
        sections.append(Section(sid, h.title, h.start, end, levels[i]))
    return tuple(sections)


def heading_ends(text: str, sections: tuple[Section, ...]) -> list[int]:
    """Where each heading's text ends (a sentence boundary in flattened text)."""
    ends = []
    for s in sections:
        pos = text.find(s.heading, s.start)
        if pos >= 0:
            m = re.compile(r"[ \t]*:").match(text, pos + len(s.heading))
            ends.append(m.end() if m else pos + len(s.heading))
    return ends
