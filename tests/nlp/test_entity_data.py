"""Every entity data file loads and is well-formed: the gazetteer and the pattern tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.datafiles import read_records
from kg.errors import DataFileError
from kg.nlp.gazetteer import GazetteerIndex, load_gazetteer
from kg.nlp.lexicon import cues, heads, lexicon
from kg.paths import GAZETTEER_DIR
from kg.records import ENTITY_TYPES

VERIFIED_QIDS = {  # /work/shared/design/ontology-notes.md, section 3: the only QIDs we may state
    "Q26678",
    "Q40993",
    "Q2328555",
    "Q1452041",
    "Q161057",
    "Q1622216",
    "Q154804",
    "Q159630",
    "Q1622222",
    "Q884503",
    "Q2351279",
    "Q2400658",
    "Q478214",
    "Q1258776",
    "Q1275368",
    "Q2079",
    "Q1202",
    "Q980",
    "Q1742463",
    "Q488589",
    "Q158158",
    "Q1205",
    "Q2795",
    "Q3778",
}


def test_gazetteer_loads_with_unique_ids_and_known_types() -> None:
    entries = load_gazetteer(GAZETTEER_DIR)
    assert len(entries) > 300
    assert {e.type for e in entries.values()} <= set(ENTITY_TYPES)
    assert {"lvb", "nextbike", "efre", "leipzig"} <= set(entries)


def test_gazetteer_states_only_verified_wikidata_ids() -> None:
    stated = {e.wikidata for e in load_gazetteer(GAZETTEER_DIR).values() if e.wikidata}
    assert stated <= VERIFIED_QIDS


def test_no_label_names_two_entries() -> None:
    seen: dict[str, str] = {}
    for entry in load_gazetteer(GAZETTEER_DIR).values():
        for label in entry.labels:
            assert seen.setdefault(label.casefold(), entry.id) == entry.id, (
                f"{label!r} names {seen[label.casefold()]} too"
            )


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([{"id": "x", "type": "Company", "name": "X"}], "unknown type"),
        ([{"id": "x", "type": "Organization", "name": "X", "wikidata": "12"}], "malformed Wikidata"),
        ([{"id": "x", "type": "Organization", "name": "X"}, {"id": "x", "type": "Place", "name": "Y"}], "duplicate"),
        ([{"id": "x", "type": "Organization", "name": "X", "parent": "nowhere"}], "unknown parent"),
        ([{"type": "Organization", "name": "X"}], "without"),
        ([{"id": "x", "type": "Organization", "name": "X", "makes": "cakes"}], "makes unknown goods"),
    ],
)
def test_malformed_gazetteer_is_a_data_file_error(tmp_path: Path, records: list[dict[str, str]], message: str) -> None:
    (tmp_path / "bad.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_gazetteer(tmp_path)


def test_a_line_that_is_not_json_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"list": "x", "items": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.jsonl:2"):
        read_records(path)


def test_pattern_tables_load() -> None:
    lists = lexicon()
    for name in (
        "legal_forms",
        "function_words",
        "acronym_stoplist",
        "person_titles",
        "first_names",
        "field_labels",
        "place_cues",
        "place_prepositions",
        "place_bodies",
        "measure_nouns",
        "measure_links",
        "decision_verbs",
        "list_intro_nouns",
        "area_nouns",
        "institution_heads",
    ):
        assert lists[name], name
    assert {h.grammar for h in heads()} == {"topic", "name", "genitive", "standalone", "adjective"}
    assert {c.type for c in cues()} <= set(ENTITY_TYPES)


def test_index_matches_inflected_multiword_names_and_exact_acronyms() -> None:
    import spacy

    index = GazetteerIndex(load_gazetteer(GAZETTEER_DIR))
    doc = spacy.blank("de")("mit den Stadtwerken Leipzig und der neu gegründeten NEU sowie der LVB")
    assert [(doc[s:e].text, gid) for s, e, gid in index.find(doc)] == [
        ("Stadtwerken Leipzig", "stadtwerke-leipzig"),
        ("LVB", "lvb"),
    ]
