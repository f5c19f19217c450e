"""Names in no list, known only by their spelling: upper-case abbreviations ("BREPARK", "KEMA-IEV") as
Organizations and brand-like words ("SaxMobilityII", "Wahren4Link", "MyShuttle") as Projects.

They have the lowest priority: any other recogniser's span that covers them wins, and so does its type.
The component also adds vehicle models named by their maker (``kg.nlp.products``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp import candidates
from kg.nlp.candidates import is_acronym, is_brand
from kg.nlp.lexicon import word_set
from kg.nlp.products import add_products

_GENDER_FORM = re.compile(r"(?:Innen|In|\*innen|:innen)$")
_E_WORD = re.compile(r"^[eE]-?[A-ZÄÖÜ][a-zäöüß]+$")  # "eMobilität", "EMobilen": a prefix, not a brand
_ACRONYM_WITH_PART = re.compile(r"^[A-ZÄÖÜ]{2,}(?:-[A-ZÄÖÜ]{2,})$")
_GLUED = re.compile(
    r"^[A-Za-zÄÖÜäöü][a-zäöüß]{3,}[A-ZÄÖÜ][a-zäöüß]{3,}(?:-\w+)?$"
)  # "VerhandlungDrucksache": a lost space
_NOT_A_NAME = re.compile(r"_|^[IVX\d]+\.")
MAX_ACRONYM = 8
_FILE_ENDINGS = (".de", ".pdf", ".html", ".htm", ".docx", ".xlsx")


def _brand_word(text: str) -> bool:
    if not is_brand(text) or text.lower().startswith("www") or text.lower().endswith(_FILE_ENDINGS):
        return False
    if "." in text and (len(text) < 6 or len(text.split(".")[0]) < 3):  # "z.B", "H.v"
        return False
    return any(c.isupper() or c.isdigit() or c in ".@" for c in text[1:])


@Language.component("brand_ruler", assigns=["doc.spans"])
def brand_ruler(doc: Doc) -> Doc:
    add_products(doc)
    for i, token in enumerate(doc):
        text = token.text
        if (
            len(text) < 3
            or _GENDER_FORM.search(text)
            or _E_WORD.match(text)
            or _GLUED.match(text)
            or _NOT_A_NAME.search(text)
        ):
            continue
        if text in word_set("plan_abbreviations", fold=False):
            continue  # "STEP" (Stadtentwicklungsplan) is a kind of plan, no actor
        upper = is_acronym(text) and text.isalpha() and text.isupper() and len(text) <= MAX_ACRONYM
        if upper or _ACRONYM_WITH_PART.match(text):
            candidates.add(doc, i, i + 1, "Organization", "brand")
        elif _brand_word(text) or ("-" in text and _brand_word(text.split("-")[0])):  # "MyShuttle-Verkehre"
            candidates.add(doc, i, i + 1, "Project", "brand")
    return doc
