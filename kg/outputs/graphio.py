"""Graph files in and out: choose the rdflib format by file suffix, write atomically with readable prefixes.

>>> from pathlib import Path; import tempfile
>>> from rdflib import Dataset, URIRef
>>> ds = Dataset(); _ = ds.graph(URIRef("urn:doc:1")).add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))
>>> out = Path(tempfile.mkdtemp()) / "g.nq"; write_graph(ds, out); len(load_graph(out))
1
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import GraphFormatError, InputError

FORMATS = MappingProxyType(
    {
        ".ttl": "turtle",
        ".nt": "nt",
        ".nq": "nquads",
        ".trig": "trig",
        ".jsonld": "json-ld",
    }
)
"""File suffix → rdflib format name."""

QUAD_FORMATS = frozenset({"nquads", "trig"})
"""Formats that keep named graphs; the others get the union of all graphs."""

PREFIXES = MappingProxyType(
    {
        "mkg": "https://w3id.org/mobility-kg/def#",
        "org": str(ORG),
        "schema": "https://schema.org/",
        "prov": str(PROV),
        "oa": "http://www.w3.org/ns/oa#",
        "oparl": "https://schema.oparl.org/1.1/",
        "skos": str(SKOS),
        "dcterms": str(DCTERMS),
        "dcat": str(DCAT),
        "dcatde": "http://dcat-ap.de/def/dcatde/",
        "foaf": str(FOAF),
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "spdx": "http://spdx.org/rdf/terms#",
        "besluit": "http://data.vlaanderen.be/ns/besluit#",
        "wd": "http://www.wikidata.org/entity/",
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "owl": str(OWL),
        "xsd": str(XSD),
    }
)
"""Prefixes bound on every written file (Turtle and TriG print only those in use)."""

_BAD_SYNTAX = re.compile(r"at line (\d+) of .*?Bad syntax \((.*?)\) at", re.DOTALL)


def _format_for(path: Path, fmt: str | None = None) -> str:
    """The rdflib format for ``fmt`` (a suffix such as "ttl" or a format name) or else ``path``'s suffix."""
    key = (path.suffix if fmt is None else fmt).lower()
    found = key if key in FORMATS.values() else FORMATS.get("." + key.lstrip("."))
    if found is None:
        known = ", ".join(FORMATS)
        raise GraphFormatError(f"{path}: unknown graph format {key or '(no suffix)'!r} (known: {known})")
    return found


def _parse_error(path: Path, fmt: str, err: Exception) -> GraphFormatError:
    """One line out of rdflib's multi-line parser messages, with the line number where rdflib gives one."""
    text = str(err)
    bad = _BAD_SYNTAX.search(text)
    if bad:
        return GraphFormatError(f"{path}:{int(bad.group(1))}: {bad.group(2)}")
    lineno = getattr(err, "lineno", None)
    first = text.strip().splitlines()[0] if text.strip() else type(err).__name__
    where = f"{path}:{lineno}" if lineno else str(path)
    return GraphFormatError(f"{where}: not valid {fmt} ({first[:200]})")


def load_graph(path: Path) -> Dataset:
    """Parse ``path`` by its suffix into a Dataset; triples-only formats fill the default graph.

    Raises InputError if the file is missing, GraphFormatError for an unknown suffix or broken content.
    """
    path = Path(path)
    fmt = _format_for(path)
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    data = Dataset()
    try:
        data.parse(path, format=fmt)
    except OSError:
        raise
    except Exception as e:
        # rdflib's parsers raise SyntaxError, ParserError, JSONDecodeError, UnicodeDecodeError, but on odd
        # JSON-LD also AttributeError, TypeError, UnboundLocalError ...: all mean "broken content" here.
        raise _parse_error(path, fmt, e) from e
    return data


def union_graph(data: Graph | Dataset) -> Graph:
    """A new plain Graph with all triples of ``data``, named graphs merged; prefixes carried over."""
    union = Graph()
    for prefix, namespace in data.namespaces():
        union.bind(prefix, namespace, override=False)
    triples = ((s, p, o) for s, p, o, _ in data.quads()) if isinstance(data, Dataset) else iter(data)
    for triple in triples:
        union.add(triple)
    return union


def _copy_dataset(data: Graph | Dataset) -> Dataset:
    """A new Dataset with the quads of ``data``; a Graph named by an IRI becomes that named graph."""
    dataset = Dataset()
    for prefix, namespace in data.namespaces():
        dataset.bind(prefix, namespace, override=False)
    if isinstance(data, Dataset):
        graphs: dict[object, Graph] = {}
        for s, p, o, name in data.quads():
            key = name if name is not None else DATASET_DEFAULT_GRAPH_ID
            target = graphs.get(key) or graphs.setdefault(key, dataset.graph(key))
            target.add((s, p, o))
        return dataset
    name = data.identifier if isinstance(data.identifier, URIRef) else DATASET_DEFAULT_GRAPH_ID
    target = dataset.graph(name)
    for triple in data:
        target.add(triple)
    return dataset


def _used_prefixes(graph: Graph) -> dict[str, str]:
    """The entries of PREFIXES whose namespace some IRI in ``graph`` starts with (the JSON-LD context)."""
    iris = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    iris |= {str(o.datatype) for o in graph.objects() if isinstance(o, Literal) and o.datatype}
    return {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in iris)}


def _serialize(data: Graph | Dataset, fmt: str) -> bytes:
    out = _copy_dataset(data) if fmt in QUAD_FORMATS else union_graph(data)
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace, override=True, replace=True)
    if fmt == "json-ld":
        context = _used_prefixes(out)
        return out.serialize(format=fmt, context=context, auto_compact=True, indent=2).encode("utf-8")
    return out.serialize(format=fmt, encoding="utf-8")


def write_graph(data: Graph | Dataset, path: Path, fmt: str | None = None) -> None:
    """Write ``data`` to ``path`` in the format of its suffix (or ``fmt``), atomically.

    Triple formats (.ttl/.nt/.jsonld) get the union of all named graphs; quad formats (.nq/.trig) keep them.
    Raises GraphFormatError for an unknown format or terms the format cannot express; OSError if the folder
    cannot be written (the previous file is then left as it was).
    """
    path = Path(path)
    rdf_format = _format_for(path, fmt)
    try:
        content = _serialize(data, rdf_format)
    except Exception as e:  # rdflib raises a bare Exception for an IRI it cannot write
        raise GraphFormatError(f"{path}: cannot write as {rdf_format}: {str(e).splitlines()[0]}") from e
    write_atomic(path, content)


def write_atomic(path: Path, content: bytes | Iterable[bytes]) -> None:
    """Write ``content`` to a temporary file beside ``path``, then rename it over ``path``.

    A reader never sees a half-written file, and a failure leaves the previous file untouched. Parent
    folders are created; the new file gets the usual permissions (0666 minus the umask).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    chunks = [content] if isinstance(content, bytes) else content
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
