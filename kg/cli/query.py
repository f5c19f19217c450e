"""``kg query``: run SPARQL text, a .rq file or a named query over a graph file or a store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.errors import InputError, QueryError
from kg.outputs.sparql import format_result, list_queries, resolve_query, run_query
from kg.outputs.store import Store, open_store

GraphOption = Annotated[Path | None, typer.Option("--graph", help="Graph file (.ttl .trig .nt .nq .jsonld ...).")]
StoreOption = Annotated[Path | None, typer.Option("--store", help="Store folder written by kg build --store.")]


def open_source(graph: Path | None, store: Path | None) -> Store:
    """The store named by exactly one of ``--graph`` and ``--store``."""
    if graph is not None and store is None:
        return Store.from_file(graph)
    if store is not None and graph is None:
        return open_store(store, create=False)
    raise InputError("give either --graph FILE or --store DIR")


def parse_params(pairs: list[str], min_confidence: float | None) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param wants KEY=VALUE, got {pair!r}")
        params[key.strip()] = value
    if min_confidence is not None:
        if not 0 <= min_confidence <= 1:
            raise QueryError(f"--min-confidence must be between 0 and 1, got {min_confidence:g}")
        params["min_confidence"] = str(min_confidence)
    return params


def print_query_list() -> None:
    queries = list_queries()
    width = max(len(q.name) for q in queries)
    for q in queries:
        print(f"{q.name.ljust(width)}  {q.description}")


@app.command("query")
def query_command(
    query: Annotated[str | None, typer.Argument(help="SPARQL text, a .rq file, or a named query (see --list).")] = None,
    graph: GraphOption = None,
    store: StoreOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json (W3C results).")] = "table",
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="KEY=VALUE for the query.")] = None,
    min_confidence: Annotated[
        float | None, typer.Option("--min-confidence", help="Relation queries: weakest evidence to keep (0-1).")
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and exit.")] = False,
) -> None:
    """Run a SPARQL query; the default graph is the union of all document graphs."""
    if list_:
        print_query_list()
        return
    if query is None:
        raise QueryError("give a query: SPARQL text, a .rq file or a name from kg query --list")
    if fmt not in ("table", "csv", "json"):
        raise QueryError(f"unknown --format {fmt!r}; choose table, csv or json")
    text = resolve_query(query, parse_params(param or [], min_confidence))
    result = run_query(open_source(graph, store), text)
    sys.stdout.write(format_result(result, fmt))
