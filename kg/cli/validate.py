"""``kg validate``: check a graph file against the project's SHACL shapes (``ontology/shapes/``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.graph.shacl import validate
from kg.outputs.graphio import load_graph


@app.command("validate")
def validate_command(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file (.ttl .nt .nq .trig .jsonld).")],
) -> None:
    """Print every SHACL violation of GRAPH, one per line; exit status 1 when there is any."""
    violations = validate(load_graph(graph))
    for line in violations:
        typer.echo(line)
    typer.echo(f"{len(violations)} violation(s)" if violations else f"{graph}: conforms to the mobility-kg shapes")
    if violations:
        raise typer.Exit(1)
