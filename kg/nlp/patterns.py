"""Actors named by their form: institution heads with complements, legal forms, adjective + head.

The heads and how each reads its complement live in ``kg/resources/patterns/entity_heads.jsonl``:

* ``topic``: "Amt für Wirtschaftsförderung", "Fachausschuss Umwelt und Ordnung", "Referat 8";
* ``name``: "Stadt Leipzig", "Stadtwerke Bochum", "Universität Lund", "Bezirksvertretung Hagen-Nord";
* ``standalone``: the compound is the name ("Verkehrsausschuss", "Ratsversammlung", "Tiefbauamt");
* ``genitive``: needs an owner ("Rat der Stadt Köln"); any body may take one ("Kreistag des Kreises X");
* ``adjective``: needs an adjective before it ("Leipziger Verkehrsbetriebe", "Westsächsischen Hochschule").

Truncated compounds join on the left ("Verkehrs- und Tiefbauamt", "Freie und Hansestadt Hamburg"), a legal
form joins on the right, and a legal form alone reads its name leftwards ("TAF Mobile GmbH").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.nlp import candidates
from kg.nlp.candidates import is_function_word, is_name_word
from kg.nlp.gazetteer import gazetteer_index, legal_form_end, legal_form_length
from kg.nlp.lexicon import Head, heads, stem, word_set

MAX_COMPLEMENT = 8
MAX_LEGAL_NAME = 6
_JOINERS = frozenset({"und", ",", "&", "/"})
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
_ADJECTIVE = re.compile(r"(?:isch|lich|ig|al|iv|iert|sch|eu|ei|ell)(?:e|en|es|er|em)$")


def _is_head(token: Token) -> bool:
    return any(h.grammar != "adjective" and h.fits(token.text) for h in heads()) and token.text[:1].isupper()


def _stopper(token: Token) -> bool:
    return token.text in word_set("field_labels", fold=False) or _is_head(token)


def place_word(token: Token) -> bool:
    index = gazetteer_index()
    return token.text in index.exact or (stem(token.text),) in index.stems


def topic_end(doc: Doc, i: int) -> int:
    """End of a topic complement starting at ``i`` ("für Verkehrs- und Infrastruktursysteme"); ``i`` if none."""
    if i < len(doc) and (doc[i].like_num or doc[i].text[:1].isdigit()):
        j = i + 1
        while j + 1 < len(doc) and doc[j].text == "/" and doc[j + 1].text.isdigit() and len(doc[j + 1].text) <= 3:
            j += 2
        return j
    j = i + 1 if i < len(doc) and doc[i].lower_ == "für" else i
    last, k = i, j
    while k < len(doc) and k - j < MAX_COMPLEMENT:
        t = doc[k]
        if t.text.endswith("-") and t.text[:1].isupper():
            k += 1
        elif (t.text.startswith("-") and t.text[1:2].isalpha()) or (is_name_word(t) and not _stopper(t)):
            k += 1
            last = k
        elif (k > j and t.lower_ in _JOINERS and k + 1 < len(doc) and not _stopper(doc[k + 1])) or (
            t.is_lower
            and t.is_alpha
            and t.text.endswith(_ADJ_ENDINGS)
            and doc[k - 1].lower_ in _JOINERS | {"für"}
            and k + 1 < len(doc)
            and doc[k + 1].text[:1].isupper()
        ):
            k += 1
        else:
            break
    return last


def name_end(doc: Doc, i: int, head: Head) -> int:
    """End of a one-word name after a name head ("Stadt Leipzig"); ``i`` if none."""
    if i < len(doc) and doc[i].lower_ == "für":
        return topic_end(doc, i)
    if i >= len(doc) or not is_name_word(doc[i]) or _stopper(doc[i]):
        return i
    if head.needs_place and not place_word(doc[i]):
        return i
    return i + 1


def left_start(doc: Doc, start: int, adjectives: bool) -> int:
    """Move ``start`` left over truncated parts ("Verkehrs- und") and, if asked, capitalised adjectives."""
    i = start
    while True:
        if (
            i >= 2
            and doc[i - 1].lower_ in ("und", ",")
            and doc[i - 2].text.endswith("-")
            and doc[i - 2].text[:1].isupper()
        ) or (i >= 2 and doc[i - 1].lower_ == "und" and adjectives and _adjective(doc[i - 2])):
            i -= 2
        elif i >= 1 and adjectives and _adjective(doc[i - 1]):
            i -= 1
        else:
            return i


def _adjective(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or is_function_word(token) or not text.isalpha() or len(text) < 4:
        return False
    lower = text.lower()
    if _is_head(token):
        return False
    return bool(_ADJECTIVE.search(lower)) or (lower.endswith("er") and _place_word_form(text[:-2]))


def _place_word_form(base: str) -> bool:
    """Whether "Leipzig" for "Leipziger", "Köln" for "Kölner", "Bremen" for "Bremer" is a known place."""
    index = gazetteer_index()
    return any(form in index.exact for form in (base, base + "en", base + "n", base.rstrip("e")))


def head_span(doc: Doc, i: int) -> tuple[int, int, Head] | None:
    """The longest actor span whose head is token ``i``."""
    best: tuple[int, int, Head] | None = None
    token = doc[i]
    if not token.text[:1].isupper():
        return None
    for head in heads():
        if not head.fits(token.text) or (head.grammar == "name" and _plural(token.text, head)):
            continue
        if head.grammar == "topic":
            end = topic_end(doc, i + 1)
            start = left_start(doc, i, adjectives=False) if end > i + 1 else i
        elif head.grammar == "name":
            end = name_end(doc, i + 1, head)
            start = left_start(doc, i, adjectives=True) if end > i + 1 else i
        elif head.grammar == "adjective":
            start = left_start(doc, i, adjectives=True)
            end = i + 1 + (i + 1 < len(doc) and place_word(doc[i + 1]) and doc[i + 1].text[:1].isupper())
            if start == i:
                continue
        elif head.grammar == "standalone":
            start, end = left_start(doc, i, adjectives=head.type != "Organization"), i + 1
            end = _place_complement(doc, end, head)
        else:  # genitive: the owner is added below
            start, end = i, i + 1
        end = genitive_end(doc, end) if head.grammar in ("standalone", "genitive") else end
        if end == i + 1 and head.grammar in ("topic", "name", "genitive"):
            continue
        end = legal_form_end(doc, end)
        if best is None or end - start > best[1] - best[0]:
            best = (start, end, head)
    return best


def _plural(word: str, head: Head) -> bool:
    """A dative plural head names several bodies, one per name ("in den Landkreisen A und B"); a head that
    ends in -e is plural already ("den Stadtwerken Leipzig")."""
    return not head.head.endswith("e") and word.lower() == head.head.lower() + "en"


def _place_complement(doc: Doc, end: int, head: Head) -> int:
    """A known place after a body or a service: "Stadtrat Augsburg", "Bikesharingsystem für Augsburg"."""
    if end < len(doc) and head.match == "word" and head.type == "Organization" and place_word(doc[end]):
        return end + 1
    return place_after(doc, end) if head.type == "Project" else end


def place_after(doc: Doc, end: int) -> int:
    """``end`` moved over "in/im/für [one word] <known place>" ("im Seebad Warnemünde"), if that follows."""
    if end + 1 < len(doc) and doc[end].lower_ in ("für", "in", "im"):
        for k in (end + 1, end + 2):
            if k < len(doc) and doc[k].text[:1].isupper() and place_word(doc[k]):
                return k + 1
            if k < len(doc) and not (doc[k].text[:1].isupper() and doc[k].is_alpha):
                break
    return end


def genitive_end(doc: Doc, end: int) -> int:
    """Extend a body over its owner: "Rat | der Stadt Köln", "Dienstberatung | des Oberbürgermeisters"."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ("der", "des"):
        return end
    owner = doc[end + 1]
    if owner.text in word_set("genitive_owners", fold=False):
        return end + 2
    found = head_span(doc, end + 1) if owner.text[:1].isupper() else None
    if found is None and end + 2 < len(doc) and _adjective(owner):  # "der Freien und Hansestadt Hamburg"
        found = next((s for s in (head_span(doc, k) for k in range(end + 2, min(end + 5, len(doc)))) if s), None)
    if found is None or found[2].grammar not in ("name", "standalone") or found[0] > end + 1:
        return end
    return found[1]


