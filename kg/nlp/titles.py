"""Projects, programmes, plans and events named after a cue noun, and named plans.

A cue (``kg/resources/patterns/title_cues.jsonl``) is followed by a quoted title ("Projekt „Laternenparken“",
"Messe „new mobility“"), by a brand-like name ("Projekt eBus Skorpion", "Programms CiViTAS"), or, for a
plural cue, by a list of them ("Projekten (SaxHybrid PLus, eBus Batterfly und eBus Skorpion)"). A compound
with a plan cue is itself a name ("Nahverkehrsplan 2020", "Integriertes Klimaschutzkonzept") unless it is a
``generic_plans`` kind of document ("der Stellenplan") or follows an indefinite article ("ein Finanzierungskonzept");
``named_plan_heads`` and ``plan_abbreviations`` take a name after them ("Charta Leipziger Neuseenland 2030",
"STEP Verkehr und öffentlicher Raum"), and any plan a year, a genitive owner and a quoted title ("Arbeitsprogramm
des Oberbürgermeisters „Leipzig 2020“"); the shorter forms come along as aliases. A list introduction that
ends in a project noun ("für die Neubaumaßnahmen:") makes the quoted titles heading its bullets Projects.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.nlp import candidates
from kg.nlp.candidates import is_acronym, is_brand, is_function_word
from kg.nlp.lexicon import Cue, cue_for, stem, word_set
from kg.nlp.measures import add_measures
from kg.nlp.patterns import left_start, place_after, place_word, topic_end

OPEN_QUOTES = frozenset({"„", "“", '"', "«", "‚", "»"})
CLOSE_QUOTES = frozenset({"“", "”", '"', "»", "‘", "«"})
MAX_TITLE = 25
MAX_NAME = 4
MAX_LIST_GAP = 8
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|\d{1,4}|\d\.\d)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def opens_quote(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a quotation. A quote mark glued to the word before it closes one
    ("… Elektromobilität“ gemeinsam"), even where the same mark opens in English typography."""
    if i >= len(doc) or doc[i].text not in OPEN_QUOTES:
        return False
    return doc[i].text not in CLOSE_QUOTES or i == 0 or bool(doc[i - 1].whitespace_)


def quoted_end(doc: Doc, i: int) -> int | None:
    """The index of the quote that closes the one opened at ``i``, within ``MAX_TITLE`` tokens and the sentence."""
    for k in range(i + 1, min(i + MAX_TITLE, len(doc))):
        if doc[k].is_sent_start:
            return None  # a title never runs across a sentence boundary
        if doc[k].text in CLOSE_QUOTES or doc[k].text.endswith("“"):
            return k if k > i + 1 else None
        if "\n" in doc[k].text_with_ws and doc[k].text_with_ws.count("\n") > 1:
            return None
    return None


def _name_start(token: Token) -> bool:
    text = token.text
    return is_brand(text) or is_acronym(text) or bool(re.match(r"^[A-ZÄÖÜ]\w+/[A-ZÄÖÜ]\w+$", text))


def brand_end(doc: Doc, i: int) -> int:
    """End of an unquoted brand-like name at ``i`` ("eBus Skorpion", "SaxMobility I"); ``i`` if none."""
    if i >= len(doc) or not _name_start(doc[i]):
        return i
    k = i + 1
    while k < len(doc) and k - i < MAX_NAME:
        t = doc[k]
        if (
            (
                t.text[:1].isupper()
                and t.is_alpha
                and not is_function_word(t)
                and not cue_for(t.text)
                and t.text not in word_set("field_labels", fold=False)
            )
            or _ROMAN.match(t.text)
            or is_brand(t.text)
        ):
            k += 1
        else:
            break
    return k


def title_spans(doc: Doc, i: int, cue: Cue) -> list[tuple[int, int]]:
    """The titles that cue token ``i`` introduces."""
    j = i + 1
    if opens_quote(doc, j + 1) and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1  # "Investitionsprojekt Schnellladesäulen „…“"
    if opens_quote(doc, j):
        close = quoted_end(doc, j)
        if close is None:
            return []
        whole = not any(t.text == "." for t in doc[j + 1 : close])  # a quote paired across sentences ends the list
        return [(j + 1, close), *(continued_titles(doc, close) if whole else [])]
    if j < len(doc) and doc[j].text == "(":
        return _list_items(doc, j + 1)
    found = []
    end = brand_end(doc, j)
    while end > j:
        found.append((j, end))
        after = _skip_expansion(doc, end)
        if after < len(doc) and doc[after].lower_ in (",", "und", "sowie"):
            j = after + 1
            end = brand_end(doc, j)
        else:
            break
    if not found and cue.type == "Organization" and _plural(doc[i]):
        return _bare_list(doc, j)
    if not found and _plural(doc[i]):
        for k in range(j, min(j + MAX_LIST_GAP, len(doc))):
            if doc[k].text == "(":
                return _list_items(doc, k + 1)
            if doc[k].text in ".;:":
                break
    return found


