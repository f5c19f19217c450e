"""Named persons: a title or office before a surname ("Dr. Wolfgang Hübschle", "Oberbürgermeister Jung"),
a form of address ("Herr Fiedler", "die Herren Henrich, Dr. Schlossnikel und Stürmer") or a known given name
("Jana Funke"). Titles and offices stay in the span; forms of address do not.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.nlp import candidates
from kg.nlp.candidates import is_function_word
from kg.nlp.gazetteer import gazetteer_index
from kg.nlp.lexicon import head_for, stem, word_set

_SURNAME = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?$")
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tät", "ion", "mus", "nis", "tum", "ium", "amt", "plan")


def _surname(token: Token) -> bool:
    text = token.text
    return (
        bool(_SURNAME.match(text))
        and not is_function_word(token)
        and not any(text.lower().endswith(e) and len(text) > len(e) + 3 for e in _NOUN_ENDINGS)
        and text not in word_set("field_labels", fold=False)
        and head_for(text) is None
        and text not in gazetteer_index().exact
        and stem(text) not in {stem(t) for t in word_set("person_titles", fold=False)}
    )


def _titles_before(doc: Doc, i: int) -> int:
    """Move left over academic titles and offices directly before token ``i``."""
    titles = word_set("person_titles", fold=False)
    while i > 0 and doc[i - 1].text in titles:
        i -= 1
    return i


def name_end(doc: Doc, i: int) -> int:
    """End of "[Titles] [Given name] Surname" starting at ``i``; ``i`` if there is no name."""
    titles = word_set("person_titles", fold=False)
    k = i
    while k < len(doc) and doc[k].text in titles:
        k += 1
    if k < len(doc) and doc[k].text in word_set("first_names", fold=False):
        k += 1
    if k < len(doc) and _surname(doc[k]):
        return k + 1
    return k if k > i and doc[k - 1].text in word_set("first_names", fold=False) and k - i > 1 else i


def person_spans(doc: Doc) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    courtesy = word_set("courtesy_titles", fold=False)
    titles = word_set("person_titles", fold=False)
    firsts = word_set("first_names", fold=False)
    i = 0
    while i < len(doc):
        text = doc[i].text
        if text in courtesy:
            j = i + 1
            while True:  # "die Herren A (X), Dr. B und C"
                end = name_end(doc, j)
                if end == j:
                    break
                found.append((j, end))
                j = end
                if j < len(doc) and doc[j].text == "(":
                    close = next((k for k in range(j, min(j + 6, len(doc))) if doc[k].text == ")"), j)
                    j = close + 1
                if text in ("Herren", "Frauen") and j < len(doc) and doc[j].lower_ in (",", "und"):
                    j += 1
                else:
                    break
            i = max(i + 1, j)
        elif (
            text in titles
            and text[:1].isupper()
            and not (text in ("Stadtrat", "Gemeinderat") and i + 1 < len(doc) and head_for(doc[i + 1].text))
        ) or text in firsts:
            end = name_end(doc, i)
            if end > i + (text in titles):
                found.append((_titles_before(doc, i), end))
                i = end
            else:
                i += 1
        else:
            i += 1
    return found


@Language.component("person_ruler", assigns=["doc.spans"])
def person_ruler(doc: Doc) -> Doc:
    for start, end in person_spans(doc):
        candidates.add(doc, start, end, "Person", "person")
    return doc
