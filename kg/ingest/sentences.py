"""A rule-based German sentence splitter that works on line-per-field headers and on flattened PDF text.

Boundaries: blank lines; line breaks unless a long line runs on into the next (wrapped prose); ".", "!", "?"
before a capital, digit or opening quote, unless the period ends an abbreviation (``abbreviations.txt``), a
single letter ("z. B.", "e. V."), or an ordinal ("2. Lesung", "17. September"); and the ``breaks`` the caller
knows from the document's structure and headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from kg.document import TextSpan
from kg.ingest.vocabulary import abbreviations, sentence_openers

_WRAPPED_LINE = 50  # a line at least this long that does not end a sentence runs on into the next line
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\)?\s|\(\d{1,2}\)\s|[-•●–]\s)")
_END = re.compile(r"[.!?]+[“”\"'»)\]]*(?=\s+[„“\"'(\[]?[A-ZÄÖÜ0-9])")
_SINGLE_LETTERS = re.compile(r"^(?:[A-Za-zÄÖÜäöü]\.)+$")
_ORDINAL = re.compile(r"^\d{1,2}\.$")


def split_sentences(text: str, breaks: Iterable[int] = ()) -> tuple[TextSpan, ...]:
    """Sentence spans of ``text`` in order, trimmed of white space.

    >>> t = "Die LVB (z. B. Linie 60) fährt seit 1.1.2015 elektrisch. Am 17. September 2015 folgte die 2. Lesung."
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Die LVB (z. B. Linie 60) fährt seit 1.1.2015 elektrisch.', 'Am 17. September 2015 folgte die 2. Lesung.']
    """
    cuts = sorted(set(_line_breaks(text)) | set(breaks) | set(_period_breaks(text)) | {0, len(text)})
    spans = []
    for start, end in pairwise(cuts):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(TextSpan(start, end))
    return tuple(spans)


def _line_breaks(text: str) -> list[int]:
    breaks = []
    lines = text.split("\n")
    pos = 0
    for line, following in pairwise(lines):
        pos += len(line) + 1
        stripped = line.strip()
        runs_on = (
            len(stripped) >= _WRAPPED_LINE
            and not stripped.endswith((".", "!", "?", ":", ";"))
            and following.strip()
            and not _LIST_MARK.match(following)
        )
        if not runs_on:
            breaks.append(pos)
    return breaks


def _period_breaks(text: str) -> list[int]:
    return [m.end() for m in _END.finditer(text) if not _continues(text, m.start(), m.group())]


def _continues(text: str, pos: int, mark: str) -> bool:
    """True when the period at ``pos`` belongs to an abbreviation or an ordinal number."""
    if not mark.startswith(".") or mark.startswith(".."):
        return False
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    token = text[start : pos + 1].lstrip("(„\"'[")
    if token.lower() in _folded_abbreviations() or _SINGLE_LETTERS.match(token):
        return True
    if not _ORDINAL.match(token):
        return False
    # "die 2. Lesung", "am 17. September": an ordinal; "auf der Linie 60. Das ist neu.": a sentence end;
    # "genommen. 2. Die Ratsversammlung": an enumerator that opens the next sentence.
    following = re.match(r"\S+", text[pos + 1 :].lstrip())
    before = text[:start].rstrip()
    opens_sentence = not before or before[-1] in ".!?:;"
    return opens_sentence or following is None or following[0] not in sentence_openers()


@lru_cache(maxsize=1)
def _folded_abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in abbreviations())
