"""Vehicle models named by their maker: "BMW i3", "VW ID.3", "Mercedes-Benz eCitaro", "Solaris Urbino 12 electric".

A maker is a gazetteer organisation with ``"makes": "vehicles"``. The model designation right after it starts
with a word that carries a digit, a brand-like spelling or a foreign-looking capitalised name, and runs on over
digits, brand-like words and ``model_words``; a German common noun after the maker ("BMW-Werk", "BMW Group",
"Porsche Fahrer") makes no product. The bare model ("den i3") is a product where its maker is named earlier in
the same sentence and the full name occurs in the document.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.nlp import candidates
from kg.nlp.candidates import is_brand, is_function_word
from kg.nlp.gazetteer import GAZETTEER_DIR, load_gazetteer
from kg.nlp.lexicon import cue_for, head_for, word_set
from kg.nlp.patterns import place_word

MAX_MODEL = 5
_NOUN_ENDING = re.compile(r"(?:e|en|er|ern|ung|heit|keit|schaft|ion|tät|nis|chen|ismus|werk|ei)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _makers() -> frozenset[str]:
    return frozenset(e.id for e in load_gazetteer(GAZETTEER_DIR).values() if e.makes == "vehicles")


def _model_word(token: Token) -> bool:
    """A word that can start a model designation."""
    text = token.text
    if token.is_sent_start or is_function_word(token) or _YEAR.match(text):
        return False
    if any(c.isdigit() for c in text):
        return any(c.isalpha() for c in text)  # "i3", "ID.3", "e-208"; a bare number is a quantity
    if is_brand(text):
        return True  # "eCitaro", "iX"
    return (
        token.is_alpha
        and text[:1].isupper()
        and text[1:].islower()
        and len(text) >= 3
        and not _NOUN_ENDING.search(text)
        and text not in word_set("maker_nouns", fold=False)
        and text not in word_set("field_labels", fold=False)
        and not place_word(token)
        and head_for(text) is None
        and cue_for(text) is None
    )


def _continues(token: Token) -> bool:
    text = token.text
    if token.is_sent_start:
        return False
    if any(c.isdigit() for c in text) or token.lower_ in word_set("model_words"):
        return True
    return is_brand(text) or _model_word(token)


def model_end(doc: Doc, i: int) -> int:
    """End of a model designation that starts at ``i``; ``i`` if none."""
    if i >= len(doc) or not _model_word(doc[i]):
        return i
    k = i + 1
    while k < len(doc) and k - i < MAX_MODEL and _continues(doc[k]):
        k += 1
    return k


def add_products(doc: Doc) -> None:
    """Add maker + model spans, and bare models after their maker, as Product candidates."""
    makers = _makers()
    maker_spans = [s for s in candidates.candidates(doc) if s.kb_id_ in makers and candidates.source(s) == "gazetteer"]
    models: dict[tuple[str, ...], str] = {}
    named: set[int] = set()
    for span in maker_spans:
        end = model_end(doc, span.end)
        if end > span.end:
            candidates.add(doc, span.start, end, "Product", "pattern")
            models.setdefault(_words(doc[span.end : end]), span.kb_id_)
            named.add(span.end)
    for model, maker in models.items():
        for i in range(len(doc) - len(model) + 1):
            if i in named or _words(doc[i : i + len(model)]) != model:
                continue
            if _maker_before(doc[i].sent, i, maker, maker_spans):
                candidates.add(doc, i, i + len(model), "Product", "pattern")


def _words(span: Span) -> tuple[str, ...]:
    """The words of a model, without a full stop glued to the last ("den BMW i3.")."""
    words = [t.text for t in span]
    return (*words[:-1], words[-1].rstrip(".")) if words else ()


def _maker_before(sent: Span, i: int, maker: str, maker_spans: list[Span]) -> bool:
    return any(s.kb_id_ == maker and sent.start <= s.start and s.end <= i for s in maker_spans)
