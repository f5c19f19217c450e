"""Gold annotations laid over a document's text: where each gold entity's name and aliases occur.

Gold files list names, not offsets (``FORMAT.md``); a label is found wherever it occurs as a whole word,
ignoring case and allowing any white space (a name broken over lines). Longer labels win over the labels
inside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.document import Document
from kg.evaluation import Gold
from kg.records import Entity

_STRIP = "„“”\"'‚‘’«» "


@dataclass(frozen=True)
class GoldSpan:
    start: int  # character offsets into the document text
    end: int
    id: str
    type: str


def gold_spans(text: str, gold: Gold) -> list[GoldSpan]:
    """Non-overlapping occurrences of the gold labels in ``text``, longest first, in text order."""
    hits: list[GoldSpan] = []
    for entity in gold.entities:
        for label in dict.fromkeys(s.strip(_STRIP) for s in entity.surface):
            if len(label) < 2:
                continue
            words = r"\s+".join(re.escape(w) for w in label.split())
            pattern = re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)
            hits += [GoldSpan(m.start(), m.end(), entity.id, entity.type) for m in pattern.finditer(text)]
    taken = [False] * (len(text) + 1)
    chosen = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if any(taken[hit.start : hit.end]):
            continue
        taken[hit.start : hit.end] = [True] * (hit.end - hit.start)
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def token_spans(doc: Doc, spans: list[GoldSpan]) -> list[Span]:
    """The gold spans as token spans of ``doc`` (``label_`` = type, ``kb_id_`` = gold id), without overlaps."""
    out: list[Span] = []
    last_end = 0
    for hit in spans:
        span = doc.char_span(hit.start, hit.end, label=hit.type, kb_id=hit.id, alignment_mode="expand")
        if span is None or span.start < last_end:
            continue
        out.append(span)
        last_end = span.end
    return out


def bio_tags(doc: Doc, gold: Gold) -> list[str]:
    """``B-Type`` / ``I-Type`` / ``O`` for every token of ``doc``, from the gold entities found in its text."""
    tags = ["O"] * len(doc)
    for span in token_spans(doc, gold_spans(doc.text, gold)):
        tags[span.start] = f"B-{span.label_}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{span.label_}"
    return tags


def oracle_doc(document: Document, gold: Gold, nlp: Language) -> Doc:
    """``document`` as a Doc whose entities are the gold entities wherever their labels occur, with the rule
    relations on them: what the relation components see when recognition is perfect.

    ``nlp`` is a pipeline with the rule components (``kg.nlp.pipeline.load_pipeline``); only its tokeniser,
    sentence components and ``relation_extractor`` run.
    """
    doc = nlp.make_doc(document.text)
    doc._.document = document
    for name in ("glue_splitter", "document_sentences", "sentence_fallback"):
        doc = nlp.get_pipe(name)(doc)
    spans = token_spans(doc, gold_spans(doc.text, gold))
    doc.ents = spans
    found = {s.kb_id_ for s in spans}
    doc._.entities = {
        e.id: Entity(e.id, e.type, e.surface[0], tuple(e.surface[1:]))  # type: ignore[arg-type]
        for e in gold.entities
        if e.id in found
    }
    return nlp.get_pipe("relation_extractor")(doc)
