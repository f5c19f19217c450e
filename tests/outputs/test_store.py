"""The on-disk store: per-document graphs replaced atomically, removal, hashes, locking."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.errors import StoreError
from kg.outputs.sparql import resolve_query, run_query
from kg.outputs.store import open_store

BASE = "https://w3id.org/mobility-kg/id/"
FIXTURE = Path(__file__).parent / "data" / "two-papers.trig"
DOCS = ("VI-DS-01293", "VII-DS-00042")


def document_graph(doc_id: str) -> rdflib.Graph:
    dataset = rdflib.Dataset()
    dataset.parse(FIXTURE, format="trig")
    graph = rdflib.Graph()
    for triple in dataset.graph(rdflib.URIRef(f"{BASE}graph/{doc_id}")):
        graph.add(triple)
    return graph


def triples_of(store_path_store, doc_id: str) -> set[tuple[str, str, str]]:
    result = run_query(store_path_store, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{BASE}graph/{doc_id}> {{ ?s ?p ?o }} }}")
    return {tuple(str(t) for t in row) for row in result.rows if not any(isinstance(t, ox.BlankNode) for t in row)}


@pytest.fixture
def store(tmp_path: Path):
    opened = open_store(tmp_path / "store")
    for doc_id in DOCS:
        opened.replace_document(doc_id, f"sha-{doc_id}", document_graph(doc_id), BASE)
    yield opened
    opened.close()


def test_documents_and_hashes(store) -> None:
    assert store.documents() == {"VI-DS-01293": "sha-VI-DS-01293", "VII-DS-00042": "sha-VII-DS-00042"}
    assert store.document_hash("VI-DS-01293") == "sha-VI-DS-01293"
    assert store.document_hash("nope") is None
    assert len(store) == len(document_graph(DOCS[0])) + len(document_graph(DOCS[1]))


def test_replacing_one_document_changes_only_its_graph(store) -> None:
    other_before = triples_of(store, "VII-DS-00042")
    smaller = rdflib.Graph()
    lvb = rdflib.URIRef(f"{BASE}org/lvb")
    smaller.add((lvb, rdflib.RDFS.label, rdflib.Literal("Leipziger Verkehrsbetriebe")))
    store.replace_document("VI-DS-01293", "sha-2", smaller, BASE)
    assert triples_of(store, "VI-DS-01293") == {
        (f"<{BASE}org/lvb>", "<http://www.w3.org/2000/01/rdf-schema#label>", '"Leipziger Verkehrsbetriebe"')
    }
    assert triples_of(store, "VII-DS-00042") == other_before
    assert store.document_hash("VI-DS-01293") == "sha-2"
    # the shared actor keeps the facts the other document states about it
    relations = run_query(store, resolve_query("relations-of", {"actor": "LVB"}))
    assert {row[1].value for row in relations.rows} == {"participatesIn", "partnerOf", "locatedIn"}


def test_remove_document(store) -> None:
    assert store.remove_document("VI-DS-01293") is True
    assert store.remove_document("VI-DS-01293") is False
    assert store.documents() == {"VII-DS-00042": "sha-VII-DS-00042"}
    assert triples_of(store, "VI-DS-01293") == set()
    assert [g.value for g in store.document_graphs()] == [f"{BASE}graph/VII-DS-00042"]
    dataset = store.to_dataset()
    assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {f"{BASE}graph/VII-DS-00042"}


class BrokenGraph(rdflib.Graph):
    """Fails halfway through being read, like a crash in the middle of a replace."""

    def triples(self, pattern, *args, **kwargs):  # type: ignore[override]
        for n, triple in enumerate(super().triples(pattern, *args, **kwargs)):
            if n == 3:
                raise RuntimeError("disk on fire")
            yield triple


def test_a_failed_replace_leaves_the_store_unchanged(store) -> None:
    before = {doc_id: triples_of(store, doc_id) for doc_id in DOCS}
    broken = BrokenGraph()
    for triple in document_graph("VII-DS-00042"):
        broken.add(triple)
    with pytest.raises(RuntimeError):
        store.replace_document("VI-DS-01293", "sha-new", broken, BASE)
    assert {doc_id: triples_of(store, doc_id) for doc_id in DOCS} == before
    assert store.document_hash("VI-DS-01293") == "sha-VI-DS-01293"


def test_a_failing_write_leaves_the_store_unchanged(store) -> None:
    before = triples_of(store, "VI-DS-01293")
    bad = rdflib.Graph()
    bad.add((rdflib.URIRef("http://x/a"), rdflib.URIRef("http://x/p"), rdflib.Literal("x")))
    bad.add((rdflib.BNode("not a label"), rdflib.URIRef("http://x/p"), rdflib.Literal("y")))  # oxigraph rejects it
    with pytest.raises(StoreError, match="store update failed"):
        store.replace_document("VI-DS-01293", "sha-new", bad, BASE)
    assert triples_of(store, "VI-DS-01293") == before
    assert store.document_hash("VI-DS-01293") == "sha-VI-DS-01293"


def test_store_survives_reopening(tmp_path: Path, store) -> None:
    store.close()
    reopened = open_store(tmp_path / "store", create=False)
    assert set(reopened.documents()) == set(DOCS)
    reopened.close()


def test_store_errors_are_one_line(tmp_path: Path, store) -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(tmp_path / "store")  # the fixture holds the lock
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing", create=False)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="not a directory"):
        open_store(tmp_path / "file")


def test_the_default_graph_is_the_set_union_of_the_documents(store) -> None:
    def labels(iri: str) -> list[str]:
        query = f"SELECT ?l WHERE {{ <{BASE}{iri}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
        return [row[0].value for row in run_query(store, query).rows]

    assert labels("project/absolut") == ["ABSOLUT"]  # stated by both documents, seen once
    store.remove_document("VII-DS-00042")
    assert labels("project/absolut") == ["ABSOLUT"]  # still stated by the other document
    assert labels("org/mdv") == []  # only the removed document named it
    store.remove_document("VI-DS-01293")
    assert run_query(store, "SELECT * WHERE { ?s ?p ?o }").rows == ()
