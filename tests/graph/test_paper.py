"""PaperStructure -> OParl / besluit, on the reference document with a hand-made structure."""

from __future__ import annotations

import pytest
import rdflib.namespace as ns
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS
from sample_records import ENDED, STARTED

from kg.document import Consultation, Document, PaperStructure, ResolutionItem
from kg.graph import DEFAULT_BASE, document_graph
from kg.graph.iris import entity_iri, paper_iri, part_iri
from kg.graph.vocab import BESLUIT, CROLE, MKG, OA, OPARL
from kg.keys import entity_key
from kg.records import Extraction

BASE = DEFAULT_BASE
PAPER = paper_iri(BASE, "VI-DS-01293")


@pytest.fixture(scope="module")
def graph(reference_records: Extraction) -> Graph:
    return document_graph(reference_records, started=STARTED, ended=ENDED)


def consultation(n: int) -> URIRef:
    return part_iri(BASE, "VI-DS-01293", "consultation", n)


def org(name: str) -> URIRef:
    return entity_iri(BASE, "Organization", entity_key(name))


def test_paper_metadata(graph: Graph) -> None:
    assert graph.value(PAPER, DCTERMS.identifier) == Literal("VI-DS-01293")
    assert graph.value(PAPER, OPARL.paperType) == Literal("Beschlussvorlage")
    assert graph.value(PAPER, OPARL.originatorOrganization) == org("Dezernat Wirtschaft und Arbeit")
    assert (org("Dezernat Wirtschaft und Arbeit"), RDF.type, MKG.Organization) in graph


@pytest.mark.parametrize(
    ("position", "body", "role", "concept", "date"),
    [
        (1, "Dienstberatung des Oberbürgermeisters", "Bestätigung", CROLE["confirmation"], None),
        (2, "Fachausschuss Finanzen", "1. Lesung", CROLE["first-reading"], "2015-08-31"),
        (3, "Fachausschuss Finanzen", "2. Lesung", CROLE["second-reading"], "2015-09-14"),
        (4, "Ratsversammlung", "Beschlussfassung", CROLE["decision"], "2015-09-16"),
    ],
)
def test_consultations(graph: Graph, position: int, body: str, role: str, concept: URIRef, date: str | None) -> None:
    c = consultation(position)
    assert (PAPER, OPARL.consultation, c) in graph
    assert graph.value(c, OPARL.organization) == org(body)
    assert graph.value(c, OPARL.role) == Literal(role)
    assert graph.value(c, MKG.consultationRole) == concept
    assert graph.value(c, MKG.sequenceNumber) == Literal(position)
    assert graph.value(c, OPARL.authoritative) == Literal(position == 4)
    meeting = graph.value(c, OPARL.meeting)
    if date is None:
        assert meeting is None
    else:
        assert graph.value(meeting, ns.SDO.startDate) == Literal(date, datatype=ns.XSD.date)
        assert graph.value(meeting, OPARL.organization) == org(body)


def test_committee_is_the_extracted_organisation(graph: Graph) -> None:
    """The committee the extraction found is the node the consultations point to, with its mentions."""
    finance = org("Fachausschuss Finanzen")
    assert set(graph.subjects(OPARL.organization, finance)) >= {consultation(2), consultation(3)}
    assert graph.value(finance, RDFS.label) == Literal("Fachausschuss Finanzen")
    assert len(list(graph.subjects(OA.hasBody, finance))) == 2


def test_body_found_by_alias_is_the_entity_node() -> None:
    from kg.records import Entity

    doc = Document(
        "t9",
        "Test",
        "t9.txt",
        "Der FA Finanzen berät.",
        structure=PaperStructure(consultations=(Consultation(1, "FA Finanzen", "2020-01-02"),)),
    )
    finance = Entity("fachausschuss-finanzen", "Organization", "Fachausschuss Finanzen", ("FA Finanzen",))
    g = document_graph(Extraction(doc, (finance,)))
    assert g.value(part_iri(BASE, "t9", "consultation", 1), OPARL.organization) == org("Fachausschuss Finanzen")


