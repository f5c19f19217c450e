"""Graph files in and out: round trips per format, named graphs, atomic writes, one-line errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import GraphFormatError, InputError
from kg.outputs.graphio import FORMATS, load_graph, union_graph, write_graph

SAMPLE = Path(__file__).parent / "data" / "two-papers.trig"
MKG = "https://w3id.org/mobility-kg/def#"


def assert_same(got: Graph, want: Graph) -> None:
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail(
            "graphs differ\nonly written:\n"
            + only_got.serialize(format="nt")
            + "\nonly expected:\n"
            + only_want.serialize(format="nt")
        )


def named_graphs(data: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in data.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load_graph(SAMPLE)


def test_sample_keeps_one_named_graph_per_paper(sample: Dataset) -> None:
    graphs = named_graphs(sample)
    assert sorted(graphs) == [
        "https://w3id.org/mobility-kg/id/graph/VI-DS-01293",
        "https://w3id.org/mobility-kg/id/graph/VII-DS-00042",
    ]


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
def test_quad_formats_keep_named_graphs(sample: Dataset, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"graph{suffix}"
    write_graph(sample, path)
    back = named_graphs(load_graph(path))
    want = named_graphs(sample)
    assert sorted(back) == sorted(want)
    for name, graph in want.items():
        assert_same(back[name], graph)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld"])
def test_triple_formats_get_the_union_in_the_default_graph(sample: Dataset, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"graph{suffix}"
    write_graph(sample, path)
    back = load_graph(path)
    assert named_graphs(back) == {}
    assert_same(back.default_graph, union_graph(sample))
    # the LVB node is shared by both papers: the union holds it once, with the aliases of both
    lvb = URIRef("https://w3id.org/mobility-kg/id/org/lvb")
    assert len(set(back.default_graph.objects(lvb, URIRef("http://www.w3.org/2004/02/skos/core#altLabel")))) == 2


def test_turtle_uses_readable_prefixes(sample: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    write_graph(sample, path)
    text = path.read_text(encoding="utf-8")
    for prefix in ("mkg", "oa", "oparl", "skos", "dcterms", "schema"):
        assert f"@prefix {prefix}: " in text
    assert "a mkg:Organization" in text


def test_jsonld_has_a_context_of_the_used_prefixes(sample: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "graph.jsonld"
    write_graph(sample, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["mkg"] == MKG
    assert "dcat" not in document["@context"]  # not used by this graph


def test_explicit_format_overrides_the_suffix(sample: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "graph.txt"
    write_graph(sample, path, fmt="nq")
    assert len(named_graphs(Dataset().parse(path, format="nquads"))) == 2


def test_plain_graph_named_by_iri_becomes_that_named_graph(tmp_path: Path) -> None:
    graph = Graph(identifier=URIRef("https://w3id.org/mobility-kg/id/graph/x"))
    graph.add((URIRef("urn:a"), URIRef(MKG + "partnerOf"), URIRef("urn:b")))
    write_graph(graph, tmp_path / "g.nq")
    assert list(named_graphs(load_graph(tmp_path / "g.nq"))) == ["https://w3id.org/mobility-kg/id/graph/x"]


def test_writing_creates_folders_and_leaves_no_temporary_file(sample: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "graph.ttl"
    write_graph(sample, path)
    assert [p.name for p in path.parent.iterdir()] == ["graph.ttl"]


def test_failed_write_keeps_the_previous_file(sample: Dataset, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text("previous", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_graph(sample, path)
    assert path.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq"])
def test_unwritable_iri_is_a_format_error_and_keeps_the_old_file(tmp_path: Path, suffix: str) -> None:
    graph = Graph()
    graph.add((URIRef("urn:Leipziger Verkehrsbetriebe"), URIRef(MKG + "partnerOf"), URIRef("urn:b")))
    path = tmp_path / f"graph{suffix}"
    path.write_text("previous", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="does not look like a valid URI"):
        write_graph(graph, path)
    assert path.read_text(encoding="utf-8") == "previous"


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such graph file"):
        load_graph(tmp_path / "missing.ttl")


@pytest.mark.parametrize("name", ["graph.xml", "graph"])
def test_unknown_suffix_is_a_format_error(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="unknown graph format"):
        load_graph(tmp_path / name)
    with pytest.raises(GraphFormatError, match="unknown graph format"):
        write_graph(Graph(), tmp_path / name)


@pytest.mark.parametrize(
    ("suffix", "content", "where"),
    [
        (
            ".ttl",
            "@prefix mkg: <https://w3id.org/mobility-kg/def#> .\n<urn:a> mkg:partnerOf <urn:b> .\n"
            "<urn:a> mkg:partnerOf .\n",
            ":3: ",
        ),
        (".trig", "<urn:g> {\n <urn:a> <urn:b> <urn:c> .\n <urn:a> unbound:x <urn:c> .\n}\n", ":3: "),
        (".jsonld", '{"@id": "urn:a",\n "urn:b": [}', ":2: "),
        (".nt", "<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b>\n", ": not valid nt (Invalid line"),
        (".nq", "<urn:a> <urn:b> <urn:c> <urn:g> <urn:x> .\n", ": not valid nquads (Invalid line"),
        (".jsonld", '{"@context": 5, "@id": "urn:a"}', ": not valid json-ld ("),
    ],
)
def test_broken_content_is_one_line_with_its_place(tmp_path: Path, suffix: str, content: str, where: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFormatError) as caught:
        load_graph(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"[E030] {path}{where}")


def test_formats_table_covers_the_documented_suffixes() -> None:
    assert dict(FORMATS) == {
        ".ttl": "turtle",
        ".nt": "nt",
        ".nq": "nquads",
        ".trig": "trig",
        ".jsonld": "json-ld",
    }
