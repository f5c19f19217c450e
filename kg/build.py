"""The main job: source files -> documents -> extractions -> one RDF dataset (file and/or store).

This is the function the CLI, notebooks and tests call; it knows the order of the stages, not their insides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.records import ACTOR_TYPES, PROJECT_TYPES, Extraction

if TYPE_CHECKING:
    from rdflib import Dataset

SOURCE_SUFFIXES = frozenset({".txt", ".text", ".pdf", ".json"})


@dataclass
class BuildReport:
    """What a build read and wrote."""

    documents: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    entity_types: Counter[str] = field(default_factory=Counter)
    relations: int = 0
    figures: int = 0
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def actors(self) -> int:
        return sum(n for t, n in self.entity_types.items() if t in ACTOR_TYPES)

    @property
    def projects(self) -> int:
        return sum(n for t, n in self.entity_types.items() if t in PROJECT_TYPES)

    def add(self, extraction: Extraction) -> None:
        self.documents.append(extraction.document.id)
        self.entity_types.update(e.type for e in extraction.entities)
        self.relations += len(extraction.relations)
        self.figures += len(extraction.figures)
        self.warnings.extend(extraction.warnings)


def source_files(inputs: Iterable[Path]) -> list[Path]:
    """Files as given, and the readable files below folders (gold annotations left out).

    Raises ``InputError`` for a path that does not exist or a folder with nothing to read.
    """
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not p.name.endswith(".gold.json")
            )
            if not found:
                raise InputError(f"{path}: no .txt, .pdf or OParl .json files in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def extractions(files: Iterable[Path], model: str | None = None) -> Iterator[Extraction]:
    from kg.extract import extract
    from kg.ingest import read_document

    for path in files:
        yield extract(read_document(path), model=model)


def build(
    inputs: Iterable[Path],
    output: Path | None = None,
    *,
    store: Path | None = None,
    html: Path | None = None,
    base: str | None = None,
    model: str | None = None,
) -> BuildReport:
    """Build the knowledge graph of ``inputs`` into ``output`` (format by suffix) and/or the store at ``store``.

    With a store the build is incremental: a document whose text hash is unchanged is skipped, a changed one
    replaces exactly its own named graph. Raises ``KgError`` subclasses for bad inputs.
    """
    from kg.graph import build_dataset, document_graph
    from kg.graph.iris import DEFAULT_BASE
    from kg.ingest import read_document

    base = base or DEFAULT_BASE
    files = source_files(inputs)
    report = BuildReport()
    if store is not None:
        from kg.extract import extract
        from kg.outputs.store import open_store

        db = open_store(store)
        for path in files:
            document = read_document(path)
            if db.document_hash(document.id) == document.sha256:
                report.skipped.append(document.id)
                continue
            extraction = extract(document, model=model)
            db.replace_document(document.id, document.sha256, document_graph(extraction, base), base)
            report.add(extraction)
        dataset = db.to_dataset() if output is not None or html is not None else None
    else:
        done = list(extractions(files, model))
        for extraction in done:
            report.add(extraction)
        dataset = build_dataset(done, base)
    if dataset is not None:
        _write_outputs(dataset, output, html, report)
    return report


def _write_outputs(dataset: Dataset, output: Path | None, html: Path | None, report: BuildReport) -> None:
    if output is not None:
        from kg.outputs.graphio import write_graph

        write_graph(dataset, output)
        report.written.append(output)
    if html is not None:
        from kg.outputs.viz import render_html

        render_html(dataset, html)
        report.written.append(html)
