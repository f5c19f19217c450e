"""``kg evaluate``: precision, recall and F1 of the extraction against gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.cli import app
from kg.evaluation import DocumentScore, evaluate, scores_as_json

_COLUMNS = (("actors", "Actors"), ("projects", "Projects"), ("entities", "Entities"), ("relations", "Relations"))


def render_table(scores: list[DocumentScore]) -> Table:
    table = Table(title="Extraction against gold (P / R / F1)", show_lines=False)
    table.add_column("document")
    for _, title in _COLUMNS:
        table.add_column(title, justify="right")
    table.add_column("splits", justify="right")
    for s in scores:
        cells = [f"{s.groups[k].precision:.2f} / {s.groups[k].recall:.2f} / {s.groups[k].f1:.2f}" for k, _ in _COLUMNS]
        style = "bold" if s.doc == "micro" else None
        table.add_row(s.doc, *cells, str(s.splits), style=style)
    return table


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json) or folders holding them.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list false positives and misses.")] = False,
    spacy_model: Annotated[
        str | None, typer.Option("--spacy-model", help="An installed trained spaCy pipeline to add.")
    ] = None,
) -> None:
    """Build each gold document and score actors, projects, all entities and typed relations."""
    from kg.extract import extract
    from kg.ingest import read_document

    scores = evaluate(gold, lambda path: extract(read_document(path), model=spacy_model))
    if json_output:
        print(scores_as_json(scores, with_errors=errors))
        return
    console = Console(width=160)
    if errors:
        for s in scores[:-1]:
            for kind, lines in s.errors.items():
                for line in lines:
                    console.print(f"{s.doc} {kind}: {line}", markup=False, highlight=False)
    console.print(render_table(scores))
