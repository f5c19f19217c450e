"""The word lists that ingestion reads from ``kg/resources/ingest/``: data a domain expert edits, not code.

Each loader validates its file and raises ``DataFileError`` naming the file and line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.datafiles import read_records
from kg.errors import DataFileError
from kg.paths import RESOURCES_DIR

INGEST_RESOURCES = RESOURCES_DIR / "ingest"


def read_lines(path: Path) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a word list."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DataFileError(f"cannot read word list {path}") from e
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))


def alternation(terms: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal ``terms``, longest first so that the longest term wins."""
    return "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(read_lines(INGEST_RESOURCES / "abbreviations.txt"))


@lru_cache(maxsize=1)
def sentence_openers() -> frozenset[str]:
    return frozenset(read_lines(INGEST_RESOURCES / "sentence_openers.txt"))


@lru_cache(maxsize=1)
def paper_kinds() -> tuple[tuple[str, str], ...]:
    """(form as written, canonical kind), longest form first."""
    pairs = [
        (form, record["kind"])
        for record in read_records(INGEST_RESOURCES / "paper_kinds.jsonl", ("kind", "forms"))
        for form in record["forms"]
    ]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@lru_cache(maxsize=1)
def fields() -> tuple[dict[str, Any], ...]:
    return read_records(INGEST_RESOURCES / "fields.jsonl", ("field", "label"))


@lru_cache(maxsize=1)
def headings() -> tuple[dict[str, Any], ...]:
    return read_records(INGEST_RESOURCES / "headings.jsonl", ("heading", "role"))


@lru_cache(maxsize=1)
def consultation_terms() -> dict[str, tuple[str, ...]]:
    """Terms by type: ``role``, ``outcome``, ``column`` (table headers), ``noise``."""
    found: dict[str, list[str]] = {"role": [], "outcome": [], "column": [], "noise": []}
    for record in read_records(INGEST_RESOURCES / "consultation_terms.jsonl", ("type", "term")):
        if record["type"] not in found:
            raise DataFileError(f"consultation_terms.jsonl: unknown type {record['type']!r}")
        found[record["type"]].append(record["term"])
    return {k: tuple(v) for k, v in found.items()}


@lru_cache(maxsize=1)
def vote_terms() -> dict[str, dict[str, str]]:
    """``{type: {term: value}}`` for the types ``mode``, ``outcome``, ``count`` and ``number``."""
    found: dict[str, dict[str, str]] = {"mode": {}, "outcome": {}, "count": {}, "number": {}}
    for record in read_records(INGEST_RESOURCES / "vote_terms.jsonl", ("type", "term", "value")):
        if record["type"] not in found:
            raise DataFileError(f"vote_terms.jsonl: unknown type {record['type']!r}")
        found[record["type"]][record["term"]] = record["value"]
    return found
