"""Places in no gazetteer, found by general German cues.

* a place noun before the name: "im Stadtteil Walle", "in den Kreisen Dithmarschen und Steinburg";
* a known country or state in parentheses after it: "aus Turku (Finnland)", "Koprivnica (Kroatien, …)";
* a proper noun right after "in", "aus" or "nach" ("in Halle", "aus Gdynia"), when HanTa tells the proper
  noun from a common noun ("in Betrieb") — see ``kg.nlp.proper_nouns`` — or the text names a body after it
  ("Stadt Bretten" … "in Bretten"), or it is a district of a known place ("in Bochum-Grumme");
* the rest of a list that one of these or a gazetteer place starts: "drei in Gröpelingen, drei in Walle und
  jeweils eine Station in Huchting, der Vahr, Schwachhausen, Mitte, der Neustadt und in Findorff".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.nlp import candidates
from kg.nlp.candidates import is_function_word
from kg.nlp.gazetteer import gazetteer_index, load_gazetteer
from kg.nlp.lexicon import cue_for, head_for, word_set
from kg.nlp.proper_nouns import common_noun_ending, is_proper_noun

_LIST_JOINERS = frozenset({",", "und", "sowie", "oder"})
_LIST_FILLERS = frozenset({"in", "im", "der", "dem", "den", "die", "nach", "aus"})
_ITEM_ENDS = frozenset({",", "und", "sowie", "oder", ".", ";", ")", "(", ":"})
MAX_LIST = 12
MIN_ITEM = 4  # shorter list items are cut-off words ("Stuttgart und Reg")


def name_word(token: Token) -> bool:
    """A single word that can be a place name: capitalised letters (hyphenated parts allowed), no cue."""
    text = token.text
    if not (text[:1].isupper() and text.replace("-", "").isalpha() and len(text) > 2) or text.isupper():
        return False
    if is_function_word(token) or text in word_set("field_labels", fold=False):
        return False
    if text in word_set("place_cues", fold=False) or text in word_set("area_nouns", fold=False):
        return False
    return head_for(text) is None and cue_for(text) is None


def _known_place(token: Token) -> bool:
    gid = gazetteer_index().exact.get(token.text)
    return gid is not None and load_gazetteer()[gid].type == "Place"


def _after_cue(doc: Doc, i: int) -> list[int]:
    """Names after a place noun at ``i``: "Stadtteil Walle", "Kreisen Dithmarschen und Steinburg"."""
    found = []
    j = i + 1
    while j < len(doc) and name_word(doc[j]):
        found.append(j)
        if j + 2 < len(doc) and doc[j + 1].lower_ in ("und", ",") and name_word(doc[j + 2]):
            j += 2
        else:
            break
    return found


def _before_country(doc: Doc, i: int) -> bool:
    """Token ``i`` is followed by "(Known place)" or "(Known place, …": "Turku (Finnland)"."""
    return (
        i + 3 < len(doc)
        and doc[i + 1].text == "("
        and _known_place(doc[i + 2])
        and doc[i + 3].text in (")", ",")
        and name_word(doc[i])
        and not _known_place(doc[i])
    )


def body_places(doc: Doc) -> frozenset[str]:
    """Names the text gives bodies named after their place: "Bretten" for "der Stadt Bretten"."""
    bodies = word_set("place_bodies", fold=False)
    return frozenset(doc[i + 1].text for i in range(len(doc) - 1) if doc[i].text in bodies and name_word(doc[i + 1]))


def _after_preposition(doc: Doc, i: int, named: frozenset[str]) -> bool:
    """Token ``i`` is a proper noun right after "in/aus/nach" and not the first part of a longer name."""
    if i == 0 or doc[i - 1].lower_ not in word_set("place_prepositions") or not name_word(doc[i]):
        return False
    if i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha:
        return False  # "in Leipziger Unternehmen": an adjective, or a longer name the other rules read
    text = doc[i].text
    district = "-" in text and text.split("-")[0] in gazetteer_index().exact  # "Bochum-Grumme"
    return text in named or district or bool(is_proper_noun(text))


def list_items(doc: Doc, i: int) -> list[int]:
    """The further places of a list whose first place is token ``i``."""
    found: list[int] = []
    j = i + 1
    while j < len(doc) and len(found) < MAX_LIST and doc[j].lower_ in _LIST_JOINERS:
        k = j + 1
        while k < len(doc) and k - j <= 3 and doc[k].lower_ in _LIST_FILLERS:
            k += 1
        if k >= len(doc) or k - j > 3 or not name_word(doc[k]) or len(doc[k]) < MIN_ITEM:
            break
        if common_noun_ending(doc[k].text) or (k + 1 < len(doc) and doc[k + 1].text not in _ITEM_ENDS):
            break
        found.append(k)
        j = k + 1
    return found


def place_tokens(doc: Doc) -> list[int]:
    """Indices of one-word places the cues find (gazetteer places only start lists)."""
    cues = word_set("place_cues", fold=False)
    named = body_places(doc)
    found: set[int] = set()
    for i, token in enumerate(doc):
        if token.text in cues:
            found.update(_after_cue(doc, i))
        elif _before_country(doc, i) or _after_preposition(doc, i, named):
            found.add(i)
    starts = found | {i for i, t in enumerate(doc) if _known_place(t)}
    for i in sorted(starts):
        found.update(list_items(doc, i))
    return sorted(found)


@Language.component("place_ruler", assigns=["doc.spans"])
def place_ruler(doc: Doc) -> Doc:
    for i in place_tokens(doc):
        candidates.add(doc, i, i + 1, "Place", "place")
    return doc
