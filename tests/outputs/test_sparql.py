"""Named queries on a two-paper fixture graph: every query file is valid and returns the expected rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib

from kg.errors import QueryError
from kg.outputs.sparql import format_result, list_queries, resolve_query, run_query
from kg.outputs.store import Store

FIXTURE = Path(__file__).parent / "data" / "two-papers.trig"


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.from_file(FIXTURE)


def rows(store: Store, name: str, columns: tuple[str, ...], **params: str) -> list[tuple[str, ...]]:
    records = run_query(store, resolve_query(name, params)).records()
    return [tuple(record[c] for c in columns) for record in records]


def test_every_query_file_has_a_description_and_runs_on_an_empty_graph() -> None:
    queries = list_queries()
    assert len(queries) >= 11
    for query in queries:
        assert query.description and not query.description.startswith("param")
        params = {p.name: "x" for p in query.params if p.required}
        result = run_query(rdflib.Dataset(), resolve_query(query.name, params))
        assert result.kind == "select" and result.rows == (), query.name


@pytest.mark.parametrize(
    ("name", "params", "columns", "expected"),
    [
        ("actors", {"type": "programme"}, ("label",), [("Schaufenster Elektromobilität",)]),
        ("actors", {"type": "Organization"}, ("label", "aliases", "wikidata"), None),
        (
            "projects",
            {},
            ("label", "coordinators"),
            [("ABSOLUT", ""), ("Leipzig mobil", "Leipziger Verkehrsbetriebe")],
        ),
        (
            "who-participates-in-what",
            {"min_confidence": "0.8"},
            ("actorName", "role", "projectName"),
            [
                ("Leipziger Verkehrsbetriebe", "participatesIn", "ABSOLUT"),
                ("Leipziger Verkehrsbetriebe", "coordinates", "Leipzig mobil"),
                ("Mitteldeutscher Verkehrsverbund", "participatesIn", "ABSOLUT"),
                ("Stadtwerke Leipzig", "participatesIn", "Leipzig mobil"),
            ],
        ),
        (
            "relations-of",
            {"actor": "der lvb", "min_confidence": "0.7"},
            ("relation", "objectName", "confidence", "document"),
            [
                ("coordinates", "Leipzig mobil", "0.9", "VI-DS-01293"),
                ("locatedIn", "Leipzig", "", ""),  # a fact without evidence is never filtered out
                ("participatesIn", "ABSOLUT", "0.85", "VII-DS-00042"),
                ("partnerOf", "Stadtwerke Leipzig", "0.75", "VI-DS-01293"),
            ],
        ),
        (
            "actor-ranking",
            {},
            ("actorName", "projects", "coordinates"),
            [
                ("Leipziger Verkehrsbetriebe", "2", "1"),
                ("BMW AG", "1", "0"),
                ("Mitteldeutscher Verkehrsverbund", "1", "0"),
                ("Stadtwerke Leipzig", "1", "0"),
            ],
        ),
        (
            "partner-network",
            {"actor": "MDV"},
            ("partnerName", "hop", "via"),
            [("Leipziger Verkehrsbetriebe", "1", ""), ("Stadtwerke Leipzig", "2", "Leipziger Verkehrsbetriebe")],
        ),
        ("partner-network", {"actor": "MDV", "min_confidence": "0.7"}, ("partnerName",), []),
        (
            "projects-by-programme-and-funder",
            {},
            ("programmeName", "funderName", "projectName"),
            [
                ("", "Bundesministerium für Wirtschaft und Energie", "ABSOLUT"),
                ("Schaufenster Elektromobilität", "Bundesministerium für Wirtschaft und Energie", "Leipzig mobil"),
            ],
        ),
        ("documents-mentioning", {"actor": "Stadtwerke Leipzig"}, ("document",), [("VI-DS-01293",)]),
        ("documents-mentioning", {"actor": "LVB"}, ("document",), [("VI-DS-01293",), ("VII-DS-00042",)]),
        (
            "consultations",
            {"paper": "vi-ds-01293"},
            ("step", "committee", "date", "role"),
            [
                ("1", "Dienstberatung des Oberbürgermeisters", "2015-03-02", "Bestätigung"),
                ("2", "Ratsversammlung", "2015-04-15", "Beschlussfassung"),
            ],
        ),
        ("consultations", {"paper": "VII-DS-00042"}, ("step",), []),
        (
            "decisions",
            {"year": "2015"},
            ("document", "result", "for", "against", "abstentions"),
            [("VI-DS-01293", "Beschlossen", "50", "3", "2")],
        ),
        ("decisions", {}, ("document",), [("VI-DS-01293",), ("VII-DS-00042",)]),
        ("decisions", {"about": "MOBILITÄT"}, ("document", "result"), [("VI-DS-01293", "Beschlossen")]),
        (
            "key-figures",
            {},
            ("document", "value", "unit"),
            [("VI-DS-01293", "54", "Ladestationen"), ("VI-DS-01293", "25", "Mobilitätsstationen")],
        ),
    ],
)
def test_named_query_rows(
    store: Store, name: str, params: dict[str, str], columns: tuple[str, ...], expected: list | None
) -> None:
    got = rows(store, name, columns, **params)
    if expected is None:  # actors by type: organisations only, aliases merged across documents
        lvb = next(row for row in got if row[0] == "Leipziger Verkehrsbetriebe")
        assert sorted(lvb[1].split(" | ")) == ["LVB", "der LVB"] and lvb[2] == ""
        assert ("Mitteldeutscher Verkehrsverbund", "MDV", "http://www.wikidata.org/entity/Q1742463") in got
        assert len(got) == 7
    else:
        assert got == expected


def test_parameter_values_are_bound_as_terms_not_pasted(store: Store) -> None:
    hostile = 'LVB" } } ; DROP ALL ; SELECT * WHERE { {'
    assert rows(store, "relations-of", ("relation",), actor=hostile) == []


@pytest.mark.parametrize(
    ("source", "params", "message"),
    [
        ("relation-of", {}, "did you mean: relations-of"),
        ("relations-of", {}, "needs --param actor"),
        ("actors", {"min_confidence": "0.5"}, "has no parameter 'min_confidence'"),
        ("decisions", {"year": "zwanzig"}, "not a valid integer"),
        ("SELECT ?s WHERE { ?s ?p ?o }", {"actor": "LVB"}, "has no parameter 'actor'"),
    ],
)
def test_query_errors(source: str, params: dict[str, str], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        resolve_query(source, params)


def test_malformed_sparql_is_one_line(store: Store) -> None:
    with pytest.raises(QueryError) as info:
        run_query(store, "SELECT ?s WHERE { ?s ?p }")
    assert str(info.value).startswith("[E040] malformed SPARQL: error at 1:")
    assert "\n" not in str(info.value)


def test_query_file_with_its_own_parameter(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "labels.rq"
    path.write_text(
        "# Labels of one type\n# param: kind : iri\n"
        "SELECT ?label WHERE { ?x a ?kind ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label\n",
        encoding="utf-8",
    )
    result = run_query(store, resolve_query(str(path), {"kind": "https://w3id.org/mobility-kg/def#Place"}))
    assert [r[0].value for r in result.rows] == ["Leipzig"]
    # an unresolved text with declarations can be given parameters at run time too
    text = path.read_text(encoding="utf-8")
    assert run_query(store, text, {"kind": "https://w3id.org/mobility-kg/def#Product"}).rows[0][0].value == "BMW i3"


def test_rdflib_dataset_queries_see_the_union_of_named_graphs() -> None:
    dataset = rdflib.Dataset()
    dataset.parse(FIXTURE, format="trig")
    assert rows(Store.from_rdflib(dataset), "documents-mentioning", ("document",), actor="mdv") == [("VII-DS-00042",)]
    result = run_query(dataset, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://schema.oparl.org/1.1/Paper> }")
    assert result.rows[0][0].value == "2"


def test_json_and_csv_follow_the_w3c_result_formats(store: Store) -> None:
    query = resolve_query("documents-mentioning", {"actor": "MDV"})
    result = run_query(store, query)
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["document", "title", "paper"]
    assert data["results"]["bindings"] == [
        {
            "document": {"type": "literal", "value": "VII-DS-00042"},
            "title": {"type": "literal", "value": "Fortschreibung ABSOLUT"},
            "paper": {"type": "uri", "value": "https://w3id.org/mobility-kg/id/paper/VII-DS-00042"},
        }
    ]
    assert format_result(result, "csv") == (
        "document,title,paper\r\n"
        "VII-DS-00042,Fortschreibung ABSOLUT,https://w3id.org/mobility-kg/id/paper/VII-DS-00042\r\n"
    )
    figures = run_query(store, resolve_query("key-figures"))
    value = json.loads(format_result(figures, "json"))["results"]["bindings"][0]["value"]
    assert value == {"type": "literal", "value": "54", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    parsed = list(csv.reader(io.StringIO(format_result(figures, "csv"))))
    assert parsed[1][:3] == ["VI-DS-01293", "VI-DS-01293", "54"]


def test_ask_construct_and_table(store: Store) -> None:
    ask = run_query(store, "ASK { ?x <http://www.w3.org/2002/07/owl#sameAs> ?y }")
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    construct = run_query(
        store, "CONSTRUCT { ?a <http://x/p> ?b } WHERE { ?a <https://w3id.org/mobility-kg/def#produces> ?b }"
    )
    assert format_result(construct, "table").endswith(
        "\n<https://w3id.org/mobility-kg/id/org/bmw> <http://x/p> <https://w3id.org/mobility-kg/id/product/bmw-i3> .\n"
    )
    with pytest.raises(QueryError, match="no json form"):
        format_result(construct, "json")
    table = format_result(run_query(store, resolve_query("documents-mentioning", {"actor": "bmw"})), "table")
    assert table.splitlines() == [
        "document     title                                       paper",
        "-----------  ------------------------------------------  --------------------",
        "VI-DS-01293  Leipzig – Stadt für intelligente Mobilität  id:paper/VI-DS-01293",
        "(1 row)",
    ]