def legal_spans(doc: Doc) -> list[tuple[int, int]]:
    """Names read leftwards from a legal form: "TAF Mobile GmbH", "Leipziger Versorgungs- und … mbH"."""
    found = []
    for i in range(1, len(doc)):
        length = legal_form_length(doc, i)
        if not length or doc[i - 1].text in ("&",) or doc[i - 1].text[-1:] in ".,;:)(":
            continue
        start = i
        while start > 0 and i - start < MAX_LEGAL_NAME:
            t = doc[start - 1]
            if (
                (start == i and t.text.isalpha() and not is_function_word(t))
                or (is_name_word(t) and t.text not in word_set("field_labels", fold=False))
                or t.text.endswith("-")
                or (
                    start < i
                    and start > 1
                    and (t.text == "&" or (t.lower_ == "und" and doc[start - 2].text.endswith("-")))
                )
            ):  # brand in lower case: "nextbike GmbH"
                start -= 1
            else:
                break
        while start < i and (
            doc[start].lower_ in _JOINERS or doc[start].text in word_set("generic_prefixes", fold=False)
        ):
            start += 1
        if start < i:
            found.append((start, i + length))
    return found


@Language.component("pattern_ruler", assigns=["doc.spans"])
def pattern_ruler(doc: Doc) -> Doc:
    """Add actors recognised by head, adjective + head, and legal form."""
    for i in range(len(doc)):
        found = head_span(doc, i)
        if found:
            candidates.add(doc, found[0], found[1], found[2].type, "pattern")
    for start, end in legal_spans(doc):
        candidates.add(doc, start, end, "Organization", "pattern")
    return doc
