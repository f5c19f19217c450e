"""Text -> ``Document``: normalise once, then read structure, sections and sentences against the same text."""

from __future__ import annotations

import dataclasses

from kg.document import Document, PaperStructure
from kg.ingest.normalise import normalise_text
from kg.ingest.sections import find_sections, heading_ends
from kg.ingest.sentences import split_sentences
from kg.ingest.structure import parse_structure

_TITLE_MAX = 200


def build_document(
    text: str,
    doc_id: str,
    *,
    title: str = "",
    source: str = "<string>",
    media_type: str = "text/plain",
    metadata: dict[str, str] | None = None,
    structure: PaperStructure | None = None,
) -> Document:
    """A ``Document`` with sentences, sections and structure; ``structure`` (e.g. from OParl) overrides what is
    read from the text, field by field."""
    text = normalise_text(text)
    parsed = parse_structure(text)
    if structure is not None:
        given = {f.name: v for f in dataclasses.fields(structure) if (v := getattr(structure, f.name))}
        parsed = dataclasses.replace(parsed, **given)
    items = [i.span for i in (*parsed.proposal, *parsed.resolution) if i.span]
    sections = find_sections(text, items)
    sentences = split_sentences(text, _structure_breaks(parsed, sections, text))
    return Document(
        id=doc_id,
        title=title or parsed.subject or _first_line(text) or doc_id,
        source=source,
        text=text,
        media_type=media_type,
        metadata=dict(metadata or {}),
        sentences=sentences,
        sections=sections,
        structure=parsed,
    )


def _structure_breaks(structure: PaperStructure, sections: tuple, text: str) -> list[int]:
    """Sentence boundaries the structure knows: around each consultation row, item, vote; at each heading."""
    spans = [c.span for c in structure.consultations] + [i.span for i in (*structure.proposal, *structure.resolution)]
    spans.append(structure.vote.span if structure.vote else None)
    breaks = [offset for s in spans if s for offset in (s.start, s.end)]
    breaks += [s.start for s in sections] + heading_ends(text, sections)
    return breaks


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= _TITLE_MAX else ""
