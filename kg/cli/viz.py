"""``kg viz``: the graph as one self-contained interactive HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.outputs.graphio import load_graph
from kg.outputs.viz import DEFAULT_TITLE, render_html


@app.command("viz")
def viz_command(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file (.ttl .nt .nq .trig .jsonld).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")],
    title: Annotated[str, typer.Option("--title", help="Page title.")] = DEFAULT_TITLE,
) -> None:
    """Render GRAPH as an interactive network page that works offline (no CDN)."""
    typer.echo(str(render_html(load_graph(graph), output, title)))
