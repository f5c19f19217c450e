"""``kg evaluate``: precision, recall and F1 of the extraction against gold files, or cross-validated."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.cli import app
from kg.evaluation import Counts, DocumentScore, evaluate, scores_as_json

_COLUMNS = (("actors", "Actors"), ("projects", "Projects"), ("entities", "Entities"), ("relations", "Relations"))


def _cell(c: Counts) -> str:
    return f"{c.precision:.2f} / {c.recall:.2f} / {c.f1:.2f}"


def render_table(scores: list[DocumentScore], title: str = "Extraction against gold (P / R / F1)") -> Table:
    table = Table(title=title, show_lines=False)
    table.add_column("document")
    for _, heading in _COLUMNS:
        table.add_column(heading, justify="right")
    table.add_column("splits", justify="right")
    for s in scores:
        style = "bold" if s.doc == "micro" else None
        table.add_row(s.doc, *(_cell(s.groups[k]) for k, _ in _COLUMNS), str(s.splits), style=style)
    return table


def render_predicates(total: DocumentScore) -> Table:
    table = Table(title="Typed relations per predicate (P / R / F1, system, gold)")
    for heading in ("predicate", "P / R / F1", "system", "gold"):
        table.add_column(heading, justify="right" if heading != "predicate" else "left")
    for p, c in sorted(total.predicates.items()):
        table.add_row(p, _cell(c), str(c.system), str(c.gold))
    return table


def _print_errors(console: Console, scores: list[DocumentScore]) -> None:
    for s in scores:
        for kind, lines in s.errors.items():
            for line in lines:
                console.print(f"{s.doc} {kind}: {line}", markup=False, highlight=False)


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json) or folders holding them.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list false positives and misses.")] = False,
    folds: Annotated[
        int,
        typer.Option(
            "--folds",
            help="Cross-validate: K folds grouped by municipality; the learned components are retrained on the "
            "other folds for each held-out fold.",
            min=0,
        ),
    ] = 0,
    mode: Annotated[
        str, typer.Option("--mode", help="rules, learned or both: which components read the text.")
    ] = "both",
    models: Annotated[
        Path | None, typer.Option("--models", help="A model folder from kg train (default: the shipped models).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the fold assignment and the training.")] = 0,
    spacy_model: Annotated[
        str | None, typer.Option("--spacy-model", help="An installed trained spaCy pipeline to add.")
    ] = None,
) -> None:
    """Build each gold document and score actors, projects, all entities and typed relations."""
    from kg.learn.modes import MODES, learned_for_mode

    if mode not in MODES:
        raise typer.BadParameter(f"--mode must be one of {', '.join(MODES)}")
    console = Console(width=160)
    if folds:
        from kg.learn.crossval import cross_validate
        from kg.learn.modes import settings_for_mode
        from kg.learn.train import prepare

        progress = None if json_output else lambda line: print(line, file=sys.stderr)
        settings = settings_for_mode(mode, seed)
        prepared = prepare(gold, settings.feature_sets if settings else ("rules",))
        result = cross_validate(prepared, folds, settings, progress)
        if json_output:
            print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        if errors:
            _print_errors(console, result.scores[:-1])
        title = f"Cross-validated over {folds} folds grouped by municipality, mode {mode} (P / R / F1)"
        console.print(render_table(result.scores[-1:], title))
        console.print(f"Typed relations on gold entities: {_cell(result.on_gold)}")
        console.print(render_predicates(result.scores[-1]))
        return
    from kg.extract import extract
    from kg.ingest import read_document

    learned = learned_for_mode(mode, models)
    scores = evaluate(gold, lambda path: extract(read_document(path), model=spacy_model, learned=learned))
    if json_output:
        print(scores_as_json(scores, with_errors=errors))
        return
    if errors:
        _print_errors(console, scores[:-1])
    console.print(render_table(scores))
