"""Canonical keys: the slug that names an entity across documents and in its IRI."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def entity_key(name: str) -> str:
    """A stable slug for ``name``: lower case, umlauts spelt out, other marks dropped, "-" between words.

    >>> entity_key("Leipziger Verkehrsbetriebe (LVB) GmbH")
    'leipziger-verkehrsbetriebe-lvb-gmbh'
    >>> entity_key("Fachausschuss Umwelt und Ordnung")
    'fachausschuss-umwelt-und-ordnung'
    """
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-") or "unnamed"
