"""Score extractions against gold annotations (``FORMAT.md``): precision, recall and F1 per group.

A system entity matches a gold entity when one of its labels equals the gold name or an alias after case
folding, removing quotes and folding white space. Entities are matched one to one (a gold entity split over
two nodes gives one hit and one false positive). A gold relation is found when the system relates the matched
entities with the same predicate (``coordinates`` also counts as ``participatesIn``; ``partnerOf`` in either
direction).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.errors import EvaluationError
from kg.records import ACTOR_TYPES, ENTITY_TYPES, PREDICATES, PROJECT_TYPES, Extraction

GROUPS: dict[str, frozenset[str]] = {
    "actors": ACTOR_TYPES,
    "projects": PROJECT_TYPES,
    "entities": frozenset(ENTITY_TYPES),
}
_QUOTES = re.compile(r"[\"'„“”‚‘’«»‹›]")
Triple = tuple[str, str, str]


def normalise_label(label: str) -> str:
    """Case-folded, unquoted, white-space-folded form used for matching."""
    return " ".join(_QUOTES.sub("", label).casefold().split())


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: str
    labels: frozenset[str]  # normalised for matching
    surface: tuple[str, ...] = ()  # name and aliases as written, for finding them in the text


@dataclass(frozen=True)
class Gold:
    doc: str
    text_path: Path
    entities: tuple[GoldEntity, ...]
    relations: frozenset[Triple]
    municipality: str | None = None


@dataclass
class Counts:
    """Hits counted on each side (they differ for relations) and the sizes of both sides."""

    system_hits: int = 0
    system: int = 0
    gold_hits: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.system_hits += other.system_hits
        self.system += other.system
        self.gold_hits += other.gold_hits
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.system_hits / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "system": self.system,
            "gold": self.gold,
        }


@dataclass
class DocumentScore:
    doc: str
    groups: dict[str, Counts]
    splits: int = 0
    errors: dict[str, list[str]] = field(default_factory=dict)
    predicates: dict[str, Counts] = field(default_factory=dict)  # typed relations, one entry per gold predicate


def load_gold(path: Path) -> Gold:
    """Read one ``*.gold.json`` file. Raises ``EvaluationError`` when it is malformed or its text is missing."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entities = tuple(
            GoldEntity(
                e["id"],
                e["type"],
                frozenset(normalise_label(x) for x in [e["name"], *e.get("aliases", [])]),
                (e["name"], *e.get("aliases", [])),
            )
            for e in data["entities"]
        )
        relations = frozenset((r["s"], r["p"], r["o"]) for r in data["relations"])
        text_path = (path.parent / data["text"]).resolve()
    except FileNotFoundError as e:
        raise EvaluationError(f"{path}: no such gold file") from e
    except (ValueError, KeyError, TypeError) as e:
        raise EvaluationError(f"{path}: not a gold file ({e.__class__.__name__}: {e})") from e
    if not text_path.is_file():
        raise EvaluationError(f"{path}: its text {data['text']} does not exist")
    municipality = data.get("municipality")
    return Gold(data.get("doc", path.stem), text_path, entities, relations, str(municipality) if municipality else None)


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to the ``*.gold.json`` files below them."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.gold.json")))
        elif path.exists():
            found.append(path)
        else:
            raise EvaluationError(f"{path}: no such file or folder")
    if not found:
        raise EvaluationError("no *.gold.json files given")
    return found


def match_entities(extraction: Extraction, gold: Gold) -> dict[str, set[str]]:
    """System entity key -> ids of the gold entities one of its labels names."""
    by_label: dict[str, set[str]] = {}
    for g in gold.entities:
        for label in g.labels:
            by_label.setdefault(label, set()).add(g.id)
    return {
        e.key: {gid for label in e.labels for gid in by_label.get(normalise_label(label), ())}
        for e in extraction.entities
    }


def _score_entities(extraction: Extraction, gold: Gold, matches: dict[str, set[str]], types: frozenset[str]) -> Counts:
    system = [e.key for e in extraction.entities if e.type in types]
    gold_ids = {g.id for g in gold.entities if g.type in types}
    graph = nx.Graph()
    graph.add_nodes_from(("s", k) for k in system)
    graph.add_nodes_from(("g", g) for g in gold_ids)
    graph.add_edges_from((("s", k), ("g", g)) for k in system for g in matches[k] & gold_ids)
    top = {("s", k) for k in system}
    hits = len(nx.bipartite.maximum_matching(graph, top_nodes=top)) // 2 if graph.number_of_edges() else 0
    return Counts(hits, len(system), hits, len(gold_ids))


