"""The rows of a Beratungsfolge: body, date, role, outcome, read from the cells of a header table.

Council systems print the table in several ways, all handled by one cell reader:

* row by row on one line (flattened PDF): "Fachausschuss Finanzen 31.08.2015 1. Lesung ...";
* "body role" lines, each followed by its sessions "date  session name  outcome" (ALLRIS web);
* one cell a line, row after row (SessionNet, Markdown tables);
* column after column: all bodies, then all dates, then all roles (PDF text of a table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.document import Consultation, TextSpan
from kg.ingest.dates import NUMERIC_DATE, iso_date
from kg.ingest.vocabulary import alternation, consultation_terms

_EDGE_CHARS = " \t-–|●•,;:/"


@dataclass(frozen=True)
class Cell:
    kind: str  # body, date, role, outcome
    text: str
    start: int
    end: int
    line: int


@dataclass
class _Row:
    body: Cell
    date: str | None = None
    role: str | None = None
    outcome: str | None = None
    role_line: int = -1
    end: int = 0
    cells: list[Cell] = field(default_factory=list)


@lru_cache(maxsize=1)
def _cell_pattern() -> re.Pattern[str]:
    terms = consultation_terms()
    return re.compile(
        rf"(?P<date>{NUMERIC_DATE.pattern})"
        rf"|(?<![\w.])(?P<role>{alternation(terms['role'])})(?![\w])"
        rf"|(?<![\w.])(?P<outcome>{alternation(terms['outcome'])})(?![\w])"
        rf"|(?<![\w.])(?P<noise>{alternation(terms['noise'])}|\d+ (?:Ja|Nein)-Stimmen?|\d+ Enthaltungen?)(?![\w])"
    )


@lru_cache(maxsize=1)
def _edge_terms() -> tuple[str, ...]:
    terms = consultation_terms()
    return tuple(sorted({*terms["column"], *terms["noise"]}, key=len, reverse=True))


def read_cells(text: str, start: int, end: int) -> list[Cell]:
    """The dates, roles, outcomes and body names between ``start`` and ``end``, in text order."""
    cells: list[Cell] = []
    line_no = text.count("\n", 0, start)
    pos = start
    for line in text[start:end].split("\n"):
        line_start, line_end = pos, pos + len(line)
        cursor = line_start
        for m in _cell_pattern().finditer(text, line_start, line_end):
            _add_body(cells, text, cursor, m.start(), line_no)
            kind = m.lastgroup if m.lastgroup in ("role", "outcome", "noise") else "date"
            if kind == "date":
                iso = iso_date(int(m[2]), int(m[3]), int(m[4])) or m[0]
                cells.append(Cell("date", iso, m.start(), m.end(), line_no))
            elif kind != "noise":
                cells.append(Cell(kind, m[0], m.start(), m.end(), line_no))
            cursor = m.end()
        _add_body(cells, text, cursor, line_end, line_no)
        pos = line_end + 1
        line_no += 1
    return cells


def _add_body(cells: list[Cell], text: str, start: int, end: int, line: int) -> None:
    span = _trim(text, start, end)
    if span is None:
        return
    name = " ".join(text[span.start : span.end].split())
    if len(name) <= 150 and re.search(r"[A-ZÄÖÜ][a-zäöüß]{2,}", name):
        cells.append(Cell("body", name, span.start, span.end, line))


def _trim(text: str, start: int, end: int) -> TextSpan | None:
    """Cut table heads, noise words and list marks off both ends of a cell."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _EDGE_CHARS:
            start, changed = start + 1, True
        while end > start and text[end - 1] in _EDGE_CHARS:
            end, changed = end - 1, True
        if m := re.match(r"\d{1,2}\.\)?\s+", text[start:end]):
            start, changed = start + m.end(), True
        for term in _edge_terms():
            cell = text[start:end]
            after = cell[len(term) : len(term) + 1]
            if cell.startswith(term) and (not after or after in " \t:" or after.isupper()):
                start, changed = start + len(term), True
            elif cell.endswith(term) and (len(cell) == len(term) or cell[-len(term) - 1] in " \t"):
                end, changed = end - len(term), True
    return TextSpan(start, end) if end > start else None


def parse_consultations(text: str, start: int, end: int) -> tuple[Consultation, ...]:
    """The consultation rows of the Beratungsfolge table in ``text[start:end]``."""
    cells = read_cells(text, start, end)
    bodies = [c for c in cells if c.kind == "body"]
    if not bodies:
        return ()
    first_value = next((i for i, c in enumerate(cells) if c.kind in ("date", "role")), len(cells))
    if len(bodies) >= 2 and cells.index(bodies[-1]) < first_value:
        return _columns(cells, bodies)
    return _rows(cells)


def _columns(cells: list[Cell], bodies: list[Cell]) -> tuple[Consultation, ...]:
    """Column after column: roles zip with the bodies; fewer dates belong to the last rows (the first rows,
    internal bodies like the Dienstberatung, have none)."""
    dates = [c.text for c in cells if c.kind == "date"]
    roles = [c.text for c in cells if c.kind == "role"]
    n = len(bodies)
    dates_by_row = [None] * (n - len(dates)) + dates[:n] if len(dates) <= n else dates[:n]
    roles_by_row = [None] * (n - len(roles)) + roles[:n] if len(roles) <= n else roles[:n]
    return tuple(
        Consultation(i, body.text, dates_by_row[i - 1], roles_by_row[i - 1], None, TextSpan(body.start, body.end))
        for i, body in enumerate(bodies, 1)
    )


def _rows(cells: list[Cell]) -> tuple[Consultation, ...]:
    by_line: dict[int, list[str]] = {}
    for c in cells:
        by_line.setdefault(c.line, []).append(c.kind)
    # "Body Role" on one line: then a body line that follows a date is a session of the row, not a new row.
    inline = any("role" in kinds[kinds.index("body") :] for kinds in by_line.values() if "body" in kinds)
    rows: list[_Row] = []
    pending: dict[str, str] = {}
    previous = ""
    for cell in cells:
        row = rows[-1] if rows else None
        if cell.kind == "body":
            if inline and row is not None and previous == "date" and row.role_line == row.body.line:
                pending.clear()
                row.end = cell.end
                previous = "session"
                continue
            rows.append(_Row(cell, date=pending.pop("date", None), role=pending.pop("role", None), end=cell.end))
            if rows[-1].role:
                rows[-1].role_line = cell.line
        elif cell.kind == "date":
            if row is not None and row.date is None:
                row.date, row.end = cell.text, cell.end
            else:
                pending["date"] = cell.text
        elif cell.kind == "role":
            if row is not None and row.role is None:
                row.role, row.role_line, row.end = cell.text, cell.line, cell.end
            else:
                pending["role"] = cell.text
        elif row is not None and row.outcome is None:
            row.outcome, row.end = cell.text, cell.end
        previous = cell.kind
    return tuple(
        Consultation(i, r.body.text, r.date, r.role, r.outcome, TextSpan(r.body.start, r.end))
        for i, r in enumerate(rows, 1)
    )
