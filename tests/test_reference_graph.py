"""End to end on the reference document: the built graph holds what a reader of VI-DS-01293 finds in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.build import build
from kg.ingest import read_document
from kg.outputs.graphio import load_graph
from kg.outputs.sparql import run_query

PREFIXES = """
PREFIX mkg: <https://w3id.org/mobility-kg/def#>
PREFIX oparl: <https://schema.oparl.org/1.1/>
PREFIX besluit: <http://data.vlaanderen.be/ns/besluit#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory, reference_path: Path) -> Dataset:
    out = tmp_path_factory.mktemp("ref") / "graph.trig"
    build([reference_path], out)
    return load_graph(out)


def select(graph: Graph, query: str) -> list[tuple[str | None, ...]]:
    """Rows of plain strings (pyoxigraph is fast where rdflib's engine would crawl over the union graph)."""
    result = run_query(graph, PREFIXES + query)
    return [tuple(term.value if term is not None else None for term in row) for row in result.rows]


def test_paper_identifier_kind_and_submitter(graph: Dataset) -> None:
    rows = select(
        graph,
        """SELECT ?id ?kind ?submitter WHERE { ?p a oparl:Paper ; dcterms:identifier ?id ; oparl:paperType ?kind ;
           oparl:originatorOrganization/rdfs:label ?submitter }""",
    )
    assert rows == [("VI-DS-01293", "Beschlussvorlage", "Dezernat Wirtschaft und Arbeit")]


def test_full_consultation_sequence(graph: Dataset) -> None:
    rows = select(
        graph,
        """SELECT ?n ?body ?role ?date WHERE { ?c a oparl:Consultation ; mkg:sequenceNumber ?n ; oparl:role ?role ;
           oparl:organization/rdfs:label ?body .
           OPTIONAL { ?c dcterms:date|oparl:meeting/schema:startDate ?date } } ORDER BY ?n""",
    )
    assert len(rows) == 11
    assert rows[0][1:3] == ("Dienstberatung des Oberbürgermeisters", "Bestätigung")
    assert rows[1][1:] == ("Fachausschuss Allgemeine Verwaltung", "1. Lesung", "2015-08-25")
    assert rows[-1][1:3] == ("Ratsversammlung", "Beschlussfassung")
    assert sum(1 for r in rows if r[2] == "2. Lesung") == 4


def test_committees_are_the_same_nodes_as_actor_entities(graph: Dataset) -> None:
    rows = select(graph, "SELECT DISTINCT ?body WHERE { ?c oparl:organization ?body . ?body a mkg:Organization }")
    assert len(rows) == 7


def test_resolution_has_five_items_and_item_four_was_added(graph: Dataset) -> None:
    rows = select(
        graph,
        """SELECT ?n ?text WHERE { ?p mkg:hasDecision ?d . ?d mkg:resolutionItem ?i .
           ?i mkg:itemNumber ?n ; schema:text ?text ; mkg:addedInResolution true }""",
    )
    assert len(rows) == 1 and "25 Mobilitätsstationen" in rows[0][1]
    items = select(graph, "SELECT ?i WHERE { ?d mkg:resolutionItem ?i }")
    assert len(items) == 5


def test_vote_majority_with_four_against(graph: Dataset) -> None:
    rows = select(
        graph,
        """SELECT ?against ?mode WHERE { ?v a besluit:Stemming ; besluit:aantalTegenstanders ?against ;
           mkg:voteMode ?mode }""",
    )
    assert rows == [("4", "mehrheitlich")]


def test_financial_effect_of_40000_eur(graph: Dataset) -> None:
    rows = select(
        graph,
        """SELECT ?v ?line WHERE { ?a a schema:MonetaryAmount ; schema:value ?v ; schema:currency 'EUR' ;
           mkg:budgetLine ?line }""",
    )
    assert [(float(v or 0), line) for v, line in rows] == [(40000.0, "1.100.57.1.0.01.07")]


def test_at_least_twelve_key_figures_with_units(graph: Dataset) -> None:
    rows = select(graph, "SELECT ?v ?unit WHERE { ?k a mkg:KeyFigure ; schema:value ?v ; schema:unitText ?unit }")
    assert len(rows) >= 12
    units = {unit for _, unit in rows}
    assert {"Ladestationen", "Mobilitätsstationen"} <= units


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("LVB", "Organization"),
        ("SWL", "Organization"),
        ("Fraunhofer IVI Dresden", "Organization"),
        ("SaxHybrid Plus", "Project"),
        ("Laternenparken und Geschäftsmodell Energieversorgung", "Project"),
        ("Schaufenster Bayern-Sachsen", "Programme"),
    ],
)
def test_known_actors_and_projects_are_nodes(graph: Dataset, label: str, kind: str) -> None:
    rows = select(
        graph,
        f"""SELECT ?e WHERE {{ ?e a mkg:{kind} ; rdfs:label|skos:altLabel ?l .
            FILTER(LCASE(STR(?l)) = LCASE("{label}")) }}""",
    )
    assert len({r[0] for r in rows}) == 1, rows


def test_every_relation_has_evidence_whose_offsets_quote_the_text(graph: Dataset, reference_path: Path) -> None:
    text = read_document(reference_path).text
    rows = select(
        graph,
        """SELECT ?s ?p ?o ?exact ?start ?end WHERE {
             ?s ?p ?o . FILTER(STRSTARTS(STR(?p), "https://w3id.org/mobility-kg/def#")
                               && ?p NOT IN (mkg:section, mkg:keyFigure, mkg:hasDecision, mkg:hasVote))
             ?o a ?type . ?s a mkg:Organization .
             ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
             ?ann oa:hasBody ?st ; oa:hasTarget ?t .
             ?t oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?exact ] ,
                               [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] }""",
    )
    assert len(rows) >= 40
    for *_, exact, start, end in rows:
        assert text[int(start or 0) : int(end or 0)] == exact


def test_relations_without_evidence_do_not_exist(graph: Dataset) -> None:
    rows = select(
        graph,
        """SELECT ?s ?p ?o WHERE { VALUES ?p { mkg:participatesIn mkg:coordinates mkg:partnerOf mkg:partOf
             mkg:fundedBy mkg:subsidiaryOf mkg:produces mkg:operates mkg:locatedIn }
           ?s ?p ?o . FILTER NOT EXISTS { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                                         ?ann oa:hasBody ?st } }""",
    )
    assert rows == []