def _relation_found(s: set[str], p: str, o: set[str], gold: frozenset[Triple]) -> set[Triple]:
    accepted = {p, "participatesIn"} if p == "coordinates" else {p}
    found = {(gs, gp, go) for gs, gp, go in gold if gp in accepted and gs in s and go in o}
    if p == "partnerOf":
        found |= {(gs, gp, go) for gs, gp, go in gold if gp == p and gs in o and go in s}
    return found


def _score_relations(
    extraction: Extraction, gold: Gold, matches: dict[str, set[str]]
) -> tuple[Counts, dict[str, Counts], list[str]]:
    """All typed relations, the same per predicate (a system relation counts under its own predicate, a gold
    relation under the gold's), and the errors."""
    system = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    found: set[Triple] = set()
    hits = 0
    wrong: list[str] = []
    per: dict[str, Counts] = {p: Counts() for p in PREDICATES}
    for s, p, o in sorted(system):
        hit = _relation_found(matches.get(s, set()), p, matches.get(o, set()), gold.relations)
        found |= hit
        per.setdefault(p, Counts()).system += 1
        if hit:
            hits += 1
            per[p].system_hits += 1
        else:
            wrong.append(f"FP {s} {p} {o}")
    for _, gp, _ in gold.relations:
        per.setdefault(gp, Counts()).gold += 1
    for _, gp, _ in found:
        per[gp].gold_hits += 1
    missed = [f"FN {s} {p} {o}" for s, p, o in sorted(gold.relations - found)]
    return Counts(hits, len(system), len(found), len(gold.relations)), per, wrong + missed


def score(extraction: Extraction, gold: Gold) -> DocumentScore:
    """Score one extraction against its gold annotation."""
    matches = match_entities(extraction, gold)
    groups = {name: _score_entities(extraction, gold, matches, types) for name, types in GROUPS.items()}
    groups["relations"], predicates, relation_errors = _score_relations(extraction, gold, matches)
    matched_gold = [g for k in matches for g in matches[k]]
    splits = sum(1 for g in set(matched_gold) if matched_gold.count(g) > 1)
    hit_gold = set(matched_gold)
    errors = {
        "entities": [f"FP {e.type} {e.name!r} ({e.key})" for e in extraction.entities if not matches[e.key]]
        + [f"FN {g.type} {sorted(g.labels)[0]!r} ({g.id})" for g in gold.entities if g.id not in hit_gold],
        "relations": relation_errors,
    }
    return DocumentScore(gold.doc, groups, splits, errors, predicates)


def micro(scores: Iterable[DocumentScore]) -> DocumentScore:
    total = DocumentScore("micro", {name: Counts() for name in [*GROUPS, "relations"]})
    total.predicates = {p: Counts() for p in PREDICATES}
    for s in scores:
        for name, counts in s.groups.items():
            total.groups[name].add(counts)
        for p, counts in s.predicates.items():
            total.predicates.setdefault(p, Counts()).add(counts)
        total.splits += s.splits
    return total


def evaluate(paths: Iterable[Path], extract_fn: Callable[[Path], Extraction] | None = None) -> list[DocumentScore]:
    """Build each gold file's document and score it; the last item is the micro average."""
    if extract_fn is None:
        from kg.extract import extract
        from kg.ingest import read_document

        def extract_fn(path: Path) -> Extraction:
            return extract(read_document(path))

    scores = []
    for path in gold_files(paths):
        gold = load_gold(path)
        scores.append(score(extract_fn(gold.text_path), gold))
    return [*scores, micro(scores)]


def scores_as_json(scores: list[DocumentScore], with_errors: bool = False) -> str:
    return json.dumps(
        [
            {"doc": s.doc, **{k: c.as_dict() for k, c in s.groups.items()}, "splits": s.splits}
            | ({"errors": s.errors} if with_errors and s.errors else {})
            for s in scores
        ],
        ensure_ascii=False,
        indent=2,
    )
