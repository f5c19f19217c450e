"""DCAT-AP.de metadata: conforms to the official shapes, describes each file truly, defaults file is valid."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

from kg.errors import DataFileError, GraphFormatError, InputError
from kg.outputs.dcat import (
    DCATDE,
    DEFAULTS_FILE,
    SPDX,
    DcatSettings,
    dataset_metadata,
    licence_iri,
    load_settings,
    publish,
)
from kg.outputs.graphio import load_graph

SAMPLE = Path(__file__).parent / "data" / "two-papers.trig"
BASE = "https://opendata.example.org/mobility-kg/"
OFFLINE_PROFILE = [
    "dcat-ap/3.0.0/dcat-ap-SHACL.ttl",
    "dcat-ap-de/3.0/dcat-ap-SHACL-DE.ttl",
    "dcat-ap-de/3.0/dcat-ap-spec-german-additions.ttl",
    "dcat-ap-de/3.0/dcat-ap-de-deprecated.ttl",
    "dcat-ap-de/3.0/dcat-ap-de-controlledvocabularies.ttl",
]
EU = "http://publications.europa.eu/resource/authority/"
# What the controlled vocabularies would say about the values we use (shapes README: add offline).
SCHEMES = {
    DCTERMS.language: EU + "language",
    DCAT.theme: EU + "data-theme",
    DCTERMS.format: EU + "file-type",
    DCTERMS.license: "http://dcat-ap.de/def/licenses",
    DCATDE.politicalGeocodingLevelURI: "http://dcat-ap.de/def/politicalGeocoding/Level",
}


@pytest.fixture(scope="module")
def shapes(shared_shapes: Path) -> Graph:
    graph = Graph()
    for name in OFFLINE_PROFILE:
        graph.parse(shared_shapes / name, format="turtle")
    return graph


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return publish(load_graph(SAMPLE), tmp_path_factory.mktemp("export"), ("ttl", "jsonld", "nq"), BASE)


def with_vocabularies(metadata: Graph) -> Graph:
    data = Graph() + metadata
    for predicate, scheme in SCHEMES.items():
        for value in metadata.objects(None, predicate):
            data.add((value, SKOS.inScheme, URIRef(scheme)))
    for algorithm in metadata.objects(None, SPDX.algorithm):
        data.add((algorithm, RDF.type, SPDX.ChecksumAlgorithm))
    return data


def validate(metadata: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(with_vocabularies(metadata), shacl_graph=shapes, inference="none")
    return conforms, text


@pytest.mark.parametrize("licence", ["cc-by/4.0", "dl-by-de/2.0"])
def test_metadata_conforms_to_dcat_ap_de(shapes: Graph, exported: list[Path], licence: str) -> None:
    settings = replace(load_settings(), license=licence)
    metadata = dataset_metadata(exported[:-1], BASE, settings)
    conforms, report = validate(metadata, shapes)
    assert conforms, report
    assert "Conforms: True" in report and "Results" not in report  # not even a warning


def test_shapes_catch_a_distribution_without_licence(shapes: Graph, exported: list[Path]) -> None:
    metadata = dataset_metadata(exported[:-1], BASE)
    metadata.remove((None, DCTERMS.license, None))
    conforms, report = validate(metadata, shapes)
    assert not conforms
    assert "dcterms:license" in report


def test_publish_writes_graph_files_and_a_catalogue_of_them(exported: list[Path]) -> None:
    assert [p.name for p in exported] == ["graph.ttl", "graph.jsonld", "graph.nq", "catalog.ttl"]
    catalog = load_graph(exported[-1]).default_graph
    assert {str(u) for u in catalog.objects(None, DCAT.downloadURL)} == {BASE + p.name for p in exported[:-1]}
    assert len(load_graph(exported[0])) == len(load_graph(exported[1]).default_graph)


@pytest.mark.parametrize(
    ("name", "file_type", "media_type"),
    [
        ("graph.ttl", "RDF_TURTLE", "text/turtle"),
        ("graph.jsonld", "JSON_LD", "application/ld+json"),
        ("graph.nq", "RDF_N_QUADS", "application/n-quads"),
    ],
)
def test_distribution_states_format_size_and_checksum(
    exported: list[Path], name: str, file_type: str, media_type: str
) -> None:
    path = next(p for p in exported if p.name == name)
    metadata = dataset_metadata([path], BASE)
    dist = URIRef(f"{BASE}distribution/{name}")
    assert metadata.value(dist, DCAT.accessURL) == URIRef(BASE + name)
    assert str(metadata.value(dist, DCTERMS.format)) == EU + "file-type/" + file_type
    assert str(metadata.value(dist, DCAT.mediaType)).endswith("/media-types/" + media_type)
    assert str(metadata.value(dist, DCAT.byteSize)) == str(path.stat().st_size)
    checksum = metadata.value(dist, SPDX.checksum)
    assert str(metadata.value(checksum, SPDX.checksumValue)) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert str(metadata.value(dist, DCTERMS.license)) == "http://dcat-ap.de/def/licenses/cc-by/4.0"


def test_dataset_carries_the_defaults_and_overrides(exported: list[Path]) -> None:
    settings = replace(load_settings(), publisher_name="Stadt Dresden", publisher_uri="")
    metadata = dataset_metadata(exported[:1], BASE.rstrip("/"), settings)
    dataset = URIRef(BASE + "dataset")
    assert str(metadata.value(metadata.value(dataset, DCTERMS.publisher), FOAF.name)) == "Stadt Dresden"
    assert str(metadata.value(dataset, DCAT.theme)).endswith("/data-theme/TRAN")
    assert str(metadata.value(dataset, DCTERMS.language)).endswith("/language/DEU")
    assert metadata.value(dataset, DCTERMS.spatial) is not None
    assert (URIRef(BASE + "catalog"), DCAT.dataset, dataset) in metadata


@pytest.mark.parametrize(
    ("value", "iri"),
    [
        ("cc-by/4.0", "http://dcat-ap.de/def/licenses/cc-by/4.0"),
        ("dl-by-de/2.0", "http://dcat-ap.de/def/licenses/dl-by-de/2.0"),
        ("http://dcat-ap.de/def/licenses/dl-zero-de/2.0", "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"),
    ],
)
def test_licence_short_forms(value: str, iri: str) -> None:
    assert licence_iri(value) == iri


def test_defaults_file_is_valid() -> None:
    settings = load_settings(DEFAULTS_FILE)
    assert isinstance(settings, DcatSettings)
    assert licence_iri(settings.license).startswith("http://dcat-ap.de/def/licenses/")
    assert settings.contact_email or settings.contact_url


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace('[publisher]\nname = "Stadt Leipzig"', "[publisher]"), r"missing \[publisher\] name"),
        (lambda t: t.replace('spatial = "http', 'spatial = "www'), "not an absolute"),
        (
            lambda t: t.replace('url = "https://www.leipzig.de/"\n\n[license]', 'url = ""\n\n[license]'),
            "email or a url",
        ),
        (lambda t: t.replace('issued = ""', 'issued = "16.09.2015"'), "YYYY-MM-DD"),
        (lambda t: t + "\n[broken", "cannot read"),
    ],
)
def test_broken_defaults_are_data_file_errors(tmp_path: Path, edit, message: str) -> None:
    path = tmp_path / "catalog.toml"
    path.write_text(edit(DEFAULTS_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_settings(path)


def test_missing_or_unknown_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        dataset_metadata([tmp_path / "missing.ttl"], BASE)
    with pytest.raises(InputError):
        dataset_metadata([], BASE)
    (tmp_path / "graph.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(GraphFormatError):
        dataset_metadata([tmp_path / "graph.csv"], BASE)
    with pytest.raises(GraphFormatError, match="unknown export format"):
        publish(Graph(), tmp_path / "out", ("ttl", "xml"), BASE)
    assert not (tmp_path / "out").exists()
