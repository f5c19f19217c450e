"""``kg serve``, ``kg push`` and ``kg remove``: publish the graph and maintain the store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.cli.query import GraphOption, StoreOption, open_source
from kg.errors import InputError
from kg.outputs.push import push
from kg.outputs.server import serve
from kg.outputs.store import open_store


@app.command("serve")
def serve_command(
    store: StoreOption = None,
    graph: GraphOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; 0.0.0.0 exposes it to the network.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 7878,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run.")] = 10.0,
    max_rows: Annotated[int, typer.Option("--max-rows", help="Most result rows returned.")] = 10_000,
    cors: Annotated[bool, typer.Option("--cors", help="Allow cross-origin requests from browsers.")] = False,
) -> None:
    """Serve a read-only SPARQL endpoint at /sparql and a query page at /."""
    source = open_source(graph, store)

    def ready(url: str) -> None:
        print(f"SPARQL endpoint at {url}, query page at {url.removesuffix('sparql')} (Ctrl-C stops)", file=sys.stderr)

    try:
        serve(source, host, port, timeout, max_rows, cors, ready=ready)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)


@app.command("push")
def push_command(
    endpoint: Annotated[str, typer.Option("--endpoint", help="Graph Store Protocol URL, e.g. http://host:7878/store")],
    store: StoreOption = None,
    graph: GraphOption = None,
) -> None:
    """Upload every document graph to a remote store (SPARQL 1.1 Graph Store Protocol, PUT per graph)."""
    sent = push(open_source(graph, store), endpoint)
    print(f"pushed {len(sent)} graph(s), {sum(sent.values())} triples, to {endpoint}")


@app.command("remove")
def remove_command(
    doc_id: Annotated[str, typer.Argument(help="Document id, e.g. VI-DS-01293.")],
    store: Annotated[Path, typer.Option("--store", help="Store folder written by kg build --store.")],
) -> None:
    """Remove one document's graph (and its recorded hash) from the store."""
    opened = open_store(store, create=False)
    if not opened.remove_document(doc_id):
        known = ", ".join(sorted(opened.documents())) or "none"
        raise InputError(f"no document {doc_id!r} in {store} (documents: {known})")
    print(f"removed {doc_id} from {store}")
