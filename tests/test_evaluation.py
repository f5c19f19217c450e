"""The scorer implements FORMAT.md: label matching, one-to-one entities, relation predicate rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.document import Document
from kg.errors import EvaluationError
from kg.evaluation import evaluate, load_gold, normalise_label, score
from kg.records import Entity, Extraction, Relation


def _gold(tmp_path: Path, entities: list[dict], relations: list[dict]) -> Path:
    (tmp_path / "d.txt").write_text("Text.", encoding="utf-8")
    path = tmp_path / "d.gold.json"
    path.write_text(json.dumps({"doc": "d", "text": "d.txt", "entities": entities, "relations": relations}))
    return path


def _extraction(entities: list[Entity], relations: list[Relation] = ()) -> Extraction:  # type: ignore[assignment]
    return Extraction(Document("d", "", "d.txt", "Text."), tuple(entities), tuple(relations))


GOLD_ENTITIES = [
    {"id": "lvb", "type": "Organization", "name": "Leipziger Verkehrsbetriebe GmbH", "aliases": ["LVB"]},
    {"id": "swl", "type": "Organization", "name": "Stadtwerke Leipzig", "aliases": ["SWL"]},
    {"id": "sax", "type": "Project", "name": "SaxHybrid Plus", "aliases": []},
    {"id": "efre", "type": "Programme", "name": "EFRE", "aliases": []},
]


@pytest.mark.parametrize(
    ("raw", "normal"),
    [("„Laternenparken“", "laternenparken"), ("  Stadtwerke\n Leipzig ", "stadtwerke leipzig"), ("LVB", "lvb")],
)
def test_labels_are_normalised_as_format_md_says(raw: str, normal: str) -> None:
    assert normalise_label(raw) == normal


def test_entities_match_by_any_label_and_one_to_one(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, GOLD_ENTITIES, []))
    system = [
        Entity("lvb", "Organization", "LVB"),
        Entity("lvb-2", "Organization", "Leipziger Verkehrsbetriebe GmbH"),  # a split: one hit, one FP
        Entity("sax", "Project", "„SaxHybrid Plus“"),
        Entity("x", "Organization", "Unbekannt GmbH"),
    ]
    result = score(_extraction(system), gold)
    actors = result.groups["actors"]
    assert (actors.system_hits, actors.system, actors.gold) == (1, 3, 2)
    assert result.groups["projects"].recall == 0.5
    assert result.splits == 1


@pytest.mark.parametrize(
    ("gold_p", "system_p", "swap", "found"),
    [
        ("participatesIn", "participatesIn", False, True),
        ("participatesIn", "coordinates", False, True),
        ("coordinates", "participatesIn", False, False),
        ("partnerOf", "partnerOf", True, True),
        ("fundedBy", "partOf", False, False),
    ],
)
def test_relation_predicate_rules(tmp_path: Path, gold_p: str, system_p: str, swap: bool, found: bool) -> None:
    gold = load_gold(_gold(tmp_path, GOLD_ENTITIES, [{"s": "lvb", "p": gold_p, "o": "swl"}]))
    s, o = ("b", "a") if swap else ("a", "b")
    system = [Entity("a", "Organization", "LVB"), Entity("b", "Organization", "SWL")]
    result = score(_extraction(system, [Relation(s, system_p, o, "cue", 0.9, ())]), gold)  # type: ignore[arg-type]
    assert result.groups["relations"].recall == (1.0 if found else 0.0)


def test_micro_average_sums_counts(tmp_path: Path) -> None:
    path = _gold(tmp_path, GOLD_ENTITIES, [])
    scores = evaluate([path, path], lambda _: _extraction([Entity("lvb", "Organization", "LVB")]))
    assert [s.doc for s in scores] == ["d", "d", "micro"]
    assert scores[-1].groups["actors"].gold == 4
    assert scores[-1].groups["actors"].precision == 1.0


def test_malformed_gold_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gold.json"
    bad.write_text("{not json")
    with pytest.raises(EvaluationError, match="not a gold file"):
        load_gold(bad)


def test_gold_with_missing_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.gold.json"
    path.write_text(json.dumps({"doc": "x", "text": "missing.txt", "entities": [], "relations": []}))
    with pytest.raises(EvaluationError, match="does not exist"):
        load_gold(path)
