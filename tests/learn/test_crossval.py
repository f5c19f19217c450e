"""Folds grouped by municipality: no city is ever in training and test at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluation import Gold
from kg.learn.crossval import municipality_folds, municipality_key
from kg.learn.train import Prepared


def _prepared(municipalities: list[str | None]) -> list[Prepared]:
    return [
        Prepared(Path(f"d{i}.gold.json"), Gold(f"d{i}", Path("x"), (), frozenset(), m), None, [], [])  # type: ignore[arg-type]
        for i, m in enumerate(municipalities)
    ]


def test_no_municipality_in_two_folds_of_the_real_corpus(eval_dir: Path) -> None:
    import json

    golds = sorted((eval_dir / "train").glob("*.gold.json")) + sorted((eval_dir / "dev").glob("*.gold.json"))
    items = _prepared([json.loads(p.read_text(encoding="utf-8"))["municipality"] for p in golds])
    folds = municipality_folds(items, 5)
    assert sorted(i for f in folds for i in f) == list(range(len(items)))
    seen: dict[str, int] = {}
    for number, fold in enumerate(folds):
        for i in fold:
            key = municipality_key(items[i].gold.municipality, items[i].gold.doc)
            assert seen.setdefault(key, number) == number, f"{key} is in folds {seen[key]} and {number}"
    sizes = [len(f) for f in folds]
    assert max(sizes) - min(sizes) <= 4


def test_case_and_spacing_do_not_split_a_city() -> None:
    folds = municipality_folds(_prepared(["Köln", "köln ", "Leipzig", "Bonn", None, None]), 2)
    together = next(f for f in folds if 0 in f)
    assert 1 in together


def test_documents_without_municipality_are_groups_of_their_own() -> None:
    assert municipality_key(None, "a") != municipality_key(None, "b")


def test_folds_are_reproducible_and_seeded() -> None:
    items = _prepared([f"Stadt {i}" for i in range(20)])
    assert municipality_folds(items, 4, seed=1) == municipality_folds(items, 4, seed=1)
    assert municipality_folds(items, 4, seed=1) != municipality_folds(items, 4, seed=2)


def test_too_few_municipalities_for_the_folds() -> None:
    with pytest.raises(ValueError, match="cannot make 3 folds"):
        municipality_folds(_prepared(["A", "A", "B"]), 3)
