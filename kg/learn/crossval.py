"""Cross-validation grouped by municipality: the honest estimate of how the extraction reads an unseen city.

The documents are split into K folds so that all documents of one municipality (the gold's ``municipality``)
fall into the same fold. For each fold the learned components are trained on the other folds, and the held-out
documents are read by the full pipeline (rules + those models) and scored. Relations are also scored on the
gold entities (the relation components alone, as if recognition were perfect).
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.evaluation import Counts, DocumentScore, micro, score
from kg.learn.align import oracle_doc
from kg.learn.train import Prepared, Settings, fit
from kg.nlp.pipeline import analyse, load_pipeline
from kg.records import Extraction

Progress = Callable[[str], None]


@dataclass(frozen=True)
class CrossValidation:
    """Per-document scores (the last is the micro average), relations on gold entities, and the folds."""

    scores: list[DocumentScore]
    on_gold: Counts
    folds: list[list[str]]  # document ids per fold
    extractions: list[Extraction]  # what was read from each held-out document, in the order of ``scores``

    def as_dict(self) -> dict[str, object]:
        total = self.scores[-1]
        return {
            "folds": len(self.folds),
            "documents": len(self.scores) - 1,
            **{name: counts.as_dict() for name, counts in total.groups.items()},
            "relations_on_gold_entities": self.on_gold.as_dict(),
            "splits": total.splits,
        }


def municipality_key(name: str | None, doc_id: str) -> str:
    """The grouping key: the municipality folded in case; a document without one is a group of its own."""
    return " ".join(name.casefold().split()) if name else f"doc:{doc_id}"


def municipality_folds(prepared: Sequence[Prepared], k: int, seed: int = 0) -> list[list[int]]:
    """Indices of ``prepared`` in ``k`` folds; no municipality in two folds; folds as even as the groups allow.

    Groups are shuffled with ``seed``, then the largest first go to the fold with the fewest documents.
    """
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    groups: dict[str, list[int]] = {}
    for i, item in enumerate(prepared):
        groups.setdefault(municipality_key(item.gold.municipality, item.gold.doc), []).append(i)
    if len(groups) < k:
        raise ValueError(f"{len(groups)} municipalities cannot make {k} folds")
    keys = sorted(groups)
    random.Random(seed).shuffle(keys)
    keys.sort(key=lambda g: -len(groups[g]))  # stable: shuffled order among groups of equal size
    folds: list[list[int]] = [[] for _ in range(k)]
    for key in keys:
        smallest = min(range(k), key=lambda f: (len(folds[f]), f))
        folds[smallest].extend(groups[key])
    return [sorted(f) for f in folds]


def _held_out(items: Sequence[Prepared], learned: str | None) -> tuple[list[Extraction], list[DocumentScore], Counts]:
    nlp = load_pipeline(None, learned)
    rules = load_pipeline(None, None)
    extractions, scores, on_gold = [], [], Counts()
    for item in items:
        doc = analyse(item.document, nlp)
        entities = tuple(sorted((doc._.entities or {}).values(), key=lambda e: e.key))
        extractions.append(Extraction(item.document, entities, tuple(doc._.relations or ())))
        scores.append(score(extractions[-1], item.gold))
        oracle = oracle_doc(item.document, item.gold, rules)
        if learned is not None:
            oracle = nlp.get_pipe("learned_relations")(oracle)
        gold_entities = tuple((oracle._.entities or {}).values())
        result = score(Extraction(item.document, gold_entities, tuple(oracle._.relations or ())), item.gold)
        on_gold.add(result.groups["relations"])
    return extractions, scores, on_gold


def cross_validate(
    prepared: Sequence[Prepared],
    k: int,
    settings: Settings | None,
    progress: Progress | None = None,
    train_size: int | None = None,
) -> CrossValidation:
    """Train on K-1 folds, score the held-out fold, for every fold. ``settings=None`` scores the rules alone
    (nothing is trained, but the folds and scoring are the same). ``train_size`` trains each fold on that many
    of its training documents only, drawn with the seed (for a learning curve)."""
    seed = settings.seed if settings else 0
    folds = municipality_folds(prepared, k, seed)
    scores: list[DocumentScore] = []
    extractions: list[Extraction] = []
    on_gold = Counts()
    for number, fold in enumerate(folds, 1):
        held = [prepared[i] for i in fold]
        training = [p for i, p in enumerate(prepared) if i not in set(fold)]
        if train_size is not None and train_size < len(training):
            training = random.Random(seed + number).sample(training, train_size)
        if progress:
            progress(f"fold {number}/{k}: training on {len(training)} documents, scoring {len(held)}")
        if settings is None:
            fold_extractions, fold_scores, fold_gold = _held_out(held, None)
        else:
            with tempfile.TemporaryDirectory(prefix="kg-fold-") as tmp:
                fit(training, settings, Path(tmp) / "models")
                fold_extractions, fold_scores, fold_gold = _held_out(held, str(Path(tmp) / "models"))
        extractions += fold_extractions
        scores += fold_scores
        on_gold.add(fold_gold)
    ids = [[prepared[i].gold.doc for i in f] for f in folds]
    return CrossValidation([*scores, micro(scores)], on_gold, ids, extractions)
