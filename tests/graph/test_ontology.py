"""ontology/mobility.ttl parses, declares what the code uses, and the vocabularies are closed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.graph.ontology import consultation_role, load_ontology
from kg.graph.shacl import load_shapes
from kg.graph.vocab import CROLE, MKG, OA, OPARL
from kg.paths import PACKAGE_DIR
from kg.records import ENTITY_TYPES, PREDICATES

STANDARD = {
    "Organization": "http://www.w3.org/ns/org#Organization",
    "Project": "https://schema.org/Project",
    "Programme": "https://schema.org/FundingScheme",
    "Place": "https://schema.org/Place",
    "Product": "https://schema.org/Product",
    "Event": "https://schema.org/Event",
    "Person": "http://xmlns.com/foaf/0.1/Person",
    "Plan": "https://schema.org/CreativeWork",
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def declared(onto: Graph) -> set[URIRef]:
    return {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef)}


@pytest.mark.parametrize("entity_type", ENTITY_TYPES)
def test_entity_classes(onto: Graph, entity_type: str) -> None:
    cls = MKG[entity_type]
    assert (cls, RDF.type, OWL.Class) in onto
    assert URIRef(STANDARD[entity_type]) in set(onto.objects(cls, RDFS.subClassOf))
    assert {label.language for label in onto.objects(cls, RDFS.label)} == {"de", "en"}


@pytest.mark.parametrize("predicate", PREDICATES)
def test_relation_properties(onto: Graph, predicate: str) -> None:
    prop = MKG[predicate]
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(prop, RDFS.domain) is not None and onto.value(prop, RDFS.range) is not None
    assert {label.language for label in onto.objects(prop, RDFS.label)} == {"de", "en"}
    assert {c.language for c in onto.objects(prop, RDFS.comment)} >= {"en"}


def test_relation_axioms(onto: Graph) -> None:
    assert (MKG.coordinates, RDFS.subPropertyOf, MKG.participatesIn) in onto
    assert (MKG.participatesIn, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#memberOf")) in onto
    assert (MKG.partnerOf, RDF.type, OWL.SymmetricProperty) in onto
    assert (MKG.subsidiaryOf, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#subOrganizationOf")) in onto


def test_every_mkg_term_of_the_code_is_declared(onto: Graph) -> None:
    """The closed namespace lists what the code may use; each must be declared in the ontology."""
    terms = {MKG[name] for name in MKG.__annotations__}
    used = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        used |= {MKG[name] for name in re.findall(r"\bMKG\.(\w+)", path.read_text(encoding="utf-8"))}
    assert used <= terms
    assert terms - declared(onto) == set()


def test_every_mkg_term_of_the_shapes_is_declared(onto: Graph) -> None:
    shapes = load_shapes()
    used = {n for t in shapes for n in t if isinstance(n, URIRef) and n.startswith(str(MKG))}
    assert used and used - declared(onto) == set()


def test_oparl_properties_are_documented_as_de_facto(onto: Graph) -> None:
    properties = [name for name in OPARL.__annotations__ if name[0].islower()]
    for name in properties:
        comment = str(onto.value(OPARL[name], RDFS.comment))
        assert "De-facto mapping of OParl 1.1" in comment, name


def test_vocabularies_are_closed() -> None:
    with pytest.raises(AttributeError):
        _ = MKG.participatesin
    with pytest.raises(AttributeError):
        _ = OA.hasbody


@pytest.mark.parametrize(
    ("role", "concept"),
    [
        ("1. Lesung", "first-reading"),
        ("2. Lesung", "second-reading"),
        ("Vorberatung", "preliminary-discussion"),
        ("Beschlussfassung", "decision"),
        ("Entscheidung", "decision"),
        ("Zuständigkeit Bestätigung", "confirmation"),
        ("Kenntnisnahme", "notice"),
        ("Anhörung", "hearing"),
        ("Lesung", None),
    ],
)
def test_consultation_roles(role: str, concept: str | None) -> None:
    assert consultation_role(role) == (CROLE[concept] if concept else None)


def test_role_concepts_have_german_labels(onto: Graph) -> None:
    concepts = set(onto.subjects(SKOS.inScheme, MKG.ConsultationRoles))
    assert len(concepts) >= 7
    for concept in concepts:
        assert "de" in {label.language for label in onto.objects(concept, SKOS.prefLabel)}


def test_broken_ontology_is_a_data_file_error(tmp_path: Path) -> None:
    from kg.errors import DataFileError

    bad = tmp_path / "mobility.ttl"
    bad.write_text("@prefix mkg: <https://w3id.org/mobility-kg/def#> .\nmkg:Organization a ", encoding="utf-8")
    with pytest.raises(DataFileError, match="cannot read the ontology"):
        load_ontology(bad)
