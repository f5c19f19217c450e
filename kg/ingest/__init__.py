"""Ingestion: files and strings -> ``kg.document.Document`` (text with offsets, sentences, sections, structure).

The reader is chosen by suffix from ``READERS``; a new format adds one module and one row.

>>> doc = read_text("Betreff: Mobilstationen\\nDie LVB baut 25 Stationen. Das Netz wächst.", doc_id="t1")
>>> doc.structure.subject, len(doc.sentences)
('Mobilstationen', 3)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kg.document import Document
from kg.errors import InputError
from kg.ingest.build import build_document
from kg.ingest.oparl import read_oparl
from kg.ingest.pdf import read_pdf
from kg.ingest.text import read_text_file

__all__ = ["READERS", "read_document", "read_text"]

READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".pdf": read_pdf,
    ".json": read_oparl,
}


def read_document(path: Path | str) -> Document:
    """Read a text (plain or the "Politik bei uns" page form), PDF or OParl Paper JSON file.

    Raises ``InputError`` (missing, empty, unknown suffix), ``EncodingError`` (undecodable text) or
    ``NoTextLayerError`` (a scanned PDF).
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"{path}: unknown document kind {path.suffix or '(no suffix)'!r} (known: {known})")
    return reader(path)


def read_text(text: str, doc_id: str, title: str = "", source: str = "<string>") -> Document:
    """A ``Document`` from a string (normalised like a file's text)."""
    return build_document(text, doc_id, title=title, source=source)
