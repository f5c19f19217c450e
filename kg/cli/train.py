"""``kg train``: learn the entity tagger, the entity check and the relation classifier from gold files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app


@app.command("train")
def train_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json) or folders holding them.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The model folder to write.")],
    folds: Annotated[
        int,
        typer.Option("--folds", help="Cross-validate first, grouped by municipality; 0 to skip.", min=0),
    ] = 5,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the fold assignment and the training.")] = 0,
) -> None:
    """Train on every given gold document and write the models with a model card (JSON)."""
    from kg.learn.train import train

    card = train(gold, output, seed=seed, folds=folds, progress=lambda line: print(line, file=sys.stderr))
    scores = card.get("cross_validation", {})
    print(f"trained on {card['training_documents']} documents from {card['municipalities']} municipalities")
    for group in ("actors", "projects", "entities", "relations", "relations_on_gold_entities"):
        if group in scores:
            c = scores[group]
            print(f"  {group:28} P {c['precision']:.2f}  R {c['recall']:.2f}  F1 {c['f1']:.2f}  (cross-validated)")
    print(f"wrote {output}")
