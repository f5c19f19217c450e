"""The training path end to end on a few real documents: prepare, fit, model card, load, extract, cross-validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.extract import extract
from kg.ingest import read_document
from kg.learn.crossval import cross_validate
from kg.learn.train import Settings, TrainingError, fit, prepare, train
from kg.nlp.model_bundle import CARD_FILE, ENTITY_FILE, RELATION_FILE, TYPE_FILE, LinearModel


@pytest.fixture(scope="module")
def three(eval_dir: Path) -> list[Path]:
    return [eval_dir / "train" / f"{doc}.gold.json" for doc in ("c200", "c209", "c212")]


@pytest.fixture(scope="module")
def tiny_models(three: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("models") / "tiny"
    train(three, out, folds=0)
    return out


def test_training_writes_models_and_a_card(tiny_models: Path, three: list[Path]) -> None:
    for name in (ENTITY_FILE, TYPE_FILE, RELATION_FILE, CARD_FILE):
        assert (tiny_models / name).is_file(), name
    card = json.loads((tiny_models / CARD_FILE).read_text(encoding="utf-8"))
    assert card["training_documents"] == 3
    assert card["municipalities"] == 3
    assert len(card["training_sha256"]) == 64
    assert card["settings"]["seed"] == 0
    assert card["relations"]["feature_set"] == "rules"
    assert card["date"]
    model = LinearModel.load(tiny_models / RELATION_FILE)
    assert "none" in model.classes and "participatesIn" in model.classes


def test_training_is_deterministic(three: list[Path], tiny_models: Path, tmp_path: Path) -> None:
    train(three, tmp_path / "again", folds=0)
    assert (tmp_path / "again" / ENTITY_FILE).read_bytes() == (tiny_models / ENTITY_FILE).read_bytes()
    for name in (RELATION_FILE, TYPE_FILE):
        a, b = LinearModel.load(tmp_path / "again" / name), LinearModel.load(tiny_models / name)
        assert a.classes == b.classes and a.index == b.index
        assert (a.coef == b.coef).all()


def test_a_tiny_model_reads_an_unseen_document(tiny_models: Path, eval_dir: Path) -> None:
    document = read_document(eval_dir / "train" / "c210.txt")
    extraction = extract(document, learned=str(tiny_models))
    assert extraction.entities
    assert all(0.0 <= r.confidence <= 1.0 and r.evidence for r in extraction.relations)
    rules = extract(document, learned=None)
    known = {e.key for e in rules.entities if e.gazetteer_id}
    assert known <= {e.key for e in extraction.entities}, "the entity check never drops a gazetteer entry"
    rule_relations = {(r.subject, r.predicate, r.object) for r in rules.relations}
    assert rule_relations <= {(r.subject, r.predicate, r.object) for r in extraction.relations} | {
        (r.subject, r.predicate, r.object) for r in rules.relations if not {r.subject, r.object} <= known
    }


def test_retraining_replaces_the_folder_whole(three: list[Path], tmp_path: Path) -> None:
    prepared = prepare(three[:2])
    out = tmp_path / "m"
    fit(prepared, Settings(), out)
    (out / "stale.txt").write_text("left over", encoding="utf-8")
    fit(prepared, Settings(), out)
    assert not (out / "stale.txt").exists()
    assert not list(tmp_path.glob(".m*"))


def test_cross_validation_scores_every_document_once(eval_dir: Path) -> None:
    paths = [eval_dir / "train" / f"{doc}.gold.json" for doc in ("c200", "c201", "c202", "c204", "c205", "c206")]
    result = cross_validate(prepare(paths), 2, Settings())
    assert sorted(d for fold in result.folds for d in fold) == ["c200", "c201", "c202", "c204", "c205", "c206"]
    assert len(result.scores) == 7 and result.scores[-1].doc == "micro"
    summary = result.as_dict()
    assert summary["documents"] == 6
    assert summary["relations_on_gold_entities"]["gold"] == summary["relations"]["gold"] > 0


def test_no_documents_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KgError, match=r"no \*\.gold\.json"):
        train([tmp_path], tmp_path / "out", folds=0)
    assert issubclass(TrainingError, KgError)
