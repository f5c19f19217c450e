"""Bodies of the consultation sequence and the submitter, from ``doc._.document.structure``, as Organizations.

The ingest step reads them from the council document's header (``kg.document.PaperStructure``); each body is
a candidate at its recorded offsets, or wherever its name occurs in the text when no offsets are known.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.document import Document, TextSpan
from kg.nlp import candidates


def _bodies(document: Document) -> list[tuple[str, TextSpan | None]]:
    structure = document.structure
    bodies: list[tuple[str, TextSpan | None]] = [(c.body, c.span) for c in structure.consultations if c.body]
    for name in (structure.submitter, structure.resolution_body):
        if name:
            bodies.append((name, None))
    return bodies


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    found, start = [], text.find(name)
    while start >= 0:
        found.append((start, start + len(name)))
        start = text.find(name, start + len(name))
    return found


@Language.component("structure_entities", assigns=["doc.spans"])
def structure_entities(doc: Doc) -> Doc:
    document = doc._.document
    if document is None:
        return doc
    text = doc.text  # Doc.text joins every token: read it once
    for name, span in _bodies(document):
        name = name.split("(")[0].strip()
        if not name[:1].isupper():
            continue
        places = [(span.start, span.end)] if span and text[span.start : span.end].strip() == name else []
        for start, end in places or _occurrences(text, name):
            found = doc.char_span(start, end, alignment_mode="expand")
            if found is not None and found.text.strip():
                candidates.add(doc, found.start, found.end, "Organization", "structure")
    return doc