def test_decision_and_vote(graph: Graph) -> None:
    decision = graph.value(PAPER, MKG.hasDecision)
    assert (decision, RDF.type, BESLUIT.Besluit) in graph
    assert graph.value(decision, DCTERMS.date) == Literal("2015-09-16", datatype=ns.XSD.date)
    assert graph.value(decision, PROV.wasAttributedTo) == org("Ratsversammlung")
    assert (decision, PROV.wasGeneratedBy, consultation(4)) in graph
    vote = graph.value(decision, MKG.hasVote)
    assert (consultation(4), BESLUIT.heeftStemming, vote) in graph
    assert graph.value(vote, BESLUIT.aantalTegenstanders) == Literal(4)
    assert graph.value(vote, BESLUIT.aantalVoorstanders) is None  # not stated, not guessed
    assert graph.value(vote, BESLUIT.gevolg) == Literal("angenommen")
    assert graph.value(vote, MKG.voteMode) == Literal("mehrheitlich")


def test_resolution_items_added_and_kept(graph: Graph) -> None:
    decision = graph.value(PAPER, MKG.hasDecision)
    items = {str(graph.value(i, MKG.itemNumber)): i for i in graph.objects(decision, MKG.resolutionItem)}
    proposal = {str(graph.value(i, MKG.itemNumber)): i for i in graph.objects(PAPER, MKG.proposalItem)}
    assert graph.value(items["4"], MKG.addedInResolution) == Literal(True)
    assert (items["5"], PROV.wasDerivedFrom, proposal["4"]) in graph  # renumbered, same text
    assert graph.value(items["5"], MKG.changedInResolution) == Literal(False)
    assert (items["1"], PROV.wasDerivedFrom, proposal["1"]) in graph
    assert graph.value(items["1"], MKG.addedInResolution) is None


def test_changed_resolution_item() -> None:
    structure = PaperStructure(
        proposal=(ResolutionItem("1", "Die Verwaltung prüft den Aufbau von 20 Mobilitätsstationen."),),
        resolution=(ResolutionItem("1", "Die Verwaltung prüft den Aufbau von 25 Mobilitätsstationen bis 2016."),),
    )
    g = document_graph(Extraction(Document("t8", "Test", "t8.txt", "Text.", structure=structure), ()))
    item = part_iri(BASE, "t8", "resolution", 1)
    assert g.value(item, MKG.changedInResolution) == Literal(True)
    assert (item, PROV.wasDerivedFrom, part_iri(BASE, "t8", "proposal", 1)) in g


def test_financial_amount(graph: Graph) -> None:
    (amount,) = graph.objects(PAPER, MKG.financialAmount)
    assert graph.value(amount, ns.SDO.value) == Literal(40000)
    assert graph.value(amount, ns.SDO.currency) == Literal("EUR")
    assert graph.value(amount, MKG.budgetLine) == Literal("1.100.57.1.0.01.07")


def test_sections(graph: Graph) -> None:
    section = part_iri(BASE, "VI-DS-01293", "section", "4.2")
    assert (section, DCTERMS.isPartOf, PAPER) in graph
    assert graph.value(section, MKG.level) == Literal(2)


def test_related_papers() -> None:
    structure = PaperStructure(reference="VI-A-01234", related=("VI-A-01234-NF-01",))
    g = document_graph(Extraction(Document("VI-A-01234", "Antrag", "a.txt", "Text.", structure=structure), ()))
    related = paper_iri(BASE, "VI-A-01234-NF-01")
    assert (paper_iri(BASE, "VI-A-01234"), OPARL.relatedPaper, related) in g
    assert g.value(related, DCTERMS.identifier) == Literal("VI-A-01234-NF-01")


def test_plain_text_without_structure_has_no_council_nodes() -> None:
    g = document_graph(Extraction(Document("t7", "Notiz", "t7.txt", "Nur Text."), ()))
    assert not list(g.subjects(RDF.type, OPARL.Consultation))
    assert not list(g.subjects(RDF.type, BESLUIT.Besluit))
    assert g.value(paper_iri(BASE, "t7"), DCTERMS.identifier) == Literal("t7")
