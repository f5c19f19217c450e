"""Gold names laid over the text: whole words, any case, across line breaks, longest first."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluation import Gold, GoldEntity, normalise_label
from kg.ingest import read_text
from kg.learn.align import bio_tags, gold_spans, oracle_doc
from kg.nlp.pipeline import analyse, load_pipeline


def _gold(*entities: tuple[str, str, tuple[str, ...]], relations: frozenset = frozenset()) -> Gold:
    return Gold(
        "t",
        Path("t.txt"),
        tuple(
            GoldEntity(f"e{i}", etype, frozenset(normalise_label(s) for s in surface), surface)
            for i, (etype, _, surface) in enumerate(entities)
        ),
        relations,
        "Musterstadt",
    )


STADTWERKE = ("Organization", "swm", ("Stadtwerke Musterstadt GmbH", "Stadtwerke Musterstadt", "SWM"))
PROJECT = ("Project", "ladenetz", ("„Ladenetz Nord“", "Ladenetz Nord"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Stadtwerke Musterstadt GmbH bauen.", [("Stadtwerke Musterstadt GmbH", "e0")]),
        ("Die Stadtwerke\nMusterstadt bauen.", [("Stadtwerke\nMusterstadt", "e0")]),
        ("Die SWM und das Projekt „Ladenetz Nord“.", [("SWM", "e0"), ("Ladenetz Nord", "e1")]),
        ("Die SWMS ist ein anderes Wort.", []),
        ("die stadtwerke musterstadt", [("stadtwerke musterstadt", "e0")]),
    ],
)
def test_gold_spans(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(text[s.start : s.end], s.id) for s in gold_spans(text, _gold(STADTWERKE, PROJECT))]
    assert found == expected


def test_bio_tags_mark_each_token_of_a_gold_name() -> None:
    text = "Die Stadtwerke Musterstadt bauen das Ladenetz Nord."
    doc = analyse(read_text(text, doc_id="t"), load_pipeline(None, None))
    tags = dict(zip([t.text for t in doc], bio_tags(doc, _gold(STADTWERKE, PROJECT)), strict=True))
    assert tags["Stadtwerke"] == "B-Organization"
    assert tags["Musterstadt"] == "I-Organization"
    assert tags["Ladenetz"] == "B-Project"
    assert tags["bauen"] == "O"


def test_oracle_doc_has_the_gold_entities_and_the_rule_relations() -> None:
    text = "Die Stadtwerke Musterstadt beteiligen sich am Projekt „Ladenetz Nord“."
    gold = _gold(STADTWERKE, PROJECT)
    doc = oracle_doc(read_text(text, doc_id="t"), gold, load_pipeline(None, None))
    assert sorted((e.text, e.kb_id_) for e in doc.ents) == [("Ladenetz Nord", "e1"), ("Stadtwerke Musterstadt", "e0")]
    assert [(r.subject, r.predicate, r.object) for r in doc._.relations] == [("e0", "participatesIn", "e1")]
