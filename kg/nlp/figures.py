"""Component "key_figures": numbers the text reports, with unit, what is counted and the reference date.

"54 Ladestationen (7 öffentliche, 24 halböffentliche und 23 private)", "380.000 km", "57 t CO2", "1,5 Mio. €".
A number counts only with a unit or a counted noun right after it, so dates, section numbers, budget lines,
phone numbers and paragraph references are not figures.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.document import Document, TextSpan
from kg.ingest.dates import NUMERIC_DATE, parse_date, parse_month
from kg.ingest.vocabulary import alternation
from kg.nlp.figure_lexicon import COUNT_UNIT, lexicon
from kg.records import Evidence, KeyFigure

_DIGITS = r"(?<![\w.,/§-])(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?(?![\d]|[.,]\d)"
_ADJECTIVE = re.compile(r"[ \t]+(?P<adj>[a-zäöüß][a-zäöüß-]+(?:e|en|er|es|em))(?=[ \t,)])")
_WORD = re.compile(r"[ \t]*(?P<word>[A-ZÄÖÜ0-9][\wÄÖÜäöüß-]*[\wÄÖÜäöüß])")
_REFERENCE_DATE = re.compile(
    rf"Stand:?\s*(?:(?P<date>{NUMERIC_DATE.pattern})|(?P<when>[A-ZÄÖÜa-zäöü]+\s+\d{{4}}|\d{{4}}))"
    r"|\b[Ii]m Jahre? (?P<year>\d{4})\b"
)
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class _Found:
    value: float
    unit: str
    counted: str
    code: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _number_pattern() -> re.Pattern[str]:
    words = alternation(list(lexicon().numbers))
    scale_words = alternation(list(lexicon().scales))
    return re.compile(rf"(?:{_DIGITS}|(?<![\w-])(?P<word>{words})(?![\w-]))(?:[ \t]?(?P<scale>{scale_words})(?![\w]))?")


def _value(m: re.Match[str]) -> float:
    lex = lexicon()
    if m["word"]:
        value = lex.numbers[m["word"]]
    else:
        value = float(m["int"].replace(".", "") + (f".{m['frac']}" if m["frac"] else ""))
    return value * lex.scales.get(m["scale"] or "", 1.0)


def _unit_after(text: str, pos: int) -> tuple[str, str, str | None, int] | None:
    """(unit as written, counted, code, end) for the unit or counted noun that starts at ``pos``."""
    lex = lexicon()
    rest = text[pos : pos + 60]
    stripped = rest.lstrip(" \t")
    offset = pos + len(rest) - len(stripped)
    for form in sorted(lex.units, key=len, reverse=True):
        if stripped.startswith(form) and not re.match(r"[\wÄÖÜäöüß]", stripped[len(form) : len(form) + 1]):
            unit, end = lex.units[form], offset + len(form)
            written, counted = form, unit.counted
            sub = re.match(rf"[ \t]*({alternation(list(lex.substances))})(?![\w])", text[end : end + 20])
            if sub:
                written, counted, end = f"{form} {sub[1]}", sub[1], end + sub.end()
            return written, counted, unit.code, end
    word = _WORD.match(text, pos)
    if word is None:
        return None
    written = word["word"]
    lower = written.lower()
    for form, head in lex.counted:
        if lower.endswith(form.lower()):
            prefix = written[: len(written) - len(form)]
            if prefix and not (prefix[-1].isalpha() or prefix[-1] == "-"):
                continue
            counted = prefix + (head if not prefix or prefix.endswith("-") else head.lower())
            return written, counted, COUNT_UNIT, word.end()
    return None


def find_figures(text: str) -> list[_Found]:
    """Every number with a unit or counted noun after it (adjectives allowed between: "167 reine E-Fahrzeuge")."""
    found: list[_Found] = []
    parent: _Found | None = None  # the last figure with its own unit, for "(7 öffentliche, 24 private)"
    for m in _number_pattern().finditer(text):
        if text[m.end() : m.end() + 1] in (".", "-", "/"):
            continue  # an ordinal ("1. Lesung"), a compound ("12-Meter-Bus"), a phone number
        pos, adjectives = m.end(), list[str]()
        while (adj := _ADJECTIVE.match(text, pos)) and len(adjectives) < 2:
            adjectives.append(adj["adj"])
            pos = adj.end()
        unit = _unit_after(text, pos)
        if unit is None:
            if adjectives and parent and _in_parentheses_after(text, parent.end, m.start()):
                counted = f"{adjectives[0]} {parent.counted}"
                found.append(_Found(_value(m), parent.unit, counted, parent.code, m.start(), pos))
            continue
        written, counted, code, end = unit
        if m["scale"]:
            written = f"{m['scale']} {written}"
        if code == COUNT_UNIT and not m["scale"] and _YEAR.fullmatch(m[0].strip()):
            continue  # "2015 Projekte" is more likely a year than a count
        parent = _Found(_value(m), written, counted, code, m.start(), end)
        found.append(parent)
    return found


def _in_parentheses_after(text: str, parent_end: int, start: int) -> bool:
    between = text[parent_end:start]
    return between.lstrip().startswith("(") and ")" not in between


def reference_date(sentence: str) -> str | None:
    """ "(Stand 1.1.2015)" -> "2015-01-01"; "Stand: März 2015" -> "2015-03"; "im Jahr 2014" -> "2014"."""
    m = _REFERENCE_DATE.search(sentence)
    if m is None:
        return None
    if m["date"]:
        return parse_date(m["date"])
    if m["when"]:
        return parse_month(m["when"]) or (m["when"] if m["when"].isdigit() else None)
    return m["year"]


def figures_of(document: Document, ents: Sequence[Span] = ()) -> list[KeyFigure]:
    """The key figures of ``document``; ``about`` is the one entity of ``ents`` in the figure's sentence, if one."""
    sentences = list(document.sentences) or [TextSpan(0, len(document.text))]
    starts = [s.start for s in sentences]
    figures = []
    for f in find_figures(document.text):
        sentence = sentences[max(0, bisect.bisect_right(starts, f.start) - 1)]
        quote = document.text[sentence.start : sentence.end]
        keys = {e.kb_id_ for e in ents if e.start_char >= sentence.start and e.end_char <= sentence.end and e.kb_id_}
        section = document.section_at(f.start)
        evidence = Evidence(document.id, sentence.start, sentence.end, quote, section.id if section else None)
        figures.append(
            KeyFigure(
                value=f.value,
                unit=f.unit,
                counted=f.counted,
                evidence=evidence,
                about=next(iter(keys)) if len(keys) == 1 else None,
                reference_date=reference_date(quote),
                unit_code=f.code,
            )
        )
    return figures


@Language.component("key_figures", requires=["doc.ents"], assigns=["doc._.figures"])
def key_figures(doc: Doc) -> Doc:
    document = doc._.document
    if document is None:
        document = Document(id="", title="", source="<doc>", text=doc.text)
    doc._.figures = figures_of(document, doc.ents)
    return doc
