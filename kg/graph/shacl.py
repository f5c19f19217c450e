"""Check a graph against the project's SHACL shapes (``ontology/shapes/*.ttl``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, Node
from rdflib.exceptions import ParserError
from rdflib.namespace import SH

from kg.errors import DataFileError
from kg.graph.vocab import bind_prefixes
from kg.paths import SHAPES_DIR


@lru_cache(maxsize=4)
def load_shapes(shapes_dir: Path = SHAPES_DIR) -> Graph:
    """All shapes files of ``shapes_dir`` as one graph; raises ``DataFileError`` when none or one is broken."""
    files = sorted(shapes_dir.glob("*.ttl"))
    if not files:
        raise DataFileError(f"{shapes_dir}: no SHACL shapes (*.ttl)")
    shapes = Graph()
    for path in files:
        try:
            shapes.parse(path, format="turtle")
        except (ParserError, SyntaxError, ValueError) as e:
            raise DataFileError(f"{path}: not valid Turtle ({e})".splitlines()[0]) from e
    return shapes


def validate(graph: Graph, shapes_dir: Path = SHAPES_DIR) -> list[str]:
    """Violations of the shapes as sorted one-line strings; empty when ``graph`` conforms.

    A ``Dataset`` is checked graph by graph (each document's graph on its own), the lines prefixed with the
    graph's name.

    >>> validate(Graph())
    []
    """
    if isinstance(graph, Dataset):
        return sorted(
            f"<{named.identifier}> {line}"
            for named in graph.graphs()
            if len(named)
            for line in validate(_plain(named), shapes_dir)
        )
    _conforms, report, _text = shacl_validate(graph, shacl_graph=load_shapes(shapes_dir), inference="none")
    if not isinstance(report, Graph):
        return []
    return sorted(_line(report, result) for result in report.subjects(SH.resultSeverity, SH.Violation))


def _plain(named: Graph) -> Graph:
    plain = Graph()
    for triple in named:
        plain.add(triple)
    return plain


_NAMES = bind_prefixes(Graph()).namespace_manager


def _show(node: Node | None, report: Graph) -> str:
    if node is None:
        return "-"
    if (inverse := report.value(node, SH.inversePath)) is not None:
        return f"^{_show(inverse, report)}"
    return node.n3(_NAMES)


def _line(report: Graph, result: Node) -> str:
    """``focus path: message (value v)`` with the project's prefixes."""
    focus, path = report.value(result, SH.focusNode), report.value(result, SH.resultPath)
    message = " ".join(str(report.value(result, SH.resultMessage) or "violation").split())
    value = report.value(result, SH.value)
    suffix = f" (value {_show(value, report)})" if value is not None else ""
    return f"{_show(focus, report)} {_show(path, report)}: {message}{suffix}"
