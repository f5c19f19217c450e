"""An OParl 1.1 ``Paper`` object (JSON) as a ``Document``: its text files' text, and its structure from the
JSON fields (reference, name, paperType, date, consultation[], ...), which win over what the text says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.document import Consultation, Document, PaperStructure
from kg.errors import InputError
from kg.ingest.build import build_document
from kg.ingest.decode import decode_text
from kg.ingest.source import read_bytes

MEDIA_TYPE = "text/x-oparl"


def _name(value: Any) -> str | None:
    """The name of an embedded object; a bare URL reference carries none."""
    if isinstance(value, dict):
        return value.get("name") or value.get("shortName")
    return None


def _first_name(values: Any) -> str | None:
    return next((n for v in (values or []) if (n := _name(v))), None)


def _consultations(paper: dict[str, Any]) -> tuple[Consultation, ...]:
    rows: list[Consultation] = []
    for entry in paper.get("consultation") or []:
        if not isinstance(entry, dict):
            continue
        meeting = entry["meeting"] if isinstance(entry.get("meeting"), dict) else {}
        body = _first_name(entry.get("organization")) or _name(meeting)
        if not body:
            continue
        agenda = entry["agendaItem"] if isinstance(entry.get("agendaItem"), dict) else {}
        start = meeting.get("start") or ""
        rows.append(Consultation(len(rows) + 1, body, start[:10] or None, entry.get("role"), agenda.get("result")))
    return tuple(rows)


def paper_structure(paper: dict[str, Any]) -> PaperStructure:
    related = [
        ref
        for key in ("relatedPaper", "superordinatedPaper", "subordinatedPaper")
        for v in paper.get(key) or []
        if isinstance(v, dict) and (ref := v.get("reference"))
    ]
    return PaperStructure(
        reference=paper.get("reference"),
        kind=paper.get("paperType"),
        subject=paper.get("name"),
        date=paper.get("date"),
        submitter=_first_name(paper.get("originatorOrganization")) or _first_name(paper.get("underDirectionOf")),
        related=tuple(related),
        consultations=_consultations(paper),
    )


def paper_text(paper: dict[str, Any]) -> str:
    """The paper's name and the extracted text of its main and auxiliary files, where the server gives it."""
    files = [paper.get("mainFile"), *(paper.get("auxiliaryFile") or [])]
    texts = [f["text"] for f in files if isinstance(f, dict) and isinstance(f.get("text"), str) and f["text"].strip()]
    return "\n\n".join([paper.get("name") or "", *texts]).strip()


def read_oparl(path: Path) -> Document:
    """Raises ``InputError`` when the file is no JSON or no OParl Paper."""
    raw, _ = decode_text(read_bytes(path), str(path))
    try:
        paper = json.loads(raw)
    except json.JSONDecodeError as e:
        raise InputError(f"{path} is not valid JSON ({e.msg}, line {e.lineno})") from e
    if not isinstance(paper, dict) or not (str(paper.get("type", "")).endswith("/Paper") or "reference" in paper):
        raise InputError(f"{path} is not an OParl Paper (no type .../Paper)")
    text = paper_text(paper)
    if not text:
        raise InputError(f"{path} has neither a name nor file text")
    structure = paper_structure(paper)
    metadata = {k: str(paper[k]) for k in ("id", "web", "created", "modified") if paper.get(k)}
    return build_document(
        text,
        structure.reference or path.name.split(".", 1)[0],
        title=structure.subject or "",
        source=str(path),
        media_type=MEDIA_TYPE,
        metadata=metadata,
        structure=structure,
    )
