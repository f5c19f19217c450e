"""Every bad input ends in one line on stderr and exit status 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "no/such/file.txt", "-o", "{tmp}/g.ttl"], "no such file or folder"),
        (["build", "{tmp}/empty.txt", "-o", "{tmp}/g.ttl"], "empty"),
        (["build", "{tmp}/scan.pdf", "-o", "{tmp}/g.ttl"], "scan.pdf"),
        (["evaluate", "no/such/gold.json"], "no such file or folder"),
        (["evaluate", "{tmp}/bad.gold.json"], "not a gold file"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(run_kg, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (tmp_path / "bad.gold.json").write_text("{", encoding="utf-8")
    result = run_kg(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [(["frobnicate"], "No such command"), (["build", "data/VI-DS-01293.page.txt"], "give -o GRAPH.ttl")],
)
def test_usage_errors_exit_2_with_one_line(run_kg, args: list[str], message: str) -> None:
    result = run_kg(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("kg: error: ") and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_trained_pipeline_that_is_not_installed_is_one_line(run_kg, tmp_path: Path) -> None:
    result = run_kg("build", "data/VI-DS-01293.page.txt", "-o", tmp_path / "g.ttl", "--spacy-model", "de_no_such_model")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "kg: error: [E010] spaCy model 'de_no_such_model' is not installed (pip install it, or leave out --spacy-model)"
    )
    assert not (tmp_path / "g.ttl").exists()
