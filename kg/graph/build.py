"""Extraction -> rdflib: one named graph per document, in one dataset."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from rdflib import Dataset, Graph, URIRef

from kg.errors import InputError
from kg.graph.context import DocContext
from kg.graph.entities import add_entity, add_figure, add_relations
from kg.graph.evidence import add_text_rendition
from kg.graph.iris import DEFAULT_BASE, check_base, graph_iri, paper_iri, part_iri, run_iri
from kg.graph.paper import add_paper
from kg.graph.provenance import add_run
from kg.graph.vocab import bind_prefixes
from kg.keys import entity_key
from kg.records import Extraction


def document_graph(
    extraction: Extraction,
    base: str = DEFAULT_BASE,
    *,
    started: datetime | None = None,
    ended: datetime | None = None,
) -> Graph:
    """The graph of one document: paper, entities, relations, key figures, evidence and provenance.

    ``started``/``ended`` time the extraction run (default: now). Raises ``InputError`` for a bad ``base``.

    >>> from kg.document import Document
    >>> from kg.records import Entity
    >>> doc = Document(id="t1", title="Test", source="t1.txt", text="Die LVB fahren.")
    >>> g = document_graph(Extraction(doc, (Entity("lvb", "Organization", "LVB"),)))
    >>> from rdflib import URIRef
    >>> URIRef("https://w3id.org/mobility-kg/id/org/lvb") in set(g.subjects())
    True
    """
    graph = bind_prefixes(Graph())
    fill_graph(graph, extraction, base, started=started, ended=ended)
    return graph


def build_dataset(extractions: Iterable[Extraction], base: str = DEFAULT_BASE) -> Dataset:
    """One named graph ``{base}graph/{doc_id}`` per document; the ontology is not copied in.

    An entity key shared by two documents is one node that both graphs describe. Raises ``InputError`` for a
    bad ``base`` or when two extractions have the same document id.
    """
    dataset = Dataset()
    bind_prefixes(dataset)
    seen: set[str] = set()
    for extraction in extractions:
        doc_id = extraction.document.id
        if doc_id in seen:
            raise InputError(f"document id {doc_id!r} occurs twice; each document needs its own id")
        seen.add(doc_id)
        fill_graph(dataset.graph(graph_iri(base, doc_id)), extraction, base)
    return dataset


def fill_graph(
    graph: Graph,
    extraction: Extraction,
    base: str,
    *,
    started: datetime | None = None,
    ended: datetime | None = None,
) -> Graph:
    """Write the triples of ``extraction`` into ``graph`` (a plain graph or a dataset's named graph)."""
    doc = extraction.document
    started = started or datetime.now(UTC)
    ctx = DocContext(
        graph=graph,
        base=check_base(base),
        document=doc,
        paper=paper_iri(base, doc.id),
        text=part_iri(base, doc.id, "text", doc.sha256[:16]),
        run=run_iri(base, doc.id, started),
    )
    add_text_rendition(ctx)
    nodes: dict[str, URIRef] = {}
    for entity in extraction.entities:
        nodes.setdefault(entity.key, add_entity(ctx, entity))
    add_relations(ctx, extraction.relations, nodes)
    for figure in extraction.figures:
        add_figure(ctx, figure, nodes)
    add_paper(ctx, _organization_labels(extraction, nodes))
    add_run(ctx, extraction.model, started, ended or datetime.now(UTC))
    return graph


def _organization_labels(extraction: Extraction, nodes: dict[str, URIRef]) -> dict[str, URIRef]:
    """``entity_key`` of every key and label of each organisation -> its node (first entity wins)."""
    bodies: dict[str, URIRef] = {}
    for entity in extraction.entities:
        if entity.type == "Organization" and entity.key in nodes:
            for label in (entity.key, *entity.labels):
                bodies.setdefault(entity_key(label), nodes[entity.key])
    return bodies
