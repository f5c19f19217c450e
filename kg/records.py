"""The extraction side of the seam: what the NLP found, as small frozen records.

``kg.extract`` turns a spaCy ``Doc`` into an ``Extraction``; ``kg.graph`` turns an ``Extraction`` into RDF.
Neither side sees the other's library: rdflib never sees a spaCy ``Span``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from kg.document import Document

EntityType = Literal["Organization", "Project", "Programme", "Place", "Product", "Event", "Person", "Plan"]
Predicate = Literal[
    "participatesIn",
    "coordinates",
    "partnerOf",
    "partOf",
    "fundedBy",
    "subsidiaryOf",
    "produces",
    "operates",
    "locatedIn",
]
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
PREDICATES: tuple[str, ...] = get_args(Predicate)
ACTOR_TYPES = frozenset({"Organization"})
PROJECT_TYPES = frozenset({"Project", "Programme"})


@dataclass(frozen=True)
class Evidence:
    """Where in which document something was read: a sentence (or passage) with its offsets."""

    doc_id: str
    start: int
    end: int
    text: str
    section: str | None = None


@dataclass(frozen=True)
class Mention:
    """One surface form of an entity in the text."""

    start: int
    end: int
    text: str
    source: str = "pattern"  # which recogniser found it: gazetteer, pattern, acronym, structure, model


@dataclass(frozen=True)
class Entity:
    """One node: all mentions of one actor, project, place ... in one document.

    ``key`` is the canonical slug that names the node across documents ("lvb", "stadtwerke-leipzig"):
    two documents that both name the LVB produce entities with the same key.
    """

    key: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    wikidata: str | None = None
    gazetteer_id: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Relation:
    """A typed, directed fact between two entities (by key), with the cue that fired and its evidence."""

    subject: str
    predicate: Predicate
    object: str
    cue: str
    confidence: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class KeyFigure:
    """A number the text reports: "54 Ladestationen", "380.000 km", "57 t CO2" (Stand 1.1.2015)."""

    value: float
    unit: str  # as written: "Ladestationen", "km", "t CO2", "EUR"
    counted: str  # what is counted, normalised: "Ladestationen", "Mobilitätsstationen"
    evidence: Evidence
    about: str | None = None  # entity key it belongs to, when stated
    reference_date: str | None = None  # ISO date or year
    unit_code: str | None = None  # QUDT unit IRI where known


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document."""

    document: Document
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...] = ()
    figures: tuple[KeyFigure, ...] = ()
    warnings: tuple[str, ...] = ()
    model: str = "blank:de"

    def entity(self, key: str) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)
