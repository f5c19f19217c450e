"""The learned models on disk: a folder with the entity tagger, the relation classifier and a model card.

``entities.crfsuite`` is a python-crfsuite model; ``entity_types.npz`` and ``relations.npz`` hold multinomial
logistic regressions as plain arrays (class names, feature names, weights), so loading needs numpy only and
runs no pickled code;
``card.json`` says what the models were trained on and how well they did under cross-validation. The shipped
models live in ``kg/resources/models``; ``kg train`` writes a new folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite

from kg.errors import DataFileError
from kg.paths import RESOURCES_DIR

DEFAULT_MODELS = RESOURCES_DIR / "models"
ENTITY_FILE = "entities.crfsuite"
RELATION_FILE = "relations.npz"
TYPE_FILE = "entity_types.npz"
CARD_FILE = "card.json"


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic regression over sparse named features."""

    classes: tuple[str, ...]
    index: dict[str, int]
    coef: np.ndarray  # classes x features
    intercept: np.ndarray  # classes

    def probabilities(self, rows: list[dict[str, float]]) -> np.ndarray:
        """Class probabilities, one row per feature dict (unknown features are ignored)."""
        scores = np.tile(self.intercept, (len(rows), 1)).astype(np.float64)
        index = self.index
        for r, row in enumerate(rows):
            known = [(index[name], value) for name, value in row.items() if name in index]
            if known:
                columns, values = zip(*known, strict=True)
                scores[r] += self.coef[:, columns] @ np.asarray(values, dtype=np.float64)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        names = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            features=np.array(names),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """Raises ``DataFileError`` when ``path`` is missing or not a saved model."""
        try:
            with np.load(path, allow_pickle=False) as data:
                features = [str(f) for f in data["features"]]
                return cls(
                    tuple(str(c) for c in data["classes"]),
                    {f: i for i, f in enumerate(features)},
                    data["coef"],
                    data["intercept"],
                )
        except (OSError, KeyError, ValueError) as e:
            raise DataFileError(f"cannot read model {path} ({e})") from e


@lru_cache(maxsize=8)
def load_tagger(model_dir: Path) -> pycrfsuite.Tagger:
    """The entity tagger of ``model_dir``. Raises ``DataFileError`` when it is missing or broken."""
    path = model_dir / ENTITY_FILE
    if not path.is_file():
        raise DataFileError(f"no entity model {path} (run kg train)")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as e:
        raise DataFileError(f"cannot read entity model {path} ({e})") from e
    return tagger


@lru_cache(maxsize=8)
def load_relation_model(model_dir: Path) -> LinearModel:
    return LinearModel.load(model_dir / RELATION_FILE)


@lru_cache(maxsize=8)
def load_type_model(model_dir: Path) -> LinearModel:
    return LinearModel.load(model_dir / TYPE_FILE)


def read_card(model_dir: Path) -> dict[str, Any]:
    """The model card of ``model_dir`` (empty when there is none)."""
    path = model_dir / CARD_FILE
    if not path.is_file():
        return {}
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise DataFileError(f"{path}: not valid JSON ({e})") from e
    return card if isinstance(card, dict) else {}