def _skip_expansion(doc: Doc, end: int) -> int:
    """The token after a parenthesised expansion that follows a listed name ("ALIS (Aufbau …), LIS"), else
    ``end``."""
    if end < len(doc) and doc[end].text == "(":
        for k in range(end + 1, min(end + MAX_LIST_GAP, len(doc))):
            if doc[k].text in ".;:(":
                break
            if doc[k].text == ")":
                return k + 1
    return end


def continued_titles(doc: Doc, close: int) -> list[tuple[int, int]]:
    """Quoted titles that a conjunction adds to the one closed at ``close``, within one clause:
    "bei dem Investitionsprojekt „A“ von München nach Leipzig oder dem „B“"."""
    found: list[tuple[int, int]] = []
    k = close + 1
    while k < min(close + MAX_LIST_GAP + 4, len(doc)) and doc[k].text not in ".;:" and doc[k].text not in OPEN_QUOTES:
        if doc[k].lower_ in ("oder", "und", "sowie"):
            m = k + 1
            if m < len(doc) and doc[m].lower_ in ("der", "die", "das", "dem", "den", "des"):
                m += 1
            end = quoted_end(doc, m) if opens_quote(doc, m) else None
            if end:
                found.append((m + 1, end))
                close, k = end, end
        k += 1
    return found


def _plural(token: Token) -> bool:
    return token.lower_.endswith(("en", "e")) and stem(token.text) != token.lower_


def _list_items(doc: Doc, i: int) -> list[tuple[int, int]]:
    """Names listed in parentheses: "(SaxHybrid PLus, eBus Batterfly und eBus Skorpion)"."""
    found = []
    j = i
    while j < len(doc):
        end = brand_end(doc, j)
        if end == j:
            return []
        found.append((j, end))
        if end < len(doc) and doc[end].lower_ in (",", "und", "sowie"):
            j = end + 1
        elif end < len(doc) and doc[end].text == ")":
            return found
        else:
            return []
    return []


