"""Reading each file kind: plain text in three encodings, the web page form, PDF, OParl JSON, and the errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import EncodingError, InputError, NoTextLayerError
from kg.ingest import READERS, read_document, read_text

PDF_DIR = Path(__file__).resolve().parents[1] / "data" / "pdf"
GERMAN = "Die Leipziger Verkehrsbetriebe (LVB) betreiben Straßenbahnen für 25 Mobilitätsstationen.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_plain_text_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "c900.txt"
    path.write_bytes(
        (GERMAN + "Kosten: 40.000 € für Grünflächen.\n" if encoding == "cp1252" else GERMAN).encode(encoding)
    )
    doc = read_document(path)
    assert doc.id == "c900"
    assert doc.text.startswith("Die Leipziger Verkehrsbetriebe (LVB) betreiben Straßenbahnen")
    assert "\ufeff" not in doc.text
    if encoding == "cp1252":
        assert "40.000 €" in doc.text


def test_page_form_metadata_and_body(reference_path: Path) -> None:
    doc = read_document(reference_path)
    assert doc.id == "VI-DS-01293"
    assert doc.metadata["Kommune"] == "Leipzig"
    assert doc.metadata["Dateiname"] == "1029500.pdf"
    assert doc.metadata["Erstellt"] == "16.04.15, 12:00"
    assert doc.text.startswith("Ratsversammlung Beschlussvorlage Nr. VI-DS-01293")
    assert "Politik bei uns" not in doc.text
    assert doc.title == "Leipzig- Stadt für intelligente Mobilität"


def test_gold_doc_ids_match_read_document(eval_dir: Path) -> None:
    for gold_path in sorted(eval_dir.rglob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        assert read_document(gold_path.parent / gold["text"]).id == gold["doc"], gold_path.name


def test_pdf_with_text_layer() -> None:
    doc = read_document(PDF_DIR / "vorlage.pdf")
    assert doc.media_type == "application/pdf"
    assert doc.metadata["pages"] == "2"
    assert doc.structure.reference == "VII-DS-09999"
    assert doc.structure.submitter == "Dezernat Stadtentwicklung und Bau"
    assert "Erneuerbare-Energien-Gesetz" in doc.text
    assert "Verkehrsgesellschaft" in doc.text


def test_pdf_without_text_layer() -> None:
    with pytest.raises(NoTextLayerError, match=r"has no text layer \(scanned\?\)"):
        read_document(PDF_DIR / "scan.pdf")


def test_oparl_paper(tmp_path: Path) -> None:
    paper = {
        "id": "https://oparl.example.org/paper/1",
        "type": "https://schema.oparl.org/1.1/Paper",
        "name": "Ausbau der Mobilstationen",
        "reference": "2021/0815",
        "date": "2021-03-01",
        "paperType": "Beschlussvorlage",
        "originatorOrganization": [{"name": "Amt für Verkehr"}],
        "relatedPaper": [{"reference": "2020/0100"}, "https://oparl.example.org/paper/7"],
        "mainFile": {"text": "Beschlussvorschlag:\n1. Der Rat beschließt 12 neue Mobilstationen."},
        "consultation": [
            {
                "organization": [{"name": "Verkehrsausschuss"}],
                "meeting": {"name": "Sitzung", "start": "2021-03-10T17:00:00+01:00"},
                "role": "Vorberatung",
            },
            {"organization": ["https://oparl.example.org/organization/3"], "role": "Entscheidung"},
        ],
    }
    path = tmp_path / "paper.json"
    path.write_text(json.dumps(paper), encoding="utf-8")
    doc = read_document(path)
    s = doc.structure
    assert (doc.id, doc.media_type, doc.title) == ("2021/0815", "text/x-oparl", "Ausbau der Mobilstationen")
    assert (s.kind, s.date, s.submitter, s.related) == (
        "Beschlussvorlage",
        "2021-03-01",
        "Amt für Verkehr",
        ("2020/0100",),
    )
    assert [(c.body, c.date, c.role) for c in s.consultations] == [("Verkehrsausschuss", "2021-03-10", "Vorberatung")]
    assert [i.text for i in s.proposal] == ["Der Rat beschließt 12 neue Mobilstationen."]


@pytest.mark.parametrize(
    ("name", "content", "error", "message"),
    [
        ("missing.txt", None, InputError, "does not exist"),
        ("empty.txt", b"", InputError, "is empty"),
        ("blank.txt", b" \n\n ", InputError, "is empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 20, EncodingError, "not a text file"),
        ("notes.docx", b"x", InputError, "unknown document kind"),
        ("broken.json", b"{not json", InputError, "not valid JSON"),
        ("other.json", b'{"type": "https://schema.oparl.org/1.1/Body"}', InputError, "not an OParl Paper"),
        ("broken.pdf", b"%PDF-1.4 garbage", InputError, "not a readable PDF"),
    ],
)
def test_input_errors(tmp_path: Path, name: str, content: bytes | None, error: type[Exception], message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(error, match=message) as info:
        read_document(path)
    assert str(info.value).startswith("[E01")
    assert "\n" not in str(info.value)


def test_readers_table_covers_the_brief() -> None:
    assert {".txt", ".text", ".pdf", ".json"} <= set(READERS)


def test_read_text_normalises_before_offsets() -> None:
    doc = read_text("Elektro\u00admobilität\u00a0in Leipzig.\r\nDie Verkehrs-\nbetriebe fahren.", doc_id="t")
    assert doc.text == "Elektromobilität in Leipzig.\nDie Verkehrsbetriebe fahren."
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Elektromobilität in Leipzig.",
        "Die Verkehrsbetriebe fahren.",
    ]
