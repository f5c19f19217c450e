"""Conservative repair of extraction artefacts, done once before any offset is taken.

``Document.text`` is the normalised text; every offset refers to it. Structure lines stay intact: only line
breaks inside hyphenated words are removed.
"""

from __future__ import annotations

import re

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u00ad": None, "\ufeff": None, "\u200b": None})
# A word broken at a line end: "Verkehrs-\ngesellschaft" -> "Verkehrsgesellschaft";
# "Erneuerbare-Energien-\nGesetz" -> "Erneuerbare-Energien-Gesetz". Not before a conjunction ("Maßnahmen-\nund").
_BROKEN_WORD = re.compile(r"(?<=[A-Za-zÄÖÜäöüß])-[ \t]*\n[ \t]*(?=([A-Za-zÄÖÜäöüß]+))")
_KEEP_AFTER_HYPHEN = frozenset({"und", "oder", "bzw", "sowie", "als", "wie", "bis", "noch"})


def _join(match: re.Match[str]) -> str:
    following = match[1]
    if following in _KEEP_AFTER_HYPHEN:
        return "- "
    return "-" if following[0].isupper() else ""


def normalise_text(text: str) -> str:
    """NBSP to space, soft hyphens and zero-width marks removed, CRLF/CR to LF, hyphenated line breaks rejoined.

    >>> normalise_text("Erneuerbare-Energien-\\r\\nGesetz und Verkehrs-\\ngesell\\u00adschaft")
    'Erneuerbare-Energien-Gesetz und Verkehrsgesellschaft'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    return _BROKEN_WORD.sub(_join, text)
