"""PROV-O: the extraction run that wrote a document's graph, and the software agent that ran it."""

from __future__ import annotations

from datetime import datetime

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, XSD

import kg
from kg.graph.context import DocContext
from kg.graph.iris import agent_iri
from kg.graph.vocab import MKG


def add_run(ctx: DocContext, model: str, started: datetime, ended: datetime) -> URIRef:
    """Describe ``ctx.run``: it used the text rendition and was run by mobility-kg with spaCy ``model``."""
    g, run = ctx.graph, ctx.run
    agent = agent_iri(ctx.base, kg.__version__, model)
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, RDFS.label, Literal(f"mobility-kg {kg.__version__} ({model})")))
    g.add((agent, SDO.softwareVersion, Literal(kg.__version__)))
    g.add((agent, MKG.spacyModel, Literal(model)))
    g.add((run, RDF.type, MKG.ExtractionRun))
    g.add((run, RDFS.label, Literal(f"extraction of {ctx.document.id}")))
    g.add((run, PROV.used, ctx.text))
    g.add((run, PROV.wasAssociatedWith, agent))
    g.add((run, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    g.add((run, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)))
    return run
