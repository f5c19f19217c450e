"""Evidence as W3C Web Annotation: which characters of the document's text rendition state something.

An ``oa:Annotation`` has the thing it supports as ``oa:hasBody`` (an entity, a reified statement, a key figure,
a consultation ...) and as ``oa:hasTarget`` an ``oa:SpecificResource`` on the text rendition with a
``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector`` (start, end: 0-based code points,
end exclusive), plus ``mkg:section`` for the innermost section that contains it.
"""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.document import Section
from kg.graph.context import DocContext
from kg.graph.literals import offset_literal
from kg.graph.vocab import MKG, OA, SPDX

CONTEXT_CHARS = 32  # characters of prefix and suffix in a TextQuoteSelector


def add_text_rendition(ctx: DocContext) -> URIRef:
    """The plain text the offsets count in, identified by its SHA-256."""
    g, text = ctx.graph, ctx.text
    g.add((text, RDF.type, MKG.TextRendition))
    g.add((text, DCTERMS.isFormatOf, ctx.paper))
    g.add((text, DCTERMS.format, Literal("text/plain")))
    checksum = BNode()
    g.add((text, SPDX.checksum, checksum))
    g.add((checksum, RDF.type, SPDX.Checksum))
    g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    g.add((checksum, SPDX.checksumValue, Literal(ctx.document.sha256)))
    return text


def section_node(ctx: DocContext, section: Section | str) -> URIRef:
    """The node of a section, by record or by id; the full description comes from ``add_section``."""
    section_id = section if isinstance(section, str) else section.id
    node = ctx.part("section", section_id)
    ctx.graph.add((node, RDF.type, MKG.Section))
    ctx.graph.add((node, DCTERMS.isPartOf, ctx.paper))
    ctx.graph.add((node, DCTERMS.identifier, Literal(section_id)))
    return node


def annotate(
    ctx: DocContext,
    body: URIRef,
    start: int,
    end: int,
    motivation: URIRef = OA.describing,
    *,
    quote: str | None = None,
    section: str | None = None,
) -> URIRef:
    """Add an annotation saying that ``text[start:end]`` supports ``body`` (once); returns the annotation.

    ``quote`` is used only when the offsets do not fit the text; ``section`` defaults to the innermost section
    that contains ``start``.
    """
    g, text = ctx.graph, ctx.document.text
    annotation = ctx.hashed("annotation", body, start, end, motivation)
    if (annotation, RDF.type, OA.Annotation) in g:  # the same passage for the same body: one annotation
        return annotation
    ctx.generated(annotation)
    g.add((annotation, RDF.type, OA.Annotation))
    g.add((annotation, OA.motivatedBy, motivation))
    g.add((annotation, OA.hasBody, body))

    target = BNode()
    g.add((annotation, OA.hasTarget, target))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, ctx.text))

    fits = 0 <= start <= end <= len(text)
    exact = text[start:end] if fits else (quote or "")
    quote_selector = BNode()
    g.add((target, OA.hasSelector, quote_selector))
    g.add((quote_selector, RDF.type, OA.TextQuoteSelector))
    g.add((quote_selector, OA.exact, Literal(exact)))
    if fits:
        g.add((quote_selector, OA.prefix, Literal(text[max(0, start - CONTEXT_CHARS) : start])))
        g.add((quote_selector, OA.suffix, Literal(text[end : end + CONTEXT_CHARS])))

    position = BNode()
    g.add((target, OA.hasSelector, position))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, offset_literal(start)))
    g.add((position, OA.end, offset_literal(end)))

    found = section or (s.id if (s := ctx.document.section_at(start)) else None)
    if found:
        g.add((target, MKG.section, section_node(ctx, found)))
    return annotation
