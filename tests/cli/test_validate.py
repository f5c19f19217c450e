"""``kg validate`` checks a graph against our SHACL shapes and says so in its exit status."""

from __future__ import annotations

from pathlib import Path

BROKEN = """@prefix mkg: <https://w3id.org/mobility-kg/def#> .
<https://w3id.org/mobility-kg/id/org/x> a mkg:Organization .
"""


def test_a_built_graph_conforms(run_kg, tmp_path: Path) -> None:
    graph = tmp_path / "g.trig"
    assert run_kg("build", "data/eval/dev/c002.txt", "-o", graph).returncode == 0
    result = run_kg("validate", "--graph", graph)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == f"{graph}: conforms to the mobility-kg shapes"


def test_violations_are_listed_and_exit_1(run_kg, tmp_path: Path) -> None:
    graph = tmp_path / "bad.ttl"
    graph.write_text(BROKEN, encoding="utf-8")
    result = run_kg("validate", "--graph", graph)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "2 violation(s)"
    assert any("an entity has exactly one non-empty rdfs:label" in line for line in lines)
