"""The project's ontology (``ontology/mobility.ttl``) as a graph, and the lookups the builder takes from it."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.exceptions import ParserError
from rdflib.namespace import SKOS

from kg.errors import DataFileError
from kg.graph.vocab import MKG
from kg.paths import ONTOLOGY_DIR

ONTOLOGY_FILE = ONTOLOGY_DIR / "mobility.ttl"


@lru_cache(maxsize=2)
def load_ontology(path: Path = ONTOLOGY_FILE) -> Graph:
    """The ontology graph; raises ``DataFileError`` when the file is missing or no valid Turtle."""
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, ParserError, SyntaxError, ValueError) as e:
        raise DataFileError(f"{path}: cannot read the ontology ({e.__class__.__name__}: {e})".splitlines()[0]) from e


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


@lru_cache(maxsize=2)
def _role_labels(path: Path) -> tuple[tuple[re.Pattern[str], URIRef], ...]:
    """Every label of every consultation-role concept as a whole-word pattern, longest label first."""
    g = load_ontology(path)
    labels = [
        (_fold(str(label)), URIRef(str(concept)))
        for concept in g.subjects(SKOS.inScheme, MKG.ConsultationRoles)
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
        for label in g.objects(concept, prop)
    ]
    labels.sort(key=lambda pair: -len(pair[0]))
    return tuple((re.compile(rf"(?<!\w){re.escape(label)}(?!\w)"), concept) for label, concept in labels)


def consultation_role(role: str, path: Path = ONTOLOGY_FILE) -> URIRef | None:
    """The ``mkg:ConsultationRoles`` concept whose label occurs in ``role`` as written, if any.

    >>> consultation_role("1. Lesung")
    rdflib.term.URIRef('https://w3id.org/mobility-kg/concept/consultation-role/first-reading')
    >>> consultation_role("Vorberatung (nichtöffentlich)").endswith("/preliminary-discussion")
    True
    """
    folded = _fold(role)
    return next((concept for pattern, concept in _role_labels(path) if pattern.search(folded)), None)
