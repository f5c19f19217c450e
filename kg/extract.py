"""The seam: Document -> spaCy -> Extraction. Below this module nothing knows spaCy."""

from __future__ import annotations

from kg.document import Document
from kg.nlp.pipeline import DEFAULT_LEARNED, analyse, load_pipeline
from kg.records import Extraction


def extract(document: Document, model: str | None = None, learned: str | None = DEFAULT_LEARNED) -> Extraction:
    """Read actors, projects, relations and key figures from ``document``.

    ``model`` adds an installed trained spaCy pipeline; ``learned`` is a folder of models from ``kg train``
    (default: the shipped ones; ``None``: rules only).

    >>> from kg.ingest import read_text
    >>> text = "Die Verkehrsbetriebe Musterstadt (VBM) beteiligen sich am Projekt „eBus Skorpion“."
    >>> ex = extract(read_text(text, doc_id="t1"))
    >>> sorted((e.type, e.name) for e in ex.entities)
    [('Organization', 'Verkehrsbetriebe Musterstadt'), ('Project', 'eBus Skorpion')]
    >>> [(r.subject, r.predicate, r.object) for r in ex.relations]
    [('verkehrsbetriebe-musterstadt', 'participatesIn', 'ebus-skorpion')]
    """
    nlp = load_pipeline(model, learned)
    doc = analyse(document, nlp)
    entities = tuple(sorted((doc._.entities or {}).values(), key=lambda e: e.key))
    warnings: list[str] = []
    if not document.structure.reference and document.media_type != "text/x-oparl":
        warnings.append(f"{document.id}: no council-document header recognised; built from the text alone")
    return Extraction(
        document=document,
        entities=entities,
        relations=tuple(doc._.relations or ()),
        figures=tuple(doc._.figures or ()),
        warnings=tuple(warnings),
        model=model or "blank:de",
    )
