"""Query and load speed on a synthetic graph shaped like ours (run by hand, not in the test suite).

    .venv/bin/python benchmarks/bench_query.py [--docs 500] [--relations 100]

Builds ``docs`` document graphs of ``relations`` evidenced relations each (entities with labels and
aliases, reified statements, Web Annotations with selectors, paper, mentions, consultations, key figures),
about 2 000 triples per document. Reports

* load: ``Store.replace_document`` per document (the ``kg build --store`` path, rdflib graph in hand)
  vs. one ``pyoxigraph.Store.bulk_load`` of the same quads;
* queries: every named query through kg's API (``resolve_query`` + ``run_query`` on the ``Store``,
  materialised) vs. the same SPARQL straight to the same pyoxigraph store (materialised), median of 3 runs,
  and the overhead ratio (target <= 1.5).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.outputs.sparql import list_queries, resolve_query, run_query
from kg.outputs.store import open_store

BASE = "https://w3id.org/mobility-kg/id/"
MKG = "https://w3id.org/mobility-kg/def#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
OPARL = "https://schema.oparl.org/1.1/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PREDICATES = ["participatesIn", "coordinates", "partnerOf", "partOf", "fundedBy", "subsidiaryOf", "operates"]


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: object, datatype: str | None = None) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"' + (f"^^<{datatype}>" if datatype else "")


def document(n: int, relations: int, rng: random.Random, actors: int, projects: int) -> str:
    """One document graph as N-Triples."""
    doc = f"VI-DS-{n:05d}"
    paper = iri(f"{BASE}paper/{doc}")
    lines = [
        f"{paper} {iri(RDF + 'type')} {iri(OPARL + 'Paper')} .",
        f"{paper} {iri(DCT + 'identifier')} {lit(doc)} .",
        f"{paper} {iri(DCT + 'title')} {lit(f'Vorlage {n} zur Mobilität')} .",
    ]
    for step in (1, 2):
        c = f"_:c{step}"
        lines += [
            f"{c} {iri(RDF + 'type')} {iri(OPARL + 'Consultation')} .",
            f"{c} {iri(OPARL + 'paper')} {paper} .",
            f"{c} {iri(OPARL + 'organization')} {iri(BASE + 'org/ratsversammlung')} .",
            f"{c} {iri(OPARL + 'role')} {lit('Beschlussfassung')} .",
            f"{c} {iri(MKG + 'sequenceNumber')} {lit(step, XSD + 'integer')} .",
            f"{c} {iri(DCT + 'date')} {lit(f'{2015 + n % 8}-0{step}-15', XSD + 'date')} .",
        ]
    lines += [
        f"{paper} {iri(MKG + 'keyFigure')} _:kf .",
        f"_:kf {iri(SCHEMA + 'value')} {lit(rng.randint(1, 500), XSD + 'integer')} .",
        f"_:kf {iri(SCHEMA + 'unitText')} {lit('Ladestationen')} .",
        f"{iri(BASE + 'org/ratsversammlung')} {iri(RDFS + 'label')} {lit('Ratsversammlung')} .",
    ]
    seen: set[str] = set()
    for r in range(relations):
        a = f"org/a{rng.randrange(actors)}"
        predicate = rng.choice(PREDICATES)
        b = (
            f"org/a{rng.randrange(actors)}"
            if predicate in ("partnerOf", "subsidiaryOf")
            else f"project/p{rng.randrange(projects)}"
        )
        for node in (a, b):
            if node not in seen:
                seen.add(node)
                kind = "Organization" if node.startswith("org") else "Project"
                lines += [
                    f"{iri(BASE + node)} {iri(RDF + 'type')} {iri(MKG + kind)} .",
                    f"{iri(BASE + node)} {iri(RDFS + 'label')} {lit(f'Akteur {node}')} .",
                    f"{iri(BASE + node)} {iri(SKOS + 'altLabel')} {lit(node.split('/')[1].upper())} .",
                    f"{paper} {iri(SCHEMA + 'mentions')} {iri(BASE + node)} .",
                ]
        s, p, o = iri(BASE + a), iri(MKG + predicate), iri(BASE + b)
        st, ann, tgt, q, pos = (f"_:st{r}", f"_:an{r}", f"_:t{r}", f"_:q{r}", f"_:p{r}")
        lines += [
            f"{s} {p} {o} .",
            f"{st} {iri(RDF + 'type')} {iri(RDF + 'Statement')} .",
            f"{st} {iri(RDF + 'subject')} {s} .",
            f"{st} {iri(RDF + 'predicate')} {p} .",
            f"{st} {iri(RDF + 'object')} {o} .",
            f"{st} {iri(MKG + 'confidence')} {lit(round(rng.uniform(0.4, 1.0), 2), XSD + 'decimal')} .",
            f"{st} {iri(MKG + 'cue')} {lit('gemeinsam mit')} .",
            f"{ann} {iri(RDF + 'type')} {iri(OA + 'Annotation')} .",
            f"{ann} {iri(OA + 'hasBody')} {st} .",
            f"{ann} {iri(OA + 'hasTarget')} {tgt} .",
            f"{ann} {iri(PROV + 'wasDerivedFrom')} {paper} .",
            f"{tgt} {iri(OA + 'hasSource')} {iri(f'{BASE}text/{doc}')} .",
            f"{tgt} {iri(OA + 'hasSelector')} {q} .",
            f"{tgt} {iri(OA + 'hasSelector')} {pos} .",
            f"{q} {iri(RDF + 'type')} {iri(OA + 'TextQuoteSelector')} .",
            f"{q} {iri(OA + 'exact')} {lit(f'Satz {r} über {a} und {b} in {doc}.')} .",
            f"{pos} {iri(RDF + 'type')} {iri(OA + 'TextPositionSelector')} .",
            f"{pos} {iri(OA + 'start')} {lit(r * 100, XSD + 'integer')} .",
            f"{pos} {iri(OA + 'end')} {lit(r * 100 + 80, XSD + 'integer')} .",
        ]
    return "\n".join(lines) + "\n"


def median_time(run, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--relations", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(1293)
    actors, projects = max(50, args.docs * 4), max(20, args.docs * 2)
    documents = [document(n, args.relations, rng, actors, projects) for n in range(args.docs)]
    triples = sum(d.count("\n") for d in documents)
    print(f"synthetic graph: {args.docs} documents, {triples:,} triples")

    with tempfile.TemporaryDirectory() as tmp:
        nquads = Path(tmp) / "all.nq"
        with nquads.open("w", encoding="utf-8") as out:
            for n, text in enumerate(documents):
                graph = f" <{BASE}graph/VI-DS-{n:05d}> ."
                out.write("\n".join(line[:-2] + graph for line in text.splitlines()) + "\n")
        start = time.perf_counter()
        bulk = ox.Store(str(Path(tmp) / "bulk"))
        bulk.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        bulk.flush()
        bulk_s = time.perf_counter() - start

        store = open_store(Path(tmp) / "kg")
        parse_s = replace_s = 0.0
        for n, text in enumerate(documents):
            start = time.perf_counter()
            graph = rdflib.Graph().parse(data=text, format="nt")
            parse_s += time.perf_counter() - start
            start = time.perf_counter()
            store.replace_document(f"VI-DS-{n:05d}", f"sha{n}", graph, BASE)
            replace_s += time.perf_counter() - start
        print(
            f"\nload   pyoxigraph bulk_load {bulk_s:7.2f} s | Store.replace_document x{args.docs} {replace_s:7.2f} s "
            f"(ratio {replace_s / bulk_s:.1f}; rdflib parse of the inputs, not counted: {parse_s:.1f} s)"
        )
        start = time.perf_counter()
        store.replace_document("VI-DS-00000", "sha-new", rdflib.Graph().parse(data=documents[0], format="nt"), BASE)
        print(f"       one incremental re-build of a document in the full store: {time.perf_counter() - start:.3f} s")
        del bulk

        params = {"actor": "A1", "paper": "VI-DS-00001", "year": "2016", "type": "Project"}
        print(f"\n{'query':34} {'kg API':>9} {'pyoxigraph':>11} {'ratio':>6} {'rows':>7}")
        for query in list_queries():
            text = resolve_query(query.name, {p.name: params[p.name] for p in query.params if p.name in params})
            rows = len(run_query(store, text).rows)  # also warms the caches for both runs
            list(store._ox.query(text))
            ours = median_time(lambda text=text: run_query(store, text))
            direct = median_time(lambda text=text: list(store._ox.query(text)))
            print(f"{query.name:34} {ours:8.3f}s {direct:10.3f}s {ours / direct:6.2f} {rows:7}")
        store.close()


if __name__ == "__main__":
    main()
