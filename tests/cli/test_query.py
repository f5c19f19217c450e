"""kg query / remove: exit codes and exact outputs, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import rdflib

from kg.outputs.sparql import list_queries
from kg.outputs.store import open_store

FIXTURE = Path(__file__).resolve().parents[1] / "outputs" / "data" / "two-papers.trig"


def test_list_prints_one_line_per_named_query(run_kg) -> None:
    result = run_kg("query", "--list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [q.name for q in list_queries()]
    assert "relations-of" in result.stdout and lines[0].startswith("actor-ranking  ")


def test_named_query_with_param_and_min_confidence_as_csv(run_kg) -> None:
    result = run_kg(
        "query",
        "partner-network",
        "--graph",
        FIXTURE,
        "--param",
        "actor=mdv",
        "--min-confidence",
        "0.5",
        "--format",
        "csv",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (  # text mode turns the CSV's CRLF into "\n"
        "partnerName,hop,via,partner\n"
        "Leipziger Verkehrsbetriebe,1,,https://w3id.org/mobility-kg/id/org/lvb\n"
        "Stadtwerke Leipzig,2,Leipziger Verkehrsbetriebe,https://w3id.org/mobility-kg/id/org/stadtwerke-leipzig\n"
    )


def test_sparql_text_as_json(run_kg) -> None:
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    result = run_kg("query", query, "--graph", FIXTURE, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "2"


def test_bad_inputs_are_one_line_and_exit_1(run_kg, tmp_path: Path) -> None:
    cases = [
        (["query", "relations-of", "--graph", FIXTURE], "needs --param actor"),
        (["query", "actors", "--graph", FIXTURE, "--min-confidence", "0.7"], "has no parameter 'min_confidence'"),
        (["query", "SELECT * WHERE {", "--graph", FIXTURE], "malformed SPARQL"),
        (["query", "actors"], "give either --graph FILE or --store DIR"),
        (["query", "actors", "--store", tmp_path / "none"], "no store here"),
        (["remove", "VI-DS-01293", "--store", tmp_path / "none"], "no store here"),
        (["push", "--endpoint", "http://127.0.0.1:9/store", "--graph", FIXTURE], "cannot reach"),
    ]
    for args, message in cases:
        result = run_kg(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("kg: error: ["), result.stderr
        assert message in result.stderr, result.stderr


def test_remove_then_query_the_store(run_kg, tmp_path: Path) -> None:
    store = open_store(tmp_path / "store")
    graph = rdflib.Graph().parse(data="<http://x/a> <http://x/p> 'eins' .", format="turtle")
    store.replace_document("d1", "sha", graph, "https://w3id.org/mobility-kg/id/")
    store.replace_document("d2", "sha", graph, "https://w3id.org/mobility-kg/id/")
    store.close()
    result = run_kg("remove", "d1", "--store", tmp_path / "store")
    assert (result.returncode, result.stdout) == (0, f"removed d1 from {tmp_path / 'store'}\n"), result.stderr
    again = run_kg("remove", "d1", "--store", tmp_path / "store")
    assert again.returncode == 1 and "no document 'd1'" in again.stderr and "documents: d2" in again.stderr
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <urn:x-mobility-kg:store-metadata>) }"
    listed = run_kg("query", query, "--store", tmp_path / "store", "--format", "csv")
    assert listed.stdout == "g\nhttps://w3id.org/mobility-kg/id/graph/d2\n", listed.stderr
