"""What every file reader shares: reading the bytes with one-line errors, and naming the document."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kg.document import Document
from kg.errors import InputError


def read_bytes(path: Path) -> bytes:
    """The file's bytes. Raises ``InputError`` when it is missing, a directory, unreadable or empty."""
    if not path.exists():
        raise InputError(f"{path} does not exist")
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a document")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path} cannot be read ({e.strerror})") from e
    if not data.strip():
        raise InputError(f"{path} is empty")
    return data


def document_id(document: Document, path: Path) -> Document:
    """Name the document after its file: the name up to its first dot ("VI-DS-01293.page.txt" -> "VI-DS-01293",
    "c002.txt" -> "c002"), as the gold files and the caller's folder do. A bare download number ("1029500.pdf")
    says nothing, so then the paper's reference number is used when one was read."""
    name = path.name.split(".", 1)[0] or path.stem
    if name.isdigit() and document.structure.reference:
        name = document.structure.reference
    return dataclasses.replace(document, id=name)
