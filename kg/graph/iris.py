"""The one place resource IRIs are minted.

Entities are ``{base}{kind}/{key}`` (``key`` from ``kg.keys.entity_key``, so two documents naming the same actor
give one node); papers ``{base}paper/{doc_id}``; each document's named graph ``{base}graph/{doc_id}``; nodes that
belong to one document (consultations, annotations, figures ...) sit under its paper: ``{paper}/{part}/...``.

>>> entity_iri(DEFAULT_BASE, "Organization", "lvb")
rdflib.term.URIRef('https://w3id.org/mobility-kg/id/org/lvb')
>>> paper_iri(DEFAULT_BASE, "VI-DS-01293")
rdflib.term.URIRef('https://w3id.org/mobility-kg/id/paper/VI-DS-01293')
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

from rdflib import URIRef

from kg.errors import InputError
from kg.keys import entity_key

DEFAULT_BASE = "https://w3id.org/mobility-kg/id/"

# Entity type -> path segment. Project and Programme share one segment: a key names one project-like thing.
ENTITY_KINDS: dict[str, str] = {
    "Organization": "org",
    "Project": "project",
    "Programme": "project",
    "Place": "place",
    "Product": "product",
    "Event": "event",
    "Person": "person",
    "Plan": "plan",
}


def check_base(base: str) -> str:
    """``base`` if it is an absolute IRI ending in ``/`` or ``#``; raises ``InputError`` otherwise."""
    parts = urlsplit(base)
    if not parts.scheme or not (parts.netloc or parts.scheme == "urn") or base[-1] not in "/#":
        raise InputError(f"base IRI {base!r} must be absolute and end with '/' or '#'")
    return base


def _segment(text: str) -> str:
    return quote(text, safe="-._~")


def entity_iri(base: str, entity_type: str, key: str) -> URIRef:
    """The node of the entity ``key`` of ``entity_type``; raises ``InputError`` for an unknown type."""
    try:
        kind = ENTITY_KINDS[entity_type]
    except KeyError as e:
        raise InputError(f"unknown entity type {entity_type!r} (one of {', '.join(ENTITY_KINDS)})") from e
    return URIRef(f"{check_base(base)}{kind}/{_segment(key)}")


def paper_iri(base: str, doc_id: str) -> URIRef:
    return URIRef(f"{check_base(base)}paper/{_segment(doc_id)}")


def graph_iri(base: str, doc_id: str) -> URIRef:
    return URIRef(f"{check_base(base)}graph/{_segment(doc_id)}")


def part_iri(base: str, doc_id: str, *parts: str | int) -> URIRef:
    """A node that belongs to one document: ``part_iri(base, "VI-DS-01293", "consultation", 3)``."""
    return URIRef("/".join([paper_iri(base, doc_id), *(_segment(str(p)) for p in parts)]))


def hashed_part_iri(base: str, doc_id: str, kind: str, *identity: object) -> URIRef:
    """A document node named by a short hash of what identifies it (an annotation, a statement)."""
    digest = hashlib.sha1("\x1f".join(map(str, identity)).encode("utf-8")).hexdigest()[:16]
    return part_iri(base, doc_id, kind, digest)


def run_iri(base: str, doc_id: str, started: datetime) -> URIRef:
    """One extraction run of one document, named by its start time in UTC (naive times count as UTC)."""
    utc = started.replace(tzinfo=UTC) if started.tzinfo is None else started.astimezone(UTC)
    stamp = utc.strftime("%Y%m%dT%H%M%S.%fZ")
    return URIRef(f"{check_base(base)}run/{_segment(doc_id)}/{stamp}")


def agent_iri(base: str, version: str, model: str) -> URIRef:
    """The software agent: this package's version together with the spaCy pipeline it ran."""
    return URIRef(f"{check_base(base)}agent/mobility-kg/{_segment(version)}/{entity_key(model)}")


def meeting_iri(base: str, body_key: str, date: str) -> URIRef:
    """A meeting of one body on one day, shared by every paper it treated."""
    return URIRef(f"{check_base(base)}meeting/{_segment(body_key)}/{_segment(date)}")
