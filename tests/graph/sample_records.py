"""Hand-made extraction records on the reference document's real text (no NLP in graph tests)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kg.document import (
    Consultation,
    Document,
    MoneyAmount,
    PaperStructure,
    ResolutionItem,
    Section,
    TextSpan,
    Vote,
)
from kg.records import Entity, Evidence, Extraction, KeyFigure, Mention, Relation

STARTED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
ENDED = datetime(2025, 1, 2, 3, 4, 9, tzinfo=UTC)


def span(text: str, phrase: str, after: int = 0) -> TextSpan:
    start = text.index(phrase, after)
    return TextSpan(start, start + len(phrase))


def evidence(doc: Document, phrase: str) -> Evidence:
    s = span(doc.text, phrase)
    return Evidence(doc.id, s.start, s.end, phrase)


def mentions(text: str, phrase: str) -> tuple[Mention, ...]:
    found, at = [], text.find(phrase)
    while at >= 0:
        found.append(Mention(at, at + len(phrase), phrase, "gazetteer"))
        at = text.find(phrase, at + 1)
    return tuple(found)


def reference_document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    consultations = (
        ("Dienstberatung des Oberbürgermeisters", None, "Bestätigung"),
        ("Fachausschuss Finanzen", "2015-08-31", "1. Lesung"),
        ("Fachausschuss Finanzen", "2015-09-14", "2. Lesung"),
        ("Ratsversammlung", "2015-09-16", "Beschlussfassung"),
    )
    proposal_4 = "4. Das Maßnahmen- und Umsetzungskonzept ist der Ratsversammlung spätestens im ersten Halbjahr 2016"
    resolution_at = text.index("Beschluss: 1.")
    structure = PaperStructure(
        reference="VI-DS-01293",
        kind="Beschlussvorlage",
        status="öffentlich",
        submitter="Dezernat Wirtschaft und Arbeit",
        subject="Leipzig- Stadt für intelligente Mobilität",
        consultations=tuple(
            Consultation(
                i,
                body,
                date,
                role,
                span=span(text, f"{body} {date[8:]}.{date[5:7]}.{date[:4]} {role}") if date else None,
            )
            for i, (body, date, role) in enumerate(consultations, 1)
        ),
        proposal=(
            ResolutionItem(
                "1",
                "Der Sachstand hinsichtlich der stadtweiten Aktivitäten zur Unterstützung und "
                "Fortentwicklung der Elektromobilität wird zur Kenntnis genommen.",
            ),
            ResolutionItem("4", proposal_4[3:] + " vorzulegen.", span(text, proposal_4)),
        ),
        resolution=(
            ResolutionItem(
                "1",
                "Der Sachstand hinsichtlich der stadtweiten Aktivitäten zur Unterstützung und "
                "Fortentwicklung der Elektromobilität wird zur Kenntnis genommen.",
            ),
            ResolutionItem(
                "4",
                "Die Standorte der derzeit existierenden 25 Mobilitätsstationen werden evaluiert.",
                span(text, "4. Die Standorte der derzeit existierenden 25 Mobilitätsstationen"),
            ),
            ResolutionItem(
                "5",
                "Das Maßnahmen- und Umsetzungskonzept ist der Ratsversammlung spätestens im ersten "
                "Halbjahr 2016 vorzulegen.",
                span(text, "5. Das Maßnahmen-", resolution_at),
            ),
        ),
        resolution_body="Ratsversammlung",
        resolution_date="2015-09-16",
        vote=Vote(
            "mehrheitlich angenommen bei 4 Gegenstimmen",
            "angenommen",
            "mehrheitlich",
            against=4,
            span=span(text, "Abstimmungsergebnis: mehrheitlich angenommen bei 4 Gegenstimmen"),
        ),
        finance=(MoneyAmount(40000.0, "EUR", "1.100.57.1.0.01.07", span(text, "40.000,00 1.100.57.1.0.01.07")),),
    )
    s42, s43 = text.index("4.2 Unternehmen der"), text.index("4.3 Netzwerk")
    sections = (
        Section("4.2", "Unternehmen der Leipziger Versorgungs- und Verkehrsgesellschaft mbH (LVV)", s42, s43, 2),
        Section("4.3", "Netzwerk des Clusters Energie & Umwelttechnik", s43, text.index("4.4 Leipziger"), 2),
    )
    return Document(
        id="VI-DS-01293",
        title="Leipzig - Stadt für intelligente Mobilität",
        source=str(path),
        text=text,
        sections=sections,
        structure=structure,
    )


def reference_extraction(path: Path) -> Extraction:
    doc = reference_document(path)
    text = doc.text
    lvb_sentence = (
        "Die LVB beteiligt sich zudem an drei Projekten für den Einsatz von Elektrobussen "
        "(SaxHybrid PLus, eBus Batterfly und eBus Skorpion)"
    )
    entities = (
        Entity(
            "lvb",
            "Organization",
            "Leipziger Verkehrsbetriebe GmbH",
            ("LVB",),
            mentions=mentions(text, "Leipziger Verkehrsbetriebe GmbH") + mentions(text, "Die LVB"),
        ),
        Entity(
            "saxhybrid-plus", "Project", "SaxHybrid Plus", ("SaxHybrid PLus",), mentions=mentions(text, "SaxHybrid")
        ),
        Entity(
            "stadtwerke-leipzig",
            "Organization",
            "Stadtwerke Leipzig GmbH",
            ("SWL",),
            wikidata="Q2328555",
            mentions=mentions(text, "Stadtwerke Leipzig GmbH"),
        ),
        Entity(
            "fachausschuss-finanzen",
            "Organization",
            "Fachausschuss Finanzen",
            mentions=mentions(text, "Fachausschuss Finanzen"),
        ),
        Entity("leipzig", "Place", "Leipzig", wikidata="http://www.wikidata.org/entity/Q2079"),
    )
    relations = (
        Relation(
            "lvb",
            "participatesIn",
            "saxhybrid-plus",
            "beteiligt sich an",
            0.8,
            (
                Evidence(
                    doc.id, text.index(lvb_sentence), text.index(lvb_sentence) + len(lvb_sentence), lvb_sentence, "4.2"
                ),
            ),
        ),
        Relation("lvb", "participatesIn", "saxhybrid-plus", "Projekten (Liste)", 0.9, (evidence(doc, lvb_sentence),)),
        Relation(
            "stadtwerke-leipzig",
            "locatedIn",
            "leipzig",
            "in und um",
            0.6,
            (
                evidence(
                    doc,
                    "54 Ladestationen (7 öffentliche, 24 halböffentliche und 23 private) mit 139 "
                    "Ladepunkten an 39 Standorten in und um Leipzig errichtet",
                ),
            ),
        ),
    )
    figures = (
        KeyFigure(
            54,
            "Ladestationen",
            "Ladestationen",
            evidence(doc, "54 Ladestationen"),
            "stadtwerke-leipzig",
            "2015-03",
            "http://qudt.org/vocab/unit/NUM",
        ),
        KeyFigure(57, "t CO2", "CO2-Einsparung", evidence(doc, "57 t CO2")),
    )
    return Extraction(doc, entities, relations, figures)
