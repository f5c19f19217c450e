"""Known actors, programmes, plans and places from ``ontology/gazetteer/*.jsonl``, found in inflected forms.

A record: ``{"id", "type", "name", "aliases", "wikidata"?, "parent"?, "makes"?, "note"?}``; ``makes``
names what a manufacturer builds ("vehicles": its name before a model designation names a product).
Multi-word names match on word stems ("der Stadtwerken Leipzig" finds "Stadtwerke Leipzig"); one-word
acronyms and brands match as written, so "NEU" is not "neu"; one-word place names match as written or with a
genitive "s".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.datafiles import read_records
from kg.errors import DataFileError
from kg.nlp import candidates
from kg.nlp.lexicon import stem, word_set
from kg.paths import GAZETTEER_DIR
from kg.records import ENTITY_TYPES

MAX_WORDS = 12
MAKES = (None, "vehicles")


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    parent: str | None = None
    makes: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _entry(record: dict[str, object], where: str) -> GazetteerEntry:
    try:
        entry = GazetteerEntry(
            id=str(record["id"]),
            type=str(record["type"]),
            name=str(record["name"]),
            aliases=tuple(str(a) for a in record.get("aliases", []) or []),  # type: ignore[attr-defined]
            wikidata=record.get("wikidata") or None,  # type: ignore[arg-type]
            parent=record.get("parent") or None,  # type: ignore[arg-type]
            makes=record.get("makes") or None,  # type: ignore[arg-type]
        )
    except KeyError as e:
        raise DataFileError(f"{where}: record without {e}") from e
    if entry.type not in ENTITY_TYPES:
        raise DataFileError(f"{where}: unknown type {entry.type!r} for {entry.id}")
    if entry.makes not in MAKES:
        raise DataFileError(f"{where}: {entry.id} makes unknown goods {entry.makes!r}")
    if entry.wikidata and not (entry.wikidata.startswith("Q") and entry.wikidata[1:].isdigit()):
        raise DataFileError(f"{where}: {entry.id} has a malformed Wikidata QID {entry.wikidata!r}")
    return entry


@lru_cache(maxsize=4)
def load_gazetteer(folder: Path = GAZETTEER_DIR) -> dict[str, GazetteerEntry]:
    """Every entry of ``folder/*.jsonl`` by id. Raises ``DataFileError`` on a malformed record or duplicate id."""
    entries: dict[str, GazetteerEntry] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for record in read_records(path):
            entry = _entry(record, str(path))
            if entry.id in entries:
                raise DataFileError(f"{path}: duplicate gazetteer id {entry.id!r}")
            entries[entry.id] = entry
    for entry in entries.values():
        if entry.parent and entry.parent not in entries:
            raise DataFileError(f"{folder}: {entry.id} has an unknown parent {entry.parent!r}")
    return entries


def _exact(label: str, entry: GazetteerEntry) -> bool:
    """Match a one-word label as written: acronyms, brands, lower-case names and place names."""
    return entry.type == "Place" or not (label[:1].isupper() and label[1:].islower())


class GazetteerIndex:
    """Word-stem sequences and exact one-word forms -> gazetteer id; longest match first."""

    def __init__(self, entries: dict[str, GazetteerEntry]) -> None:
        tokenizer = spacy.blank("de").tokenizer
        self.stems: dict[tuple[str, ...], str] = {}
        self.exact: dict[str, str] = {}
        for entry in entries.values():
            for label in entry.labels:
                words = [t.text for t in tokenizer(label)]
                if len(words) == 1 and _exact(label, entry):
                    self.exact.setdefault(label, entry.id)
                    if "-" in label:  # "Erneuerbare-EnergienGesetz" as printed
                        self.stems.setdefault((stem(label),), entry.id)
                    if entry.type == "Place":
                        self.exact.setdefault(label + "s", entry.id)
                else:
                    self.stems.setdefault(tuple(stem(w) for w in words), entry.id)
        self.programmes = frozenset(e.id for e in entries.values() if e.type == "Programme")
        self.max_words = min(MAX_WORDS, max((len(k) for k in self.stems), default=1))

    def find(self, doc: Doc) -> Iterator[tuple[int, int, str]]:
        """(start, end, id) of the longest non-overlapping matches, left to right.

        Line breaks inside a name ("LVV Leipziger\\nVersorgungs- und Verkehrsgesellschaft mbH", common in text
        taken from PDFs) are spaCy tokens of their own; matching skips them and the span covers them.
        """
        words = [t.i for t in doc if not t.is_space]
        stems = [stem(doc[i].text) for i in words]
        k = 0
        while k < len(words):
            hit = self._longest(doc, words, stems, k)
            if hit is None:
                k += 1
                continue
            end, gid = hit
            yield words[k], words[end - 1] + 1, gid
            k = end

    def _longest(self, doc: Doc, words: list[int], stems: list[str], k: int) -> tuple[int, str] | None:
        """The end (an index into ``words``) and id of the longest entry that starts at word ``k``."""
        for n in range(min(self.max_words, len(words) - k), 1, -1):
            gid = self.stems.get(tuple(stems[k : k + n]))
            if gid is not None:
                return k + n, gid
        text = doc[words[k]].text
        if text in self.exact:
            return k + 1, self.exact[text]
        first = text.split("-")[0]
        if "-" in text and self.exact.get(first, "") in self.programmes:  # "EFRE-Förderprojekt"
            return k + 1, self.exact[first]
        if text[:1].isupper() and (text[1:].islower() or "-" in text):
            gid = self.stems.get((stems[k],))
            if gid is not None:
                return k + 1, gid
        return None


@lru_cache(maxsize=4)
def gazetteer_index(folder: Path = GAZETTEER_DIR) -> GazetteerIndex:
    return GazetteerIndex(load_gazetteer(folder))


# A hyphenated compound ending in a one-word legal form: "Carsharing-GmbH", "Beteiligungs-AG".
_COMPOUND_FORM = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{2,}-[A-Za-z]+$")


def legal_form_length(doc: Doc, i: int) -> int:
    """How many tokens of a legal form start at ``i`` ("GmbH", "e. V.", "GmbH & Co. KG"; "GmbH." at a
    sentence end, or a compound that ends in one: "Service-GmbH"); 0 if none."""
    word = doc[i].text.rstrip(".") if i < len(doc) else ""
    if _COMPOUND_FORM.match(word) and (word.rsplit("-", 1)[1],) in lexicon_forms():
        return 1
    if i >= len(doc) or (word not in _form_openers() and doc[i].text not in _form_openers()):
        return 0
    for form in lexicon_forms():
        words = [t.text for t in doc[i : i + len(form)]]
        if len(words) == len(form) and (tuple(words) == form or (*words[:-1], words[-1].rstrip(".")) == form):
            return len(form)
    return 0


def legal_form_end(doc: Doc, end: int) -> int:
    """``end`` moved past a legal form that follows it."""
    return end + legal_form_length(doc, end)


@lru_cache(maxsize=1)
def _form_openers() -> frozenset[str]:
    """The first words of the legal forms, with and without a full stop."""
    return frozenset(w for form in lexicon_forms() for w in (form[0], form[0].rstrip(".")))


@lru_cache(maxsize=1)
def lexicon_forms() -> tuple[tuple[str, ...], ...]:
    """The legal forms as token sequences, longest first."""
    tokenizer = spacy.blank("de").tokenizer
    forms = {tuple(t.text for t in tokenizer(f)) for f in word_set("legal_forms", fold=False)}
    return tuple(sorted(forms, key=len, reverse=True))


@Language.component("gazetteer_ruler", assigns=["doc.spans"])
def gazetteer_ruler(doc: Doc) -> Doc:
    """Add every gazetteer match (plus a legal form right after it) as a candidate with its id."""
    entries = load_gazetteer(GAZETTEER_DIR)
    for start, end, gid in gazetteer_index(GAZETTEER_DIR).find(doc):
        entry = entries[gid]
        if entry.type == "Organization":
            end = legal_form_end(doc, end)
        candidates.add(doc, start, end, entry.type, "gazetteer", kb_id=gid)
    return doc
