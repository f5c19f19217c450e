"""Bytes of a text file to ``str``: UTF-8 (with or without BOM), else Windows-1252 / Latin-1 as detected."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from kg.errors import EncodingError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Single-byte Western encodings a German office file is written in; charset-normalizer chooses among them.
_WESTERN = ["cp1252", "latin_1", "iso8859_15"]
_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t", "\f"}


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """``(text, encoding)``. Raises ``EncodingError`` when ``data`` is no text in a known encoding.

    >>> decode_text("Straße".encode("cp1252"), "x.txt")
    ('Straße', 'cp1252')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as e:
                raise EncodingError(f"{name} starts with a {encoding} byte order mark but is not {encoding}") from e
    if b"\x00" in data:
        raise EncodingError(f"{name} is not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_WESTERN).best()
    if best is None or best.encoding not in ("cp1252", "latin_1", "iso8859_15"):
        raise EncodingError(f"{name} is in no encoding we can read (tried UTF-8, Windows-1252, Latin-1)")
    text = str(best)
    if sum(ch in _CONTROL for ch in text) > max(3, len(text) // 100):
        raise EncodingError(f"{name} is not a text file (too many control characters)")
    return text, best.encoding
