"""Split words that PDF extraction glued to a header label: "StuttgartNiederschrift", "BauBezüglich".

A lost line break joins the last word of a name to the next field label; the name then runs on into the
label ("Landeshauptstadt StuttgartNiederschrift"). Only a known label (``field_labels`` in
``entity_lexicon.jsonl``) is split off, so brand names ("SaxMobility", "MyShuttle") stay whole.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.lexicon import word_set

_GLUED = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]{2,}|\w+-[A-ZÄÖÜ][a-zäöüß]+)([A-ZÄÖÜ][a-zäöüß]{3,})$")


def label_split(text: str) -> tuple[str, str] | None:
    """(word, label) when ``text`` is a word glued to a field label.

    >>> label_split("StuttgartNiederschrift"), label_split("SaxMobility")
    (('Stuttgart', 'Niederschrift'), None)
    """
    match = _GLUED.match(text)
    if match is None or match.group(2) not in word_set("field_labels", fold=False):
        return None
    return match.group(1), match.group(2)


@Language.component("glue_splitter", assigns=["token.text"])
def glue_splitter(doc: Doc) -> Doc:
    with doc.retokenize() as retokenizer:
        for token in doc:
            parts = label_split(token.text)
            if parts:
                retokenizer.split(token, list(parts), heads=[(token, 1), (token, 1)])
    return doc
