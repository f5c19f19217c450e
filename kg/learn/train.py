"""Training the entity tagger and the relation classifier from gold files: ``kg train GOLD_DIR... -o MODEL_DIR``.

Each gold document is read once (``prepare``): the rule pipeline runs on it, its tokens get features and gold
BIO tags, and its candidate entity pairs get features and a gold label, in two views: the pairs of the entities
the rules found (labels through the scorer's matching), and the pairs of the gold entities themselves (what the
classifier sees when recognition is right). ``fit`` then trains both models on any subset of prepared documents,
which is what cross-validation needs. Training is deterministic: the same documents and settings give the same
models.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pycrfsuite

from kg.document import Document
from kg.errors import KgError
from kg.evaluation import Gold, gold_files, load_gold, match_entities
from kg.learn.align import bio_tags, oracle_doc
from kg.nlp.entity_features import entity_features
from kg.nlp.learned_relations import NONE
from kg.nlp.model_bundle import CARD_FILE, ENTITY_FILE, RELATION_FILE, TYPE_FILE, LinearModel
from kg.nlp.pair_features import PairFeaturizer
from kg.nlp.pipeline import analyse, load_pipeline
from kg.nlp.token_features import token_features
from kg.records import Extraction

# Of two gold predicates for one ordered pair, the first in this order is the label.
PREDICATE_ORDER = (
    "operates",
    "coordinates",
    "participatesIn",
    "fundedBy",
    "partOf",
    "subsidiaryOf",
    "partnerOf",
    "produces",
    "locatedIn",
)
Row = tuple[dict[str, float], str]


class TrainingError(KgError):
    """Training cannot start or finish (no documents, a model cannot be written)."""

    code = "E080"


@dataclass(frozen=True)
class Settings:
    """What to train and how the trained components combine with the rules (written to the model card)."""

    entity_features: str = "rules"  # token_features.FEATURE_SETS
    entity_combine: str = "union"  # learned_entities.COMBINE_MODES
    relation_features: str = "rules"  # pair_features: "rules" or "shallow"
    relation_combine: str = "add"  # learned_relations.COMBINE_MODES
    threshold: float = 0.3  # least probability of a predicate to become a relation
    regularisation: float = 0.05  # inverse L2 strength C of the logistic regressions
    min_count: int = 2  # a pair feature seen in fewer training pairs is dropped
    drop: float = 0.85  # least probability of "no entity" to drop a resolved entity
    retype: float = 0.85  # least probability of another type to retype it
    crf_c1: float = 0.05
    crf_c2: float = 0.05
    crf_iterations: int = 150
    seed: int = 0

    @property
    def feature_sets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.entity_features, self.relation_features)))


@dataclass
class Prepared:
    """One gold document, read and featurised once for any number of fits."""

    path: Path
    gold: Gold
    document: Document
    sentences: list[tuple[int, int]]
    tags: list[str]
    tokens: dict[str, list[list[str]]] = field(default_factory=dict)
    system_pairs: dict[str, list[Row]] = field(default_factory=dict)  # pairs of the entities the rules found
    gold_pairs: dict[str, list[Row]] = field(default_factory=dict)  # pairs of the gold entities
    entity_rows: list[Row] = field(default_factory=list)  # the rules' entities, labelled with the gold type

    def pairs(self, feature_set: str) -> list[Row]:
        return self.system_pairs[feature_set] + self.gold_pairs[feature_set]


def _pair_label(subjects: set[str], objects: set[str], gold: Gold) -> str:
    found = set()
    for s, p, o in gold.relations:
        if (s in subjects and o in objects) or (p == "partnerOf" and s in objects and o in subjects):
            found.add(p)
    return next((p for p in PREDICATE_ORDER if p in found), NONE)


def _system_rows(doc: object, extraction: Extraction, gold: Gold, featurizer: PairFeaturizer) -> list[Row]:
    matches = match_entities(extraction, gold)
    return [
        (p.features, _pair_label(matches.get(p.subject, set()), matches.get(p.object, set()), gold))
        for p in featurizer.pairs(doc)  # type: ignore[arg-type]
    ]


def _entity_rows(doc: object, extraction: Extraction, gold: Gold) -> list[Row]:
    matches = match_entities(extraction, gold)
    types = {g.id: g.type for g in gold.entities}
    rows = []
    for entity in extraction.entities:
        found = sorted(types[g] for g in matches.get(entity.key, ()))
        label = entity.type if entity.type in found else (found[0] if found else NONE)
        rows.append((entity_features(doc, entity), label))  # type: ignore[arg-type]
    return rows


def prepare(paths: Iterable[Path], feature_sets: Sequence[str] = ("rules",)) -> list[Prepared]:
    """Read, analyse and featurise every gold document below ``paths`` (rules only, no learned component)."""
    from kg.ingest import read_document

    nlp = load_pipeline(None, None)
    prepared = []
    for path in gold_files(paths):
        gold = load_gold(path)
        document = read_document(gold.text_path)
        doc = analyse(document, nlp)
        entities = tuple((doc._.entities or {}).values())
        extraction = Extraction(document, entities, tuple(doc._.relations or ()))
        oracle = oracle_doc(document, gold, nlp)
        item = Prepared(path, gold, document, [(s.start, s.end) for s in doc.sents], bio_tags(doc, gold))
        item.entity_rows = _entity_rows(doc, extraction, gold)
        for fs in feature_sets:
            item.tokens[fs] = token_features(doc, fs)
            featurizer = PairFeaturizer(fs)
            item.gold_pairs[fs] = [
                (p.features, _pair_label({p.subject}, {p.object}, gold)) for p in featurizer.pairs(oracle)
            ]
            item.system_pairs[fs] = _system_rows(doc, extraction, gold, featurizer)
        prepared.append(item)
    if not prepared:
        raise TrainingError("no gold documents to train on")
    return prepared


def fit_entities(prepared: Sequence[Prepared], settings: Settings, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for item in prepared:
        features = item.tokens[settings.entity_features]
        for start, end in item.sentences:
            trainer.append(features[start:end], item.tags[start:end])
    trainer.set_params(
        {
            "c1": settings.crf_c1,
            "c2": settings.crf_c2,
            "max_iterations": settings.crf_iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def fit_linear(rows: Sequence[Row], settings: Settings) -> LinearModel:
    """A multinomial logistic regression on ``rows``; features seen fewer than ``min_count`` times are dropped."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for features, _ in rows for name in features)
    kept = [({k: v for k, v in f.items() if counts[k] >= settings.min_count}, label) for f, label in rows]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([f for f, _ in kept])
    y = [label for _, label in kept]
    if len(set(y)) < 2:
        raise TrainingError("the training documents give only one class to learn")
    classifier = LogisticRegression(C=settings.regularisation, max_iter=3000, random_state=settings.seed)
    classifier.fit(x, y)
    coef = classifier.coef_
    intercept = classifier.intercept_
    if len(classifier.classes_) == 2:  # binary: one row of weights for the second class
        coef = np.vstack([-coef, coef]) / 2
        intercept = np.array([-intercept[0], intercept[0]]) / 2
    names = vectorizer.get_feature_names_out()
    return LinearModel(
        tuple(str(c) for c in classifier.classes_), {str(n): i for i, n in enumerate(names)}, coef, intercept
    )


