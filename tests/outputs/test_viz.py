"""The HTML graph: self-contained (no CDN), one node per entity, one edge per mkg relation, useful tooltips."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph

from kg.outputs.graphio import load_graph
from kg.outputs.viz import SYMBOLS, render_html, type_styles

SAMPLE = Path(__file__).parent / "data" / "two-papers.trig"
ENTITY_TYPES = ["Organization", "Project", "Programme", "Place", "Product", "Event", "Person", "Plan"]
PREFIXES = """
PREFIX mkg: <https://w3id.org/mobility-kg/def#>
"""
TYPES = "mkg:Organization mkg:Project mkg:Programme mkg:Place mkg:Product mkg:Event mkg:Person mkg:Plan"
ENTITIES = PREFIXES + f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e a ?t }} VALUES ?t {{ {TYPES} }} }}"
RELATIONS = (
    PREFIXES
    + f"""SELECT DISTINCT ?s ?p ?o WHERE {{
  GRAPH ?g1 {{ ?s ?p ?o }} GRAPH ?g2 {{ ?s a ?ts }} GRAPH ?g3 {{ ?o a ?to }}
  VALUES ?ts {{ {TYPES} }} VALUES ?to {{ {TYPES} }} FILTER(STRSTARTS(STR(?p), STR(mkg:))) }}"""
)


class Page(HTMLParser):
    """Collects script sources, stylesheet links and inline script text."""

    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.external.append(values["src"] or "")
        if tag == "link" and values.get("href"):
            self.external.append(values["href"] or "")
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def datasets(html: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The node and edge lists handed to vis.DataSet in the page."""
    decoder = json.JSONDecoder()
    found = [decoder.raw_decode(html, m.end())[0] for m in re.finditer(r"new vis\.DataSet\(", html)]
    assert len(found) == 2
    return found[0], found[1]


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load_graph(SAMPLE)


@pytest.fixture(scope="module")
def page(sample: Dataset, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = render_html(sample, tmp_path_factory.mktemp("viz") / "graph.html", title="Mobilität <Leipzig>")
    return path.read_text(encoding="utf-8")


def test_page_is_self_contained(page: str) -> None:
    parser = Page()
    parser.feed(page)
    assert parser.external == []
    assert not re.search(r"https?://[^\s\"'<>]*cdn", page, re.IGNORECASE)
    assert "cdnjs" not in page and "jsdelivr" not in page and "unpkg" not in page
    vis_code = max(parser.scripts, key=len)
    assert len(vis_code) > 300_000 and "vis-network" in vis_code  # the library itself, inlined
    assert "new vis.Network(" in page


def test_counts_match_the_graph(sample: Dataset, page: str) -> None:
    nodes, edges = datasets(page)
    assert len(nodes) == len(list(sample.query(ENTITIES))) == len({n["id"] for n in nodes})
    assert len(edges) == len(list(sample.query(RELATIONS)))
    assert f"{len(nodes)} Knoten, {len(edges)} Beziehungen" in page


def test_nodes_are_styled_by_type_with_aliases_and_documents(page: str) -> None:
    nodes = {n["label"]: n for n in datasets(page)[0]}
    lvb = nodes["Leipziger Verkehrsbetriebe"]
    style = type_styles()[next(k for k in type_styles() if str(k).endswith("#Organization"))]
    assert (lvb["color"], lvb["shape"], lvb["kgType"]) == (style.color, style.shape, "Organization")
    assert "Typ: Organisation" in lvb["title"]
    assert "Auch: LVB; der LVB" in lvb["title"]
    assert "Dokumente: VI-DS-01293, VII-DS-00042" in lvb["title"]
    assert nodes["ABSOLUT"]["shape"] != lvb["shape"]
    assert "Dokumente: VII-DS-00042" in nodes["Leipzig"]["title"]


def test_edges_carry_predicate_confidence_and_evidence(page: str) -> None:
    nodes = {n["id"]: n["label"] for n in datasets(page)[0]}
    edges = {(nodes[e["from"]], e["label"], nodes[e["to"]]): e for e in datasets(page)[1]}
    coordinates = edges[("Leipziger Verkehrsbetriebe", "coordinates", "Leipzig mobil")]
    assert "Konfidenz: 0.90" in coordinates["title"]
    assert "„Die LVB leiten federführend das Projekt Leipzig mobil.“" in coordinates["title"]
    assert coordinates["arrows"] == "to"
    # a relation without a reified statement still gets an edge, with no evidence
    located = edges[("Leipziger Verkehrsbetriebe", "locatedIn", "Leipzig")]
    assert "Konfidenz" not in located["title"]


def test_legend_lists_present_types_and_title_is_escaped(page: str) -> None:
    assert "<title>Mobilität &lt;Leipzig&gt;</title>" in page
    assert 'data-type="Organization"' in page and 'data-type="Product"' in page
    assert 'data-type="Event"' not in page  # no event in the sample


def test_graph_without_entities_renders_an_empty_network(tmp_path: Path) -> None:
    graph = Graph().parse(data="<urn:a> <urn:b> <urn:c> .", format="turtle")
    nodes, edges = datasets(render_html(graph, tmp_path / "empty.html").read_text(encoding="utf-8"))
    assert (nodes, edges) == ([], [])


def test_style_table_covers_every_entity_type() -> None:
    styles = type_styles()
    assert sorted(str(k).rsplit("#", 1)[1] for k in styles) == sorted(ENTITY_TYPES)
    assert all(style.shape in SYMBOLS and re.fullmatch(r"#[0-9a-f]{6}", style.color) for style in styles.values())
    assert len({(s.color, s.shape) for s in styles.values()}) == len(styles)
