"""Named SPARQL queries: find them, bind their parameters, run them over pyoxigraph, format the results.

A named query is a file ``kg/resources/queries/NAME.rq``. Its first line is ``# description``; further
header lines declare parameters::

    # Every relation of one actor, with evidence sentence, confidence and document.
    # param: actor - label or alias of the actor (case-insensitive)
    # param: year? : integer - only this year (optional: unbound when not given)
    # param: min_confidence : decimal = 0 - drop relations whose best evidence is weaker

A parameter becomes a variable of the same name, bound by a ``VALUES`` block placed at the start of every
``WHERE {`` group (subqueries too), so FILTERs see it. Values are rendered as escaped RDF terms, never pasted.

>>> print(resolve_query("SELECT ?s WHERE { ?s ?p ?o }"))
SELECT ?s WHERE { ?s ?p ?o }
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias, TypeVar
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
import rdflib

from kg.errors import QueryError
from kg.paths import QUERIES_DIR

if TYPE_CHECKING:
    from kg.outputs.store import Store

Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
T = TypeVar("T")

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_PARAM = re.compile(
    r"#\s*param:\s*(?P<name>[A-Za-z_]\w*)(?P<optional>\?)?"
    r"(?:\s*:\s*(?P<kind>string|decimal|integer|iri))?"
    r"(?:\s*=\s*(?P<default>\S+))?"
    r"(?:\s+-\s+(?P<doc>.*))?\s*$"
)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
# Shown shortened in the text table; full IRIs everywhere else.
DISPLAY_PREFIXES = {
    "mkg": "https://w3id.org/mobility-kg/def#",
    "id": "https://w3id.org/mobility-kg/id/",
    "wd": "http://www.wikidata.org/entity/",
    "oparl": "https://schema.oparl.org/1.1/",
    "schema": "https://schema.org/",
    "xsd": XSD,
}


@dataclass(frozen=True)
class Param:
    """A declared query parameter; ``kind`` decides how the value becomes an RDF term."""

    name: str
    kind: str = "string"
    required: bool = True
    default: str | None = None
    doc: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str
    params: tuple[Param, ...] = ()


@dataclass(frozen=True)
class QueryResult:
    """Materialised result: rows for SELECT, ``boolean`` for ASK, ``triples`` for CONSTRUCT/DESCRIBE."""

    kind: Literal["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()
    truncated: bool = False

    def records(self) -> list[dict[str, str]]:
        """SELECT rows as plain strings (IRIs and lexical forms; "" when unbound)."""
        return [{v: _plain(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows]


def parse_query_file(name: str, text: str) -> NamedQuery:
    """Read the header comments of a query: description on the first line, then ``# param:`` lines.

    :raises QueryError: if a ``# param:`` line is malformed.
    """
    lines = text.splitlines()
    description = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else ""
    params = []
    for line in lines:
        if not line.startswith("#"):
            break
        if re.match(r"#\s*param:", line):
            match = _PARAM.match(line)
            if not match:
                raise QueryError(f"query {name!r}: malformed parameter line {line!r}")
            default = match["default"]
            params.append(
                Param(
                    name=match["name"],
                    kind=match["kind"] or "string",
                    required=not match["optional"] and default is None,
                    default=default,
                    doc=match["doc"] or "",
                )
            )
    return NamedQuery(name, description, text, tuple(params))


def list_queries(directory: Path = QUERIES_DIR) -> list[NamedQuery]:
    """All named queries, sorted by name."""
    return [parse_query_file(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))]


def find_query(name: str, directory: Path = QUERIES_DIR) -> NamedQuery:
    """The named query ``name``.

    :raises QueryError: if there is none; the message lists similar names.
    """
    path = directory / f"{name}.rq"
    if path.is_file():
        return parse_query_file(name, path.read_text(encoding="utf-8"))
    names = [q.name for q in list_queries(directory)]
    similar = difflib.get_close_matches(name, names, n=3, cutoff=0.5) or names
    raise QueryError(f"no named query {name!r}; did you mean: {', '.join(similar)}")


def load_query(text_or_file_or_name: str) -> NamedQuery:
    """A query given as a ``.rq`` file, a named query's name, or SPARQL text."""
    source = text_or_file_or_name
    if source.endswith(".rq") or (len(source) < 4096 and "\n" not in source and Path(source).is_file()):
        path = Path(source)
        try:
            return parse_query_file(path.stem, path.read_text(encoding="utf-8"))
        except OSError as e:
            raise QueryError(f"cannot read query file {source}: {e.strerror}") from e
    if _NAME.fullmatch(source):
        return find_query(source)
    return parse_query_file("<query>", source)


