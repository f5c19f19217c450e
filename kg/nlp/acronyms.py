"""Acronyms defined in parentheses, both ways, and their later uses.

"Leipziger Verkehrsbetriebe GmbH (LVB)", "LVB (Leipziger Verkehrsbetriebe)" and a dash before the long form
("WAVE 2015 - World Advanced Vehicle Expedition") define the acronym; every later
"LVB", and compounds that still name the actor ("LVV-Konzern", "SWL-Gruppe"), become candidates of the same
type and gazetteer id. ``doc.user_data["kg.acronyms"]`` maps each defined acronym to its long form's token
offsets, so the resolver can merge the two into one entity.

Two other short forms are handled the same way: a bracket that repeats the name before it without its legal
form or leading article ("S-Bahn Hamburg GmbH (S-Bahn Hamburg)") is an alias, not a new mention of its parts;
and a proper name glued to an institution head ("Fraunhofer-Institut", "Helmholtz Zentrum") used alone refers
back to the one institution in the document whose name starts with it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp import candidates
from kg.nlp.candidates import is_acronym, is_function_word, is_name_word
from kg.nlp.gazetteer import legal_form_end
from kg.nlp.lexicon import cue_for, head_for, stem, word_set
from kg.nlp.titles import CLOSE_QUOTES

USER_DATA_KEY = "kg.acronyms"
MAX_EXTRA_WORDS = 3
_DASHES = frozenset({"-", "–", "—"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def letters_match(acronym: str, words: list[str]) -> bool:
    """Schwartz–Hearst style: the acronym's letters appear in order in ``words``, the first one starting it.

    >>> letters_match("LVB", ["Leipziger", "Verkehrsbetriebe"])
    True
    """
    letters = [c.lower() for c in acronym if c.isalpha()]
    text = " ".join(words).lower()
    if not letters or not text or text[0] != letters[0]:
        return False
    pos = 0
    for c in letters:
        pos = text.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _acronym_at(doc: Doc, i: int) -> int:
    """End of "ACR" or "ACR e. V." inside parentheses at ``i`` when a ")" follows; ``i`` otherwise."""
    if i >= len(doc) or not is_acronym(doc[i].text):
        return i
    end = legal_form_end(doc, i + 1)
    return end if end < len(doc) and doc[end].text == ")" else i


def _long_form_before(doc: Doc, p: int, acronym: str, spans: list[Span]) -> tuple[int, int, str, str] | None:
    """(start, end, type, kb_id) of the long form that ends right before the "(" at ``p``."""
    if p > 1 and doc[p - 1].text in CLOSE_QUOTES:  # „Netzwerk Energie & Umwelt e. V.“ (NEU e. V.)
        p -= 1
    ending = [s for s in spans if s.end == p and s.label_ != "Place"]
    if ending:
        best = max(ending, key=lambda s: (len(s), bool(s.kb_id_)))
        return best.start, best.end, best.label_, best.kb_id_
    for width in range(1, min(len(acronym) + MAX_EXTRA_WORDS, p) + 1):
        words = doc[p - width : p]
        if not is_name_word(words[0]) or any(t.text in "().;:" for t in words):
            continue
        if letters_match(acronym, [t.text for t in words]):
            return p - width, p, _type_of(words, doc[p + 1 : p + 2], spans), ""
    return None


def _type_of(words: Span, acronym: Span, spans: list[Span]) -> str:
    """The type the long form's own cue or head gives; else the type a title cue gave the acronym itself
    ("Förderprojekten ALIS (Aufbau Ladeinfrastruktur …)" is a Project); else Organization."""
    for token in reversed(words):
        cue = cue_for(token.text)
        if cue:
            return cue.type
        head = head_for(token.text)
        if head:
            return head.type
    typed = [
        s.label_ for s in spans if (s.start, s.end) == (acronym.start, acronym.end) and candidates.source(s) == "title"
    ]
    return typed[0] if typed else "Organization"


def _long_form_after_dash(doc: Doc, i: int, spans: list[Span]) -> tuple[int, int, str, str] | None:
    """(start, end, type, kb_id) of the long form after "ACR [year] - ": a run of capitalised words whose
    letters spell the acronym ("WAVE 2015 - World Advanced Vehicle Expedition")."""
    acronym = doc[i].text
    if not (is_acronym(acronym) and acronym.isalpha() and acronym.isupper()):
        return None
    k = i + 2 if i + 1 < len(doc) and _YEAR.match(doc[i + 1].text) else i + 1
    if k >= len(doc) or doc[k].text not in _DASHES:
        return None
    start = end = k + 1
    letters = sum(c.isalpha() for c in acronym)
    while end < len(doc) and end - start < letters + MAX_EXTRA_WORDS and is_name_word(doc[end]) and doc[end].is_alpha:
        end += 1
    words = doc[start:end]
    if len(words) < 2 or not letters_match(acronym, [t.text for t in words]):
        return None
    return start, end, _type_of(words, doc[i : i + 1], spans), ""


def _name_variants(doc: Doc, span: Span) -> set[tuple[str, ...]]:
    """The span's words without a trailing legal form, without a leading article, and without both."""
    end = next((k for k in range(span.start + 1, span.end) if legal_form_end(doc, k) == span.end), span.end)
    starts = {span.start, span.start + 1} if is_function_word(span[0]) else {span.start}
    return {tuple(t.lower_ for t in doc[s:e]) for s in starts for e in {end, span.end}} - {
        tuple(t.lower_ for t in span)
    }


