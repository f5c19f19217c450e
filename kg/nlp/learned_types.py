"""Component "learned_types": a trained classifier checks every resolved entity, drops what is no entity and
corrects the type.

It runs after ``entity_resolver`` and sees each entity as a whole (``entity_features``): the words of its name,
the recognisers behind it, its mentions and their neighbours. When the classifier is at least ``drop`` sure that
the entity is none of the gold's kinds, the entity and its mentions go; when it is at least ``retype`` sure of
another type, the entity gets that type. Gazetteer entries and the bodies of the consultation sequence are kept
as they are.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.entity_features import entity_features
from kg.nlp.model_bundle import DEFAULT_MODELS, load_type_model, read_card
from kg.records import Entity

NONE = "none"


@Language.factory(
    "learned_types",
    default_config={"model_dir": ""},
    requires=["doc.ents", "doc._.entities"],
    assigns=["doc.ents", "doc._.entities"],
)
def make_learned_types(nlp: Language, name: str, model_dir: str) -> LearnedTypes:
    return LearnedTypes(Path(model_dir) if model_dir else DEFAULT_MODELS)


class LearnedTypes:
    """Thresholds come from the model card."""

    def __init__(self, model_dir: Path) -> None:
        self.model = load_type_model(model_dir)
        settings = read_card(model_dir).get("types", {})
        self.drop = float(settings.get("drop", 0.7))
        self.retype = float(settings.get("retype", 0.7))

    def decide(self, doc: Doc, entities: list[Entity]) -> dict[str, Entity | None]:
        """Entity key -> the entity as kept (perhaps retyped), or ``None`` when it is dropped."""
        probabilities = self.model.probabilities([entity_features(doc, e) for e in entities])
        out: dict[str, Entity | None] = {}
        for entity, row in zip(entities, probabilities, strict=True):
            probs = dict(zip(self.model.classes, map(float, row), strict=True))
            label, p = max(probs.items(), key=lambda kv: kv[1])
            fixed = entity.gazetteer_id or any(m.source == "structure" for m in entity.mentions)
            if fixed or label == entity.type:
                out[entity.key] = entity
            elif label == NONE:
                out[entity.key] = None if p >= self.drop else entity
            else:
                out[entity.key] = replace(entity, type=label) if p >= self.retype else entity  # type: ignore[arg-type]
        return out

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.entities or {}
        if not entities:
            return doc
        decided = self.decide(doc, list(entities.values()))
        kept = {key: e for key, e in decided.items() if e is not None}
        doc.ents = [
            Span(doc, s.start, s.end, label=kept[s.kb_id_].type, kb_id=s.kb_id_) for s in doc.ents if s.kb_id_ in kept
        ]
        doc._.entities = kept
        return doc
