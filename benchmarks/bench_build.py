"""Speed and memory of the main job: documents per second and peak memory of ``kg.build``.

Run by hand (not part of the test suite):

    .venv/bin/python benchmarks/bench_build.py [--repeat 3]

It builds the reference document alone, then every text the project ships (reference, 22 dev documents, 16
unlabeled excerpts), and reports wall time, words per second and peak resident memory of this process.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from kg.build import build, source_files
from kg.nlp.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "VI-DS-01293.page.txt"
CORPUS = [REFERENCE, ROOT / "tests" / "data" / "eval" / "dev", ROOT / "tests" / "data" / "corpus" / "unlabeled"]


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
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
