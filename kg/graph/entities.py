"""Entities, relations and key figures of one ``Extraction`` as triples, each with its evidence."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SDO, SKOS

from kg.graph.context import DocContext
from kg.graph.evidence import annotate
from kg.graph.iris import entity_iri
from kg.graph.literals import date_literal, number_literal
from kg.graph.vocab import MKG, OA, WD
from kg.records import Entity, KeyFigure, Relation

log = logging.getLogger(__name__)

_QID = re.compile(r"Q[1-9]\d*")


def add_entity(ctx: DocContext, entity: Entity) -> URIRef:
    """Type, name, aliases, Wikidata link, provenance and one ``oa:identifying`` annotation per mention."""
    g = ctx.graph
    node = ctx.generated(entity_iri(ctx.base, entity.type, entity.key))
    g.add((node, RDF.type, MKG[entity.type]))
    g.add((node, RDFS.label, Literal(entity.name)))
    for alias in entity.aliases:
        if alias != entity.name:
            g.add((node, SKOS.altLabel, Literal(alias)))
    if entity.wikidata:
        qid = entity.wikidata.rstrip("/").rsplit("/", 1)[-1]
        if _QID.fullmatch(qid):
            g.add((node, OWL.sameAs, WD[qid]))
        else:
            log.warning("%s: %r is no Wikidata id; no owl:sameAs", entity.key, entity.wikidata)
    g.add((ctx.paper, SDO.mentions, node))
    for mention in entity.mentions:
        annotate(ctx, node, mention.start, mention.end, OA.identifying, quote=mention.text)
    return node


def add_relations(ctx: DocContext, relations: Iterable[Relation], nodes: Mapping[str, URIRef]) -> list[URIRef]:
    """Each (subject, predicate, object) once: the direct triple and its reified ``rdf:Statement``.

    The statement carries the highest confidence, every cue and one evidence annotation per passage. A relation
    whose subject or object is no entity of the document is left out with a warning. Returns the statements.
    """
    groups: dict[tuple[str, str, str], list[Relation]] = {}
    for r in relations:
        groups.setdefault((r.subject, r.predicate, r.object), []).append(r)
    statements = []
    for (s, p, o), group in groups.items():
        subject, obj = nodes.get(s), nodes.get(o)
        if subject is None or obj is None:
            log.warning("%s: relation %s %s %s names an unknown entity; left out", ctx.document.id, s, p, o)
            continue
        statements.append(_add_statement(ctx, subject, MKG[p], obj, group))
    return statements


def _add_statement(ctx: DocContext, subject: URIRef, predicate: URIRef, obj: URIRef, group: list[Relation]) -> URIRef:
    g = ctx.graph
    g.add((subject, predicate, obj))
    statement = ctx.generated(ctx.hashed("statement", subject, predicate, obj))
    g.add((statement, RDF.type, RDF.Statement))
    g.add((statement, RDF.subject, subject))
    g.add((statement, RDF.predicate, predicate))
    g.add((statement, RDF.object, obj))
    confidence = max(r.confidence for r in group)
    g.add((statement, MKG.confidence, Literal(Decimal(str(round(confidence, 4))))))
    for r in group:
        g.add((statement, MKG.cue, Literal(r.cue)))
    evidence = dict.fromkeys(ev for r in group for ev in r.evidence)
    for ev in evidence:
        annotate(ctx, statement, ev.start, ev.end, quote=ev.text, section=ev.section)
    return statement


def add_figure(ctx: DocContext, figure: KeyFigure, nodes: Mapping[str, URIRef]) -> URIRef:
    """A ``mkg:KeyFigure`` linked from the paper and from the entity it is about, with its evidence."""
    g, ev = ctx.graph, figure.evidence
    node = ctx.generated(ctx.hashed("figure", figure.counted, figure.value, figure.unit, ev.start, ev.end))
    g.add((node, RDF.type, MKG.KeyFigure))
    g.add((node, SDO.value, number_literal(figure.value)))
    g.add((node, SDO.unitText, Literal(figure.unit)))
    g.add((node, MKG.counted, Literal(figure.counted)))
    if figure.unit_code:
        g.add((node, SDO.unitCode, URIRef(figure.unit_code)))
    if figure.reference_date:
        g.add((node, MKG.referenceDate, date_literal(figure.reference_date)))
    g.add((ctx.paper, MKG.keyFigure, node))
    if figure.about and (about := nodes.get(figure.about)) is not None:
        g.add((about, MKG.keyFigure, node))
    annotate(ctx, node, ev.start, ev.end, quote=ev.text, section=ev.section)
    return node
