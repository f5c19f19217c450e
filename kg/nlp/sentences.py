"""PLACEHOLDER registered so the pipeline imports; its owner replaces this file."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("document_sentences")
def document_sentences(doc: Doc) -> Doc:
    return doc
