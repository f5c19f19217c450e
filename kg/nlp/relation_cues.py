"""German relation cues as data: ``relation_cues.jsonl`` (sentence cues) and ``relation_gaps.jsonl`` (gap cues).

A *sentence cue* is a family of regular expressions ("beteiligt sich", "unter Federführung des") with a
predicate and a ``link`` that says which mentions around the match it relates (see ``kg.nlp.relation_links``).
A *gap cue* relates two neighbouring mentions when the text between them matches (", ein Unternehmen der ",
" aus "). Both files are edited by domain experts; every record is checked when it is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.datafiles import numbered_records
from kg.errors import DataFileError
from kg.paths import PATTERNS_DIR
from kg.records import ENTITY_TYPES, PREDICATES

CUES_FILE = PATTERNS_DIR / "relation_cues.jsonl"
GAPS_FILE = PATTERNS_DIR / "relation_gaps.jsonl"
TERMS_FILE = PATTERNS_DIR / "relation_terms.jsonl"

LINKS = ("participation", "agent", "source", "pair", "joint", "within")
SIDES = ("before", "after", "near")
JOINT_MODES = ("with", "together", "all")

# Which entity types each predicate relates (FORMAT.md): subject types, object types.
DOMAINS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "participatesIn": (frozenset({"Organization"}), frozenset({"Project", "Programme", "Event"})),
    "coordinates": (frozenset({"Organization"}), frozenset({"Project", "Programme", "Event"})),
    "partnerOf": (frozenset({"Organization"}), frozenset({"Organization"})),
    "partOf": (frozenset({"Project"}), frozenset({"Project", "Programme"})),
    "fundedBy": (frozenset({"Project"}), frozenset({"Organization", "Programme"})),
    "subsidiaryOf": (frozenset({"Organization"}), frozenset({"Organization"})),
    "produces": (frozenset({"Organization"}), frozenset({"Product"})),
    "operates": (frozenset({"Organization"}), frozenset({"Project"})),
    "locatedIn": (frozenset({"Organization", "Project"}), frozenset({"Place"})),
}


@dataclass(frozen=True)
class Cue:
    """A sentence cue: where one of ``patterns`` matches, ``link`` relates the mentions around it."""

    id: str
    predicate: str
    link: str
    patterns: tuple[re.Pattern[str], ...]
    confidence: float
    side: str = "near"
    mode: str = "with"
    reverse: bool = False
    unless: re.Pattern[str] | None = None
    reach: int | None = 1  # how many sentences back the topic thing may be; None: anywhere in the section
    carry: bool = False  # a contract or commission without its project: the next sentence may name it
    own_sentence: bool = False  # the object is named in the cue's sentence, never the topic of earlier ones


@dataclass(frozen=True)
class GapCue:
    """A gap cue: two neighbouring mention groups are related when the text between them matches ``gap``."""

    id: str
    predicate: str
    gap: re.Pattern[str]
    confidence: float
    subject_types: frozenset[str]
    object_types: frozenset[str]
    reverse: bool = False
    subject_text: re.Pattern[str] | None = None
    object_text: re.Pattern[str] | None = None


def _compile(path: Path, line: int, pattern: Any) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise DataFileError(f"{path.name}:{line}: a pattern must be a non-empty string")
    try:
        return re.compile(pattern)
    except re.error as e:
        raise DataFileError(f"{path.name}:{line}: bad regular expression {pattern!r}: {e}") from e


def _common(path: Path, line: int, record: dict[str, Any], seen: set[str]) -> tuple[str, str, float]:
    cue_id, predicate, confidence = record.get("id"), record.get("predicate"), record.get("confidence", 0.7)
    if not isinstance(cue_id, str) or not cue_id or cue_id in seen:
        raise DataFileError(f"{path.name}:{line}: missing or duplicate id {cue_id!r}")
    seen.add(cue_id)
    if predicate not in PREDICATES:
        raise DataFileError(f"{path.name}:{line}: unknown predicate {predicate!r}")
    if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
        raise DataFileError(f"{path.name}:{line}: confidence must be in (0, 1]")
    return cue_id, predicate, float(confidence)


def _choice(path: Path, line: int, record: dict[str, Any], field: str, allowed: tuple[str, ...]) -> str:
    value = record.get(field, allowed[-1] if field == "side" else allowed[0])
    if value not in allowed:
        raise DataFileError(f"{path.name}:{line}: {field} must be one of {', '.join(allowed)}, not {value!r}")
    return str(value)


def _types(path: Path, line: int, value: Any, default: frozenset[str]) -> frozenset[str]:
    if value is None:
        return default
    if not isinstance(value, list) or not set(value) <= set(ENTITY_TYPES) or not set(value) & default:
        raise DataFileError(f"{path.name}:{line}: types must be entity types allowed by the predicate")
    return frozenset(value) & default


def _reach(path: Path, line: int, value: Any) -> int | None:
    """``reach``: a number of sentences (0 or more), or null for the whole section."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise DataFileError(f"{path.name}:{line}: reach must be a number of sentences or null, not {value!r}")
    return value


