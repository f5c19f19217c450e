"""The accuracy report of issue 9, all cross-validated (5 folds grouped by municipality), as Markdown.

- the table over train, and over dev + train;
- an ablation over dev + train: rules only, learned only, both;
- a learning curve over dev + train: each fold trained on 10, 20, 40 and all its training documents;
- per-predicate figures and the ten most frequent error kinds, with an example each, of the default (both).

    .venv/bin/python benchmarks/crossval_report.py [--json out.json]    # about 10 minutes on 2 cores
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from kg.evaluation import Counts, Gold, match_entities
from kg.learn.crossval import CrossValidation, cross_validate
from kg.learn.modes import settings_for_mode
from kg.learn.train import Prepared, prepare
from kg.records import ACTOR_TYPES, PROJECT_TYPES, Extraction

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "data" / "eval"
GROUPS = ("actors", "projects", "entities", "relations")
FOLDS = 5


def cell(c: Counts | dict) -> str:
    d = c.as_dict() if isinstance(c, Counts) else c
    return f"{d['precision']:.2f} / {d['recall']:.2f} / **{d['f1']:.2f}**"


def row(name: str, cv: CrossValidation) -> str:
    total = cv.scores[-1]
    groups = " | ".join(cell(total.groups[g]) for g in GROUPS)
    split_rate = total.splits / max(total.groups["entities"].gold, 1)
    return f"| {name} | {groups} | {cell(cv.on_gold)} | {total.splits} ({split_rate:.1%}) |"


HEADER = (
    "| | actors | projects + programmes | all entities | typed relations | relations on gold entities | splits |\n"
    "|---|---|---|---|---|---|---|"
)


def _group(etype: str) -> str:
    return "actor" if etype in ACTOR_TYPES else "project" if etype in PROJECT_TYPES else "other entity"


def error_kinds(extraction: Extraction, gold: Gold) -> list[tuple[str, str]]:
    """Each error of one document as (kind, example)."""
    matches = match_entities(extraction, gold)
    hit = {g for ids in matches.values() for g in ids}
    labels = {e.key: [lab.casefold() for lab in e.labels] for e in extraction.entities}
    system_types = {g: e.type for e in extraction.entities for g in matches[e.key]}
    out: list[tuple[str, str]] = []
    for g in gold.entities:
        name = sorted(g.labels)[0]
        if g.id in hit and _group(system_types[g.id]) != _group(g.type):
            out.append((f"{_group(g.type)} found with a wrong type ({system_types[g.id]})", name))
        elif g.id not in hit:
            near = any(name in lab or lab in name for labs in labels.values() for lab in labs if len(lab) > 3)
            kind = "boundary differs" if near else "not found at all"
            out.append((f"{_group(g.type)} missed: {kind}", name))
    for e in extraction.entities:
        if not matches[e.key]:
            out.append((f"spurious {_group(e.type)}", e.name))
    found_rel = {(s, p, o) for s, p, o in gold.relations}
    system = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    for s, p, o in sorted(found_rel):
        if any(p == sp and s in matches.get(ss, ()) and o in matches.get(so, ()) for ss, sp, so in system):
            continue
        both = s in hit and o in hit
        kind = "both entities found" if both else "an entity missed"
        out.append((f"{p} missed: {kind}", f"{s} {p} {o}"))
    for ss, sp, so in sorted(system):
        subjects, objects = matches.get(ss, set()), matches.get(so, set())
        if not subjects or not objects:
            if not any(sp == p and s in subjects and o in objects for s, p, o in gold.relations):
                out.append((f"spurious {sp}: an entity not in the gold", f"{ss} {sp} {so}"))
            continue
        accepted = {sp, "participatesIn"} if sp == "coordinates" else {sp}
        related = [p for s, p, o in gold.relations if s in subjects and o in objects]
        if sp == "partnerOf":
            related += [p for s, p, o in gold.relations if s in objects and o in subjects]
        if set(related) & accepted:
            continue
        kind = f"wrong predicate (gold: {related[0]})" if related else "no relation stated"
        out.append((f"spurious {sp}: {kind}", f"{ss} {sp} {so}"))
    return out


def top_errors(cv: CrossValidation, prepared: list[Prepared], n: int = 10) -> str:
    golds = {p.gold.doc: p.gold for p in prepared}
    kinds: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for extraction, doc_score in zip(cv.extractions, cv.scores[:-1], strict=True):
        for kind, example in error_kinds(extraction, golds[doc_score.doc]):
            kinds[kind] += 1
            examples.setdefault(kind, f"{doc_score.doc}: {example}")
    lines = ["| error kind | count | example |", "|---|---|---|"]
    lines += [f"| {kind} | {count} | {examples[kind]} |" for kind, count in kinds.most_common(n)]
    return "\n".join(lines)


def predicates(cv: CrossValidation) -> str:
    lines = ["| predicate | P / R / F1 | system | gold |", "|---|---|---|---|"]
    for p, c in sorted(cv.scores[-1].predicates.items(), key=lambda kv: -kv[1].gold):
        lines.append(f"| {p} | {cell(c)} | {c.system} | {c.gold} |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    began = time.perf_counter()
    results: dict[str, dict] = {}
    train = prepare([EVAL / "train"], ("rules", "shallow"))
    everything = prepare([EVAL / "dev", EVAL / "train"], ("rules", "shallow"))

    def run(name: str, items: list[Prepared], mode: str, train_size: int | None = None) -> CrossValidation:
        cv = cross_validate(items, FOLDS, settings_for_mode(mode), train_size=train_size)
        results[name] = cv.as_dict()
        print(f"... {name}: {time.perf_counter() - began:.0f}s", file=sys.stderr)
        return cv

    print("## Cross-validated, 5 folds grouped by municipality (P / R / F1)\n")
    print(HEADER)
    print(row("train (100 documents), rules + learned", run("train", train, "both")))
    both = run("dev+train", everything, "both")
    print(row("dev + train (122 documents), rules + learned", both))
    print("\n## Ablation over dev + train\n")
    print(HEADER)
    print(row("rules only", run("rules", everything, "rules")))
    print(row("learned only", run("learned", everything, "learned")))
    print(row("both (default)", both))
    print("\n## Learning curve over dev + train (training documents per fold)\n")
    print(HEADER)
    for size in (10, 20, 40):
        print(row(f"{size} documents", run(f"curve-{size}", everything, "both", size)))
    print(row("all (about 98)", both))
    print("\n## Per predicate (dev + train, both)\n")
    print(predicates(both))
    print("\n## The ten most frequent error kinds (dev + train, both)\n")
    print(top_errors(both, everything))
    print(f"\n({time.perf_counter() - began:.0f} s)")
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
