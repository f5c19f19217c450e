"""Component "learned_relations": a trained classifier decides the relation of every candidate entity pair.

It runs after the rule ``relation_extractor`` and reads its relations as features (``pair_features``). Each
candidate pair gets the class the classifier thinks most probable, one of the nine predicates or ``none``; a
predicate whose probability reaches the model's threshold becomes a relation, with that probability as its
confidence and the sentences of the pair's closest mentions as evidence. The card setting ``combine`` says how
they meet the rule relations: ``classifier`` keeps only the classifier's, ``union`` adds the rule relations of
pairs the classifier left without one, ``add`` keeps every rule relation and adds the classifier's for pairs
the rules left alone (rules for precision, the classifier for recall).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.document import Document
from kg.errors import DataFileError
from kg.nlp.model_bundle import DEFAULT_MODELS, load_relation_model, read_card
from kg.nlp.pair_features import Pair, PairFeaturizer
from kg.records import Evidence, Relation

NONE = "none"
SYMMETRIC = frozenset({"partnerOf"})
COMBINE_MODES = ("classifier", "union", "add")


def _evidence(pair: Pair, document: Document | None, text: str) -> tuple[Evidence, ...]:
    doc_id = document.id if document else ""
    out = []
    for start, end in pair.sentences:
        section = document.section_at(start) if document else None
        out.append(Evidence(doc_id, start, end, text[start:end], section.id if section else None))
    return tuple(out)


def decide(pairs: list[Pair], probabilities: list[dict[str, float]], threshold: float) -> list[tuple[Pair, str, float]]:
    """The relation each pair states: its most probable predicate (``none`` aside) when that reaches
    ``threshold``, which may lie below the probability of ``none``; of a symmetric predicate's two directions
    the more probable one.

    >>> a, b = Pair("a", "b", {}, ()), Pair("b", "a", {}, ())
    >>> decide([a, b], [{"partnerOf": 0.7, "none": 0.3}, {"partnerOf": 0.6, "none": 0.4}], 0.5)
    [(Pair(subject='a', object='b', features={}, sentences=()), 'partnerOf', 0.7)]
    """
    chosen: dict[tuple[str, ...], tuple[Pair, str, float]] = {}
    for pair, probs in zip(pairs, probabilities, strict=True):
        label, p = max(((k, v) for k, v in probs.items() if k != NONE), key=lambda kv: kv[1], default=(NONE, 0.0))
        if p < threshold:
            continue
        key = (label, *sorted((pair.subject, pair.object))) if label in SYMMETRIC else (pair.subject, pair.object)
        if key not in chosen or chosen[key][2] < p:
            chosen[key] = (pair, label, p)
    return list(chosen.values())


@Language.factory(
    "learned_relations",
    default_config={"model_dir": ""},
    requires=["doc.ents", "doc.sents", "doc._.relations"],
    assigns=["doc._.relations"],
)
def make_learned_relations(nlp: Language, name: str, model_dir: str) -> LearnedRelations:
    return LearnedRelations(Path(model_dir) if model_dir else DEFAULT_MODELS)


class LearnedRelations:
    """Feature set, threshold and combination mode come from the model card."""

    def __init__(self, model_dir: Path) -> None:
        self.model = load_relation_model(model_dir)
        settings = read_card(model_dir).get("relations", {})
        self.featurizer = PairFeaturizer(settings.get("feature_set", "rules"))
        self.threshold = float(settings.get("threshold", 0.5))
        self.combine = settings.get("combine", "classifier")
        if self.combine not in COMBINE_MODES:
            raise DataFileError(f"{model_dir}: relation combine mode must be one of {COMBINE_MODES}")

    def __call__(self, doc: Doc) -> Doc:
        pairs = self.featurizer.pairs(doc)
        probabilities: list[dict[str, float]] = []
        if pairs:
            rows = self.model.probabilities([p.features for p in pairs])
            probabilities = [dict(zip(self.model.classes, map(float, row), strict=True)) for row in rows]
        text = doc.text
        relations = [
            Relation(pair.subject, label, pair.object, "learned", round(p, 3), _evidence(pair, doc._.document, text))  # type: ignore[arg-type]
            for pair, label, p in decide(pairs, probabilities, self.threshold)
        ]
        if self.combine == "add":
            ruled = {(r.subject, r.object) for r in doc._.relations or ()}
            ruled |= {(o, s) for s, o in ruled}
            relations = [*(doc._.relations or ()), *(r for r in relations if (r.subject, r.object) not in ruled)]
        elif self.combine == "union":
            decided = {(r.subject, r.object) for r in relations} | {(r.object, r.subject) for r in relations}
            relations += [r for r in doc._.relations or () if (r.subject, r.object) not in decided]
        doc._.relations = relations
        return doc