def corpus_hash(prepared: Sequence[Prepared]) -> str:
    """SHA-256 over the gold files and texts trained on, in a fixed order."""
    digest = hashlib.sha256()
    for item in sorted(prepared, key=lambda p: p.gold.doc):
        digest.update(item.path.read_bytes())
        digest.update(item.gold.text_path.read_bytes())
    return digest.hexdigest()


def fit(
    prepared: Sequence[Prepared], settings: Settings, out_dir: Path, extra: dict[str, object] | None = None
) -> dict:
    """Train both models on ``prepared`` into ``out_dir`` with a model card; returns the card.

    The folder is written next to its final place and renamed into it, so a failed run leaves the old models.
    """
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    fit_entities(prepared, settings, staging / ENTITY_FILE)
    fit_linear([r for item in prepared for r in item.entity_rows], settings).save(staging / TYPE_FILE)
    fit_linear([r for item in prepared for r in item.pairs(settings.relation_features)], settings).save(
        staging / RELATION_FILE
    )
    card = model_card(prepared, settings) | (extra or {})
    (staging / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old")
        os.replace(out_dir, old)
        os.replace(staging, out_dir)
        for child in old.iterdir():
            child.unlink()
        old.rmdir()
    else:
        os.replace(staging, out_dir)
    return card


def model_card(prepared: Sequence[Prepared], settings: Settings) -> dict:
    from kg import __version__

    return {
        "name": "mobility-kg learned components",
        "kg_version": __version__,
        "training_documents": len(prepared),
        "municipalities": len({p.gold.municipality for p in prepared}),
        "training_sha256": corpus_hash(prepared),
        "settings": asdict(settings),
        "entities": {
            "model": "linear-chain CRF (python-crfsuite, L-BFGS)",
            "feature_set": settings.entity_features,
            "combine": settings.entity_combine,
            "labels": sorted({t for p in prepared for t in p.tags}),
        },
        "types": {
            "model": "multinomial logistic regression (scikit-learn), over resolved entities",
            "drop": settings.drop,
            "retype": settings.retype,
        },
        "relations": {
            "model": "multinomial logistic regression (scikit-learn), over candidate entity pairs",
            "feature_set": settings.relation_features,
            "combine": settings.relation_combine,
            "threshold": settings.threshold,
            "classes": [NONE, *PREDICATE_ORDER],
        },
    }


def train(
    paths: Iterable[Path],
    out_dir: Path,
    settings: Settings | None = None,
    seed: int = 0,
    folds: int = 5,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Train on every gold document below ``paths`` into ``out_dir``; with ``folds`` the card gets the scores of
    a cross-validation (grouped by municipality) run first. Returns the model card.

    Raises ``TrainingError`` (or ``EvaluationError`` for a bad gold file) instead of writing a broken folder.
    """
    from datetime import date

    from kg.learn.crossval import cross_validate

    settings = settings or Settings(seed=seed)
    prepared = prepare(paths, settings.feature_sets)
    extra: dict[str, object] = {"date": date.today().isoformat()}
    if folds:
        try:
            result = cross_validate(prepared, folds, settings, progress)
        except ValueError as e:
            raise TrainingError(str(e)) from e
        extra["cross_validation"] = result.as_dict()
    if progress:
        progress(f"training on all {len(prepared)} documents")
    return fit(prepared, settings, out_dir, extra)
