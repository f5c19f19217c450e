"""The persistent graph store: pyoxigraph on disk, one named graph per document, replaced atomically.

Each document lives in its named graph ``{base}graph/{doc_id}``. The default graph holds the union of the
document graphs as a set: pyoxigraph's own union default graph repeats a triple once per graph that states
it, and shared actors are restated by every document that names them, so joins would multiply. A small
metadata graph records, per document, its graph IRI and the SHA-256 of its source so that the builder can skip
unchanged documents. ``replace_document`` updates the document graph, the union and the metadata in one SPARQL
update, which pyoxigraph applies as one transaction: a crash or Ctrl-C leaves the store as it was.

>>> store = Store.in_memory()
>>> g = rdflib.Graph().parse(data='<http://x/a> <http://x/p> "1" .', format="nt")
>>> store.replace_document("d1", "ab12", g, base="https://w3id.org/mobility-kg/id/")
>>> store.documents()
{'d1': 'ab12'}
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.errors import GraphFormatError, InputError, QueryError, StoreError

META_GRAPH = ox.NamedNode("urn:x-mobility-kg:store-metadata")
_IDENTIFIER = "<urn:x-mobility-kg:store#documentId>"
_SHA256 = "<urn:x-mobility-kg:store#sourceSha256>"
_META_QUERY = f"SELECT ?g ?id ?sha WHERE {{ GRAPH {META_GRAPH} {{ ?g {_IDENTIFIER} ?id ; {_SHA256} ?sha }} }}"


class Store:
    """A pyoxigraph store whose default graph is the union of its document graphs (metadata hidden)."""

    def __init__(self, oxstore: ox.Store) -> None:
        self._ox = oxstore

    @classmethod
    def in_memory(cls) -> Store:
        return cls(ox.Store())

    @classmethod
    def from_file(cls, path: Path) -> Store:
        """An in-memory store loaded from a graph file (format by suffix: .ttl .trig .nt .nq .jsonld .rdf ...).

        :raises InputError: if the file is missing. :raises GraphFormatError: unknown suffix or bad syntax.
        """
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
        if fmt is None:
            raise GraphFormatError(f"{path}: unknown RDF format {path.suffix!r}")
        if not path.is_file():
            raise InputError(f"{path}: no such graph file")
        store = ox.Store()
        try:
            store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as e:
            raise GraphFormatError(f"{path}: {_one_line(e)}") from e
        return cls.with_union(store)

    @classmethod
    def from_rdflib(cls, data: rdflib.Graph) -> Store:
        """An in-memory copy of an rdflib graph or dataset (named graphs kept)."""
        store = ox.Store()
        if isinstance(data, rdflib.Dataset | rdflib.ConjunctiveGraph):
            store.load(data.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
        else:
            store.load(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return cls.with_union(store)

    @classmethod
    def with_union(cls, store: ox.Store) -> Store:
        """Wrap a freshly loaded store, copying its named graphs into the default graph."""
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        return cls(store)

    # --- documents --------------------------------------------------------------------------------------

    def _meta(self) -> Iterator[tuple[ox.NamedNode, str, str]]:
        rows = self._ox.query(_META_QUERY)
        assert isinstance(rows, ox.QuerySolutions)  # a SELECT, not input
        for row in rows:
            yield row["g"], row["id"].value, row["sha"].value

    def documents(self) -> dict[str, str]:
        """Document id → SHA-256 of its source, for every document in the store."""
        return {doc_id: sha for _, doc_id, sha in self._meta()}

    def document_hash(self, doc_id: str) -> str | None:
        """The recorded SHA-256 of ``doc_id``'s source, or None if the document is not in the store."""
        return self.documents().get(doc_id)

    def document_graphs(self) -> list[ox.NamedNode | ox.BlankNode]:
        """Every named graph except the metadata graph."""
        return [g for g in self._ox.named_graphs() if g != META_GRAPH]

    def _drop_document(self, doc_id: str) -> list[str]:
        """Update operations that remove a document's graph(s), their share of the union, and metadata."""
        literal = ox.Literal(doc_id)
        ops = [op for g, other, _ in self._meta() if other == doc_id for op in _drop_graph(g)]
        ops.append(f"DELETE WHERE {{ GRAPH {META_GRAPH} {{ ?g {_IDENTIFIER} {literal} ; ?p ?o }} }}")
        return ops

    def replace_document(self, doc_id: str, sha256: str, graph: rdflib.Graph, base: str) -> None:
        """Put ``graph`` as the named graph ``{base}graph/{doc_id}`` in place of the document's old graph.

        One transaction: the old graph, the new graph and the recorded hash change together or not at all.
        Facts about shared nodes in other documents' graphs are untouched.

        :raises InputError: if ``doc_id`` does not make a valid IRI. :raises StoreError: if the write fails.
        """
        try:
            name = ox.NamedNode(f"{base}graph/{doc_id}")
        except ValueError as e:
            raise InputError(f"document id {doc_id!r} does not make a valid graph IRI: {e}") from e
        triples = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        meta = f"{name} {_IDENTIFIER} {ox.Literal(doc_id)} ; {_SHA256} {ox.Literal(sha256)} ."
        ops = [
            *self._drop_document(doc_id),
            *_drop_graph(name),
            f"INSERT DATA {{ GRAPH {name} {{\n{triples}\n}}\nGRAPH {META_GRAPH} {{ {meta} }} }}",
            f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}",
        ]
        self._update(" ;\n".join(ops))

    def remove_document(self, doc_id: str) -> bool:
        """Remove a document's graph and hash; False if it was not in the store.

        :raises StoreError: if the write fails.
        """
        if self.document_hash(doc_id) is None:
            return False
        self._update(" ;\n".join(self._drop_document(doc_id)))
        return True

    def _update(self, update: str) -> None:
        try:
            self._ox.update(update)
        except (OSError, SyntaxError) as e:
            raise StoreError(f"store update failed: {_one_line(e)}") from e

    # --- reading ----------------------------------------------------------------------------------------

    def query(self, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run SPARQL with pyoxigraph; the default graph is the union of the document graphs.

        ``GRAPH ?g`` also meets the metadata graph (two private ``urn:x-mobility-kg:store#`` triples per
        document): hiding it with pyoxigraph's ``named_graphs`` costs time in proportion to the documents.

        :raises QueryError: if the query is malformed (the parser's message on one line).
        """
        try:
            return self._ox.query(sparql)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {_one_line(e)}") from e
        except OSError as e:
            raise StoreError(f"query failed: {_one_line(e)}") from e

    def graph_ntriples(self, name: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bytes:
        """One graph of the store as N-Triples."""
        return self._ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name) or b""

    def own_graphs(self) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
        """The graphs that hold data: the document graphs, or the default graph of a store without any."""
        return list(self.document_graphs()) or [ox.DefaultGraph()]

    def to_dataset(self) -> rdflib.Dataset:
        """An rdflib copy of the document graphs (or of the default graph if there are none)."""
        quads = (q for g in self.own_graphs() for q in self._ox.quads_for_pattern(None, None, None, g))
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        dataset = rdflib.Dataset()
        dataset.parse(data=data.decode("utf-8"), format="nquads")
        return dataset

    def __len__(self) -> int:
        """Triples in the document graphs (a triple stated by two documents counts twice)."""
        return sum(1 for g in self.own_graphs() for _ in self._ox.quads_for_pattern(None, None, None, g))

    def close(self) -> None:
        """Flush and release the store (and its directory lock); closing twice is harmless."""
        if hasattr(self, "_ox"):
            self._ox.flush()
            del self._ox


def open_store(path: Path, create: bool = True) -> Store:
    """Open (or create) the on-disk store in directory ``path``.

    :raises StoreError: no store there and ``create`` is False, the directory is not writable, or another
        process holds the store's lock.
    """
    if not create and not path.is_dir():
        raise StoreError(f"{path}: no store here (build one with kg build --store {path})")
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a directory")
    try:
        return Store(ox.Store(str(path)))
    except OSError as e:
        raise StoreError(f"cannot open store {path}: {_one_line(e)}") from e


def _drop_graph(name: ox.NamedNode) -> list[str]:
    """Remove a document graph, and from the union the triples that no other graph states."""
    return [
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }}"
        f" FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {name}) }} }}",
        f"DROP SILENT GRAPH {name}",
    ]


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
