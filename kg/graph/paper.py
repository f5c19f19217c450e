"""The council document as RDF: the OParl paper, its sections, consultations, proposal and resolution items,
decision and vote (besluit), financial amounts and related papers (``kg.document.PaperStructure``)."""

from __future__ import annotations

import difflib
import re
from collections.abc import MutableMapping

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO

from kg.document import Consultation, PaperStructure, ResolutionItem, TextSpan
from kg.graph.context import DocContext
from kg.graph.evidence import annotate, section_node
from kg.graph.iris import entity_iri, meeting_iri, paper_iri
from kg.graph.literals import date_literal, number_literal, offset_literal
from kg.graph.ontology import consultation_role
from kg.graph.vocab import BESLUIT, MKG, NIF, OPARL
from kg.keys import entity_key

CHANGED_RATIO = 0.6  # a resolution item at least this similar to a proposal item is that item, changed


def add_paper(ctx: DocContext, bodies: MutableMapping[str, URIRef]) -> URIRef:
    """Describe the paper and everything ``document.structure`` knows about it.

    ``bodies`` maps ``entity_key`` of every organisation label of the extraction to its node, so that a
    committee named in the Beratungsfolge is the same node as the organisation the text names; bodies not in
    it get a plain ``mkg:Organization`` node and are added to it.
    """
    g, doc, paper = ctx.graph, ctx.document, ctx.paper
    structure = doc.structure
    g.add((paper, RDF.type, OPARL.Paper))
    g.add((paper, DCTERMS.identifier, Literal(structure.reference or doc.id)))
    if title := structure.subject or doc.title:
        g.add((paper, DCTERMS.title, Literal(title)))
    source = URIRef(doc.source) if re.match(r"https?://", doc.source) else Literal(doc.source)
    g.add((paper, DCTERMS.source, source))
    for prop, value in ((OPARL.paperType, structure.kind), (MKG.paperStatus, structure.status)):
        if value:
            g.add((paper, prop, Literal(value)))
    if structure.date:
        g.add((paper, DCTERMS.date, date_literal(structure.date)))
    if structure.submitter:
        g.add((paper, OPARL.originatorOrganization, _body(ctx, bodies, structure.submitter)))
    for reference in structure.related:
        related = paper_iri(ctx.base, reference)
        g.add((related, RDF.type, OPARL.Paper))
        g.add((related, DCTERMS.identifier, Literal(reference)))
        g.add((paper, OPARL.relatedPaper, related))
    _add_sections(ctx)
    authoritative = _authoritative(structure)
    consultations = [_add_consultation(ctx, bodies, c, c.position == authoritative) for c in structure.consultations]
    proposal = [_add_item(ctx, "proposal", i, item) for i, item in enumerate(structure.proposal, 1)]
    for node in proposal:
        g.add((paper, MKG.proposalItem, node))
    if structure.resolution or structure.vote or structure.resolution_body or structure.resolution_date:
        decided_in = consultations[authoritative - 1] if authoritative else None
        _add_decision(ctx, bodies, structure, proposal, decided_in)
    _add_finance(ctx, structure)
    return paper


def _add_sections(ctx: DocContext) -> None:
    g = ctx.graph
    for section in ctx.document.sections:
        node = ctx.generated(section_node(ctx, section))
        g.add((node, DCTERMS.title, Literal(section.heading)))
        g.add((node, MKG.level, Literal(section.level)))
        g.add((node, NIF.beginIndex, offset_literal(section.start)))
        g.add((node, NIF.endIndex, offset_literal(section.end)))


def _add_finance(ctx: DocContext, structure: PaperStructure) -> None:
    g = ctx.graph
    for i, amount in enumerate(structure.finance, 1):
        node = ctx.generated(ctx.part("amount", i))
        g.add((node, RDF.type, SDO.MonetaryAmount))
        g.add((node, SDO.value, number_literal(amount.amount)))
        g.add((node, SDO.currency, Literal(amount.currency)))
        if amount.budget_line:
            g.add((node, MKG.budgetLine, Literal(amount.budget_line)))
        g.add((ctx.paper, MKG.financialAmount, node))
        _annotate_span(ctx, node, amount.span)


def _body(ctx: DocContext, bodies: MutableMapping[str, URIRef], name: str) -> URIRef:
    """The organisation node of a body named in the paper's header."""
    key = entity_key(name)
    if (node := bodies.get(key)) is None:
        node = bodies[key] = ctx.generated(entity_iri(ctx.base, "Organization", key))
        ctx.graph.add((node, RDF.type, MKG.Organization))
        ctx.graph.add((node, RDFS.label, Literal(name)))
        ctx.graph.add((ctx.paper, SDO.mentions, node))
    return node


def _authoritative(structure: PaperStructure) -> int | None:
    """The position of the consultation that took the decision: the resolution's body (and date) if stated,
    else the last consultation whose role is a decision."""
    if structure.resolution_body:
        key = entity_key(structure.resolution_body)
        for c in structure.consultations:
            if entity_key(c.body) == key and (not structure.resolution_date or c.date == structure.resolution_date):
                return c.position
        return None
    deciding = [c.position for c in structure.consultations if c.role and _is_decision(c.role)]
    return deciding[-1] if deciding else None


