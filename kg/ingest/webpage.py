"""The civic-tech web page form of a council file ("Politik bei uns"): a header block of metadata, then
"Inhalt der Datei" and the file's text."""

from __future__ import annotations

import re

_BODY_MARK = re.compile(r"^Inhalt der Datei[ \t]*$", re.MULTILINE)
_KEYS = ("Kommune", "Dateiname", "Größe", "Erstellt", "Aktualisiert", "Stichworte")


def split_page(text: str) -> tuple[dict[str, str], str] | None:
    """``(metadata, body)`` when ``text`` is such a page, else None.

    The header lines before "Inhalt der Datei" alternate key and value ("Kommune" / "Leipzig"); a key followed
    directly by another key has no value. The banner and the download links are dropped with the header.
    """
    mark = _BODY_MARK.search(text)
    if mark is None:
        return None
    lines = [line.strip() for line in text[: mark.start()].splitlines() if line.strip()]
    if sum(key in lines for key in _KEYS) < 3:
        return None
    metadata: dict[str, str] = {}
    for i, line in enumerate(lines):
        if line in _KEYS and i + 1 < len(lines) and lines[i + 1] not in _KEYS:
            metadata[line] = lines[i + 1]
    return metadata, text[mark.end() :].lstrip("\n")
