"""Reading the JSON Lines data files that domain experts edit (gazetteer, patterns, cues, vocabularies).

One reader for all of them, so every file gives the same one-line error with its name and line number.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.errors import DataFileError

Record = dict[str, Any]


def numbered_records(path: Path, required: tuple[str, ...] = ()) -> list[tuple[int, Record]]:
    """``(line number, record)`` for every non-blank line of a JSONL file.

    Raises ``DataFileError`` when the file cannot be read, a line is not a JSON object, or a record lacks
    (or has an empty value for) one of the ``required`` keys.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DataFileError(f"cannot read data file {path} ({e.strerror})") from e
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataFileError(f"{path.name}:{number}: not valid JSON ({e.msg})") from e
        if not isinstance(record, dict):
            raise DataFileError(f"{path.name}:{number}: a record must be a JSON object")
        if any(not record.get(key) for key in required):
            raise DataFileError(f"{path.name}:{number}: a record needs the keys {', '.join(required)}")
        records.append((number, record))
    return records


def read_records(path: Path, required: tuple[str, ...] = ()) -> tuple[Record, ...]:
    """The records of a JSONL file, checked as ``numbered_records`` does."""
    return tuple(record for _, record in numbered_records(path, required))
