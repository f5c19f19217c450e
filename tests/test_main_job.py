"""The main job, end to end: documents into a graph file or an incremental store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build, source_files
from kg.errors import InputError
from kg.graph.iris import DEFAULT_BASE, graph_iri
from kg.outputs.store import open_store

FIRST = "Die Leipziger Verkehrsbetriebe (LVB) beteiligen sich am Projekt „eBus Skorpion“."
SECOND = "Die LVB betreibt gemeinsam mit der Stadt Leipzig das Projekt „Mobilstationen Süd“."
SECOND_CHANGED = "Die LVB beteiligt sich am Projekt „Mobilstationen Nord“."


def _graph(store_dir: Path, doc_id: str) -> set[bytes]:
    store = open_store(store_dir, create=False)
    try:
        return set(store.graph_ntriples(ox.NamedNode(graph_iri(DEFAULT_BASE, doc_id))).splitlines())
    finally:
        store.close()


@pytest.fixture
def two_documents(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    (folder / "b.txt").write_text(SECOND, encoding="utf-8")
    return folder


def test_folder_inputs_leave_out_gold_files(two_documents: Path) -> None:
    (two_documents / "a.gold.json").write_text("{}", encoding="utf-8")
    assert [p.name for p in source_files([two_documents])] == ["a.txt", "b.txt"]


def test_missing_input_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        build([tmp_path / "nothing.txt"], tmp_path / "g.ttl")


def test_one_lvb_node_across_documents(two_documents: Path, tmp_path: Path) -> None:
    report = build([two_documents], tmp_path / "g.nq")
    assert report.documents == ["a", "b"]
    quads = (tmp_path / "g.nq").read_text(encoding="utf-8")
    labels = ("<http://www.w3.org/2000/01/rdf-schema#label>", "<http://www.w3.org/2004/02/skos/core#altLabel>")
    lvb = {line.split(" ")[0] for line in quads.splitlines() if '"LVB"' in line and line.split(" ")[1] in labels}
    assert len(lvb) == 1


def test_store_rebuild_is_incremental_and_per_document(two_documents: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = build([two_documents], store=store)
    assert (first.documents, first.skipped) == (["a", "b"], [])
    before_a, before_b = _graph(store, "a"), _graph(store, "b")

    again = build([two_documents], store=store)
    assert (again.documents, again.skipped) == ([], ["a", "b"])

    (two_documents / "b.txt").write_text(SECOND_CHANGED, encoding="utf-8")
    changed = build([two_documents], store=store)
    assert (changed.documents, changed.skipped) == (["b"], ["a"])
    assert _graph(store, "a") == before_a
    after_b = _graph(store, "b")
    assert after_b != before_b
    assert any(b"Mobilstationen Nord" in line for line in after_b)
    assert not any(b"Mobilstationen S\\u00FCd" in line or "Süd".encode() in line for line in after_b)
