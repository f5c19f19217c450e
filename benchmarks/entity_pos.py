"""Does HanTa's proper-noun test pay? Entity scores and time with and without it (run by hand).

    .venv/bin/python benchmarks/entity_pos.py [gold folders or files ...]

Runs the evaluator on the dev set and the reference document twice, in fresh processes: ``KG_POS=off``
(place cues only) and with HanTa (``kg.nlp.proper_nouns``), and prints P / R / F1 of all entities and of
relations, the extraction time and how many words HanTa tagged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "data/eval/dev", ROOT / "data/eval/VI-DS-01293.gold.json"]

_CHILD = """
import json, sys, time
from pathlib import Path
from kg.evaluation import evaluate
from kg.nlp import proper_nouns
from kg.nlp.pipeline import load_pipeline
load_pipeline()
start = time.perf_counter()
*_docs, micro = evaluate([Path(p) for p in sys.argv[1:]])
seconds = time.perf_counter() - start
row = {"hanta": proper_nouns.available(), "seconds": round(seconds, 2),
       "tagged": proper_nouns.is_proper_noun.cache_info().currsize}
for group in ("entities", "relations"):
    c = micro.groups[group]
    row[group] = [round(c.precision, 3), round(c.recall, 3), round(c.f1, 3)]
print(json.dumps(row))
"""


def run(paths: list[str], pos: str) -> dict[str, object]:
    env = {**os.environ, "KG_POS": pos}
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _CHILD, *paths], env=env, capture_output=True, text=True, check=True)
    row: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    row["process_seconds"] = round(time.perf_counter() - started, 2)
    return row


def main() -> None:
    paths = sys.argv[1:] or [str(p) for p in DEFAULT]
    for pos in ("off", "on"):
        print(pos, json.dumps(run(paths, pos)))


if __name__ == "__main__":
    main()
