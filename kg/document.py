"""The source side of the seam: a document as text with offsets, and its council-document structure.

Everything here is a frozen dataclass of plain values; character offsets are Python ``str`` indices into
``Document.text`` (0-based, end exclusive, as in W3C Web Annotation and NIF).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TextSpan:
    """A stretch of ``Document.text``."""

    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A numbered or headed part of the text ("4.2 Unternehmen der LVV")."""

    id: str  # stable within the document: "4.2", or "s3" for unnumbered parts
    heading: str
    start: int
    end: int
    level: int = 1


@dataclass(frozen=True)
class Consultation:
    """One row of a Beratungsfolge: which body treats the paper, when, in which role."""

    position: int
    body: str
    date: str | None = None  # ISO 8601 date
    role: str | None = None  # as written: "1. Lesung", "Vorberatung", "Beschlussfassung"
    outcome: str | None = None  # as written: "ungeändert beschlossen", "vertagt"
    span: TextSpan | None = None


@dataclass(frozen=True)
class ResolutionItem:
    number: str
    text: str
    span: TextSpan | None = None


@dataclass(frozen=True)
class Vote:
    """A vote result: the sentence as written and the counts it states."""

    text: str
    outcome: str | None = None  # "angenommen", "abgelehnt"
    mode: str | None = None  # "einstimmig", "mehrheitlich"
    in_favour: int | None = None
    against: int | None = None
    abstentions: int | None = None
    span: TextSpan | None = None


@dataclass(frozen=True)
class MoneyAmount:
    amount: float
    currency: str = "EUR"
    budget_line: str | None = None
    span: TextSpan | None = None


@dataclass(frozen=True)
class PaperStructure:
    """What a council information system knows about a paper (OParl ``Paper``)."""

    reference: str | None = None  # "VI-DS-01293"
    kind: str | None = None  # "Beschlussvorlage", "Informationsvorlage", "Antrag", ...
    status: str | None = None
    submitter: str | None = None
    subject: str | None = None
    date: str | None = None
    related: tuple[str, ...] = ()
    consultations: tuple[Consultation, ...] = ()
    proposal: tuple[ResolutionItem, ...] = ()
    resolution: tuple[ResolutionItem, ...] = ()
    resolution_body: str | None = None
    resolution_date: str | None = None
    vote: Vote | None = None
    finance: tuple[MoneyAmount, ...] = ()


@dataclass(frozen=True)
class Document:
    """A source document as plain text with its metadata, sentences, sections and structure."""

    id: str
    title: str
    source: str  # path or URL it was read from
    text: str
    media_type: str = "text/plain"
    metadata: dict[str, str] = field(default_factory=dict)
    sentences: tuple[TextSpan, ...] = ()
    sections: tuple[Section, ...] = ()
    structure: PaperStructure = field(default_factory=PaperStructure)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def section_at(self, offset: int) -> Section | None:
        """The innermost section that contains ``offset``."""
        found = None
        for section in self.sections:
            if section.start <= offset < section.end and (found is None or section.level >= found.level):
                found = section
        return found
