"""Component "learned_entities": spans a trained CRF tags, added to the rule candidates.

The tagger reads each token's spelling and what the rule recognisers proposed around it (``token_features``),
and labels tokens ``B-Type`` / ``I-Type`` / ``O``. Its spans join ``doc.spans["candidates"]`` with source
``learned`` where no rule candidate overlaps them and they are not one ordinary noun after an article (card
setting ``combine = "union"``: rules keep precision, the tagger adds recall), also where they extend rule
candidates to a longer name (``extend``), or replace the rule candidates altogether (``replace``, for the
learned-only ablation).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.errors import DataFileError
from kg.nlp import candidates
from kg.nlp.lexicon import word_set
from kg.nlp.model_bundle import DEFAULT_MODELS, load_tagger, read_card
from kg.nlp.token_features import token_features
from kg.records import ENTITY_TYPES

COMBINE_MODES = ("union", "extend", "replace")


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of a BIO sequence; an ``I-`` without its ``B-`` opens a span.

    >>> spans_from_tags(["O", "B-Organization", "I-Organization", "O", "I-Project"])
    [(1, 3, 'Organization'), (4, 5, 'Project')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, type_ = tag.partition("-")
        if start >= 0 and (kind != "I" or type_ != label):
            spans.append((start, i, label))
            start = -1
        if kind == "B" or (kind == "I" and start < 0):
            start, label = i, type_
    return spans


def is_generic(doc: Doc, start: int, end: int) -> bool:
    """One ordinary noun right after an article or determiner: a generic mention ("das Netzwerk"), no name.

    >>> import spacy
    >>> doc = spacy.blank("de")("Das Netzwerk und die LVB")
    >>> is_generic(doc, 1, 2), is_generic(doc, 4, 5)
    (True, False)
    """
    word = doc[start].text
    ordinary = word[:1].isupper() and word[1:].islower() and word.isalpha()
    return end - start == 1 and start > 0 and ordinary and doc[start - 1].lower_ in word_set("determiners")


def _extends(spans: list[Span], start: int, end: int) -> bool:
    """Every candidate overlapping ``[start, end)`` lies inside it, and it is longer than each."""
    overlapping = [s for s in spans if s.start < end and start < s.end]
    return all(start <= s.start and s.end <= end and s.end - s.start < end - start for s in overlapping)


@Language.factory(
    "learned_entities",
    default_config={"model_dir": ""},
    requires=["doc.spans"],
    assigns=["doc.spans"],
)
def make_learned_entities(nlp: Language, name: str, model_dir: str) -> LearnedEntities:
    return LearnedEntities(Path(model_dir) if model_dir else DEFAULT_MODELS)


class LearnedEntities:
    """Tags sentence by sentence; feature set and combination mode come from the model card."""

    def __init__(self, model_dir: Path) -> None:
        self.tagger = load_tagger(model_dir)
        settings = read_card(model_dir).get("entities", {})
        self.feature_set = settings.get("feature_set", "rules")
        self.combine = settings.get("combine", "union")
        if self.combine not in COMBINE_MODES:
            raise DataFileError(f"{model_dir}: entity combine mode must be one of {COMBINE_MODES}")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        features = token_features(doc, self.feature_set)
        tags: list[str] = []
        for sent in doc.sents:
            tags += self.tagger.tag(features[sent.start : sent.end])
        rule_spans = candidates.candidates(doc)
        if self.combine == "replace":
            doc.spans[candidates.GROUP] = [s for s in rule_spans if candidates.source(s) == "structure"]
            rule_spans = list(doc.spans[candidates.GROUP])
        covered = [False] * len(doc)
        for span in rule_spans:
            for i in range(span.start, span.end):
                covered[i] = True
        for start, end, label in spans_from_tags(tags):
            if label not in ENTITY_TYPES or not doc[start:end].text.strip() or is_generic(doc, start, end):
                continue
            if not any(covered[start:end]) or (self.combine == "extend" and _extends(rule_spans, start, end)):
                candidates.add(doc, start, end, label, "learned")
        return doc
