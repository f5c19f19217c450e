"""Component "document_sentences": sentence starts from ``Document.sentences`` (the ingest splitter), so that
spaCy's ``doc.sents`` and the evidence offsets agree."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("document_sentences", assigns=["token.is_sent_start"])
def document_sentences(doc: Doc) -> Doc:
    """Mark the first token of every sentence of ``doc._.document``; a Doc without a Document is one sentence."""
    if len(doc) == 0:
        return doc
    document = doc._.document if Doc.has_extension("document") else None
    starts = {0}
    if document is not None:
        for sentence in document.sentences:
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is not None:
                starts.add(span.start)
    for token in doc:
        token.is_sent_start = token.i in starts
    return doc
