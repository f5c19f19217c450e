"""Extraction -> RDF, compared as graphs (isomorphism) and by the triples that matter."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import rdflib.namespace as ns
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from sample_records import ENDED, STARTED, evidence, reference_extraction

from kg.document import Document
from kg.errors import InputError
from kg.graph import DEFAULT_BASE, build_dataset, document_graph
from kg.graph.iris import entity_iri, graph_iri, hashed_part_iri, paper_iri
from kg.graph.vocab import MKG, OA, WD
from kg.records import Entity, Evidence, Extraction, KeyFigure, Mention, Relation

BASE = DEFAULT_BASE
TEXT = "Die Leipziger Verkehrsbetriebe (LVB) beteiligen sich am Projekt „eBus Skorpion“."


def small_extraction(doc_id: str = "t1", text: str = TEXT) -> Extraction:
    doc = Document(id=doc_id, title="Testvorlage", source="t1.txt", text=text)
    lvb = Entity("lvb", "Organization", "Leipziger Verkehrsbetriebe", ("LVB",))
    skorpion = Entity("ebus-skorpion", "Project", "eBus Skorpion")
    sentence = Evidence(doc_id, 0, len(text), text)
    relation = Relation("lvb", "participatesIn", "ebus-skorpion", "beteiligen sich am", 0.75, (sentence,))
    return Extraction(doc, (lvb, skorpion), (relation,))


def expected_small_graph(text: str = TEXT) -> Graph:
    """The whole graph of ``small_extraction``, written by hand."""
    doc = small_extraction().document
    p = "https://w3id.org/mobility-kg/id/paper/t1"
    lvb, skorpion = f"{BASE}org/lvb", f"{BASE}project/ebus-skorpion"
    statement = hashed_part_iri(BASE, "t1", "statement", URIRef(lvb), MKG.participatesIn, URIRef(skorpion))
    annotation = hashed_part_iri(BASE, "t1", "annotation", statement, 0, len(text), OA.describing)
    run = f"{BASE}run/t1/20250102T030405.000000Z"
    return Graph().parse(
        format="turtle",
        data=f"""
@prefix mkg: <https://w3id.org/mobility-kg/def#> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oparl: <https://schema.oparl.org/1.1/> . @prefix spdx: <http://spdx.org/rdf/terms#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .

<{p}> a oparl:Paper ; dcterms:identifier "t1" ; dcterms:title "Testvorlage" ; dcterms:source "t1.txt" ;
    schema:mentions <{lvb}> , <{skorpion}> .
<{p}/text/{doc.sha256[:16]}> a mkg:TextRendition ; dcterms:isFormatOf <{p}> ; dcterms:format "text/plain" ;
    spdx:checksum [ a spdx:Checksum ; spdx:algorithm spdx:checksumAlgorithm_sha256 ;
                    spdx:checksumValue "{doc.sha256}" ] .
<{lvb}> a mkg:Organization ; rdfs:label "Leipziger Verkehrsbetriebe" ; skos:altLabel "LVB" ;
    prov:wasDerivedFrom <{p}> ; prov:wasGeneratedBy <{run}> ; mkg:participatesIn <{skorpion}> .
<{skorpion}> a mkg:Project ; rdfs:label "eBus Skorpion" ; prov:wasDerivedFrom <{p}> ; prov:wasGeneratedBy <{run}> .
<{statement}> a rdf:Statement ; rdf:subject <{lvb}> ; rdf:predicate mkg:participatesIn ; rdf:object <{skorpion}> ;
    mkg:confidence 0.75 ; mkg:cue "beteiligen sich am" ; prov:wasDerivedFrom <{p}> ; prov:wasGeneratedBy <{run}> .
<{annotation}> a oa:Annotation ; oa:motivatedBy oa:describing ; oa:hasBody <{statement}> ;
    prov:wasDerivedFrom <{p}> ; prov:wasGeneratedBy <{run}> ;
    oa:hasTarget [ a oa:SpecificResource ; oa:hasSource <{p}/text/{doc.sha256[:16]}> ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "{text}" ; oa:prefix "" ; oa:suffix "" ] ,
                       [ a oa:TextPositionSelector ; oa:start "0"^^xsd:nonNegativeInteger ;
                         oa:end "{len(text)}"^^xsd:nonNegativeInteger ] ] .
