"""DCAT-AP.de 3.0 metadata for the published graph: one Catalog, one Dataset, one Distribution per file.

The defaults (publisher, contact, licence, spatial coverage, texts) live in ``ontology/dcat/catalog.toml``,
which a city edits; ``dataset_metadata`` reads it unless it gets a ``DcatSettings``, and ``dataclasses.replace``
overrides single values.

>>> from pathlib import Path; import tempfile
>>> f = Path(tempfile.mkdtemp()) / "graph.ttl"; _ = f.write_text("<urn:a> <urn:b> <urn:c> .")
>>> meta = dataset_metadata([f], "https://example.org/data/")
>>> len(list(meta.subjects(RDF.type, DCAT.Distribution)))
1
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, RDFS, XSD

from kg.errors import DataFileError, GraphFormatError, InputError
from kg.outputs.graphio import FORMATS, write_graph
from kg.paths import ONTOLOGY_DIR

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = Namespace("http://spdx.org/rdf/terms#")

DEFAULTS_FILE = ONTOLOGY_DIR / "dcat" / "catalog.toml"
LICENSES = "http://dcat-ap.de/def/licenses/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"

DISTRIBUTION_FORMATS = MappingProxyType(
    {
        ".ttl": ("RDF_TURTLE", "text/turtle", "Turtle"),
        ".nt": ("RDF_N_TRIPLES", "application/n-triples", "N-Triples"),
        ".nq": ("RDF_N_QUADS", "application/n-quads", "N-Quads"),
        ".trig": ("RDF_TRIG", "application/trig", "TriG"),
        ".jsonld": ("JSON_LD", "application/ld+json", "JSON-LD"),
        ".html": ("HTML", "text/html", "interaktive Netzwerkansicht"),
    }
)
"""File suffix → (EU file-type code, IANA media type, label for the distribution title)."""


@dataclass(frozen=True)
class DcatSettings:
    """What a city states about its published graph; every ``*_uri``/``url`` field is an absolute IRI."""

    base: str
    catalog_title: str
    catalog_description: str
    catalog_homepage: str
    title: str
    description: str
    keywords: tuple[str, ...]
    themes: tuple[str, ...]
    language: str
    spatial: str
    political_geocoding_level: str
    issued: date | None
    publisher_name: str
    publisher_uri: str
    contact_name: str
    contact_email: str
    contact_url: str
    license: str
    attribution: str


def licence_iri(value: str) -> str:
    """A DCAT-AP.de licence IRI from itself or its short form ("cc-by/4.0", "dl-by-de/2.0")."""
    value = value.strip()
    return value if value.startswith(("http://", "https://")) else LICENSES + value.strip("/")


def _field(data: dict[str, Any], section: str, key: str, path: Path) -> Any:
    try:
        return data[section][key] if section else data[key]
    except (KeyError, TypeError) as e:
        raise DataFileError(f"{path}: missing [{section or 'top level'}] {key}") from e


def load_settings(path: Path = DEFAULTS_FILE) -> DcatSettings:
    """Read the catalogue defaults; raises DataFileError if the file is missing, malformed or incomplete."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise DataFileError(f"{path}: cannot read DCAT defaults: {e}") from e

    def get(section: str, key: str) -> Any:
        return _field(data, section, key, path)

    issued_text = str(get("dataset", "issued")).strip()
    try:
        issued = date.fromisoformat(issued_text) if issued_text else None
    except ValueError as e:
        raise DataFileError(f"{path}: [dataset] issued {issued_text!r} is not YYYY-MM-DD") from e
    settings = DcatSettings(
        base=get("", "base"),
        catalog_title=get("catalog", "title"),
        catalog_description=get("catalog", "description"),
        catalog_homepage=get("catalog", "homepage"),
        title=get("dataset", "title"),
        description=get("dataset", "description"),
        keywords=tuple(get("dataset", "keywords")),
        themes=tuple(get("dataset", "themes")),
        language=get("dataset", "language"),
        spatial=get("dataset", "spatial"),
        political_geocoding_level=get("dataset", "political_geocoding_level"),
        issued=issued,
        publisher_name=get("publisher", "name"),
        publisher_uri=get("publisher", "uri"),
        contact_name=get("contact", "name"),
        contact_email=get("contact", "email"),
        contact_url=get("contact", "url"),
        license=get("license", "id"),
        attribution=get("license", "attribution"),
    )
    check_settings(settings, str(path))
    return settings


