"""Acronyms defined in parentheses, both ways, and their later uses.

"Leipziger Verkehrsbetriebe GmbH (LVB)", "LVB (Leipziger Verkehrsbetriebe)" and a dash before the long form
("WAVE 2015 - World Advanced Vehicle Expedition") define the acronym; every later
"LVB", and compounds that still name the actor ("LVV-Konzern", "SWL-Gruppe"), become candidates of the same
type and gazetteer id. ``doc.user_data["kg.acronyms"]`` maps each defined acronym to its long form's token
offsets, so the resolver can merge the two into one entity.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp import candidates
from kg.nlp.candidates import is_acronym, is_function_word, is_name_word
from kg.nlp.gazetteer import legal_form_end
from kg.nlp.lexicon import cue_for, head_for, word_set
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


def definitions(doc: Doc, spans: list[Span]) -> dict[str, tuple[int, int, str, str]]:
    """Acronym -> (start, end, type, kb_id) of its long form."""
    found: dict[str, tuple[int, int, str, str]] = {}
    for p, token in enumerate(doc):
        dashed = _long_form_after_dash(doc, p, spans)
        if dashed and token.text not in found:
            found[token.text] = dashed
        if token.text != "(" or p == 0:
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
    uses = []
    for i, token in enumerate(doc):
        text = token.text
        if text == acronym or text == acronym + "s":
            uses.append((i, legal_form_end(doc, i + 1)))
        elif text.startswith(acronym + "-") and text[len(acronym) + 1 :].lower() in joiners:
            uses.append((i, i + 1))
    return uses


@Language.component("acronym_finder", requires=["doc.spans"], assigns=["doc.spans", "doc.user_data"])
def acronym_finder(doc: Doc) -> Doc:
    """Link defined acronyms to their long forms and add every use of them as a candidate."""
    spans = candidates.candidates(doc)
    found = definitions(doc, spans)
    for acronym, (start, end, label, kb_id) in found.items():
        if not any(s.start == start and s.end == end for s in spans):
            if is_function_word(doc[start]):
                continue
            candidates.add(doc, start, end, label, "acronym", kb_id=kb_id)
        for use_start, use_end in _uses(doc, acronym):
            candidates.add(doc, use_start, use_end, label, "acronym", kb_id=kb_id)
    doc.user_data[USER_DATA_KEY] = {a: (s, e) for a, (s, e, _label, _kb) in found.items()}
    return doc