def resolve_query(text_or_file_or_name: str, params: Mapping[str, str] | None = None) -> str:
    """The SPARQL text to run, with the declared parameters bound by a ``VALUES`` block.

    :raises QueryError: unknown query name, unknown or missing parameter, badly typed value.
    """
    query = load_query(text_or_file_or_name)
    return bind_params(query, params or {})


def bind_params(query: NamedQuery, params: Mapping[str, str]) -> str:
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {unknown[0]!r} (declared: {known})")
    if not declared:
        return query.text
    # The declarations are consumed: a resolved query can be run again without parameters.
    text = "\n".join(line for line in query.text.splitlines() if not re.match(r"#\s*param:", line))
    terms = []
    for param in query.params:
        value = params.get(param.name, param.default)
        if value is None and param.required:
            raise QueryError(f"query {query.name!r} needs --param {param.name}=... ({param.doc or param.kind})")
        terms.append("UNDEF" if value is None else str(_term(param, value)))
    if not _WHERE.search(text):
        raise QueryError(f"query {query.name!r} declares parameters but has no 'WHERE {{' to bind them in")
    names = " ".join(f"?{p.name}" for p in query.params)
    values = f"\n  VALUES ({names}) {{ ({' '.join(terms)}) }}"
    return _WHERE.sub(lambda m: m.group(0) + values, text)


def _term(param: Param, value: str) -> Term:
    try:
        if param.kind == "decimal":
            return ox.Literal(str(Decimal(value)), datatype=ox.NamedNode(XSD + "decimal"))
        if param.kind == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
        if param.kind == "iri":
            return ox.NamedNode(value)
    except (InvalidOperation, ValueError) as e:
        raise QueryError(f"parameter {param.name}: {value!r} is not a valid {param.kind}") from e
    return ox.Literal(value)


