"""``kg viz`` and ``kg export``: exit codes, what they print and write, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.namespace import DCAT, DCTERMS, FOAF
from typer.testing import CliRunner

from kg.cli import app
from kg.outputs.graphio import load_graph

SAMPLE = Path(__file__).resolve().parents[1] / "outputs" / "data" / "two-papers.trig"


def test_viz_writes_the_page_and_prints_its_path(tmp_path: Path) -> None:
    out = tmp_path / "site" / "graph.html"
    result = CliRunner().invoke(app, ["viz", "--graph", str(SAMPLE), "-o", str(out), "--title", "Leipzig"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out)
    html = out.read_text(encoding="utf-8")
    assert "<title>Leipzig</title>" in html and "new vis.Network(" in html


def test_export_writes_formats_and_catalogue_with_overrides(tmp_path: Path) -> None:
    args = [
        "export",
        "--graph",
        str(SAMPLE),
        "-o",
        str(tmp_path),
        "--formats",
        "ttl,nq",
        "--base",
        "https://data.example.org/kg",
        "--publisher",
        "Stadt Dresden",
        "--license",
        "dl-by-de/2.0",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    names = ["graph.ttl", "graph.nq", "catalog.ttl"]
    assert result.output.split() == [str(tmp_path / name) for name in names]
    catalog = load_graph(tmp_path / "catalog.ttl").default_graph
    assert {str(o) for o in catalog.objects(None, DCTERMS.license)} == {"http://dcat-ap.de/def/licenses/dl-by-de/2.0"}
    assert {str(o) for o in catalog.objects(None, FOAF.name)} >= {"Stadt Dresden"}
    assert {str(o) for o in catalog.objects(None, DCAT.accessURL)} == {
        "https://data.example.org/kg/graph.ttl",
        "https://data.example.org/kg/graph.nq",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["viz", "--graph", "{tmp}/missing.ttl", "-o", "{tmp}/g.html"], "no such graph file"),
        (["viz", "--graph", "{tmp}/broken.ttl", "-o", "{tmp}/g.html"], "broken.ttl:2:"),
        (["export", "--graph", "{tmp}/broken.ttl", "-o", "{tmp}/out"], "broken.ttl:2:"),
        (["export", "--graph", "{sample}", "-o", "{tmp}/out", "--formats", "ttl,xml"], "unknown export format"),
        (["export", "--graph", "{sample}", "-o", "{tmp}/out", "--base", "data/kg"], "not an absolute"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(run_kg, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "broken.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .\n", encoding="utf-8")
    result = run_kg(*[a.replace("{tmp}", str(tmp_path)).replace("{sample}", str(SAMPLE)) for a in args])
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: ")
    assert message in lines[0]
    assert not (tmp_path / "g.html").exists() and not (tmp_path / "out").exists()