def _is_decision(role: str) -> bool:
    concept = consultation_role(role)
    return concept is not None and concept.endswith("/decision")


def _add_consultation(
    ctx: DocContext, bodies: MutableMapping[str, URIRef], c: Consultation, authoritative: bool
) -> URIRef:
    g = ctx.graph
    node = ctx.generated(ctx.part("consultation", c.position))
    body = _body(ctx, bodies, c.body)
    g.add((node, RDF.type, OPARL.Consultation))
    g.add((node, OPARL.paper, ctx.paper))
    g.add((ctx.paper, OPARL.consultation, node))
    g.add((node, OPARL.organization, body))
    g.add((node, MKG.sequenceNumber, Literal(c.position)))
    g.add((node, OPARL.authoritative, Literal(authoritative)))
    if c.date:
        meeting = meeting_iri(ctx.base, entity_key(c.body), c.date)
        g.add((meeting, RDF.type, OPARL.Meeting))
        g.add((meeting, OPARL.organization, body))
        g.add((meeting, SDO.startDate, date_literal(c.date)))
        g.add((node, OPARL.meeting, meeting))
    if c.role:
        g.add((node, OPARL.role, Literal(c.role)))
        if (concept := consultation_role(c.role)) is not None:
            g.add((node, MKG.consultationRole, concept))
    if c.outcome:
        g.add((node, OPARL.result, Literal(c.outcome)))
    _annotate_span(ctx, node, c.span)
    return node


def _add_item(ctx: DocContext, kind: str, position: int, item: ResolutionItem) -> URIRef:
    g = ctx.graph
    node = ctx.generated(ctx.part(kind, position))
    g.add((node, RDF.type, MKG.ResolutionItem))
    g.add((node, MKG.itemNumber, Literal(item.number)))
    g.add((node, MKG.sequenceNumber, Literal(position)))
    g.add((node, SDO.text, Literal(item.text)))
    _annotate_span(ctx, node, item.span)
    return node


def _add_decision(
    ctx: DocContext,
    bodies: MutableMapping[str, URIRef],
    structure: PaperStructure,
    proposal: list[URIRef],
    decided_in: URIRef | None,
) -> None:
    g = ctx.graph
    decision = ctx.generated(ctx.part("decision"))
    g.add((decision, RDF.type, BESLUIT.Besluit))
    g.add((ctx.paper, MKG.hasDecision, decision))
    if structure.resolution_date:
        g.add((decision, DCTERMS.date, date_literal(structure.resolution_date)))
    if structure.resolution_body:
        g.add((decision, PROV.wasAttributedTo, _body(ctx, bodies, structure.resolution_body)))
    if decided_in is not None:
        g.add((decision, PROV.wasGeneratedBy, decided_in))
    for i, item in enumerate(structure.resolution, 1):
        node = _add_item(ctx, "resolution", i, item)
        g.add((decision, MKG.resolutionItem, node))
        if structure.proposal:
            _compare_with_proposal(ctx, node, item, structure.proposal, proposal)
    if (vote := structure.vote) is not None:
        node = ctx.generated(ctx.part("vote"))
        g.add((node, RDF.type, BESLUIT.Stemming))
        g.add((decision, MKG.hasVote, node))
        if decided_in is not None:
            g.add((decided_in, BESLUIT.heeftStemming, node))
        g.add((node, DCTERMS.description, Literal(vote.text)))
        counts = (
            (BESLUIT.aantalVoorstanders, vote.in_favour),
            (BESLUIT.aantalTegenstanders, vote.against),
            (BESLUIT.aantalOnthouders, vote.abstentions),
        )
        for prop, count in counts:
            if count is not None:
                g.add((node, prop, Literal(count)))
        if vote.outcome:
            g.add((node, BESLUIT.gevolg, Literal(vote.outcome)))
        if vote.mode:
            g.add((node, MKG.voteMode, Literal(vote.mode)))
        _annotate_span(ctx, node, vote.span)


def _compare_with_proposal(
    ctx: DocContext,
    node: URIRef,
    item: ResolutionItem,
    proposal: tuple[ResolutionItem, ...],
    proposal_nodes: list[URIRef],
) -> None:
    """Link a resolution item to the proposal item it comes from, or mark it as added in the resolution."""
    text = _comparable(item.text)
    ratios = [difflib.SequenceMatcher(None, text, _comparable(p.text)).ratio() for p in proposal]
    best = max(range(len(ratios)), key=ratios.__getitem__)
    if ratios[best] < CHANGED_RATIO:
        ctx.graph.add((node, MKG.addedInResolution, Literal(True)))
        return
    ctx.graph.add((node, PROV.wasDerivedFrom, proposal_nodes[best]))
    ctx.graph.add((node, MKG.changedInResolution, Literal(ratios[best] < 1.0)))


def _comparable(text: str) -> str:
    """Letters and digits only: PDF hyphenation, quote styles and spacing do not count as a change."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _annotate_span(ctx: DocContext, node: URIRef, span: TextSpan | None) -> None:
    if span is not None:
        annotate(ctx, node, span.start, span.end)
