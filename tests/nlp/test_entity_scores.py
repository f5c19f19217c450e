"""Entity recognition measured with the evaluator on the reference document and the dev documents."""

from __future__ import annotations

from pathlib import Path

from kg.evaluation import evaluate


def test_reference_document_scores(eval_dir: Path) -> None:
    reference, _micro = evaluate([eval_dir / "VI-DS-01293.gold.json"])
    assert reference.groups["actors"].f1 >= 0.85
    assert reference.groups["projects"].f1 >= 0.75
    assert reference.splits <= 3


def test_dev_documents_score(eval_dir: Path) -> None:
    *_docs, micro = evaluate([eval_dir / "dev"])
    assert micro.groups["actors"].f1 >= 0.75
    assert micro.groups["projects"].f1 >= 0.6
