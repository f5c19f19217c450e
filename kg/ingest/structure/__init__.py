"""Council-document structure (OParl ``Paper``) read from the text of an ALLRIS/SessionNet-style paper.

``parse_structure(text)`` returns a ``PaperStructure``; a text without a recognisable header gives an empty one.
"""

from __future__ import annotations

import re

from kg.document import MoneyAmount, PaperStructure, ResolutionItem, Vote
from kg.ingest.dates import ANY_DATE, parse_date
from kg.ingest.structure.consultations import parse_consultations
from kg.ingest.structure.finance import item_amounts, table_amounts
from kg.ingest.structure.header import parse_header
from kg.ingest.structure.items import parse_items
from kg.ingest.structure.labels import HEADER_LIMIT, Label, find_labels
from kg.ingest.structure.vote import parse_vote
from kg.ingest.vocabulary import consultation_terms

__all__ = ["parse_structure"]

_BLOCK_LIMIT = 3000
_ENGROSSMENT = re.compile(
    rf"BESCHLUSSAUSFERTIGUNG\s+(?P<body>[^\n]{{3,80}}?)\s+vom\s+(?P<date>{ANY_DATE.pattern})"
    rf"|Beschluss (?:der|des) (?P<body2>[A-ZÄÖÜ][^\n,.]{{2,80}}?) vom (?P<date2>{ANY_DATE.pattern})"
)
_FINANCE_TABLE = re.compile(r"Finanzielle Auswirkungen|Höhe in EUR|Haushaltsmittel")
_SHORT_STATUS = 60  # "Beschluss: einstimmig beschlossen" on one line is a result, not the resolution text


def parse_structure(text: str) -> PaperStructure:
    """Read reference, kind, status, submitter, subject, consultations, proposal, resolution, vote and finance.

    >>> s = parse_structure("Beschlussvorlage Nr. VI-DS-01293\\nBetreff: Stadt für Mobilität\\nBeschluss:\\n1. Gut.")
    >>> s.reference, s.kind, s.subject, [i.text for i in s.resolution]
    ('VI-DS-01293', 'Beschlussvorlage', 'Stadt für Mobilität', ['Gut.'])
    """
    labels = find_labels(text, len(text))
    blocks = _consultation_blocks(text, labels)
    header_end = next(
        (
            lab.start
            for lab in labels
            if lab.field.startswith("heading:")
            and lab.field != "heading:stop"
            and not any(start <= lab.start < end for start, end in blocks)
        ),
        min(len(text), HEADER_LIMIT),
    )
    header = parse_header(text, labels, header_end)
    proposal = _items(text, labels, "heading:proposal")
    resolution = _items(text, labels, "heading:resolution")
    body, date = _resolution_session(text)
    return PaperStructure(
        reference=header.reference,
        kind=header.kind,
        status=header.status,
        submitter=header.submitter,
        subject=header.subject,
        date=header.date,
        related=tuple(header.related),
        consultations=next((rows for start, end in blocks if (rows := parse_consultations(text, start, end))), ()),
        proposal=proposal,
        resolution=resolution,
        resolution_body=body,
        resolution_date=date,
        vote=_vote(text, labels),
        finance=_finance(text, proposal + resolution),
    )


def _next_start(text: str, labels: list[Label], after: Label, skip: frozenset[str] = frozenset()) -> int:
    return next((lab.start for lab in labels if lab.start >= after.end and lab.label not in skip), len(text))


def _consultation_blocks(text: str, labels: list[Label]) -> list[tuple[int, int]]:
    """Where each Beratungsfolge table runs: from its label to the next label that is no column head."""
    columns = frozenset(consultation_terms()["column"])
    return [
        (lab.end, min(_next_start(text, labels, lab, columns), lab.end + _BLOCK_LIMIT))
        for lab in labels
        if lab.field == "consultations"
    ]


def _items(text: str, labels: list[Label], field: str) -> tuple[ResolutionItem, ...]:
    for lab in labels:
        if lab.field != field:
            continue
        end = _next_start(text, labels, lab)
        line_end = text.find("\n", lab.end)
        rest = text[lab.end : end if line_end < 0 else min(end, line_end)].strip()
        if rest and len(rest) <= _SHORT_STATUS and parse_vote(text, lab.end, lab.end + len(rest) + 2):
            continue  # "Beschluss: einstimmig beschlossen" states the result, not the resolution
        if items := parse_items(text, lab.end, end):
            return items
    return ()


def _vote(text: str, labels: list[Label]) -> Vote | None:
    for lab in labels:
        stated = lab.field in ("heading:vote", "heading:resolution") or lab.label == "Beschlussart"
        if stated and (vote := parse_vote(text, lab.end, _next_start(text, labels, lab))):
            return vote
    return None


def _resolution_session(text: str) -> tuple[str | None, str | None]:
    """The body and date of the session that passed the resolution ("BESCHLUSSAUSFERTIGUNG Ratsversammlung vom
    16.09.2015")."""
    if m := _ENGROSSMENT.search(text):
        return (m["body"] or m["body2"]).strip(), parse_date(m["date"] or m["date2"])
    return None, None


def _finance(text: str, items: tuple[ResolutionItem, ...]) -> tuple[MoneyAmount, ...]:
    found: list[MoneyAmount] = []
    for anchor in _FINANCE_TABLE.finditer(text):
        if amounts := table_amounts(text, anchor.end()):
            found = amounts
            break
    seen = {a.span for a in found}
    found.extend(a for a in item_amounts(items, text) if a.span not in seen)
    return tuple(found)
