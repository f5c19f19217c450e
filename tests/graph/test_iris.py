from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rdflib import URIRef

from kg.errors import InputError
from kg.graph.iris import DEFAULT_BASE, entity_iri, graph_iri, paper_iri, part_iri, run_iri
from kg.keys import entity_key
from kg.records import ENTITY_TYPES

BASE = DEFAULT_BASE


@pytest.mark.parametrize(
    ("entity_type", "name", "expected"),
    [
        ("Organization", "Leipziger Verkehrsbetriebe (LVB) GmbH", "org/leipziger-verkehrsbetriebe-lvb-gmbh"),
        ("Project", "eBus Skorpion", "project/ebus-skorpion"),
        ("Programme", "Schaufenster Bayern-Sachsen", "project/schaufenster-bayern-sachsen"),
        ("Place", "Leipzig", "place/leipzig"),
        ("Product", "BMW i3", "product/bmw-i3"),
        ("Event", "lipsia e-motion 2014", "event/lipsia-e-motion-2014"),
        ("Person", "Dr. Bernd Wiegand", "person/dr-bernd-wiegand"),
        ("Plan", "STEP Verkehr und öffentlicher Raum", "plan/step-verkehr-und-oeffentlicher-raum"),
    ],
)
def test_entity_iri_per_type(entity_type: str, name: str, expected: str) -> None:
    assert entity_iri(BASE, entity_type, entity_key(name)) == URIRef(BASE + expected)


def test_every_entity_type_has_a_kind() -> None:
    assert {str(entity_iri(BASE, t, "x")).split("/")[-2] for t in ENTITY_TYPES} == {
        "org",
        "project",
        "place",
        "product",
        "event",
        "person",
        "plan",
    }


def test_document_iris() -> None:
    assert paper_iri(BASE, "VI-DS-01293") == URIRef(BASE + "paper/VI-DS-01293")
    assert graph_iri(BASE, "VI-DS-01293") == URIRef(BASE + "graph/VI-DS-01293")
    assert part_iri(BASE, "c002", "consultation", 3) == URIRef(BASE + "paper/c002/consultation/3")


def test_unsafe_characters_are_escaped() -> None:
    assert paper_iri(BASE, "Drucksache 12/3") == URIRef(BASE + "paper/Drucksache%2012%2F3")


def test_run_iri_is_utc() -> None:
    started = datetime(2025, 1, 2, 4, 4, 5, tzinfo=UTC).astimezone()
    assert run_iri(BASE, "c002", started) == URIRef(BASE + "run/c002/20250102T040405.000000Z")


def test_custom_base() -> None:
    assert entity_iri("https://data.leipzig.de/kg/", "Organization", "lvb") == URIRef(
        "https://data.leipzig.de/kg/org/lvb"
    )


@pytest.mark.parametrize("base", ["kg/", "https://example.org/kg", "", "mailto:x@example.org/"])
def test_bad_base_is_an_input_error(base: str) -> None:
    with pytest.raises(InputError, match="base IRI"):
        paper_iri(base, "c002")


def test_unknown_entity_type_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown entity type 'Company'"):
        entity_iri(BASE, "Company", "bmw")
