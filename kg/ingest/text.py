"""Plain text files and the civic-tech web page form of a council file."""

from __future__ import annotations

from pathlib import Path

from kg.document import Document
from kg.errors import InputError
from kg.ingest.build import build_document
from kg.ingest.decode import decode_text
from kg.ingest.source import document_id, read_bytes
from kg.ingest.webpage import split_page


def read_text_file(path: Path) -> Document:
    """Raises ``InputError`` (missing, empty) or ``EncodingError`` (undecodable)."""
    text, encoding = decode_text(read_bytes(path), str(path))
    metadata = {"encoding": encoding}
    page = split_page(text)
    if page is not None:
        page_metadata, text = page
        metadata.update(page_metadata)
    if not text.strip():
        raise InputError(f"{path} has no text")
    document = build_document(text, path.stem, source=str(path), metadata=metadata)
    return document_id(document, path)
