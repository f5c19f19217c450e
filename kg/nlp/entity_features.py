"""Features of a resolved entity for the learned entity check: is it an entity of the gold's kind, and which type?

An entity is described by the words of its name (stems, first and last word, the suffix of the last word,
length, shape), the recognisers that found its mentions, the type the rules gave it, how often and where it is
mentioned, and the words right around its mentions ("in X", "der X GmbH", "Projekt X").
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.lexicon import stem
from kg.nlp.token_features import shape
from kg.records import Entity

_CONTEXT_MENTIONS = 6


def _bucket(n: int, limits: tuple[int, ...] = (1, 2, 3, 5)) -> str:
    return next((str(limit) for limit in limits if n <= limit), f">{limits[-1]}")


def entity_features(doc: Doc, entity: Entity) -> dict[str, float]:
    """The features of ``entity`` in ``doc`` (its mentions are character spans of ``doc``)."""
    words = entity.name.split()
    f: dict[str, float] = {
        "bias": 1.0,
        f"type={entity.type}": 1.0,
        f"n_words={_bucket(len(words))}": 1.0,
        f"mentions={_bucket(len(entity.mentions))}": 1.0,
        f"name_shape={shape(entity.name)[:8]}": 1.0,
    }
    if entity.gazetteer_id:
        f["gazetteer"] = 1.0
    if words:
        f[f"first={stem(words[0])}"] = 1.0
        f[f"last={stem(words[-1])}"] = 1.0
        f[f"last_suf={words[-1].lower()[-4:]}"] = 1.0
        f[f"type|last_suf={entity.type}|{words[-1].lower()[-4:]}"] = 1.0
        f[f"first_suf={words[0].lower()[-5:]}"] = 1.0
    for w in words:
        f[f"w={stem(w)}"] = 1.0
    for m in entity.mentions:
        f[f"src={m.source}"] = 1.0
        f[f"type|src={entity.type}|{m.source}"] = 1.0
    for m in entity.mentions[:_CONTEXT_MENTIONS]:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if span.start == 0 or doc[span.start].is_sent_start:
            f["opens_sentence"] = 1.0
        for k in (1, 2):
            i = span.start - k
            f[f"prev{k}={doc[i].lower_ if i >= 0 else '<s>'}"] = 1.0
        f[f"next={doc[span.end].lower_ if span.end < len(doc) else '</s>'}"] = 1.0
    return f
