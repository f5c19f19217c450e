"""Sentence splitting and normalisation on German cases, and sentences of the flattened reference document."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import read_document
from kg.ingest.normalise import normalise_text
from kg.ingest.sentences import split_sentences

WRAPPED = "Die Stadt erarbeitet gemeinsam mit der LVV Leipziger Versorgungs- und\nVerkehrsgesellschaft eine Strategie."


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die LVB fährt z. B. auf der Linie 60. Das ist neu.",
            ["Die LVB fährt z. B. auf der Linie 60.", "Das ist neu."],
        ),
        (
            "Das gilt u. a. für Busse, d. h. für alle. Dann folgt mehr.",
            ["Das gilt u. a. für Busse, d. h. für alle.", "Dann folgt mehr."],
        ),
        (
            "Der Netzwerk Energie & Umwelt e. V. hilft. Er berät.",
            ["Der Netzwerk Energie & Umwelt e. V. hilft.", "Er berät."],
        ),
        ("Vgl. Nr. 4 und Dr. Müller. Ca. 80 % fahren.", ["Vgl. Nr. 4 und Dr. Müller.", "Ca. 80 % fahren."]),
        ("Es kostet ca. 3 Mio. Euro bzw. mehr. Gut so.", ["Es kostet ca. 3 Mio. Euro bzw. mehr.", "Gut so."]),
        ("Gem. Abs. 2 S. 1 gilt das. Ende.", ["Gem. Abs. 2 S. 1 gilt das.", "Ende."]),
        (
            "Die 2. Lesung war am 16.09.2015. Der Rat stimmte zu.",
            ["Die 2. Lesung war am 16.09.2015.", "Der Rat stimmte zu."],
        ),
        ("Leipzig, den 17. September 2015 war es so. Gut.", ["Leipzig, den 17. September 2015 war es so.", "Gut."]),
        ("Er sagte: „Das ist gut.“ Dann ging er.", ["Er sagte: „Das ist gut.“", "Dann ging er."]),
        ("Wann kommt die Bahn? Morgen! Sicher.", ["Wann kommt die Bahn?", "Morgen!", "Sicher."]),
        ("1. Der Rat beschließt. 2. Die Verwaltung prüft.", ["1. Der Rat beschließt.", "2. Die Verwaltung prüft."]),
        (
            "Betreff:\nLadeinfrastruktur\n\nDer Ausbau geht weiter.",
            ["Betreff:", "Ladeinfrastruktur", "Der Ausbau geht weiter."],
        ),
        (WRAPPED, [WRAPPED]),  # a long line that does not end a sentence runs on
        ("Die Zahl stieg bis 2015. Im Jahr 2016 sank sie.", ["Die Zahl stieg bis 2015.", "Im Jahr 2016 sank sie."]),
        ("Er nutzt inkl. Rad ggf. die Bahn usw. und fährt.", ["Er nutzt inkl. Rad ggf. die Bahn usw. und fährt."]),
    ],
)
def test_sentence_table(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("Erneuerbare-Energien-\nGesetz", "Erneuerbare-Energien-Gesetz"),
        ("Verkehrs-\ngesellschaft", "Verkehrsgesellschaft"),
        ("Maßnahmen-\nund Umsetzungskonzept", "Maßnahmen- und Umsetzungskonzept"),
        ("Elektro\u00admobilität", "Elektromobilität"),
        ("40.000\u00a0EUR\r\n", "40.000 EUR\n"),
        ("Betreff:\nLadeinfrastruktur\n- Punkt", "Betreff:\nLadeinfrastruktur\n- Punkt"),
    ],
)
def test_normalisation(raw: str, normalised: str) -> None:
    assert normalise_text(raw) == normalised


def test_flattened_reference_splits_well(reference_path: Path) -> None:
    doc = read_document(reference_path)
    found = [doc.text[s.start : s.end] for s in doc.sentences]
    for expected in [
        "Fachausschuss Finanzen 31.08.2015 1. Lesung",
        "4. Die Standorte der derzeit existierenden 25 Mobilitätsstationen werden evaluiert.",
        "mehrheitlich angenommen bei 4 Gegenstimmen",
        "1. Hintergrund",
        "Die Verkehrslandschaft in Deutschland befindet sich in einem erheblichen Veränderungsprozess.",
        "4.4 Leipziger Messen",
        "Die LVB nimmt derzeit an den Projekten SaxMobilityII und Schaufenster BayernSachsen teil.",
        "Beide E-Busse werden vom Fraunhofer-Institut zur Verfügung gestellt.",
    ]:
        assert expected in found
    assert any(
        s.startswith("Das Ziel, „Leipzig – Stadt für intelligente Mobilität“, korrespondiert u. a. mit") for s in found
    )
    assert 120 <= len(found) <= 260
