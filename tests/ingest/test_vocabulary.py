"""Every ingest data file loads and is well-formed; a broken record names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.datafiles import read_records
from kg.errors import DataFileError
from kg.ingest import vocabulary


def test_data_files_load() -> None:
    assert {"z.B.", "Nr.", "usw."} <= vocabulary.abbreviations()
    assert "Die" in vocabulary.sentence_openers()
    kinds = dict(vocabulary.paper_kinds())
    assert kinds["Beschlußvorlage"] == "Beschlussvorlage"
    assert {r["field"] for r in vocabulary.fields()} >= {"subject", "submitter", "status", "consultations"}
    assert {h["role"] for h in vocabulary.headings()} == {"proposal", "resolution", "vote", "section", "stop"}
    terms = vocabulary.consultation_terms()
    assert {"1. Lesung", "Beschlussfassung"} <= set(terms["role"])
    assert vocabulary.vote_terms()["count"]["Gegenstimmen"] == "against"


def test_no_duplicate_terms() -> None:
    roles = vocabulary.consultation_terms()["role"]
    assert len(roles) == len(set(roles))
    forms = [form for form, _ in vocabulary.paper_kinds()]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize(
    ("content", "message"), [("{not json\n", "x.jsonl:1: not valid JSON"), ('{"a": 1}\n', "needs the keys")]
)
def test_malformed_record(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        read_records(path, ("kind",))
