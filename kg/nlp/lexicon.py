"""Word lists and head tables for entity recognition, read from ``kg/resources/patterns/*.jsonl``.

The lists are data a domain expert edits: ``entity_lexicon.jsonl`` (legal forms, function words, titles,
given names, stop-listed abbreviations), ``entity_heads.jsonl`` (institution heads and how their complement
is read) and ``title_cues.jsonl`` (cue nouns before a project, programme, plan or event title).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.datafiles import read_records
from kg.errors import DataFileError
from kg.paths import PATTERNS_DIR
from kg.records import ENTITY_TYPES

LEXICON_FILE = PATTERNS_DIR / "entity_lexicon.jsonl"
HEADS_FILE = PATTERNS_DIR / "entity_heads.jsonl"
CUES_FILE = PATTERNS_DIR / "title_cues.jsonl"
GRAMMARS = ("topic", "name", "genitive", "standalone", "adjective")
_ENDINGS = ("en", "em", "er", "es", "e", "n", "s")
SOFT_HYPHEN = "\u00ad"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude German stem for matching inflected names: lower case, soft hyphens gone, one ending off.

    >>> stem("Stadtwerken") == stem("Stadtwerke"), stem("Westsächsischen") == stem("Westsächsische")
    (True, True)
    """
    w = word.replace(SOFT_HYPHEN, "").lower()
    if w[-2:-1].isdigit() and w.endswith("."):  # "i3." at a sentence end is "i3"
        w = w[:-1]
    if not w[-1:].isalpha():
        return w
    w = w[:1] + w[1:].replace("-", "")  # "Bayern-Sachsen" = "BayernSachsen" (a hyphen lost at a line break)
    for _ in range(3):  # "Schaufenstern" -> "Schaufenster" -> "Schaufenst"; "Amtes" -> "Amt"
        ending = next((e for e in _ENDINGS if w.endswith(e) and len(w) - len(e) >= 3), None)
        if ending is None:
            break
        w = w[: -len(ending)]
    return w


@lru_cache(maxsize=1024)
def _inflections(word: str) -> frozenset[str]:
    return frozenset(word + e for e in ("s", "es", "e", "en", "n"))


@dataclass(frozen=True)
class Head:
    """An institution head ("Amt", "-ausschuss") and the grammar of the complement that names it."""

    head: str
    match: str  # "word": the token is the head; "suffix": the token's compound ends in it
    grammar: str
    type: str
    needs_place: bool = False

    def fits(self, word: str) -> bool:
        s, h = stem(word), stem(self.head)
        if self.match == "word":
            return s == h or word.lower() in _inflections(self.head.lower())
        return s.endswith(h) and (len(s) > len(h) + 2 or self.grammar == "adjective" or self.type != "Organization")


@dataclass(frozen=True)
class Cue:
    """A cue noun before a title ("Projekt „…“") and the entity type the title gets."""

    cue: str
    match: str
    type: str

    def fits(self, word: str) -> bool:
        s, c = stem(word), stem(self.cue)
        if self.match == "word":
            return s == c
        return s.endswith(c) and (s == c or len(s) > len(c) + 2)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """List name -> items, from ``entity_lexicon.jsonl``."""
    lists: dict[str, tuple[str, ...]] = {}
    for record in read_records(LEXICON_FILE):
        items = record.get("items")
        if not isinstance(record.get("list"), str) or not isinstance(items, list):
            raise DataFileError(f"{LEXICON_FILE}: every record needs 'list' and 'items'")
        lists[record["list"]] = tuple(str(i) for i in items)
    return lists


@lru_cache(maxsize=256)
def word_set(name: str, fold: bool = True) -> frozenset[str]:
    """One lexicon list as a set, lower-cased unless ``fold`` is false."""
    items = lexicon().get(name, ())
    return frozenset(i.lower() for i in items) if fold else frozenset(items)


@lru_cache(maxsize=1)
def heads() -> tuple[Head, ...]:
    """The institution heads of ``entity_heads.jsonl``."""
    found = []
    for record in read_records(HEADS_FILE):
        try:
            head = Head(
                record["head"],
                record["match"],
                record["grammar"],
                record["type"],
                bool(record.get("needs_place", False)),
            )
        except KeyError as e:
            raise DataFileError(f"{HEADS_FILE}: record without {e}") from e
        if head.grammar not in GRAMMARS or head.type not in ENTITY_TYPES or head.match not in ("word", "suffix"):
            raise DataFileError(f"{HEADS_FILE}: bad record {record}")
        found.append(head)
    return tuple(found)


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    """The title cues of ``title_cues.jsonl``, in file order (the first that fits wins)."""
    found = []
    for record in read_records(CUES_FILE):
        try:
            cue = Cue(record["cue"], record["match"], record["type"])
        except KeyError as e:
            raise DataFileError(f"{CUES_FILE}: record without {e}") from e
        if cue.type not in ENTITY_TYPES or cue.match not in ("word", "suffix"):
            raise DataFileError(f"{CUES_FILE}: bad record {record}")
        found.append(cue)
    return tuple(found)


@lru_cache(maxsize=65536)
def head_for(word: str, grammars: tuple[str, ...] = GRAMMARS) -> Head | None:
    """The first head of one of ``grammars`` that ``word`` is (or ends in)."""
    if not word[:1].isupper():
        return None
    return next((h for h in heads() if h.grammar in grammars and h.fits(word)), None)


@lru_cache(maxsize=65536)
def cue_for(word: str) -> Cue | None:
    return next((c for c in cues() if c.fits(word)), None)
