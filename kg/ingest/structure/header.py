"""The fields of a paper's header: reference number, kind, status, submitter, subject, date, related papers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.ingest.dates import NUMERIC_DATE, parse_date
from kg.ingest.structure.labels import Label, value_after
from kg.ingest.vocabulary import alternation, paper_kinds

_REF = r"[A-Za-zÄÖÜäöü0-9][\w/.\-]*\d[\w/.\-]*"
# Leipzig and similar systems: "VI-DS-01293", "VI-A-04741-VSP-01", "VI-DS-01293-ÄA-001" (suffix: a derived paper).
_SERIES_REF = re.compile(r"(?<![\w-])([IVX]{1,4}-[A-Za-zÄÖÜäöü]{1,5}-\d{3,6})((?:-[\wÄÖÜäöü]+)*)")
_MENTIONED_REF = re.compile(
    r"(?:Drucksache|Drs\.|GRDrs|Vorlage|Beschluss|Vorlagennummern?)(?:[ \t]+Nr\.?)?:?[ \t]+"
    r"((?:[A-Z]{1,5}[/-])?\d{1,5}(?:-\d+)?/(?:[A-Z]{1,4}/)?\d{2,5}(?:-\d+)?)"
)
_SUBJECT_MAX = 250


@dataclass
class Header:
    reference: str | None = None
    reference_end: int = 0
    kind: str | None = None
    status: str | None = None
    submitter: str | None = None
    subject: str | None = None
    date: str | None = None
    related: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _kind_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\wÄÖÜäöü])({alternation([f for f, _ in paper_kinds()])})(?![\wäöü])")


@lru_cache(maxsize=1)
def _title_line() -> re.Pattern[str]:
    """ALLRIS web title "Beschlussvorlage - 0548/2020", "Vorlage - VII-DS-00547-NF-01-DS-01"."""
    return re.compile(r"^[ \t]*(?P<kind>[^\n]{3,60}?)[ \t]+-[ \t]+(?P<ref>[^\n]{2,40}?)[ \t]*$", re.MULTILINE)


@lru_cache(maxsize=1)
def _numbered() -> re.Pattern[str]:
    """ "Beschlussvorlage Nr. VI-DS-01293", "Drucksache Nr.: 115/2021", "GRDrs 1050/2018"."""
    kinds = alternation([f for f, _ in paper_kinds()] + ["Drucksache", "GRDrs", "Vorlage"])
    return re.compile(rf"(?:{kinds})[ \t]*(?:Nr\.?)?[ \t]*:?[ \t]+(?P<ref>{_REF})")


def canonical_kind(text: str) -> str | None:
    """The kind of paper named in ``text`` ("VO Beschlussvorlage (Standard)" -> "Beschlussvorlage")."""
    if m := _kind_pattern().search(text):
        return dict(paper_kinds())[m[1]]
    return None


def _names_paper(text: str) -> bool:
    return canonical_kind(text) is not None or bool(re.search(r"\b(?:Vorlage|Drucksache)\b", text))


def _is_reference(value: str) -> bool:
    return (
        bool(re.search(r"\d", value))
        and len(value) <= 40
        and value.count(" ") <= 2
        and not NUMERIC_DATE.fullmatch(value.strip())
        and not re.search(r"[a-zäöü]{4,}\s", value)
    )


def parse_header(text: str, labels: list[Label], header_end: int) -> Header:
    """Read the labelled fields of the header (``text[:header_end]``)."""
    header = Header()
    values: dict[str, str] = {}
    fields_in_header = [lab for lab in labels if lab.start < header_end]
    for i, lab in enumerate(fields_in_header):
        if lab.field.startswith("heading:") or lab.field in values:
            continue
        stop = fields_in_header[i + 1].start if i + 1 < len(fields_in_header) else header_end
        span = value_after(text, lab, stop)
        if span is not None:
            values[lab.field] = " ".join(text[span.start : span.end].split())
            if lab.field == "reference":
                header.reference_end = span.end
    head = text[:header_end]
    title = next(
        (m for m in _title_line().finditer(head[:1500]) if _is_reference(m["ref"]) and _names_paper(m["kind"])), None
    )
    numbered = _numbered().search(head)
    if title:
        header.reference, header.reference_end = title["ref"].strip(), title.end()
    elif numbered and (values.get("reference") is None or numbered.start() < header.reference_end):
        header.reference, header.reference_end = numbered["ref"].rstrip("."), numbered.end()
    elif values.get("reference") and _is_reference(values["reference"]):
        header.reference = values["reference"]
    header.kind = (
        canonical_kind(values.get("kind", ""))
        or (canonical_kind(title["kind"]) if title else None)
        or (canonical_kind(head) if header.reference or values else None)
    )
    header.status = values.get("status")
    named = [v for v in (values.get("submitter"), values.get("lead")) if v and re.search(r"[A-Za-zÄÖÜäöü]{3}", v)]
    submitter = named[0] if named else None
    header.submitter = re.sub(r"^\d{1,2}\.\s*", "", submitter) if submitter else None
    header.subject = _subject(values.get("subject"))
    header.date = parse_date(values["date"]) if "date" in values else None
    header.related = _related(text, header.reference, values.get("related"))
    return header


def _subject(value: str | None) -> str | None:
    if not value:
        return None
    if len(value) > _SUBJECT_MAX:  # flattened text: the subject runs into the body; keep its first sentence
        m = re.search(r"[.?!](?=\s+[A-ZÄÖÜ])", value)
        value = value[: m.end()] if m and m.end() <= _SUBJECT_MAX else value[:_SUBJECT_MAX].rsplit(" ", 1)[0]
    return value


def _related(text: str, reference: str | None, related_field: str | None) -> list[str]:
    """Papers this one refers to: its parent (the reference without its suffix), a "Bezüglich" field, and
    paper numbers mentioned in the text."""
    found: list[str] = []
    if reference and (m := _SERIES_REF.match(reference)) and m[2]:
        found.append(m[1])
    if related_field:
        found.extend(v for v in re.split(r"[\s,;]+", related_field) if _is_reference(v))
    found.extend(m[0] for m in _SERIES_REF.finditer(text))
    found.extend(m[1] for m in _MENTIONED_REF.finditer(text))
    unique = dict.fromkeys(r.rstrip(".") for r in found)
    unique.pop(reference or "", None)
    return list(unique)
