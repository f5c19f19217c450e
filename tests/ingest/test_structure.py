"""Council-document structure read from the reference document and from the dev texts' headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.document import Document
from kg.ingest import read_document, read_text

DEV = Path(__file__).resolve().parents[2] / "data" / "eval" / "dev"


@pytest.fixture(scope="module")
def reference(reference_path: Path) -> Document:
    return read_document(reference_path)


def test_reference_header(reference: Document) -> None:
    s = reference.structure
    assert (s.reference, s.kind, s.status) == ("VI-DS-01293", "Beschlussvorlage", "öffentlich")
    assert s.submitter == "Dezernat Wirtschaft und Arbeit"
    assert s.subject == "Leipzig- Stadt für intelligente Mobilität"


def test_reference_consultations(reference: Document) -> None:
    rows = reference.structure.consultations
    assert len(rows) == 11
    assert (rows[0].body, rows[0].date, rows[0].role) == ("Dienstberatung des Oberbürgermeisters", None, "Bestätigung")
    assert [(r.body, r.date, r.role) for r in rows[1:4]] == [
        ("Fachausschuss Allgemeine Verwaltung", "2015-08-25", "1. Lesung"),
        ("Fachausschuss Umwelt und Ordnung", "2015-08-25", "1. Lesung"),
        ("Fachausschuss Finanzen", "2015-08-31", "1. Lesung"),
    ]
    assert [r.role for r in rows[6:10]] == ["2. Lesung"] * 4
    assert (rows[10].body, rows[10].date, rows[10].role) == ("Ratsversammlung", "2015-09-16", "Beschlussfassung")
    assert [r.position for r in rows] == list(range(1, 12))
    for row in rows:
        assert row.span and row.body in reference.text[row.span.start : row.span.end]


def test_reference_proposal_resolution_vote_finance(reference: Document) -> None:
    s = reference.structure
    assert [i.number for i in s.proposal] == ["1", "2", "3", "4"]
    assert [i.number for i in s.resolution] == ["1", "2", "3", "4", "5"]
    assert s.resolution[3].text == "Die Standorte der derzeit existierenden 25 Mobilitätsstationen werden evaluiert."
    assert s.resolution[4].text.startswith("Das Maßnahmen- und Umsetzungskonzept ist der Ratsversammlung")
    assert (s.resolution_body, s.resolution_date) == ("Ratsversammlung", "2015-09-16")
    assert s.vote is not None
    assert (s.vote.mode, s.vote.outcome, s.vote.against) == ("mehrheitlich", "angenommen", 4)
    assert s.vote.text == "mehrheitlich angenommen bei 4 Gegenstimmen"
    assert [(m.amount, m.currency, m.budget_line) for m in s.finance] == [(40000.0, "EUR", "1.100.57.1.0.01.07")]
    span = s.finance[0].span
    assert span and reference.text[span.start : span.end] == "40.000,00"


def test_reference_sections(reference: Document) -> None:
    numbered = {s.id: s for s in reference.sections if s.id[0].isdigit()}
    assert list(numbered) == ["1", "2", "3", "4", "4.1", "4.2", "4.3", "4.4", "5"]
    assert numbered["1"].heading == "Hintergrund"
    assert numbered["4.4"].heading == "Leipziger Messen"
    assert (numbered["4.2"].level, numbered["4"].end) == (2, numbered["5"].start)
    offset = reference.text.index("Die LVB nimmt derzeit")
    assert reference.section_at(offset).id == "4.2"


# (file, reference, kind, subject, [(body, date, role)]) as the headers of the dev texts read.
DEV_HEADERS = [
    (
        "c002",
        "VI-A-04741-VSP-01",
        "Verwaltungsstandpunkt",
        "Elektromobilität offensiv angehen statt weiter aussitzen",
        [
            ("Dienstberatung des Oberbürgermeisters", None, "Bestätigung"),
            ("FA Umwelt und Ordnung", "2018-01-09", "Vorberatung"),
            ("FA Wirtschaft und Arbeit", "2018-01-16", "Vorberatung"),
            ("FA Stadtentwicklung und Bau", "2018-01-16", "Vorberatung"),
            ("Verwaltungsausschuss", "2018-02-14", "Vorberatung"),
            ("Ratsversammlung", "2018-02-28", "Beschlussfassung"),
        ],
    ),
    (
        "c004",
        "VII-DS-00547-NF-01-DS-01",
        "Beschlussvorlage",
        "Mobilitätsstrategie 2030 - Start der Netzerweiterungen Straßenbahn",
        [
            ("Dienstberatung des Oberbürgermeisters", None, "Bestätigung"),
            ("FA Finanzen", "2020-08-31", "Vorberatung"),
            ("FA Umwelt, Klima und Ordnung", "2020-09-01", "1. Lesung"),
            ("FA Stadtentwicklung und Bau", "2020-09-08", "Vorberatung"),
            ("FA Wirtschaft, Arbeit und Digitales", "2020-09-08", "Vorberatung"),
            ("FA Umwelt, Klima und Ordnung", "2020-09-15", "2. Lesung"),
            ("Ratsversammlung", "2020-09-16", "Beschlussfassung"),
            ("zeitweilig beratender Ausschuss Verkehr und Mobilität", None, "Information zur Kenntnis"),
        ],
    ),
    (
        "c005",
        "VI-Ifo-06100",
        "Informationsvorlage",
        "Beteiligung der Stadt Leipzig am F&E-Projekt ABSOLUT: Autonomer Busshuttle Leipziger Messe zum BMW-Werk",
        [
            ("Dienstberatung des Oberbürgermeisters", None, "Information zur Kenntnis"),
            ("FA Wirtschaft, Arbeit und Digitales", "2018-08-28", "Information zur Kenntnis"),
            ("FA Stadtentwicklung und Bau", "2018-08-28", "Information zur Kenntnis"),
        ],
    ),
    (
        "c007",
        "1050/2018",
        "Beschlussvorlage",
        None,
        [
            ("Ausschuss für Umwelt und Technik", "2019-04-02", "Beschlussfassung"),
            ("Verwaltungsausschuss", "2019-04-10", "Beschlussfassung"),
        ],
    ),
    ("c010", None, None, None, []),
    ("c017", "2017/1806", "Beschlussvorlage", "Öffentliches Fahrradverleihsystem für Leverkusen", []),
    (
        "c019",
        "115/2021",
        "Beschlussvorlage",
        "Vertragsverlängerung mit der nextbike GmbH",
        [
            ("Ortschaftsrat Kuhbach", "2021-06-22", "vorberatend"),
            ("Ortschaftsrat Reichenbach", "2021-06-30", "vorberatend"),
            ("Haupt- und Personalausschuss", "2021-07-05", "vorberatend"),
            ("Gemeinderat", "2021-07-19", "beschließend"),
        ],
    ),
    (
        "c021",
        "0548/2020",
        "Beschlussvorlage",
        "Entwurf des Nahverkehrsplans 2020 der Stadt Hagen",
        [
            ("Stadtentwicklungsausschuss", "2020-06-23", "Vorberatung"),
            ("Umweltausschuss", "2020-06-23", "Vorberatung"),
            ("Bezirksvertretung Hagen-Nord", "2020-06-24", "Vorberatung"),
            ("Rat der Stadt Hagen", "2020-06-25", "Entscheidung"),
        ],
    ),
    (
        "c103",
        "2018/IV/3878",
        "Informationsvorlage",
        None,
        [
            ("Ausschuss für Stadt- und Regionalentwicklung, Umwelt und Ordnung", "2018-08-16", None),
            ("Bürgerschaft", "2018-09-05", None),
        ],
    ),
    (
        "c107",
        "2020/0883-1",
        "Beschlussvorlage",
        "Beschaffung von fünf wasserstoffbetriebenen Bussen im Kreis Dithmarschen",
        [
            ("Wirtschaftsausschuss", "2021-11-30", "Beschlussempfehlung an den Kreistag"),
            ("Finanzausschuss", "2021-12-01", "Beschlussempfehlung an den Kreistag"),
            ("Kreistag des Kreises Dithmarschen", "2021-12-09", "Abschließende Beschlussfassung"),
        ],
    ),
    ("c119", None, None, None, []),
]


@pytest.mark.parametrize(("name", "reference", "kind", "subject", "rows"), DEV_HEADERS)
def test_dev_headers(name: str, reference: str | None, kind: str | None, subject: str | None, rows: list) -> None:
    s = read_document(DEV / f"{name}.txt").structure
    assert (s.reference, s.kind, s.subject) == (reference, kind, subject)
    assert [(c.body, c.date, c.role) for c in s.consultations] == rows


@pytest.mark.parametrize(
    ("name", "outcomes"),
    [("c004", [None] * 6 + ["vertagt", None]), ("c107", ["ungeändert beschlossen", None, "ungeändert beschlossen"])],
)
def test_dev_consultation_outcomes(name: str, outcomes: list[str | None]) -> None:
    assert [c.outcome for c in read_document(DEV / f"{name}.txt").structure.consultations] == outcomes


@pytest.mark.parametrize(
    ("name", "related"),
    [
        ("c002", ("VI-A-04741", "VI-DS-03289-NF-02")),
        ("c004", ("VII-DS-00547", "VII-DS-00547-NF-01")),
        ("c107", ("2020/0883",)),
    ],
)
def test_related_papers(name: str, related: tuple[str, ...]) -> None:
    assert read_document(DEV / f"{name}.txt").structure.related == related


@pytest.mark.parametrize(
    ("name", "part", "numbers", "first"),
    [
        ("c002", "proposal", ["1", "2"], "Die Stadt Leipzig erarbeitet bis Ende 2018"),
        ("c004", "proposal", ["1", "2"], "Die Ratsversammlung nimmt den Stand"),  # ALLRIS numbers every item "1."
        ("c017", "proposal", ["1", "2", "3", "4"], "Der Rat der Stadt Leverkusen beschließt"),
        ("c019", "proposal", ["1"], "Die Stadt Lahr zieht"),
        ("c010", "resolution", ["1", "2"], "Der Verkehrsausschuss beschließt"),
        ("c025", "resolution", ["1"], "Der Bau- und Umweltausschuss beauftragt"),
    ],
)
def test_items(name: str, part: str, numbers: list[str], first: str) -> None:
    items = getattr(read_document(DEV / f"{name}.txt").structure, part)
    assert [i.number for i in items] == numbers
    assert items[0].text.startswith(first)


@pytest.mark.parametrize(
    ("text", "mode", "outcome", "against", "abstentions"),
    [
        ("Abstimmungsergebnis:\n\neinstimmig beschlossen\n\neine Enthaltung (AfD)\n", "einstimmig", "angenommen", 0, 1),
        (
            "Beschluss: einstimmig beschlossen\nBeschluss:\nDer Ausschuss beauftragt die Verwaltung.",
            "einstimmig",
            "angenommen",
            0,
            None,
        ),
        (
            "Abstimmungsergebnis: mit Stimmenmehrheit abgelehnt, 12 Nein-Stimmen, 3 Enthaltungen",
            "mehrheitlich",
            "abgelehnt",
            12,
            3,
        ),
        ("Beschluss: zurückgezogen\nFrau Frey erläutert den Antrag.", None, "zurückgezogen", None, None),
    ],
)
def test_votes(text: str, mode: str | None, outcome: str, against: int | None, abstentions: int | None) -> None:
    vote = read_text(text, doc_id="t").structure.vote
    assert vote is not None
    assert (vote.mode, vote.outcome, vote.against, vote.abstentions) == (mode, outcome, against, abstentions)


def test_headerless_text_builds_with_empty_structure() -> None:
    doc = read_text(
        "Im Jahr 2019 wurde der Ausbau der mobil.punkte in Bremen intensiv betrieben. Es gibt 42 Stationen.", "t"
    )
    assert doc.structure == type(doc.structure)()
    assert len(doc.sentences) == 2


def test_every_corpus_text_reads(dev_texts: list[Path], unlabeled_texts: list[Path]) -> None:
    for path in dev_texts + unlabeled_texts:
        doc = read_document(path)
        assert doc.sentences, path.name
        for s in doc.sentences:
            assert 0 <= s.start < s.end <= len(doc.text)
        for c in doc.structure.consultations:
            assert c.body.strip() == c.body and len(c.body) > 2
