"""The offline interactive HTML graph: entities as nodes, mkg relations as edges, one self-contained file.

pyvis builds the node and edge records; our own template (``kg/resources/viz/graph.html``) inlines the
vis-network code that pyvis ships, so the page needs no network (pyvis' templates link CDNs).

>>> from pathlib import Path; import tempfile
>>> from rdflib import Graph
>>> g = Graph().parse(data='''@prefix mkg: <https://w3id.org/mobility-kg/def#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <urn:x:lvb> a mkg:Organization ; rdfs:label "LVB" ; mkg:locatedIn <urn:x:leipzig> .
... <urn:x:leipzig> a mkg:Place ; rdfs:label "Leipzig" .''', format="turtle")
>>> render_html(g, Path(tempfile.mkdtemp()) / "g.html").suffix
'.html'
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.errors import DataFileError
from kg.outputs.graphio import union_graph, write_atomic
from kg.paths import RESOURCES_DIR

MKG = Namespace("https://w3id.org/mobility-kg/def#")
OA = Namespace("http://www.w3.org/ns/oa#")
OPARL = Namespace("https://schema.oparl.org/1.1/")
SCHEMA = Namespace("https://schema.org/")

VIZ_DIR = RESOURCES_DIR / "viz"
VIS_LIB = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
DEFAULT_TITLE = "Mobilitäts-Wissensgraph"
MAX_EVIDENCE = 3
SYMBOLS = MappingProxyType(
    {
        "dot": "●",
        "diamond": "◆",
        "star": "★",
        "square": "■",
        "triangle": "▲",
        "triangleDown": "▼",
        "hexagon": "⬢",
        "ellipse": "⬬",
        "box": "▬",
    }
)
"""vis-network shape → the character that stands for it in the legend."""

OPTIONS = MappingProxyType(
    {
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "edges": {
            "font": {"size": 10, "align": "middle"},
            "color": {"color": "#9aa4ad"},
            "smooth": {"type": "dynamic"},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        },
    }
)
"""vis-network options: forceAtlas2 until stable (the page then switches physics off)."""


@dataclass(frozen=True)
class TypeStyle:
    """How one entity type looks: German label, colour and vis-network shape."""

    label: str
    color: str
    shape: str


@cache
def type_styles() -> dict[URIRef, TypeStyle]:
    """The styles of ``kg/resources/viz/types.json`` keyed by mkg class; DataFileError if malformed."""
    path = VIZ_DIR / "types.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        styles = {MKG[name]: TypeStyle(**entry) for name, entry in raw.items()}
    except (OSError, ValueError, TypeError, AttributeError) as e:
        raise DataFileError(f"{path}: {e}") from e
    unknown = [s.shape for s in styles.values() if s.shape not in SYMBOLS]
    if unknown:
        raise DataFileError(f"{path}: unknown shape(s) {unknown} (known: {', '.join(SYMBOLS)})")
    return styles


def _text(graph: Graph, node: URIRef, predicates: Iterable[URIRef]) -> list[str]:
    """The literal values of ``predicates`` on ``node``: by predicate, German first, then sorted; no repeats."""
    values = [
        (rank, lit.language not in ("de", None), str(lit))
        for rank, p in enumerate(predicates)
        for lit in graph.objects(node, p)
        if isinstance(lit, Literal)
    ]
    return list(dict.fromkeys(text for *_, text in sorted(values)))


def _local_name(iri: URIRef) -> str:
    return str(iri).rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]


def _paper_name(graph: Graph, paper: URIRef) -> str:
    names = _text(graph, paper, (DCTERMS.identifier, DCTERMS.title))
    return names[0] if names else _local_name(paper)


def _documents(data: Graph | Dataset, union: Graph, entities: Iterable[URIRef]) -> dict[URIRef, set[str]]:
    """Entity → names of the papers it comes from: its named graphs, prov:wasDerivedFrom, schema:mentions."""
    found: dict[URIRef, set[str]] = defaultdict(set)
    entities = list(entities)
    for entity in entities:
        sources = {*union.objects(entity, PROV.wasDerivedFrom), *union.subjects(SCHEMA.mentions, entity)}
        found[entity] |= {_paper_name(union, p) for p in sources if isinstance(p, URIRef)}
    if isinstance(data, Dataset):
        for graph in data.graphs():
            if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
                continue
            papers = [p for p in graph.subjects(RDF.type, OPARL.Paper) if isinstance(p, URIRef)]
            names = {_paper_name(union, p) for p in papers} or {_local_name(URIRef(graph.identifier))}
            for entity in entities:
                if (entity, None, None) in graph:
                    found[entity] |= names
    return found


def _evidence(union: Graph) -> dict[tuple, tuple[float | None, list[str]]]:
    """(s, p, o) → (confidence, evidence sentences) from rdf:Statement nodes and their oa:Annotations."""
    found: dict[tuple, tuple[float | None, list[str]]] = {}
    for statement in union.subjects(RDF.type, RDF.Statement):
        key = tuple(union.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        confidence = union.value(statement, MKG.confidence)
        quotes = [
            str(exact)
            for annotation in union.subjects(OA.hasBody, statement)
            for target in union.objects(annotation, OA.hasTarget)
            for selector in union.objects(target, OA.hasSelector)
            for exact in union.objects(selector, OA.exact)
        ]
        old_confidence, old_quotes = found.get(key, (None, []))
        value = float(confidence) if isinstance(confidence, Literal) else old_confidence
        found[key] = (value, list(dict.fromkeys(old_quotes + quotes)))
    return found


def build_network(data: Graph | Dataset) -> Network:
    """The pyvis network of ``data``: a node per typed entity, an edge per mkg triple between two of them."""
    union = union_graph(data)
    styles = type_styles()
    kinds: dict[URIRef, URIRef] = {}
    for kind in styles:
        for entity in union.subjects(RDF.type, kind):
            if isinstance(entity, URIRef):
                kinds.setdefault(entity, kind)
    relations = sorted(
        (s, p, o)
        for s, p, o in union
        if isinstance(s, URIRef)
        and isinstance(p, URIRef)
        and isinstance(o, URIRef)
        and str(p).startswith(str(MKG))
        and s in kinds
        and o in kinds
    )
    degree: dict[URIRef, int] = defaultdict(int)
    for s, _, o in relations:
        degree[s] += 1
        degree[o] += 1
    documents = _documents(data, union, kinds)

    net = Network(directed=True)
    for entity in sorted(kinds):
        style = styles[kinds[entity]]
        labels = _text(union, entity, (RDFS.label, SKOS.prefLabel))
        label = labels[0] if labels else _local_name(entity)
        aliases = [a for a in _text(union, entity, (SKOS.altLabel,)) if a != label]
        tooltip = [f"{label}", f"Typ: {style.label}"]
        if aliases:
            tooltip.append("Auch: " + "; ".join(aliases))
        if documents.get(entity):
            tooltip.append("Dokumente: " + ", ".join(sorted(documents[entity])))
        tooltip.append(str(entity))
        net.add_node(
            str(entity),
            label=label,
            title="\n".join(tooltip),
            color=style.color,
            shape=style.shape,
            size=12 + 3 * min(degree[entity], 8),
            kgType=_local_name(kinds[entity]),
            aliases="; ".join(aliases),
        )
    evidence = _evidence(union)
    for s, p, o in relations:
        name = _local_name(p)
        confidence, quotes = evidence.get((s, p, o), (None, []))
        tooltip = [f"{net.node_map[str(s)]['label']} —{name}→ {net.node_map[str(o)]['label']}"]
        if confidence is not None:
            tooltip.append(f"Konfidenz: {confidence:.2f}")
        tooltip += [f"„{quote}“" for quote in quotes[:MAX_EVIDENCE]]
        net.add_edge(str(s), str(o), label=name, title="\n".join(tooltip), kgPredicate=name)
    return net


def _legend(net: Network) -> list[dict[str, object]]:
    counts: dict[str, int] = defaultdict(int)
    for node in net.nodes:
        counts[node["kgType"]] += 1
    return [
        {
            "type": _local_name(kind),
            "label": style.label,
            "color": style.color,
            "symbol": SYMBOLS[style.shape],
            "count": counts[_local_name(kind)],
        }
        for kind, style in type_styles().items()
        if counts[_local_name(kind)]
    ]


def render_html(data: Graph | Dataset, path: Path, title: str = DEFAULT_TITLE) -> Path:
    """Write the interactive graph of ``data`` to ``path`` as one self-contained HTML file; return ``path``.

    Nodes are coloured and shaped by type (legend with show/hide per type, search by name), edges carry
    the predicate, tooltips the type, aliases, documents, confidence and evidence sentences.
    Raises DataFileError if the style table is malformed, OSError if ``path`` cannot be written.
    """
    net = build_network(data)
    env = Environment(loader=FileSystemLoader(VIZ_DIR), autoescape=select_autoescape(["html"]))
    html = env.get_template("graph.html").render(
        title=title,
        nodes=net.nodes,
        edges=net.edges,
        legend=_legend(net),
        options=dict(OPTIONS),
        vis_js=Markup((VIS_LIB / "vis-network.min.js").read_text(encoding="utf-8")),
        vis_css=Markup((VIS_LIB / "vis-network.css").read_text(encoding="utf-8")),
    )
    path = Path(path)
    write_atomic(path, html.encode("utf-8"))
    return path
