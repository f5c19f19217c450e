"""A vote result as written after "Abstimmungsergebnis:": mode, outcome and counts."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.document import TextSpan, Vote
from kg.ingest.vocabulary import alternation, vote_terms

_GAP = 40  # characters allowed between two parts of one vote statement
_WINDOW = 300


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    terms = vote_terms()
    number = rf"(?:\d+|{alternation(list(terms['number']))})"
    return re.compile(
        rf"(?<![\w-])(?:(?P<count>{number})\s+(?P<what>{alternation(list(terms['count']))})"
        rf"|(?P<mode>{alternation(list(terms['mode']))})|(?P<outcome>{alternation(list(terms['outcome']))}))(?![\w-])",
        re.IGNORECASE,
    )


def _lookup(table: dict[str, str], word: str) -> str:
    return next(v for k, v in table.items() if k.lower() == word.lower())


def parse_vote(text: str, start: int, end: int) -> Vote | None:
    """The vote stated right after ``start`` (within ``end``), or None.

    >>> parse_vote("Abstimmungsergebnis: mehrheitlich angenommen bei 4 Gegenstimmen Leipzig, den", 20, 80).against
    4
    """
    terms = vote_terms()
    words: dict[str, str] = {}
    counts: dict[str, int] = {}
    first = last = None
    for m in _pattern().finditer(text, start, min(end, start + _WINDOW)):
        if m.start() - (start if last is None else last) > _GAP:
            break
        first = m.start() if first is None else first
        last = m.end()
        if m["mode"]:
            words.setdefault("mode", _lookup(terms["mode"], m["mode"]))
        elif m["outcome"]:
            words.setdefault("outcome", _lookup(terms["outcome"], m["outcome"]))
        else:
            count = m["count"]
            value = int(count) if count.isdigit() else int(_lookup(terms["number"], count))
            counts.setdefault(_lookup(terms["count"], m["what"]), value)
    if first is None or last is None:
        return None
    if words.get("mode") == "einstimmig":
        counts.setdefault("against", 0)
    return Vote(
        text=" ".join(text[first:last].split()),
        outcome=words.get("outcome"),
        mode=words.get("mode"),
        in_favour=counts.get("in_favour"),
        against=counts.get("against"),
        abstentions=counts.get("abstentions"),
        span=TextSpan(first, last),
    )
