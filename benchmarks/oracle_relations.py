"""Relation extraction alone, on oracle entities: every gold name and alias is marked as an entity.

Measures ``relation_extractor`` independently of the recognisers: reads each gold file, marks every occurrence
of each gold entity's labels in the text as ``doc.ents`` (``kb_id_`` = gold id, ``label_`` = gold type), fills
``doc._.entities``, reads sentences and sections as the ingest does, runs only the relation component and scores typed
relations with ``kg.evaluation`` (FORMAT.md).

    .venv/bin/python benchmarks/oracle_relations.py [-v] [gold.json ...]
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.document import Section
from kg.evaluation import Counts, load_gold, micro, score
from kg.ingest import read_document, read_text
from kg.learn.align import oracle_doc
from kg.nlp.pipeline import load_pipeline
from kg.records import Entity, Extraction

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "data" / "eval"


@lru_cache(maxsize=1)
def _nlp() -> Language:
    """A blank German pipeline whose sentences come from the ingest splitter, as in the real pipeline."""
    nlp = spacy.blank("de")
    nlp.add_pipe("document_sentences")
    return nlp


def annotate(
    text: str, labels: dict[str, tuple[str, str]], doc_id: str = "t", sections: tuple[Section, ...] | None = None
) -> Doc:
    """``text`` read as the real ingest reads it (sentences, sections), with every occurrence of the ``labels``
    (label -> key, type) as an entity. ``sections`` replaces the sections the ingest finds.

    Longer labels win over the labels inside them; ``doc._.entities`` holds the entities that occur.
    """
    document = read_text(text, doc_id=doc_id, title=doc_id, source=doc_id)
    if sections is not None:
        document = replace(document, sections=sections)
    text = document.text
    hits: list[tuple[int, int, str, str]] = []
    for label, (key, etype) in labels.items():
        pattern = re.compile(rf"(?<!\w){re.escape(label)}(?!\w)", re.IGNORECASE)
        hits += [(m.start(), m.end(), key, etype) for m in pattern.finditer(text)]
    doc = _nlp().make_doc(text)
    doc._.document = document
    doc = _nlp()(doc)
    spans: list[Span] = []
    taken: set[int] = set()
    for start, end, key, etype in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
        span = doc.char_span(start, end, label=etype, kb_id=key, alignment_mode="expand")
        if span is None or taken & set(range(span.start, span.end)):
            continue
        taken |= set(range(span.start, span.end))
        spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    found = {span.kb_id_ for span in spans}
    names: dict[str, list[str]] = {}
    for label, (key, _) in labels.items():
        names.setdefault(key, []).append(label)
    types = {key: etype for key, etype in labels.values()}
    doc._.entities = {
        key: Entity(key, types[key], names[key][0], tuple(names[key][1:]))  # type: ignore[arg-type]
        for key in sorted(found)
    }
    return doc


def oracle_extraction(gold_path: Path) -> Extraction:
    """The relations ``relation_extractor`` finds on the oracle entities of ``gold_path`` (``kg.learn.align``,
    the same alignment training uses), as an Extraction."""
    gold = load_gold(gold_path)
    doc = oracle_doc(read_document(gold.text_path), gold, load_pipeline(None, None))
    entities = tuple((doc._.entities or {}).values())
    return Extraction(doc._.document, entities, tuple(doc._.relations or ()))


def run(paths: list[Path], verbose: bool = False) -> Counts:
    """Score each gold file's oracle extraction; print one line per document; the micro-averaged counts."""
    scores = []
    for path in paths:
        extraction = oracle_extraction(path)
        result = score(extraction, load_gold(path))
        scores.append(result)
        c = result.groups["relations"]
        print(f"{path.name:28} P {c.precision:.2f} R {c.recall:.2f} F1 {c.f1:.2f}  (system {c.system} gold {c.gold})")
        if verbose:
            cues = {f"FP {r.subject} {r.predicate} {r.object}": r.cue for r in extraction.relations}
            for line in result.errors["relations"]:
                print("  ", line, f"[{cues[line]}]" if line in cues else "")
    return micro(scores).groups["relations"]


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"]
    groups = (
        {"given": paths}
        if paths
        else {
            "reference": [EVAL_DIR / "VI-DS-01293.gold.json"],
            "dev": sorted((EVAL_DIR / "dev").glob("*.gold.json")),
        }
    )
    for name, group in groups.items():
        began = time.perf_counter()
        total = run(group, verbose)
        print(
            f"== {name}: P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f} "
            f"({time.perf_counter() - began:.2f}s)\n"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