<{run}> a mkg:ExtractionRun ; rdfs:label "extraction of t1" ; prov:used <{p}/text/{doc.sha256[:16]}> ;
    prov:wasAssociatedWith <{BASE}agent/mobility-kg/0.1.0/blank-de> ;
    prov:startedAtTime "2025-01-02T03:04:05+00:00"^^xsd:dateTime ;
    prov:endedAtTime "2025-01-02T03:04:09+00:00"^^xsd:dateTime .
<{BASE}agent/mobility-kg/0.1.0/blank-de> a prov:SoftwareAgent ; rdfs:label "mobility-kg 0.1.0 (blank:de)" ;
    schema:softwareVersion "0.1.0" ; mkg:spacyModel "blank:de" .
""",
    )


def assert_isomorphic(actual: Graph, expected: Graph) -> None:
    if to_isomorphic(actual) == to_isomorphic(expected):
        return
    _both, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
    lines = [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(only_actual)]
    lines += [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(only_expected)]
    pytest.fail("graphs differ (+ built only, - expected only):\n" + "\n".join(lines))


def test_small_document_graph_is_the_expected_graph() -> None:
    built = document_graph(small_extraction(), started=STARTED, ended=ENDED)
    assert_isomorphic(built, expected_small_graph())


def test_reference_evidence_offsets(reference_records: Extraction) -> None:
    g = document_graph(reference_records, started=STARTED, ended=ENDED)
    text = reference_records.document.text
    lvb, sax = entity_iri(BASE, "Organization", "lvb"), entity_iri(BASE, "Project", "saxhybrid-plus")
    statement = g.value(predicate=RDF.subject, object=lvb)
    assert g.value(statement, RDF.object) == sax
    annotations = list(g.subjects(OA.hasBody, statement))
    assert len(annotations) == 1  # two records of the same passage give one annotation
    selectors = list(g.objects(g.value(annotations[0], OA.hasTarget), OA.hasSelector))
    position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in g)
    quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in g)
    start, end = g.value(position, OA.start).toPython(), g.value(position, OA.end).toPython()
    assert text[start:end].startswith("Die LVB beteiligt sich zudem an drei Projekten")
    assert str(g.value(quote, OA.exact)) == text[start:end]
    assert str(g.value(quote, OA.prefix)) == text[start - 32 : start]
    assert str(g.value(quote, OA.suffix)) == text[end : end + 32]
    section = g.value(g.value(annotations[0], OA.hasTarget), MKG.section)
    assert str(g.value(section, URIRef("http://purl.org/dc/terms/title"))).startswith("Unternehmen der Leipziger")
    assert {str(c) for c in g.objects(statement, MKG.cue)} == {"beteiligt sich an", "Projekten (Liste)"}
    assert g.value(statement, MKG.confidence) == Literal("0.9", datatype=ns.XSD.decimal)


def test_one_identifying_annotation_per_mention(reference_records: Extraction) -> None:
    g = document_graph(reference_records)
    lvb = reference_records.entity("lvb")
    assert lvb is not None and len(lvb.mentions) > 2
    annotations = set(g.subjects(OA.hasBody, entity_iri(BASE, "Organization", "lvb")))
    assert len(annotations) == len(lvb.mentions)
    assert all(g.value(a, OA.motivatedBy) == OA.identifying for a in annotations)


@pytest.mark.parametrize(
    ("key", "sameas"),
    [("stadtwerke-leipzig", WD.Q2328555), ("leipzig", WD.Q2079), ("lvb", None)],
)
def test_wikidata_links(reference_records: Extraction, key: str, sameas: URIRef | None) -> None:
    g = document_graph(reference_records)
    entity = reference_records.entity(key)
    assert entity is not None
    assert g.value(entity_iri(BASE, entity.type, key), OWL.sameAs) == sameas


def test_key_figure(reference_records: Extraction) -> None:
    g = document_graph(reference_records)
    swl = entity_iri(BASE, "Organization", "stadtwerke-leipzig")
    (figure,) = g.objects(swl, MKG.keyFigure)
    assert (paper_iri(BASE, "VI-DS-01293"), MKG.keyFigure, figure) in g
    assert g.value(figure, ns.SDO.value) == Literal(54)
    assert g.value(figure, MKG.referenceDate) == Literal("2015-03", datatype=ns.XSD.gYearMonth)
    assert g.value(figure, ns.SDO.unitCode) == URIRef("http://qudt.org/vocab/unit/NUM")
    assert len(list(g.subjects(OA.hasBody, figure))) == 1


def test_fractional_figure_is_decimal() -> None:
    ex = small_extraction()
    figure = KeyFigure(2.5, "Mio. EUR", "Fördersumme", evidence(ex.document, "eBus Skorpion"))
    g = document_graph(Extraction(ex.document, ex.entities, figures=(figure,)))
    assert Literal("2.5", datatype=ns.XSD.decimal) in set(g.objects(None, ns.SDO.value))


def test_dataset_has_one_named_graph_per_document() -> None:
    first, second = small_extraction("t1"), small_extraction("t2", TEXT.replace("eBus Skorpion", "eBus Batterfly"))
    ds = build_dataset([first, second])
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {graph_iri(BASE, "t1"), graph_iri(BASE, "t2")}
    for doc_id in ("t1", "t2"):
        assert (paper_iri(BASE, doc_id), RDF.type, URIRef("https://schema.oparl.org/1.1/Paper")) in ds.graph(
            graph_iri(BASE, doc_id)
        )
    assert len(ds.graph(ds.default_graph.identifier)) == 0  # the ontology is not copied in


def test_a_key_shared_by_two_documents_is_one_node() -> None:
    ds = build_dataset([small_extraction("t1"), small_extraction("t2")])
    lvb = entity_iri(BASE, "Organization", "lvb")
    organisations = {s for s, _p, _o, _g in ds.quads((None, RDF.type, MKG.Organization, None))}
    assert organisations == {lvb}
    assert {g for _s, _p, _o, g in ds.quads((lvb, RDFS.label, None, None))} == {
        graph_iri(BASE, "t1"),
        graph_iri(BASE, "t2"),
    }


def test_same_document_twice_is_an_input_error() -> None:
    with pytest.raises(InputError, match="'t1' occurs twice"):
        build_dataset([small_extraction("t1"), small_extraction("t1")])


def test_relation_to_an_unknown_entity_is_left_out(caplog: pytest.LogCaptureFixture) -> None:
    ex = small_extraction()
    stray = Relation("lvb", "partnerOf", "htwk", "gemeinsam mit", 0.7, ex.relations[0].evidence)
    with caplog.at_level(logging.WARNING, logger="kg.graph.entities"):
        g = document_graph(Extraction(ex.document, ex.entities, (*ex.relations, stray)))
    assert not list(g.triples((None, MKG.partnerOf, None)))
    assert "htwk" in caplog.text


def test_mention_outside_the_text_keeps_its_quote() -> None:
    ex = small_extraction()
    ghost = Entity("lvb", "Organization", "LVB", mentions=(Mention(500, 503, "LVB"),))
    g = document_graph(Extraction(ex.document, (ghost,)))
    assert Literal("LVB") in set(g.objects(None, OA.exact))


def test_custom_base_is_used_everywhere(reference_path: Path) -> None:
    base = "https://data.example.org/kg/"
    g = document_graph(reference_extraction(reference_path), base)
    outside = {str(n) for t in g for n in t if isinstance(n, URIRef)} - {str(n) for n in g.predicates()}
    ours = {n for n in outside if "w3id.org/mobility-kg/id/" in n}
    assert not ours
    assert URIRef(base + "org/lvb") in set(g.subjects(RDF.type, MKG.Organization))


def test_alias_equal_to_name_is_not_repeated() -> None:
    ex = small_extraction()
    same = Entity("lvb", "Organization", "LVB", ("LVB", "Leipziger Verkehrsbetriebe"))
    g = document_graph(Extraction(ex.document, (same,)))
    assert set(g.objects(entity_iri(BASE, "Organization", "lvb"), SKOS.altLabel)) == {
        Literal("Leipziger Verkehrsbetriebe")
    }


def test_dataset_prefixes_are_bound() -> None:
    ds: Dataset = build_dataset([small_extraction()])
    assert dict(ds.namespaces())["mkg"] == URIRef(str(MKG))
