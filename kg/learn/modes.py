"""The three ways of reading a text that the ablation compares: rules only, learned only, and both.

``both`` (the default) runs the rules and lets the learned components, trained with the rules' output as
features, add entities, check them and decide relations. ``learned`` trains the components on shallow
features alone and lets them replace the rule recognisers and rule relations. ``rules`` runs no learned
component.
"""

from __future__ import annotations

from pathlib import Path

from kg.learn.train import Settings
from kg.nlp.pipeline import DEFAULT_LEARNED

MODES = ("both", "learned", "rules")


def settings_for_mode(mode: str, seed: int = 0) -> Settings | None:
    """Training settings for ``mode``; ``None`` for rules only (nothing to train)."""
    if mode == "rules":
        return None
    if mode == "learned":
        return Settings(
            entity_features="shallow",
            entity_combine="replace",
            relation_features="shallow",
            relation_combine="classifier",
            seed=seed,
        )
    return Settings(seed=seed)


def learned_for_mode(mode: str, models: Path | None) -> str | None:
    """The ``learned`` argument of ``kg.extract.extract`` for a mode and an optional model folder."""
    if mode == "rules":
        return None
    return str(models) if models is not None else DEFAULT_LEARNED