def _flag(path: Path, line: int, record: dict[str, Any], field: str) -> bool:
    value = record.get(field, False)
    if not isinstance(value, bool):
        raise DataFileError(f"{path.name}:{line}: {field} must be true or false, not {value!r}")
    return value


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_FILE) -> tuple[Cue, ...]:
    """The sentence cues of ``path``. Raises ``DataFileError`` when a record is malformed."""
    seen: set[str] = set()
    cues = []
    for line, record in numbered_records(path):
        cue_id, predicate, confidence = _common(path, line, record, seen)
        patterns = record.get("patterns")
        if not isinstance(patterns, list) or not patterns:
            raise DataFileError(f"{path.name}:{line}: patterns must be a non-empty list")
        unless = record.get("unless")
        cues.append(
            Cue(
                id=cue_id,
                predicate=predicate,
                link=_choice(path, line, record, "link", LINKS),
                patterns=tuple(_compile(path, line, p) for p in patterns),
                confidence=confidence,
                side=_choice(path, line, record, "side", SIDES),
                mode=_choice(path, line, record, "mode", JOINT_MODES),
                reverse=bool(record.get("reverse", False)),
                unless=_compile(path, line, unless) if unless is not None else None,
                reach=_reach(path, line, record.get("reach", 1)),
                carry=_flag(path, line, record, "carry"),
                own_sentence=_flag(path, line, record, "own_sentence"),
            )
        )
    return tuple(cues)


@lru_cache(maxsize=4)
def load_gap_cues(path: Path = GAPS_FILE) -> tuple[GapCue, ...]:
    """The gap cues of ``path``. Raises ``DataFileError`` when a record is malformed."""
    seen: set[str] = set()
    cues = []
    for line, record in numbered_records(path):
        cue_id, predicate, confidence = _common(path, line, record, seen)
        subjects, objects = DOMAINS[predicate]
        texts = {f: record.get(f) for f in ("subject_text", "object_text")}
        cues.append(
            GapCue(
                id=cue_id,
                predicate=predicate,
                gap=_compile(path, line, record.get("gap")),
                confidence=confidence,
                subject_types=_types(path, line, record.get("subject_types"), subjects),
                object_types=_types(path, line, record.get("object_types"), objects),
                reverse=bool(record.get("reverse", False)),
                subject_text=_compile(path, line, texts["subject_text"]) if texts["subject_text"] else None,
                object_text=_compile(path, line, texts["object_text"]) if texts["object_text"] else None,
            )
        )
    return tuple(cues)


@lru_cache(maxsize=4)
def load_terms(path: Path = TERMS_FILE) -> dict[str, re.Pattern[str]]:
    """Named word classes the link rules use ("council_body", "deciding"), one regular expression each.

    Raises ``DataFileError`` when a record is malformed or an id repeats.
    """
    terms: dict[str, re.Pattern[str]] = {}
    for line, record in numbered_records(path, ("id", "pattern")):
        if record["id"] in terms:
            raise DataFileError(f"{path.name}:{line}: duplicate id {record['id']!r}")
        terms[record["id"]] = _compile(path, line, record["pattern"])
    return terms
