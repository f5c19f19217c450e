"""Token features for the learned entity tagger (a linear-chain CRF): the word's form and the rules' opinion.

Two feature sets, chosen by name: ``shallow`` (spelling, shape, affixes, neighbours: what any tagger sees) and
``rules`` (``shallow`` plus, for every token, which recogniser proposed a candidate covering it, with its type
and its place in the span, and the lexicon classes of the word). With ``rules`` the tagger learns when to trust a
rule and where the rules are silent.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from kg.nlp import candidates
from kg.nlp.lexicon import head_for, stem, word_set

FEATURE_SETS = ("shallow", "rules")
_SHAPE_RUNS = re.compile(r"(.)\1+")  # "." leaves line breaks alone, as the shipped models learned
_QUOTES = frozenset('„“”"‚‘’«»')


def shape(text: str) -> str:
    """ "Leipzig" -> "Xx", "LVB" -> "X", "eBus" -> "xXx", "2030" -> "d", "E-Mobilität" -> "X-Xx"."""
    mapped = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in text)
    return _SHAPE_RUNS.sub(r"\1", mapped)


@lru_cache(maxsize=65536)
def _word(text: str) -> tuple[str, ...]:
    """The rendered spelling features of a word (cached: words recur)."""
    lower = text.lower()
    return _rendered(
        {
            "w": lower,
            "stem": stem(text) if text[:1].isalpha() else lower,
            "shape": shape(text),
            "suf3": lower[-3:],
            "suf5": lower[-5:],
            "pre3": lower[:3],
            "title": float(text[:1].isupper()),
            "upper": float(text.isupper() and len(text) > 1),
            "quote": float(text in _QUOTES),
            "func": float(lower in word_set("function_words")),
        }
    )


@lru_cache(maxsize=65536)
def _lexical(text: str) -> tuple[str, ...]:
    """Lexicon classes of the word: legal form, institution head, generic prefix, place preposition."""
    head = head_for(text)
    lower = text.lower()
    return _rendered(
        {
            "legal": float(lower in word_set("legal_forms")),
            "head": head.type if head else "",
            "generic": float(lower in word_set("generic_prefixes")),
            "placeprep": float(lower in word_set("place_prepositions")),
        }
    )


def _candidate_marks(doc: Doc) -> list[list[str]]:
    """Per token: "Organization:B:gazetteer"-like marks of every rule candidate that covers it."""
    marks: list[list[str]] = [[] for _ in doc]
    for span in candidates.candidates(doc):
        src = candidates.source(span)
        for i in range(span.start, span.end):
            place = "B" if i == span.start else "I"
            marks[i].append(f"{span.label_}:{place}")
            marks[i].append(f"src:{src}:{place}")
            if span.kb_id_:
                marks[i].append("gazetteer")
    return marks


def _in_quotes(texts: list[str], starts: list[bool]) -> list[bool]:
    """Per token: inside a „…“ quotation of the same sentence."""
    inside, out = False, []
    for text, start in zip(texts, starts, strict=True):
        if start:
            inside = False
        if text in ("„", "“", '"', "»", "«") and not inside:
            inside = True
            out.append(False)
            continue
        if text in ("“", "”", '"', "«", "»") and inside:
            inside = False
        out.append(inside)
    return out


def _capital_runs(texts: list[str]) -> list[int]:
    """Per token: the length of the run of capitalised words it stands in (0 for other tokens)."""
    runs = [0] * len(texts)
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and texts[j][:1].isupper():
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = max(j, i + 1)
    return runs


def _document_marks(texts: list[str], marks: list[list[str]]) -> list[str]:
    """Per token: the candidate type the same word has elsewhere in the document (names recur)."""
    seen: dict[str, str] = {}
    for text, token_marks in zip(texts, marks, strict=True):
        if token_marks and text[:1].isupper():
            types = [m.split(":")[0] for m in token_marks if not m.startswith(("src:", "gazetteer"))]
            if types:
                seen.setdefault(text, types[0])
    return [seen.get(text, "") for text in texts]


def token_features(doc: Doc, feature_set: str = "rules") -> list[list[str]]:
    """One list of string features per token of ``doc`` (python-crfsuite's item format).

    Each token's own features are rendered once and then prefixed with every offset that sees them.
    """
    texts = [t.text for t in doc]
    starts = [bool(t.is_sent_start) for t in doc]
    lower = [t.lower() for t in texts]
    words = [_word(t) for t in texts]
    near = [_near(rendered) for rendered in words]
    rules = feature_set == "rules"
    marks = _candidate_marks(doc) if rules else [[] for _ in texts]
    lexical = (
        [_lexical(t) + tuple(f"cand={m}" for m in ms) for t, ms in zip(texts, marks, strict=True)] if rules else []
    )
    elsewhere = _document_marks(texts, marks) if rules else None
    quoted = _in_quotes(texts, starts)
    runs = _capital_runs(texts)
    n = len(texts)
    out: list[list[str]] = []
    for i in range(n):
        feats = ["bias", f"run={min(runs[i], 4)}"]
        if quoted[i]:
            feats.append("quoted")
        if starts[i]:
            feats.append("sent_start")
        if i > 0:
            feats.append(f"bigram={lower[i - 1]}|{lower[i]}")
        if elsewhere is not None and elsewhere[i]:
            feats.append(f"elsewhere={elsewhere[i]}")
        for offset in (-2, -1, 0, 1, 2):
            j = i + offset
            if not 0 <= j < n:
                feats.append(f"{offset}:pad")
                continue
            feats.extend([f"{offset}:{f}" for f in (near[j] if abs(offset) == 2 else words[j])])
            if rules and abs(offset) <= 1:
                feats.extend([f"{offset}:{f}" for f in lexical[j]])
        if rules and not marks[i]:
            feats.append("no_candidate")
        out.append(feats)
    return out


@lru_cache(maxsize=65536)
def _near(rendered: tuple[str, ...]) -> tuple[str, ...]:
    """What a token two places away contributes: its word, shape and capital."""
    return tuple(f for f in rendered if f.startswith(("w=", "shape=", "title")))


def _rendered(values: dict[str, str | float]) -> tuple[str, ...]:
    """``name=value`` for strings, ``name`` for true flags; empty values and false flags are left out."""
    return tuple((f"{name}={value}" if isinstance(value, str) else name) for name, value in values.items() if value)
