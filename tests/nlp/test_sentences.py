"""The "document_sentences" component puts the ingest sentences onto the spaCy tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import kg.nlp.pipeline  # noqa: F401  (registers the Doc extensions and the components)
from kg.ingest import read_document, read_text
from kg.nlp.pipeline import analyse


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("document_sentences")
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die LVB fährt z. B. elektrisch. Das ist neu.", ["Die LVB fährt z. B. elektrisch.", "Das ist neu."]),
        ("Betreff:\nLadesäulen\n\nDie 2. Lesung folgt.", ["Betreff:", "Ladesäulen", "Die 2. Lesung folgt."]),
        ("Ohne Punkt am Ende", ["Ohne Punkt am Ende"]),
    ],
)
def test_sentences_follow_the_document(nlp: Language, text: str, expected: list[str]) -> None:
    doc = analyse(read_text(text, doc_id="t"), nlp)
    assert [s.text.strip() for s in doc.sents] == expected  # white-space tokens stay with their sentence


def test_reference_sentences_align(nlp: Language, reference_path: Path) -> None:
    document = read_document(reference_path)
    doc = analyse(document, nlp)
    sents = list(doc.sents)
    assert len(sents) == len(document.sentences)
    for span, sentence in zip(sents, document.sentences, strict=True):
        assert span.start_char <= sentence.start < span.end_char


def test_doc_without_document_is_one_sentence(nlp: Language) -> None:
    doc = nlp("Erster Satz. Zweiter Satz.")
    assert len(list(doc.sents)) == 1