def check_settings(settings: DcatSettings, origin: str = "DCAT settings") -> None:
    """Raise DataFileError unless texts are present and IRIs absolute; ``origin`` names the source."""
    for name in ("catalog_title", "catalog_description", "title", "description", "publisher_name"):
        if not str(getattr(settings, name)).strip():
            raise DataFileError(f"{origin}: {name} is empty")
    iris = [settings.base, settings.catalog_homepage, settings.language, settings.spatial]
    iris += [settings.political_geocoding_level, *settings.themes, licence_iri(settings.license)]
    iris += [v for v in (settings.publisher_uri, settings.contact_url) if v]
    for iri in iris:
        if not str(iri).startswith(("http://", "https://")) or any(c in str(iri) for c in ' <>"{}|\\^`'):
            raise DataFileError(f"{origin}: {iri!r} is not an absolute http(s) IRI")
    if not (settings.contact_email or settings.contact_url):
        raise DataFileError(f"{origin}: the contact needs an email or a url")
    if settings.contact_email and "@" not in settings.contact_email:
        raise DataFileError(f"{origin}: contact email {settings.contact_email!r} has no '@'")


def _file_facts(path: Path) -> tuple[int, str, date]:
    """Size in bytes, SHA-256 hex digest and modification date (UTC) of ``path``."""
    try:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        stat = path.stat()
    except OSError as e:
        raise InputError(f"{path}: cannot read distribution file ({e.strerror})") from e
    modified = datetime.fromtimestamp(stat.st_mtime, tz=UTC).date()
    return stat.st_size, digest.hexdigest(), modified


def _agent(graph: Graph, settings: DcatSettings) -> URIRef | BNode:
    publisher = URIRef(settings.publisher_uri) if settings.publisher_uri else BNode()
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(settings.publisher_name, lang="de")))
    return publisher


def _contact(graph: Graph, settings: DcatSettings) -> BNode:
    contact = BNode()
    graph.add((contact, RDF.type, VCARD.Kind))  # stated, as validators run without inference
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(settings.contact_name or settings.publisher_name)))
    if settings.contact_email:
        graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + settings.contact_email.removeprefix("mailto:"))))
    if settings.contact_url:
        graph.add((contact, VCARD.hasURL, URIRef(settings.contact_url)))
    return contact


