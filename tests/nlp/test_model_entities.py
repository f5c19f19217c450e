"""A trained pipeline's NER (``--spacy-model``) feeds our recognisers; nothing requires one.

No trained German pipeline can be installed here, so an ``entity_ruler`` named "ner" stands in for one: the
component only reads ``doc.ents`` as a trained NER leaves them.
"""

from __future__ import annotations

import spacy

from kg.ingest import read_text
from kg.nlp.model_entities import label_types
from kg.nlp.pipeline import add_rule_pipes, analyse
from kg.records import ENTITY_TYPES


def _pipeline_with_ner() -> spacy.language.Language:
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(
        [
            {"label": "ORG", "pattern": "Quartiersladen Nordstern"},
            {"label": "LOC", "pattern": "Kleinzschocher"},
            {"label": "MISC", "pattern": "Elektromobilität"},
        ]
    )
    return add_rule_pipes(nlp)


def test_trained_ner_entities_become_entities() -> None:
    text = "Der Quartiersladen Nordstern verleiht Lastenräder in Kleinzschocher und wirbt für Elektromobilität."
    doc = analyse(read_text(text, doc_id="m1"), _pipeline_with_ner())
    found = {(e.name, e.type) for e in doc._.entities.values()}
    assert ("Quartiersladen Nordstern", "Organization") in found
    assert ("Kleinzschocher", "Place") in found
    assert not any(name == "Elektromobilität" for name, _ in found)  # MISC has no type of ours


def test_rule_recognisers_win_over_the_model_on_the_same_words() -> None:
    text = "Die Stadtwerke Leipzig GmbH baut Ladesäulen."
    nlp = spacy.blank("de")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns([{"label": "LOC", "pattern": "Leipzig"}])
    doc = analyse(read_text(text, doc_id="m2"), add_rule_pipes(nlp))
    assert {(e.name, e.type) for e in doc._.entities.values()} >= {("Stadtwerke Leipzig GmbH", "Organization")}


def test_label_table_maps_to_our_types() -> None:
    assert set(label_types().values()) <= set(ENTITY_TYPES)
    assert label_types()["ORG"] == "Organization"
