"""``kg build`` and ``kg demo``: turn documents into a graph and say what came out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kg.build import BuildReport, build
from kg.cli import app

REFERENCE_DOCUMENT = Path("data/VI-DS-01293.page.txt")
SUMMARY_QUERY = "actor-ranking"


def print_summary(report: BuildReport, graph: Path | None) -> None:
    console = Console(highlight=False, soft_wrap=True)
    console.print(
        f"Built {len(report.documents)} document(s)"
        + (f", skipped {len(report.skipped)} unchanged" if report.skipped else "")
        + f": {report.actors} actors, {report.projects} projects/programmes, "
        f"{sum(report.entity_types.values())} entities in all, {report.relations} relations, "
        f"{report.figures} key figures."
    )
    for warning in report.warnings:
        console.print(f"warning: {warning}", style="yellow")
    for path in report.written:
        console.print(f"wrote {path}")
    if graph is not None and graph.exists():
        print_top_actors(console, graph)


def print_top_actors(console: Console, graph: Path, limit: int = 5) -> None:
    """Answer one SPARQL question on the built graph: which actors take part in most projects?"""
    from kg.outputs.graphio import load_graph
    from kg.outputs.sparql import find_query, run_query

    query = find_query(SUMMARY_QUERY)
    result = run_query(load_graph(graph), query.text)
    console.print(f"\n{query.description} (kg query {SUMMARY_QUERY} --graph {graph}):")
    rows = result.records()[:limit]
    if not rows:
        console.print("  (no actor takes part in a project in this graph)")
    for cells in rows:
        console.print(f"  {cells['actorName']}: {cells['projects']} (leads {cells['coordinates']})")


@app.command("build")
def build_command(
    inputs: Annotated[list[Path], typer.Argument(help="Documents (.txt, .pdf, OParl .json) or folders of them.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Graph file; format from the suffix (.ttl .nt .nq .trig .jsonld)."),
    ] = None,
    store: Annotated[
        Path | None, typer.Option("--store", help="Embedded store folder; rebuilds are incremental.")
    ] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Also write the interactive HTML graph here.")] = None,
    base: Annotated[str | None, typer.Option("--base", help="Base IRI of the minted resources.")] = None,
    spacy_model: Annotated[
        str | None,
        typer.Option("--spacy-model", help="An installed trained spaCy pipeline to add (e.g. de_core_news_lg)."),
    ] = None,
) -> None:
    """Read documents, extract actors, projects and relations, and write the graph."""
    if output is None and store is None:
        raise typer.BadParameter("give -o GRAPH.ttl and/or --store DIR")
    report = build(inputs, output, store=store, html=html, base=base, model=spacy_model)
    print_summary(report, output)


@app.command("demo")
def demo_command(
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder for graph.ttl and graph.html.")] = Path("out"),
    source: Annotated[Path, typer.Option("--source", help="The document to build.")] = REFERENCE_DOCUMENT,
) -> None:
    """Build the reference document (Leipzig, VI-DS-01293) into out/graph.ttl and out/graph.html."""
    graph = out / "graph.ttl"
    report = build([source], graph, html=out / "graph.html")
    print_summary(report, graph)
