"""Extraction -> RDF: the one place IRIs are minted, with evidence, provenance and a SHACL check.

``build_dataset`` gives one named graph per document; ``document_graph`` one document's graph;
``kg.graph.iris`` mints IRIs; ``kg.graph.shacl.validate`` checks a graph against ``ontology/shapes/``.
"""

from kg.graph.build import build_dataset, document_graph
from kg.graph.iris import DEFAULT_BASE

__all__ = ["DEFAULT_BASE", "build_dataset", "document_graph"]