def _distribution(graph: Graph, path: Path, base: str, settings: DcatSettings) -> tuple[URIRef, date]:
    try:
        code, media_type, label = DISTRIBUTION_FORMATS[path.suffix.lower()]
    except KeyError as e:
        raise GraphFormatError(f"{path}: no DCAT distribution format for {path.suffix!r}") from e
    size, sha256, modified = _file_facts(path)
    dist = URIRef(f"{base}distribution/{path.name}")
    url = URIRef(base + path.name)
    checksum = BNode()
    licence = URIRef(licence_iri(settings.license))
    graph.add((dist, RDF.type, DCAT.Distribution))
    graph.add((dist, DCTERMS.title, Literal(f"{settings.title} ({label})", lang="de")))
    graph.add((dist, DCAT.accessURL, url))
    graph.add((dist, DCAT.downloadURL, url))
    graph.add((dist, DCTERMS.format, URIRef(FILE_TYPE + code)))
    graph.add((dist, DCAT.mediaType, URIRef(MEDIA_TYPE + media_type)))
    graph.add((dist, DCTERMS.license, licence))
    if settings.attribution:
        graph.add((dist, DCATDE.licenseAttributionByText, Literal(settings.attribution, lang="de")))
    graph.add((dist, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
    graph.add((dist, DCTERMS.modified, Literal(modified, datatype=XSD.date)))
    graph.add((dist, SPDX.checksum, checksum))
    graph.add((checksum, RDF.type, SPDX.Checksum))
    graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    graph.add((checksum, SPDX.checksumValue, Literal(sha256, datatype=XSD.hexBinary)))
    return dist, modified


def _generated_by(graph: Graph) -> BNode:
    """The extraction run as a prov:Activity carried out by this software."""
    run, agent = BNode(), BNode()
    graph.add((run, RDF.type, PROV.Activity))
    graph.add((run, RDFS.label, Literal("Extraktion aus Ratsdokumenten mit mobility-kg", lang="de")))
    graph.add((run, PROV.wasAssociatedWith, agent))
    graph.add((agent, RDF.type, PROV.SoftwareAgent))
    graph.add((agent, FOAF.name, Literal("mobility-kg")))
    return run


def dataset_metadata(files: list[Path], base: str, settings: DcatSettings | None = None) -> Graph:
    """DCAT-AP.de 3.0 Catalog + Dataset + one Distribution per file, published under ``base``.

    The files must exist (size and SHA-256 are read). Raises InputError for a missing file,
    GraphFormatError for a suffix without a DCAT format, DataFileError for bad settings.
    """
    settings = replace(settings or load_settings(), base=base)
    check_settings(settings)
    if not files:
        raise InputError("no files to describe: a DCAT dataset needs at least one distribution")
    base = base if base.endswith(("/", "#")) else base + "/"
    graph = Graph()
    graph.bind("dcatde", DCATDE)
    graph.bind("vcard", VCARD)
    graph.bind("spdx", SPDX)
    catalog, dataset = URIRef(base + "catalog"), URIRef(base + "dataset")
    publisher = _agent(graph, settings)

    dates = []
    for path in files:
        dist, modified = _distribution(graph, Path(path), base, settings)
        graph.add((dataset, DCAT.distribution, dist))
        dates.append(modified)
    modified = max(dates)
    issued = settings.issued or modified

    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal(settings.title, lang="de")))
    graph.add((dataset, DCTERMS.description, Literal(settings.description, lang="de")))
    graph.add((dataset, DCTERMS.publisher, publisher))
    graph.add((dataset, DCAT.contactPoint, _contact(graph, settings)))
    for theme in settings.themes:
        graph.add((dataset, DCAT.theme, URIRef(theme)))
    graph.add((dataset, DCTERMS.language, URIRef(settings.language)))
    graph.add((dataset, DCTERMS.spatial, URIRef(settings.spatial)))
    graph.add((URIRef(settings.spatial), RDF.type, DCTERMS.Location))
    graph.add((dataset, DCATDE.politicalGeocodingLevelURI, URIRef(settings.political_geocoding_level)))
    graph.add((dataset, DCTERMS.issued, Literal(issued, datatype=XSD.date)))
    graph.add((dataset, DCTERMS.modified, Literal(max(modified, issued), datatype=XSD.date)))
    for keyword in settings.keywords:
        graph.add((dataset, DCAT.keyword, Literal(keyword, lang="de")))
    graph.add((dataset, PROV.wasGeneratedBy, _generated_by(graph)))

    graph.add((catalog, RDF.type, DCAT.Catalog))
    graph.add((catalog, DCTERMS.title, Literal(settings.catalog_title, lang="de")))
    graph.add((catalog, DCTERMS.description, Literal(settings.catalog_description, lang="de")))
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, FOAF.homepage, URIRef(settings.catalog_homepage)))
    graph.add((catalog, DCTERMS.language, URIRef(settings.language)))
    graph.add((catalog, DCTERMS.modified, Literal(max(modified, issued), datatype=XSD.date)))
    graph.add((catalog, DCAT.dataset, dataset))
    return graph


def publish(
    data: Graph | Dataset,
    out_dir: Path,
    formats: Sequence[str] = ("ttl", "jsonld", "nq"),
    base: str | None = None,
    settings: DcatSettings | None = None,
) -> list[Path]:
    """Write ``data`` as ``graph.<format>`` for each format, then ``catalog.ttl`` describing those files.

    Returns the written paths, catalogue last. Raises GraphFormatError for an unknown format and
    DataFileError for bad settings or ``base``, both before anything is written; else what ``write_graph``
    raises.
    """
    settings = settings or load_settings()
    settings = replace(settings, base=base or settings.base)
    check_settings(settings)
    suffixes = ["." + fmt.strip().lower().lstrip(".") for fmt in formats if fmt.strip()]
    unknown = [s for s in suffixes if s not in FORMATS]
    if unknown or not suffixes:
        raise GraphFormatError(f"unknown export format {unknown or formats!r} (known: {', '.join(FORMATS)})")
    files = [Path(out_dir) / f"graph{suffix}" for suffix in dict.fromkeys(suffixes)]
    for path in files:
        write_graph(data, path)
    catalog = Path(out_dir) / "catalog.ttl"
    write_graph(dataset_metadata(files, settings.base, settings), catalog)
    return [*files, catalog]
