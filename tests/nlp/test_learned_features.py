"""Features of the learned components, read off real German sentences: a table row per case."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.ingest import read_text
from kg.nlp.learned_entities import is_generic, spans_from_tags
from kg.nlp.lexicon import stem
from kg.nlp.pair_features import PairFeaturizer, lexicon_classes, relation_lexicon
from kg.nlp.pipeline import analyse, load_pipeline
from kg.nlp.token_features import shape, token_features


def _doc(text: str) -> Doc:
    return analyse(read_text(text, doc_id="t"), load_pipeline(None, None))


def _pair(text: str, subject: str, obj: str, feature_set: str = "rules") -> dict[str, float]:
    doc = _doc(text)
    keys = {e.name: e.key for e in (doc._.entities or {}).values()}
    pairs = {(p.subject, p.object): p for p in PairFeaturizer(feature_set).pairs(doc)}
    return pairs[(keys[subject], keys[obj])].features


@pytest.mark.parametrize(
    ("word", "classes"),
    [
        ("beteiligt", ("participation",)),
        ("federführend", ("lead",)),
        ("Betreiber", ("operation",)),
        ("Fördermittel", ("funding",)),
        ("Projektförderung", ("funding",)),
        ("Zusammenarbeit", ("partnership",)),
        ("Tochtergesellschaft", ("membership",)),
        ("Haus", ()),
    ],
)
def test_relation_lexicon_classes_words_by_meaning(word: str, classes: tuple[str, ...]) -> None:
    assert set(classes) <= set(lexicon_classes(word))
    if not classes:
        assert lexicon_classes(word) == ()


def test_every_lexicon_class_has_stems() -> None:
    assert all(stems and all(s == s.lower() for s in stems) for _, stems in relation_lexicon())


@pytest.mark.parametrize(
    ("text", "subject", "obj", "expected"),
    [
        (
            "Die Stadtwerke Musterstadt arbeiten gemeinsam mit der Hochschule Musterstadt am Projekt „Ladenetz Nord“.",
            "Stadtwerke Musterstadt",
            "Hochschule Musterstadt",
            {"tp=Organization>Organization", "d=0", "btw=gemeinsam", "btw_lex=partnership", "a_first"},
        ),
        (
            "Die Stadtwerke Musterstadt arbeiten gemeinsam mit der Hochschule Musterstadt am Projekt „Ladenetz Nord“.",
            "Hochschule Musterstadt",
            "Ladenetz Nord",
            {"tp=Organization>Project", "d=0", "b_topic", "sent_lex=partnership"},
        ),
        (
            "Projektpartner sind die Stadtwerke Musterstadt, die Hochschule Musterstadt und die Verkehrsbetriebe "
            "Musterstadt.",
            "Stadtwerke Musterstadt",
            "Hochschule Musterstadt",
            {"same_list", f"a_opening={stem('Projektpartner')}", "sent_lex=participation"},
        ),
        (
            "Das Projekt „Ladenetz Nord“ startet 2024. Es wird vom Land Niedersachsen gefördert.",
            "Ladenetz Nord",
            "Land Niedersachsen",
            {"tp=Project>Organization", "d=1", "sent_lex=funding", "a_topic"},
        ),
    ],
)
def test_pair_features(text: str, subject: str, obj: str, expected: set[str]) -> None:
    features = _pair(text, subject, obj)
    assert expected <= set(features), f"missing {expected - set(features)}"


def test_rule_relations_are_features_only_in_the_rules_set() -> None:
    text = "Die Verkehrsbetriebe Musterstadt beteiligen sich am Projekt „eBus Skorpion“."
    assert "rule=participatesIn" in _pair(text, "Verkehrsbetriebe Musterstadt", "eBus Skorpion", "rules")
    shallow = _pair(text, "Verkehrsbetriebe Musterstadt", "eBus Skorpion", "shallow")
    assert not any(name.startswith("rule") for name in shallow)


def test_pairs_far_apart_are_no_candidates_unless_one_is_the_topic() -> None:
    filler = " ".join(f"Satz {i} handelt vom Wetter." for i in range(5))
    text = f"Bericht zum Wetter. Die Stadtwerke Musterstadt bauen. {filler} Die Hochschule Musterstadt forscht."
    doc = _doc(text)
    assert not [p for p in PairFeaturizer().pairs(doc) if {p.subject, p.object} == set(doc._.entities)]
    topic = f"Bericht zum Projekt „Ladenetz Nord“. Die Stadtwerke Musterstadt bauen. {filler} Ende."
    doc = _doc(topic)
    pairs = {(p.subject, p.object) for p in PairFeaturizer().pairs(doc)}
    assert pairs == {("stadtwerke-musterstadt", "ladenetz-nord"), ("ladenetz-nord", "stadtwerke-musterstadt")}


@pytest.mark.parametrize(
    ("word", "form"), [("Leipzig", "Xx"), ("LVB", "X"), ("eBus", "xXx"), ("2030", "d"), ("E-Mobilität", "X-Xx")]
)
def test_shape(word: str, form: str) -> None:
    assert shape(word) == form


def test_token_features_see_quotes_candidates_and_the_rules() -> None:
    doc = _doc("Die LVB beteiligt sich am Projekt „eBus Skorpion“ in Leipzig.")
    features = dict(zip([t.text for t in doc], token_features(doc, "rules"), strict=True))
    assert "quoted" in features["Skorpion"]
    assert "0:cand=Organization:B" in features["LVB"]
    assert "no_candidate" in features["beteiligt"]
    shallow = dict(zip([t.text for t in doc], token_features(doc, "shallow"), strict=True))
    assert not any("cand=" in f for f in shallow["LVB"])


def test_bio_tags_become_spans() -> None:
    assert spans_from_tags(["B-Project", "I-Project", "B-Place", "O"]) == [(0, 2, "Project"), (2, 3, "Place")]


@pytest.mark.parametrize(
    ("text", "start", "generic"),
    [
        ("Das Netzwerk tagt.", 1, True),
        ("Die LVB fährt.", 1, False),
        ("Die eBus fährt.", 1, False),
        ("Netzwerk", 0, False),
    ],
)
def test_one_noun_after_an_article_is_generic(text: str, start: int, generic: bool) -> None:
    doc = load_pipeline(None, None).make_doc(text)
    assert is_generic(doc, start, start + 1) is generic
