"""What every builder step of one document needs: the graph it writes, the base and the document's own nodes."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import PROV

from kg.document import Document
from kg.graph.iris import hashed_part_iri, part_iri


@dataclass(frozen=True)
class DocContext:
    graph: Graph
    base: str
    document: Document
    paper: URIRef
    text: URIRef  # the plain-text rendition every offset counts in
    run: URIRef  # the mkg:ExtractionRun that writes this graph

    def part(self, *parts: str | int) -> URIRef:
        return part_iri(self.base, self.document.id, *parts)

    def hashed(self, kind: str, *identity: object) -> URIRef:
        return hashed_part_iri(self.base, self.document.id, kind, *identity)

    def generated(self, node: URIRef) -> URIRef:
        """Mark ``node`` as written by this run and read from this paper."""
        self.graph.add((node, PROV.wasGeneratedBy, self.run))
        self.graph.add((node, PROV.wasDerivedFrom, self.paper))
        return node
