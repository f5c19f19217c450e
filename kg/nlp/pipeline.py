"""Build the spaCy pipeline and run it on a ``Document``.

The default is ``spacy.blank("de")`` plus our rule components; ``model`` names an installed trained pipeline
(e.g. ``de_core_news_lg``) whose NER and parser run first and feed the same components.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from kg.document import Document
from kg.errors import InputError

# Importing the component modules registers their factories with spaCy.
from kg.nlp import components  # noqa: F401

DEFAULT_LEARNED = "default"
RULE_PIPES: tuple[str, ...] = (
    "glue_splitter",
    "document_sentences",
    "sentence_fallback",
    "structure_entities",
    "model_entities",
    "gazetteer_ruler",
    "pattern_ruler",
    "title_ruler",
    "person_ruler",
    "brand_ruler",
    "place_ruler",
    "coordination",
    "acronym_finder",
    "entity_resolver",
    "relation_extractor",
    "key_figures",
)

for _name, _default in (("document", None), ("entities", None), ("relations", None), ("figures", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


_SENTENCIZER = Sentencizer()


@Language.component("sentence_fallback", assigns=["token.is_sent_start"])
def sentence_fallback(doc: Doc) -> Doc:
    """Punctuation-based sentences when neither the document nor a parser gave any."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return doc
    return _SENTENCIZER(doc)


@lru_cache(maxsize=8)
def load_pipeline(model: str | None = None, learned: str | None = DEFAULT_LEARNED) -> Language:
    """The pipeline for ``model`` (``None``: ``spacy.blank("de")``), built once per process.

    ``learned`` is a folder of trained models (``kg train``): ``DEFAULT_LEARNED`` (the default) takes the
    shipped ones, ``None`` leaves the learned components out (rules only).
    Raises ``InputError`` when ``model`` is not installed.
    """
    if model is None:
        nlp = spacy.blank("de")
    else:
        try:
            nlp = spacy.load(model, exclude=["senter", "sentencizer"])
        except OSError as e:
            raise InputError(
                f"spaCy model {model!r} is not installed (pip install it, or leave out --spacy-model)"
            ) from e
    nlp = add_rule_pipes(nlp)
    return add_learned_pipes(nlp, learned) if learned is not None else nlp


def add_learned_pipes(nlp: Language, learned: str) -> Language:
    """Insert the trained entity tagger before the resolver, the entity check after it, and the relation
    classifier after the rule relations.

    Raises ``DataFileError`` when the model folder lacks a model.
    """
    model_dir = "" if learned == DEFAULT_LEARNED else learned
    nlp.add_pipe("learned_entities", before="entity_resolver", config={"model_dir": model_dir})
    nlp.add_pipe("learned_types", after="entity_resolver", config={"model_dir": model_dir})
    nlp.add_pipe("learned_relations", after="relation_extractor", config={"model_dir": model_dir})
    return nlp


def add_rule_pipes(nlp: Language) -> Language:
    """Append our components to ``nlp``; sentence setters go before a trained parser, if there is one."""
    for name in RULE_PIPES:
        if name in nlp.pipe_names:
            continue
        if name in ("document_sentences", "sentence_fallback") and "parser" in nlp.pipe_names:
            nlp.add_pipe(name, before="parser")
        else:
            nlp.add_pipe(name)
    return nlp


def analyse(document: Document, nlp: Language) -> Doc:
    """Run ``nlp`` on ``document.text`` with ``doc._.document`` set before the first component."""
    doc = nlp.make_doc(document.text)
    doc._.document = document
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
