"""Whether a capitalised German word is a proper noun (NE) rather than a common noun (NN).

German capitalises every noun, so "in Walle" and "in Betrieb" look alike. HanTa's morphological model (the
optional ``pos`` extra) knows common nouns and their compounds: a word it tags NE, or cannot analyse at all
and that has no common-noun ending, is taken as a name. It runs only on the few words a place cue points at
(one word ~1 ms, cached). Without HanTa ``is_proper_noun`` answers ``None`` and callers use only their
structural cues; ``KG_POS=off`` switches it off for measurements (``benchmarks/entity_pos.py``).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

UNKNOWN_SCORE = -25.0  # HanTa's log-probability for words outside its lexicon lies below this
KNOWN_SCORE = -16.0  # and for a common noun of its lexicon above this
MIN_TAIL = 5
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "tät", "nis", "tum", "ismus", "ium", "ment", "ei")


def common_noun_ending(word: str) -> bool:
    """A derivational ending only common nouns carry ("Umgebung", "Mobilität", "Verwaltung")."""
    lower = word.lower()
    return any(lower.endswith(e) and len(lower) > len(e) + 3 for e in _NOUN_ENDINGS)


@lru_cache(maxsize=1)
def _tagger() -> Any | None:
    if os.environ.get("KG_POS", "").lower() in ("off", "0", "no"):
        return None
    try:
        from HanTa import HanoverTagger as ht  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None
    return ht.HanoverTagger("morphmodel_ger.pgz")


def available() -> bool:
    """Whether HanTa is installed and not switched off."""
    return _tagger() is not None


@lru_cache(maxsize=4096)
def is_proper_noun(word: str) -> bool | None:
    """``True`` for a name, ``False`` for a common noun, ``None`` when HanTa is not available.

    >>> is_proper_noun("Betrieb") in (False, None)
    True
    """
    tagger = _tagger()
    if tagger is None:
        return None
    tags = tagger.tag_word(word)
    if not tags:
        return False
    tag, score = tags[0][0], float(tags[0][1])
    if tag == "NE":
        return True
    unknown = tag.startswith("NN") and score < UNKNOWN_SCORE
    return unknown and not common_noun_ending(word) and not _compound_of_common_noun(tagger, word)


def _compound_of_common_noun(tagger: Any, word: str) -> bool:
    """An unknown compound whose last part is a known common noun: "Tiefgaragen", "Elektrobussen"."""
    for k in range(1, len(word) - MIN_TAIL + 1):
        tags = tagger.tag_word(word[k:].capitalize())
        if tags and tags[0][0].startswith("NN") and float(tags[0][1]) > KNOWN_SCORE:
            return True
    return False
