"""The "key_figures" component: numbers with units or counted nouns, their reference date and entity."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

import kg.nlp.pipeline  # noqa: F401  (registers the Doc extensions and the components)
from kg.ingest import read_document, read_text
from kg.nlp.figure_lexicon import lexicon
from kg.nlp.figures import figures_of, reference_date
from kg.nlp.pipeline import analyse


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("document_sentences")
    nlp.add_pipe("key_figures")
    return nlp


def test_reference_document_figures(reference_path: Path) -> None:
    document = read_document(reference_path)
    figures = figures_of(document)
    with_units = [f for f in figures if f.unit and f.unit_code]
    assert len(with_units) >= 12
    by_counted = {(f.value, f.counted) for f in figures}
    assert {
        (54.0, "Ladestationen"),
        (7.0, "öffentliche Ladestationen"),
        (24.0, "halböffentliche Ladestationen"),
        (23.0, "private Ladestationen"),
        (139.0, "Ladepunkte"),
        (39.0, "Standorte"),
        (25.0, "Mobilitätsstationen"),
        (380000.0, "Kilometer"),
        (57.0, "CO2"),
        (167.0, "E-Fahrzeuge"),
        (183.0, "Hybridfahrzeuge"),
    } <= by_counted
    co2 = next(f for f in figures if f.counted == "CO2")
    assert (co2.unit, co2.unit_code, co2.reference_date) == (
        "t CO2",
        "http://qudt.org/vocab/unit/TON_Metric",
        "2015-03",
    )
    cars = next(f for f in figures if f.value == 167.0)
    assert cars.reference_date == "2015-01-01"
    assert cars.evidence.section == "2"
    assert "167 reine E-Fahrzeuge" in cars.evidence.text
    assert document.text[cars.evidence.start : cars.evidence.end] == cars.evidence.text
    values = {f.value for f in figures}
    assert not values & {2015.0, 16.0, 1.0, 4.2, 40000.0}  # years, dates, section numbers, the budget table


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Stadt erhält 1,04 Mio. € Förderung.", [(1040000.0, "Mio. €", "Euro")]),
        ("Die Kosten belaufen sich auf 137.000 Euro.", [(137000.0, "Euro", "Euro")]),
        (
            "Es entstehen zwölf neue Mobilstationen und 42 Stellplätze.",
            [(12.0, "Mobilstationen", "Mobilstationen"), (42.0, "Stellplätze", "Stellplätze")],
        ),
        ("Die Quote liegt bei 80 % der Mehrkosten.", [(80.0, "%", "Prozent")]),
        ("Die 2. Lesung am 16.09.2015 nach § 5 Abs. 2, Tel. 0234/303-2434, HSt. 1.100.57.1.0.01.07.", []),
        ("Im Jahr 2015 gab es 2015 Projekte? Nein.", []),
        ("Es fahren zwei 12-Meter-Elektrobusse.", [(2.0, "12-Meter-Elektrobusse", "12-Meter-Elektrobusse")]),
    ],
)
def test_figure_table(nlp: Language, text: str, expected: list[tuple[float, str, str]]) -> None:
    doc = analyse(read_text(text, doc_id="t"), nlp)
    assert [(f.value, f.unit, f.counted) for f in doc._.figures] == expected


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("167 E-Fahrzeuge zugelassen (Stand 1.1.2015).", "2015-01-01"),
        ("57 t CO2 eingespart (Stand: März 2015)", "2015-03"),
        ("Im Jahr 2014 waren über 50 E-Fahrzeuge am Start.", "2014"),
        ("Es gibt 42 Stationen.", None),
    ],
)
def test_reference_date(sentence: str, date: str | None) -> None:
    assert reference_date(sentence) == date


def test_about_the_one_entity_of_the_sentence(nlp: Language) -> None:
    document = read_text("Die SWL-Gruppe verfügt über 17 E-Fahrzeuge. Es gibt 42 Stationen.", doc_id="t")
    doc = nlp.make_doc(document.text)
    doc._.document = document
    doc = nlp.get_pipe("document_sentences")(doc)
    doc.ents = [Span(doc, 1, 2, label="Organization", kb_id="swl")]
    doc = nlp.get_pipe("key_figures")(doc)
    assert [(f.value, f.about) for f in doc._.figures] == [(17.0, "swl"), (42.0, None)]


def test_figures_data_file() -> None:
    lex = lexicon()
    assert lex.units["km"].code == "http://qudt.org/vocab/unit/KiloM"
    assert ("Ladestationen" not in dict(lex.counted)) and ("Stationen", "Stationen") in lex.counted
    assert lex.scales["Mio."] == 1e6 and lex.numbers["sieben"] == 7
