"""Speed and memory of the main job: documents per second and peak memory of ``kg.build``.

Run by hand (not part of the test suite):

    .venv/bin/python benchmarks/bench_build.py [--repeat 3]

It builds the reference document alone, then every text the project ships (reference, 22 dev documents, 16
unlabeled excerpts), and reports wall time, words per second and peak resident memory of this process; then the
extraction alone over the same texts, with the rules only and with the learned components (the default).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from kg.build import build, source_files
from kg.extract import extract
from kg.ingest import read_document
from kg.nlp.pipeline import DEFAULT_LEARNED, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "VI-DS-01293.page.txt"
CORPUS = [REFERENCE, ROOT / "data" / "eval" / "dev", ROOT / "tests" / "data" / "corpus" / "unlabeled"]


def words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in paths)


def timed(inputs: list[Path], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            build(inputs, Path(out) / "graph.trig")
            best = min(best, time.perf_counter() - start)
    return best


def extraction_time(files: list[Path], learned: str | None, repeat: int) -> float:
    """Best time to read and extract ``files`` (no graph, no output): what the learned components cost."""
    documents = [read_document(f) for f in files]
    load_pipeline(None, learned)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for document in documents:
            extract(document, learned=learned)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    load_pipeline()
    print(f"pipeline load: {time.perf_counter() - start:.2f} s")
    for label, inputs in (("reference document", [REFERENCE]), ("all shipped texts", CORPUS)):
        files = source_files(inputs)
        seconds = timed(inputs, args.repeat)
        n = words(files)
        print(
            f"{label}: {len(files)} docs, {n} words, {seconds:.2f} s (best of {args.repeat}), "
            f"{len(files) / seconds:.1f} docs/s, {n / seconds:,.0f} words/s"
        )
    files = source_files(CORPUS)
    n = words(files)
    for label, learned in (("rules only", None), ("rules + learned (default)", DEFAULT_LEARNED)):
        seconds = extraction_time(files, learned, args.repeat)
        print(f"extraction alone, {label}: {seconds:.2f} s, {n / seconds:,.0f} words/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
