"""Vocabularies rdflib does not ship, as closed namespaces: a misspelt term fails at import, not in a query.

Only the terms the project uses are listed. ``MKG`` mirrors ``ontology/mobility.ttl`` (a test checks that every
term here is declared there). OParl publishes no RDF vocabulary; its property IRIs are a de-facto mapping.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace


class MKG(DefinedNamespace):
    """mobility-kg's own terms (``ontology/mobility.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/mobility-kg/def#")

    # entity classes
    Organization: URIRef
    Project: URIRef
    Programme: URIRef
    Place: URIRef
    Product: URIRef
    Event: URIRef
    Person: URIRef
    Plan: URIRef
    # relations
    participatesIn: URIRef
    coordinates: URIRef
    partnerOf: URIRef
    partOf: URIRef
    fundedBy: URIRef
    subsidiaryOf: URIRef
    produces: URIRef
    operates: URIRef
    locatedIn: URIRef
    # evidence and provenance
    confidence: URIRef
    cue: URIRef
    Section: URIRef
    section: URIRef
    level: URIRef
    TextRendition: URIRef
    ExtractionRun: URIRef
    spacyModel: URIRef
    # key figures
    KeyFigure: URIRef
    keyFigure: URIRef
    counted: URIRef
    referenceDate: URIRef
    # council documents
    paperStatus: URIRef
    consultationRole: URIRef
    sequenceNumber: URIRef
    hasDecision: URIRef
    hasVote: URIRef
    voteMode: URIRef
    ResolutionItem: URIRef
    proposalItem: URIRef
    resolutionItem: URIRef
    itemNumber: URIRef
    addedInResolution: URIRef
    changedInResolution: URIRef
    financialAmount: URIRef
    budgetLine: URIRef
    ConsultationRoles: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    motivatedBy: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef
    identifying: URIRef
    describing: URIRef


class OPARL(DefinedNamespace):
    """OParl 1.1 class IRIs, and its JSON property names in the same namespace (de-facto, see the ontology)."""

    _fail = True
    _NS = Namespace("https://schema.oparl.org/1.1/")

    Paper: URIRef
    Consultation: URIRef
    Meeting: URIRef
    Organization: URIRef
    paperType: URIRef
    consultation: URIRef
    paper: URIRef
    organization: URIRef
    meeting: URIRef
    role: URIRef
    authoritative: URIRef
    result: URIRef
    originatorOrganization: URIRef
    relatedPaper: URIRef


class BESLUIT(DefinedNamespace):
    """Flemish OSLO decision vocabulary: decisions and votes."""

    _fail = True
    _NS = Namespace("http://data.vlaanderen.be/ns/besluit#")

    Besluit: URIRef
    Stemming: URIRef
    heeftStemming: URIRef
    aantalVoorstanders: URIRef
    aantalTegenstanders: URIRef
    aantalOnthouders: URIRef
    gevolg: URIRef


class NIF(DefinedNamespace):
    """NIF 2.1 core: character offsets of a string in a text."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    beginIndex: URIRef
    endIndex: URIRef


class SPDX(DefinedNamespace):
    """SPDX checksums, as DCAT uses them."""

    _fail = True
    _NS = Namespace("http://spdx.org/rdf/terms#")

    Checksum: URIRef
    checksum: URIRef
    algorithm: URIRef
    checksumValue: URIRef
    checksumAlgorithm_sha256: URIRef


class DCATDE(DefinedNamespace):
    """DCAT-AP.de 3.0 additions still current."""

    _fail = True
    _NS = Namespace("http://dcat-ap.de/def/dcatde/")

    contributorID: URIRef
    politicalGeocodingLevelURI: URIRef
    licenseAttributionByText: URIRef


class DCATAP(DefinedNamespace):
    """DCAT-AP terms outside DCAT."""

    _fail = True
    _NS = Namespace("http://data.europa.eu/r5r/")

    availability: URIRef
    applicableLegislation: URIRef


WD = Namespace("http://www.wikidata.org/entity/")
CROLE = Namespace("https://w3id.org/mobility-kg/concept/consultation-role/")

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "mkg": MKG,
    "crole": CROLE,
    "org": ORG,
    "schema": SDO,
    "foaf": FOAF,
    "prov": PROV,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "dcat": DCAT,
    "dcatap": DCATAP,
    "dcatde": DCATDE,
    "oa": OA,
    "nif": NIF,
    "spdx": SPDX,
    "oparl": OPARL,
    "besluit": BESLUIT,
    "wd": WD,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (replacing rdflib's defaults such as ``schema: http://``)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, str(namespace) if isinstance(namespace, Namespace) else namespace._NS, replace=True)
    return graph