def run_query(
    data: rdflib.Graph | Store,
    query: str,
    params: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run SPARQL over an rdflib graph or dataset, or a store, with pyoxigraph (default graph = union).

    ``query`` may still declare ``# param:`` lines; ``params`` then binds them (see ``resolve_query``).

    :raises QueryError: malformed query (the parser's message, one line), unknown or missing parameter.

    >>> g = rdflib.Graph().parse(data='<http://x/a> <http://x/p> "1" .', format="nt")
    >>> run_query(g, "SELECT ?o WHERE { ?s ?p ?o }").rows[0][0].value
    '1'
    """
    from kg.outputs.store import Store

    text = bind_params(parse_query_file("<query>", query), params or {})
    store = data if isinstance(data, Store) else Store.from_rdflib(data)
    return collect(store.query(text))


def collect(
    raw: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    max_rows: int | None = None,
    deadline: float | None = None,
) -> QueryResult:
    """Materialise a pyoxigraph result, keeping at most ``max_rows`` rows.

    :raises TimeoutError: when ``time.monotonic()`` passes ``deadline`` between two rows.
    """
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(raw))
    if isinstance(raw, ox.QueryTriples):
        triples, truncated = _take(raw, max_rows, deadline)
        return QueryResult("graph", triples=tuple(triples), truncated=truncated)
    solutions, truncated = _take(raw, max_rows, deadline)
    variables = tuple(v.value for v in raw.variables)
    rows = tuple(tuple(solution[v] for v in variables) for solution in solutions)
    return QueryResult("select", variables, rows, truncated=truncated)


def _take(items: Iterable[T], max_rows: int | None, deadline: float | None) -> tuple[list[T], bool]:
    taken: list[T] = []
    for item in items:
        if max_rows is not None and len(taken) >= max_rows:
            return taken, True
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError
        taken.append(item)
    return taken, False


# --- formats -------------------------------------------------------------------------------------------


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {k: _json_term(v) for k, v in parts.items()}}
    out: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def to_json(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean})
    _require_rows(result, "json")
    bindings = [
        {var: _json_term(term) for var, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _plain(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def to_csv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results CSV (lexical forms, CRLF); CONSTRUCT gives subject,predicate,object."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    elif result.kind == "graph":
        writer.writerow(["subject", "predicate", "object"])
        writer.writerows([_plain(t.subject), _plain(t.predicate), _plain(t.object)] for t in result.triples)
    else:
        writer.writerow(result.variables)
        writer.writerows([_plain(term) for term in row] for row in result.rows)
    return out.getvalue()


def to_tsv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results TSV (terms in N-Triples syntax)."""
    if result.kind == "ask":
        return f"?_askResult\n{'true' if result.boolean else 'false'}\n"
    _require_rows(result, "tsv")
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def to_xml(result: QueryResult) -> str:
    """W3C SPARQL Query Results XML."""
    head = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
    if result.kind == "ask":
        return head + f"<head/>\n<boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n"
    _require_rows(result, "xml")
    parts = [head, "<head>", *(f"<variable name={quoteattr(v)}/>" for v in result.variables), "</head>\n<results>"]
    for row in result.rows:
        cells = (
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(result.variables, row, strict=True)
            if t is not None
        )
        parts.append("<result>" + "".join(cells) + "</result>")
    parts.append("</results>\n</sparql>\n")
    return "\n".join(parts)


def _short(term: Term | None) -> str:
    if isinstance(term, ox.NamedNode):
        for prefix, iri in DISPLAY_PREFIXES.items():
            if term.value.startswith(iri):
                return f"{prefix}:{term.value[len(iri) :]}"
    return _plain(term)


def to_table(result: QueryResult) -> str:
    """Aligned plain text for people: IRIs shortened, literals as their lexical form, CONSTRUCT as Turtle."""
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    if result.kind == "graph":
        return to_turtle(result.triples)
    header = list(result.variables)
    body = [[_short(t).replace("\n", " ") for t in row] for row in result.rows]
    widths = [max(len(cell) for cell in column) for column in zip(header, *body, strict=True)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [header, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''}{', truncated' if result.truncated else ''})")
    return "\n".join(lines) + "\n"


def to_turtle(triples: Iterable[ox.Triple]) -> str:
    # "id:org/lvb" is not a Turtle prefixed name ("/" would be escaped), so resources keep full IRIs.
    prefixes = {k: v for k, v in DISPLAY_PREFIXES.items() if k != "id"}
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return data.decode("utf-8") if data else ""


def _require_rows(result: QueryResult, fmt: str) -> None:
    if result.kind == "graph":
        raise QueryError(f"a CONSTRUCT/DESCRIBE result has no {fmt} form; use --format table or csv")


FORMATTERS: dict[str, Callable[[QueryResult], str]] = {
    "table": to_table,
    "csv": to_csv,
    "json": to_json,
    "tsv": to_tsv,
    "xml": to_xml,
}


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result: ``table`` (aligned text), ``csv``/``tsv``/``json``/``xml`` (W3C result formats).

    :raises QueryError: for an unknown format, or a row format asked of a CONSTRUCT result.
    """
    formatter = FORMATTERS.get(fmt)
    if formatter is None:
        raise QueryError(f"unknown result format {fmt!r}; choose one of {', '.join(FORMATTERS)}")
    return formatter(result)
