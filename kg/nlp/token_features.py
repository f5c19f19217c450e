"""Token features for the learned entity tagger (a linear-chain CRF): the word's form and the rules' opinion.

Two feature sets, chosen by name: ``shallow`` (spelling, shape, affixes, neighbours: what any tagger sees) and
``rules`` (``shallow`` plus, for every token, which recogniser proposed a candidate covering it, with its type
and its place in the span, and the lexicon classes of the word). With ``rules`` the tagger learns when to trust a
rule and where the rules are silent.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.nlp import candidates
from kg.nlp.lexicon import head_for, stem, word_set

FEATURE_SETS = ("shallow", "rules")
_SHAPE_RUNS = re.compile(r"(.)\1+")
_QUOTES = frozenset('„“”"‚‘’«»')


def shape(text: str) -> str:
    """ "Leipzig" -> "Xx", "LVB" -> "X", "eBus" -> "xXx", "2030" -> "d", "E-Mobilität" -> "X-Xx"."""
    mapped = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in text)
    return _SHAPE_RUNS.sub(r"\1", mapped)


def _word(token: Token) -> dict[str, str | float]:
    text = token.text
    lower = token.lower_
    return {
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


def _lexical(token: Token) -> dict[str, str | float]:
    """Lexicon classes of the word: legal form, institution head, generic prefix, place preposition."""
    text = token.text
    head = head_for(text)
    return {
        "legal": float(text.lower() in word_set("legal_forms")),
        "head": head.type if head else "",
        "generic": float(text.lower() in word_set("generic_prefixes")),
        "placeprep": float(token.lower_ in word_set("place_prepositions")),
    }


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


def _in_quotes(doc: Doc) -> list[bool]:
    """Per token: inside a „…“ quotation of the same sentence."""
    inside, out = False, []
    for token in doc:
        if token.is_sent_start:
            inside = False
        if token.text in ("„", "“", '"', "»", "«") and not inside:
            inside = True
            out.append(False)
            continue
        if token.text in ("“", "”", '"', "«", "»") and inside:
            inside = False
        out.append(inside)
    return out


def _capital_runs(doc: Doc) -> list[int]:
    """Per token: the length of the run of capitalised words it stands in (0 for other tokens)."""
    runs = [0] * len(doc)
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].text[:1].isupper():
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = max(j, i + 1)
    return runs


def _document_marks(doc: Doc, marks: list[list[str]]) -> list[str]:
    """Per token: the candidate type the same word has elsewhere in the document (names recur)."""
    seen: dict[str, str] = {}
    for token, token_marks in zip(doc, marks, strict=True):
        types = [m.split(":")[0] for m in token_marks if not m.startswith(("src:", "gazetteer"))]
        if types and token.text[:1].isupper():
            seen.setdefault(token.text, types[0])
    return [seen.get(t.text, "") for t in doc]


def token_features(doc: Doc, feature_set: str = "rules") -> list[list[str]]:
    """One list of string features per token of ``doc`` (python-crfsuite's item format)."""
    words = [_word(t) for t in doc]
    lexical = [_lexical(t) for t in doc] if feature_set == "rules" else None
    marks = _candidate_marks(doc) if feature_set == "rules" else None
    elsewhere = _document_marks(doc, marks) if marks is not None else None
    quoted = _in_quotes(doc)
    runs = _capital_runs(doc)
    out: list[list[str]] = []
    for i, token in enumerate(doc):
        feats = ["bias", f"run={min(runs[i], 4)}"]
        if quoted[i]:
            feats.append("quoted")
        if token.is_sent_start:
            feats.append("sent_start")
        if i > 0:
            feats.append(f"bigram={words[i - 1]['w']}|{words[i]['w']}")
        if elsewhere is not None and elsewhere[i]:
            feats.append(f"elsewhere={elsewhere[i]}")
        for offset in (-2, -1, 0, 1, 2):
            j = i + offset
            if not 0 <= j < len(doc):
                feats.append(f"{offset}:pad")
                continue
            for name, value in words[j].items():
                if abs(offset) == 2 and name not in ("w", "shape", "title"):
                    continue
                feats.append(_render(f"{offset}:{name}", value))
            if lexical is not None and marks is not None and abs(offset) <= 1:
                feats.extend(_render(f"{offset}:{name}", value) for name, value in lexical[j].items())
                feats.extend(f"{offset}:cand={mark}" for mark in marks[j])
        if marks is not None and not marks[i]:
            feats.append("no_candidate")
        out.append([f for f in feats if f])
    return out


def _render(name: str, value: str | float) -> str:
    if isinstance(value, float):
        return name if value else ""
    return f"{name}={value}" if value else ""
