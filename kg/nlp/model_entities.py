"""Component "model_entities": a trained pipeline's named entities as low-priority candidates.

Only runs to any effect when ``--spacy-model`` loaded a pipeline with an ``ner`` component; with the default
``spacy.blank("de")`` ``doc.ents`` is empty here. Which NER labels map to which of our types is data
(``kg/resources/patterns/model_labels.jsonl``); unmapped labels such as ``MISC`` are left out.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.datafiles import numbered_records
from kg.errors import DataFileError
from kg.nlp import candidates
from kg.paths import PATTERNS_DIR
from kg.records import ENTITY_TYPES

LABELS_FILE = PATTERNS_DIR / "model_labels.jsonl"


@lru_cache(maxsize=1)
def label_types() -> dict[str, str]:
    """NER label -> entity type. Raises ``DataFileError`` for an unknown type."""
    table = {}
    for line, record in numbered_records(LABELS_FILE, ("label", "type")):
        if record["type"] not in ENTITY_TYPES:
            raise DataFileError(f"{LABELS_FILE.name}:{line}: unknown entity type {record['type']!r}")
        table[record["label"]] = record["type"]
    return table


@Language.component("model_entities", requires=["doc.ents"], assigns=["doc.spans"])
def model_entities(doc: Doc) -> Doc:
    types = label_types()
    for ent in doc.ents:
        if ent.label_ in types:
            candidates.add(doc, ent.start, ent.end, types[ent.label_], "model")
    return doc
