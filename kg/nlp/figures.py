"""PLACEHOLDER registered so the pipeline imports; its owner replaces this file."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("key_figures")
def key_figures(doc: Doc) -> Doc:
    return doc
