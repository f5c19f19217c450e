"""The relation cue files load, every record is used, and malformed records fail with one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_relations import CASES, LABELS, oracle

from kg.errors import DataFileError
from kg.nlp.relation_cues import CUES_FILE, GAPS_FILE, LINKS, load_cues, load_gap_cues, load_terms
from kg.nlp.relation_scope import enumerates
from kg.nlp.relations import extract_relations
from kg.records import PREDICATES


def test_cue_files_load_with_unique_ids() -> None:
    cues, gaps = load_cues(), load_gap_cues()
    ids = [c.id for c in cues] + [g.id for g in gaps]
    assert len(ids) == len(set(ids))
    assert {c.link for c in cues} == set(LINKS)
    assert {c.predicate for c in cues} | {g.predicate for g in gaps} == set(PREDICATES)


def test_every_cue_fires_in_the_passage_table() -> None:
    fired = {r.cue for text, _ in CASES for r in extract_relations(oracle.annotate(text, LABELS))}
    unused = {c.id for c in load_cues()} | {g.id for g in load_gap_cues()}
    assert unused - fired == set()


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x", "predicate": "knows", "link": "agent", "patterns": ["a"]}, "unknown predicate 'knows'"),
        ({"id": "x", "predicate": "operates", "link": "near", "patterns": ["a"]}, "link must be one of"),
        ({"id": "x", "predicate": "operates", "link": "agent", "patterns": ["(a"]}, "bad regular expression"),
        ({"id": "x", "predicate": "operates", "link": "agent", "patterns": []}, "patterns must be a non-empty"),
        ({"predicate": "operates", "link": "agent", "patterns": ["a"]}, "missing or duplicate id"),
        ({"id": "x", "predicate": "operates", "link": "agent", "patterns": ["a"], "confidence": 2}, "confidence"),
        ({"id": "x", "predicate": "operates", "link": "agent", "side": "left", "patterns": ["a"]}, "side must be"),
        ({"id": "x", "predicate": "operates", "link": "agent", "reach": -1, "patterns": ["a"]}, "reach must be"),
        ({"id": "x", "predicate": "operates", "link": "joint", "carry": "yes", "patterns": ["a"]}, "carry must be"),
        (
            {"id": "x", "predicate": "produces", "link": "agent", "own_sentence": "ja", "patterns": ["a"]},
            "own_sentence must be",
        ),
    ],
)
def test_malformed_cue_is_a_data_file_error(tmp_path: Path, record: dict, message: str) -> None:
    path = tmp_path / "cues.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as err:
        load_cues(path)
    assert str(err.value).startswith("[E020] cues.jsonl:1: ")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "g", "predicate": "locatedIn", "gap": "\\s+in\\s+", "subject_types": ["Place"]}, "types must be"),
        ({"id": "g", "predicate": "locatedIn"}, "pattern must be a non-empty string"),
    ],
)
def test_malformed_gap_cue_is_a_data_file_error(tmp_path: Path, record: dict, message: str) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_gap_cues(path)


def test_a_line_that_is_not_json_is_reported_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "cues.jsonl"
    path.write_text('{"id": "a", "predicate": "operates", "link": "agent", "patterns": ["x"]}\n{oops\n')
    with pytest.raises(DataFileError, match=r"cues.jsonl:2: not valid JSON"):
        load_cues(path)


def test_shipped_files_are_the_default_paths() -> None:
    assert CUES_FILE.name == "relation_cues.jsonl" and CUES_FILE.is_file()
    assert GAPS_FILE.name == "relation_gaps.jsonl" and GAPS_FILE.is_file()


@pytest.mark.parametrize(
    ("gap", "joins"),
    [
        (", ", True),
        (" und ", True),
        (" sowie der ", True),
        ("), Partnern (", True),
        ("), Herstellern und Dienstleistern (", True),
        (" und dem Fahrradverleiher ", True),
        (" der ", False),  # a genitive: "Abteilung X der Stadt Y"
        (" beauftragt ", False),
        (" Stadttöchter ", False),
        (", ein Unternehmen der ", False),
    ],
)
def test_enumeration_gaps(gap: str, joins: bool) -> None:
    assert enumerates(gap) is joins


def test_term_file_names_the_word_classes_the_links_use(tmp_path: Path) -> None:
    terms = load_terms()
    assert {"council_body", "deciding"} <= set(terms)
    assert terms["council_body"].search("Der Verkehrsausschuss")
    assert terms["deciding"].search("Der Ausschuss beschließt die Vorlage.")
    duplicate = tmp_path / "terms.jsonl"
    duplicate.write_text('{"id": "a", "pattern": "x"}\n{"id": "a", "pattern": "y"}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"terms\.jsonl:2: duplicate id 'a'"):
        load_terms(duplicate)
