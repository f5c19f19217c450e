"""Our SHACL shapes: built graphs conform; broken graphs give one-line violations."""

from __future__ import annotations

import pytest
import rdflib.namespace as ns
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from kg.graph import DEFAULT_BASE, build_dataset, document_graph
from kg.graph.iris import entity_iri, graph_iri, part_iri
from kg.graph.shacl import validate
from kg.graph.vocab import MKG, OA, OPARL
from kg.records import Extraction

LVB = entity_iri(DEFAULT_BASE, "Organization", "lvb")


@pytest.fixture(scope="module")
def built(reference_records: Extraction) -> Graph:
    return document_graph(reference_records)


def broken(graph: Graph, remove: tuple | None = None, add: tuple | None = None) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    if remove:
        copy.remove(remove)
    if add:
        copy.add(add)
    return copy


def test_built_graph_conforms(built: Graph) -> None:
    assert validate(built) == []


def test_dataset_conforms_graph_by_graph(reference_records: Extraction) -> None:
    assert validate(build_dataset([reference_records])) == []


def test_statement_without_evidence(built: Graph) -> None:
    statement = next(built.subjects(RDF.subject, LVB))
    violations = validate(broken(built, (None, OA.hasBody, statement)))
    assert (
        f"<{statement}> ^oa:hasBody: a relation statement has at least one evidence annotation with text offsets"
        in violations
    )


def test_entity_with_two_types(built: Graph) -> None:
    violations = validate(broken(built, add=(LVB, RDF.type, MKG.Project)))
    assert len(violations) == 1 and "exactly one type" in violations[0] and "org/lvb" in violations[0]


def test_entity_without_label(built: Graph) -> None:
    violations = validate(broken(built, (LVB, RDFS.label, None)))
    assert len(violations) == 1 and "rdfs:label" in violations[0]


def test_key_figure_with_text_value(built: Graph) -> None:
    figure = next(built.objects(entity_iri(DEFAULT_BASE, "Organization", "stadtwerke-leipzig"), MKG.keyFigure))
    g = broken(built, (figure, ns.SDO.value, None), (figure, ns.SDO.value, Literal("vierundfünfzig")))
    assert any("numeric schema:value" in v for v in validate(g))


def test_consultation_without_organization(built: Graph) -> None:
    c = part_iri(DEFAULT_BASE, "VI-DS-01293", "consultation", 2)
    violations = validate(broken(built, (c, OPARL.organization, None)))
    assert len(violations) == 1 and "consultation has an organization" in violations[0]


def test_evidence_end_before_start(built: Graph) -> None:
    position = next(built.subjects(RDF.type, OA.TextPositionSelector))
    end = built.value(position, OA.end)
    g = broken(
        built, (position, OA.start, None), (position, OA.start, Literal(end.toPython() + 1, datatype=end.datatype))
    )
    expected = f"{position.n3()} oa:start: a text position has one start, not after its end (value "
    assert [v for v in validate(g) if v.startswith(expected)]


def test_dataset_violations_name_their_graph(reference_records: Extraction) -> None:
    ds = build_dataset([reference_records])
    named = ds.graph(graph_iri(DEFAULT_BASE, "VI-DS-01293"))
    named.remove((LVB, RDFS.label, None))
    (line,) = validate(ds)
    assert line.startswith(f"<{graph_iri(DEFAULT_BASE, 'VI-DS-01293')}> ")