def _name_part(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and not is_function_word(token) and not cue_for(token.text)


def _bare_list(doc: Doc, i: int) -> list[tuple[int, int]]:
    """Two or more names listed after a plural actor cue: "den Firmen rebus und Nahverkehr Schwerin"."""
    found: list[tuple[int, int]] = []
    j = i
    while j < len(doc) and len(found) < MAX_NAME:
        if j >= len(doc) or not doc[j].is_alpha or is_function_word(doc[j]):
            return []
        end = j + 1
        while end < len(doc) and end - j < MAX_NAME and _name_part(doc[end]):
            end += 1
        if not doc[j].text[:1].isupper() and end > j + 1:
            return []  # a lower-case word starts only a one-word name ("rebus"), not a clause
        found.append((j, end))
        if end < len(doc) and doc[end].lower_ in (",", "und", "sowie"):
            j = end + 1
        else:
            break
    return found if len(found) > 1 else []


_RANGE = frozenset({"-", "–", "bis"})
_INDEFINITE = frozenset({"ein", "eine", "einen", "eines", "einem", "einer", "kein", "keine", "keinen", "keines"})
MIN_COMPOUND = 5


def _year_end(doc: Doc, i: int) -> int:
    """``i`` moved past a year or a year range ("2030", "2014 - 2020")."""
    if i < len(doc) and _YEAR.match(doc[i].text.rstrip(".")):
        i += 1
        if i + 1 < len(doc) and doc[i].text in _RANGE and _YEAR.match(doc[i + 1].text.rstrip(".")):
            i += 2
    return i


def _owner_end(doc: Doc, i: int) -> int:
    """``i`` moved past a genitive owner ("des Oberbürgermeisters", "der Stadt Leipzig", "des Bundes")."""
    if i + 1 >= len(doc) or doc[i].lower_ not in ("der", "des"):
        return i
    owners = word_set("genitive_owners") | word_set("place_bodies") | word_set("plan_owners")
    if doc[i + 1].lower_ not in owners:
        return i
    end = i + 2
    if end < len(doc) and doc[end].text[:1].isupper() and place_word(doc[end]):
        end += 1  # "der Stadt Leipzig"
    return end


def _named(word: str, items: str) -> bool:
    return stem(word) in {stem(w) for w in word_set(items, fold=False)}


def _extensions(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The spans from ``start`` over a year, an owner, a second year and a quoted title after ``end``; the
    longest is the name, the others are its shorter forms."""
    spans = [(start, end)]
    for step in (_year_end, _owner_end, _year_end):
        moved = step(doc, spans[-1][1])
        if moved > spans[-1][1]:
            spans.append((start, moved))
    last = spans[-1][1]
    if opens_quote(doc, last):
        close = quoted_end(doc, last)
        if close is not None:
            spans += [(start, close + 1), (last + 1, close)]  # the title alone is a form of the name, too
    return spans


def plan_spans(doc: Doc, i: int, cue: Cue) -> list[tuple[int, int]]:
    """The named plan that the compound at ``i`` heads, and its shorter forms; none if it names no plan."""
    token = doc[i]
    lower = token.lower_.replace("\u00ad", "")
    if cue.type != "Plan" or cue.match != "suffix" or not token.text[:1].isupper():
        return []
    named = _named(token.text, "named_plan_heads")
    if not lower.endswith((cue.cue, cue.cue + "s", cue.cue + "es")) or (
        len(lower) < len(cue.cue) + MIN_COMPOUND and not named
    ):
        return []
    start = left_start(doc, i, adjectives=True)
    end = i + 1
    if named:
        end = max(end, topic_end(doc, end))
    spans = _extensions(doc, start, end)
    if end == i + 1 and _named(token.text, "generic_plans"):
        return spans[1:]  # "Arbeitsprogramm des Oberbürgermeisters", not "Arbeitsprogramm"
    if len(spans) == 1 and start > 0 and doc[start - 1].lower_ in _INDEFINITE:
        return []
    return spans


def abbreviated_plan(doc: Doc, i: int) -> list[tuple[int, int]]:
    """A plan abbreviation with its name ("STEP Verkehr und öffentlicher Raum"); none without a name."""
    if doc[i].text not in word_set("plan_abbreviations", fold=False):
        return []
    end = topic_end(doc, i + 1)
    return _extensions(doc, i, end) if end > i + 1 else []


def line_end(doc: Doc, i: int) -> int | None:
    """A numbered line as a service: "Linie 60", "Innovationslinie 89", "Buslinie 37"."""
    if not (stem(doc[i].text).endswith("lini") and doc[i].text.endswith("e") and i + 1 < len(doc)):
        return None
    if re.match(r"^\d{1,3}[A-Z]?\.?$", doc[i + 1].text) and not (i + 2 < len(doc) and doc[i + 2].text == ","):
        return i + 2
    return None


_BULLET = re.compile(r"^[ \t]*([-–•*▪·]|\d{1,2}[.)]|[a-z]\))[ \t]+")
_INTRO = re.compile(r"(\w+)\s*:\s*$")


def _marker_kind(marker: str) -> str:
    """A bullet marker with its number or letter folded: "2." and "10." are one kind, "-" another."""
    return re.sub(r"[a-z]", "a", re.sub(r"\d+", "1", marker))


def _intro_line(text: str, line_start: int, marker: str) -> str:
    """The line above a bullet that is neither blank nor a bullet of the same kind as ``marker``."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        bullet = _BULLET.match(line)
        if line.strip() and not (bullet and _marker_kind(bullet.group(1)) == _marker_kind(marker)):
            return line
        end = start - 1
    return ""


def listed_titles(doc: Doc) -> list[tuple[int, int]]:
    """Quoted titles that head the bullets of a list a project noun introduces: "für die Neubaumaßnahmen:" then
    "- „Südsehne“ - mit begleitenden Einbindungstrassen"."""
    found = []
    nouns = tuple(word_set("list_intro_nouns"))
    for i, token in enumerate(doc):
        if not opens_quote(doc, i):
            continue
        line_start = doc.text.rfind("\n", 0, token.idx) + 1
        bullet = _BULLET.match(doc.text[line_start : token.idx])
        if bullet is None or bullet.end() != token.idx - line_start:
            continue
        intro = _INTRO.search(_intro_line(doc.text, line_start, bullet.group(1)))
        close = quoted_end(doc, i)
        if intro and intro.group(1).lower().endswith(nouns) and close is not None:
            found.append((i + 1, close))
    return found


@Language.component("title_ruler", assigns=["doc.spans"])
def title_ruler(doc: Doc) -> Doc:
    """Add titles after cue nouns, named plan compounds and measures a paper is about or decides."""
    add_measures(doc)
    for start, end in listed_titles(doc):
        candidates.add(doc, start, end, "Project", "title")
    for i, token in enumerate(doc):
        if not token.text[:1].isupper() or (not token.is_alpha and "-" not in token.text):
            continue
        line_title_end = line_end(doc, i)
        if line_title_end:
            candidates.add(doc, i, line_title_end, "Project", "title")
        for start, end in abbreviated_plan(doc, i):
            candidates.add(doc, start, end, "Plan", "pattern")
        cue = cue_for(token.text)
        if cue is None:
            continue
        for start, end in title_spans(doc, i, cue):
            candidates.add(doc, start, end, cue.type, "title")
        if cue.type == "Project" and cue.match == "suffix" and len(token.text) > len(cue.cue) + 3:
            end = place_after(doc, i + 1)  # "Pilotprojekt im Seebad Warnemünde"
            if end > i + 1:
                candidates.add(doc, i, end, "Project", "title")
        for start, end in plan_spans(doc, i, cue):
            candidates.add(doc, start, end, "Plan", "pattern")
    return doc