def _alias_in_brackets(doc: Doc, p: int, spans: list[Span]) -> tuple[str, tuple[int, int, str, str]] | None:
    """(alias, long form) when the bracket at ``p`` repeats the name before it without its legal form or
    leading article: "S-Bahn Hamburg GmbH (S-Bahn Hamburg)"."""
    close = next((k for k in range(p + 2, min(p + 12, len(doc))) if doc[k].text == ")"), None)
    if close is None:
        return None
    inner = tuple(t.lower_ for t in doc[p + 1 : close])
    for span in sorted((s for s in spans if s.end == p and s.label_ != "Place"), key=len, reverse=True):
        if inner in _name_variants(doc, span):
            return doc[p + 1 : close].text, (span.start, span.end, span.label_, span.kb_id_)
    return None


def definitions(doc: Doc, spans: list[Span]) -> dict[str, tuple[int, int, str, str]]:
    """Acronym or bracketed alias -> (start, end, type, kb_id) of its long form."""
    found: dict[str, tuple[int, int, str, str]] = {}
    for p, token in enumerate(doc):
        dashed = _long_form_after_dash(doc, p, spans)
        if dashed and token.text not in found:
            found[token.text] = dashed
        if token.text != "(" or p == 0:
            continue
        alias = _alias_in_brackets(doc, p, spans)
        if alias:
            found.setdefault(*alias)
            continue
        end = _acronym_at(doc, p + 1)
        if end > p + 1:  # Long Form (ACR)
            acronym = doc[p + 1].text
            long_form = _long_form_before(doc, p, acronym, spans)
            if long_form and acronym not in found:
                found[acronym] = long_form
            continue
        if is_acronym(doc[p - 1].text):  # ACR (Long Form)
            close = next((k for k in range(p + 2, min(p + 12, len(doc))) if doc[k].text == ")"), None)
            inner = [s for s in spans if s.start == p + 1 and s.end == close]
            if close and (inner or letters_match(doc[p - 1].text, [t.text for t in doc[p + 1 : close]])):
                if inner:
                    best = max(inner, key=len)
                    found.setdefault(doc[p - 1].text, (best.start, best.end, best.label_, best.kb_id_))
                elif is_name_word(doc[p + 1]):
                    found.setdefault(
                        doc[p - 1].text, (p + 1, close, _type_of(doc[p + 1 : close], doc[p - 1 : p], spans), "")
                    )
    return found


def _uses(doc: Doc, acronym: str) -> list[tuple[int, int]]:
    joiners = word_set("acronym_joiners")
    words = acronym.split()
    if len(words) > 1:  # a bracketed alias of several words
        return [
            (i, legal_form_end(doc, i + len(words)))
            for i in range(len(doc) - len(words) + 1)
            if [t.text for t in doc[i : i + len(words)]] == words
        ]
    uses = []
    for i, token in enumerate(doc):
        text = token.text
        if text == acronym or text == acronym + "s":
            uses.append((i, legal_form_end(doc, i + 1)))
        elif text.startswith(acronym + "-") and text[len(acronym) + 1 :].lower() in joiners:
            uses.append((i, i + 1))
    return uses


def _institution_head(doc: Doc, i: int) -> tuple[tuple[str, str], int] | None:
    """(proper name, head stem) and end of "Fraunhofer-Institut" or "Fraunhofer Institut" at ``i``."""
    text = doc[i].text
    if "-" in text:
        name, _, head = text.rpartition("-")
        end = i + 1
    elif i + 1 < len(doc):
        name, head, end = text, doc[i + 1].text, i + 2
    else:
        return None
    heads = {stem(h) for h in word_set("institution_heads")}
    if not (name[:1].isupper() and head[:1].isupper()) or is_function_word(doc[i]) or stem(head) not in heads:
        return None
    return (name.lower(), stem(head)), end


def head_aliases(doc: Doc, spans: list[Span]) -> dict[str, tuple[int, int, str, str]]:
    """Head-only form ("Fraunhofer-Institut") -> the one Organization named with it (start, end, type, kb_id).

    A head that starts the names of two different institutions, or of none, refers to nothing.
    """
    owners: dict[tuple[str, str], dict[tuple[str, ...], Span]] = {}
    for span in spans:
        head = _institution_head(doc, span.start) if span.label_ == "Organization" else None
        if head and head[1] < span.end:
            named = owners.setdefault(head[0], {})
            key = tuple(stem(t.text) for t in span)
            if key not in named or span.kb_id_:
                named[key] = span
    found: dict[str, tuple[int, int, str, str]] = {}
    for i in range(len(doc)):
        head = _institution_head(doc, i)
        named = owners.get(head[0], {}) if head else {}
        if head is None or len(named) != 1 or any(s.start <= i < s.end and len(s) > head[1] - i for s in spans):
            continue
        owner = next(iter(named.values()))
        found.setdefault(doc[i : head[1]].text, (owner.start, owner.end, owner.label_, owner.kb_id_))
    return found


@Language.component("acronym_finder", requires=["doc.spans"], assigns=["doc.spans", "doc.user_data"])
def acronym_finder(doc: Doc) -> Doc:
    """Link defined acronyms to their long forms and add every use of them as a candidate."""
    spans = candidates.candidates(doc)
    found = definitions(doc, spans)
    for alias, long_form in head_aliases(doc, spans).items():
        found.setdefault(alias, long_form)
    for acronym, (start, end, label, kb_id) in found.items():
        if not any(s.start == start and s.end == end for s in spans):
            if is_function_word(doc[start]):
                continue
            candidates.add(doc, start, end, label, "acronym", kb_id=kb_id)
        for use_start, use_end in _uses(doc, acronym):
            candidates.add(doc, use_start, use_end, label, "acronym", kb_id=kb_id)
    doc.user_data[USER_DATA_KEY] = {a: (s, e) for a, (s, e, _label, _kb) in found.items()}
    return doc
