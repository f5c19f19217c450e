"""The SPARQL endpoint, over HTTP on a free loopback port, with a real client (SPARQLWrapper)."""

from __future__ import annotations

import csv
import io
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.outputs.server import make_server, negotiate
from kg.outputs.store import Store

FIXTURE = Path(__file__).parent / "data" / "two-papers.trig"
MKG = "PREFIX mkg: <https://w3id.org/mobility-kg/def#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
SELECT = MKG + "SELECT DISTINCT ?label WHERE { ?p a mkg:Project ; rdfs:label ?label } ORDER BY ?label"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def start(**options: object) -> Iterator[str]:
    server = make_server(Store.from_file(FIXTURE), port=0, **options)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    yield from start(max_rows=3)


@pytest.fixture(scope="module")
def strict_url() -> Iterator[str]:
    yield from start(timeout_s=0.2, cors=True)


def client(url: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{url}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


def request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8")


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_as_json(url: str, method: str) -> None:
    data = client(url, SELECT, JSON, method).query().convert()
    assert [b["label"]["value"] for b in data["results"]["bindings"]] == ["ABSOLUT", "Leipzig mobil"]


def test_select_as_xml_csv_tsv(url: str) -> None:
    xml = client(url, SELECT, XML).query().convert()
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal")] == ["ABSOLUT", "Leipzig mobil"]
    text = client(url, SELECT, CSV).query().convert().decode("utf-8")
    assert list(csv.reader(io.StringIO(text))) == [["label"], ["ABSOLUT"], ["Leipzig mobil"]]
    tsv = client(url, SELECT, TSV).query().convert().decode("utf-8")
    assert tsv.splitlines() == ["?label", '"ABSOLUT"', '"Leipzig mobil"']


def test_ask_and_construct(url: str) -> None:
    assert client(url, MKG + "ASK { ?x mkg:produces ?y }", JSON).query().convert()["boolean"] is True
    assert (
        client(url, MKG + "ASK { ?x mkg:operates ?y }", XML)
        .query()
        .convert()
        .getElementsByTagName("boolean")[0]
        .firstChild.data
        == "false"
    )
    construct = MKG + "CONSTRUCT { ?x mkg:produces ?y } WHERE { ?x mkg:produces ?y }"
    turtle = client(url, construct, TURTLE).query().convert()
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    assert len(graph) == 1
    status, headers, body = request(
        f"{url}/sparql?query={urllib.parse.quote(construct)}", headers={"Accept": "application/n-triples"}
    )
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert body.count(" .\n") == 1


def test_post_sparql_query_body_and_row_limit(url: str) -> None:
    status, headers, body = request(
        f"{url}/sparql",
        data=b"SELECT ?s WHERE { ?s ?p ?o }",
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert status == 200 and headers["X-Kg-Truncated"] == "true"
    assert len(body.strip().splitlines()) == 1 + 3


def test_malformed_query_is_400_with_the_parser_message(url: str) -> None:
    with pytest.raises(QueryBadFormed) as info:
        client(url, "SELECT ?x WHERE { ?x ", JSON).query()
    assert "malformed SPARQL: error at 1:" in str(info.value)


@pytest.mark.parametrize(
    ("path", "data", "headers"),
    [
        ("/sparql?update=" + urllib.parse.quote("DROP ALL"), None, {}),
        ("/sparql?query=" + urllib.parse.quote("PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }"), None, {}),
        ("/sparql", b"update=CLEAR+ALL", {"Content-Type": "application/x-www-form-urlencoded"}),
        ("/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"}),
    ],
)
def test_updates_are_refused(url: str, path: str, data: bytes | None, headers: dict[str, str]) -> None:
    status, _, body = request(url + path, data, headers)
    assert status == 403 and "read-only" in body
    assert request(f"{url}/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))[2].count("true") == 1


def test_slow_query_times_out_with_503(strict_url: str) -> None:
    status, _, body = request(f"{strict_url}/sparql?query={urllib.parse.quote(SLOW)}")
    assert status == 503 and "timed out after 0.2 s" in body


def test_cors_only_when_enabled_and_asked(url: str, strict_url: str) -> None:
    query = f"/sparql?query={urllib.parse.quote('ASK {}')}"
    assert (
        request(strict_url + query, headers={"Origin": "http://example.org"})[1]["Access-Control-Allow-Origin"] == "*"
    )
    assert "Access-Control-Allow-Origin" not in request(strict_url + query)[1]
    assert "Access-Control-Allow-Origin" not in request(url + query, headers={"Origin": "http://example.org"})[1]


def test_query_page_and_unknown_path(url: str) -> None:
    status, _, body = request(url + "/")
    assert status == 200 and "<form" in body and "http" not in body.split("<script>")[1].split("fetch(")[0]
    assert request(url + "/nope")[0] == 404


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("", "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/*", "text/csv"),
        ("image/png", None),
    ],
)
def test_negotiate(accept: str, expected: str | None) -> None:
    offers = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
    assert negotiate(accept, offers) == expected
