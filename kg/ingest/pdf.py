"""PDF files with a text layer, via pypdf."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from kg.document import Document
from kg.errors import InputError, NoTextLayerError
from kg.ingest.build import build_document
from kg.ingest.source import document_id, read_bytes


def pdf_text(data: bytes, name: str) -> tuple[str, dict[str, str]]:
    """The text of every page, pages separated by a blank line, and the PDF's title/author metadata.

    Raises ``InputError`` for a damaged or encrypted PDF and ``NoTextLayerError`` when no page has text.
    """
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name} is an encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
        info: dict[str, object] = dict(reader.metadata or {})
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"{name} is not a readable PDF ({e})") from e
    if not any(p.strip() for p in pages):
        raise NoTextLayerError(f"{name} has no text layer (scanned?)")
    metadata = {"pages": str(len(pages))}
    for key, name_ in (("/Title", "title"), ("/Author", "author")):
        if value := info.get(key):
            metadata[name_] = str(value)
    return "\n\n".join(p.strip("\n") for p in pages), metadata


def read_pdf(path: Path) -> Document:
    text, metadata = pdf_text(read_bytes(path), str(path))
    document = build_document(text, path.stem, source=str(path), media_type="application/pdf", metadata=metadata)
    return document_id(document, path)
