"""``kg export``: write the graph in several formats plus its DCAT-AP.de catalogue into a folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.outputs.dcat import check_settings, load_settings, publish
from kg.outputs.graphio import load_graph


@app.command("export")
def export_command(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file (.ttl .nt .nq .trig .jsonld).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for graph.* and catalog.ttl.")],
    formats: Annotated[str, typer.Option("--formats", help="Comma-separated suffixes to write.")] = "ttl,jsonld,nq",
    base: Annotated[
        str | None, typer.Option("--base", help="URL the files are published under (default: catalog.toml).")
    ] = None,
    publisher: Annotated[
        str | None, typer.Option("--publisher", help="Publisher name; replaces the default publisher.")
    ] = None,
    licence: Annotated[
        str | None, typer.Option("--license", help="Licence IRI or short form: cc-by/4.0, dl-by-de/2.0.")
    ] = None,
) -> None:
    """Export GRAPH as graph.<format> files and a DCAT-AP.de catalog.ttl describing them."""
    settings = load_settings()
    if publisher:
        settings = replace(settings, publisher_name=publisher, publisher_uri="")
    if licence:
        settings = replace(settings, license=licence)
    check_settings(settings, "kg export options")
    for path in publish(load_graph(graph), output, formats.split(","), base, settings):
        typer.echo(str(path))
