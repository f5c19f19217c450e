"""Relation extraction alone on oracle entities (gold names marked), scored with kg.evaluation (FORMAT.md)."""

from __future__ import annotations

from pathlib import Path

import spacy
from test_relations import oracle

from kg.evaluation import load_gold, micro, score
from kg.ingest import read_document
from kg.learn.align import oracle_doc
from kg.nlp.pipeline import load_pipeline
from kg.nlp.relations import extract_relations
from kg.records import PREDICATES


def test_reference_document_typed_relations(eval_dir: Path) -> None:
    path = eval_dir / "VI-DS-01293.gold.json"
    relations = score(oracle.oracle_extraction(path), load_gold(path)).groups["relations"]
    assert relations.precision >= 0.7
    assert relations.f1 >= 0.65


def test_dev_documents_micro_typed_relations(eval_dir: Path) -> None:
    paths = sorted((eval_dir / "dev").glob("*.gold.json"))
    scores = [score(oracle.oracle_extraction(p), load_gold(p)) for p in paths]
    assert len(paths) >= 20
    assert micro(scores).groups["relations"].f1 >= 0.5


def test_every_relation_has_in_domain_types_cue_and_evidence(eval_dir: Path) -> None:
    gold = load_gold(eval_dir / "VI-DS-01293.gold.json")
    doc = oracle_doc(read_document(gold.text_path), gold, load_pipeline(None, None))
    types = {key: e.type for key, e in doc._.entities.items()}
    relations = extract_relations(doc)
    assert relations
    for r in relations:
        assert r.predicate in PREDICATES and r.cue and 0 < r.confidence <= 1
        assert (types[r.subject], types[r.object]) != (None, None)
        for e in r.evidence:
            assert e.doc_id == "VI-DS-01293" and doc.text[e.start : e.end] == e.text
    lvb = {(r.predicate, r.object) for r in relations if r.subject == "lvb"}
    assert ("subsidiaryOf", "lvv") in lvb
    assert any(r.evidence[0].section == "4.2" for r in relations if r.subject == "lvb")


def test_component_writes_doc_relations_in_a_pipeline(eval_dir: Path) -> None:
    nlp = spacy.blank("de")
    component = nlp.add_pipe("relation_extractor")
    doc = oracle.annotate(
        "Die LVB beteiligt sich am Projekt SaxHybrid Plus.",
        {
            "LVB": ("lvb", "Organization"),
            "SaxHybrid Plus": ("saxhybrid", "Project"),
        },
    )
    doc = component(doc)
    assert [(r.subject, r.predicate, r.object, r.cue) for r in doc._.relations] == [
        ("lvb", "participatesIn", "saxhybrid", "participation.beteiligung")
    ]
    assert "relation_extractor" in spacy.registry.factories.get_all()
