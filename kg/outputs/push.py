"""Upload the graph to a remote triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

Each document graph is sent with ``PUT {endpoint}?graph=IRI`` (N-Triples), which replaces that graph on the
remote side; a store without named graphs sends its default graph with ``PUT {endpoint}?default``. (With
named graphs, the local default graph is only their union, so it is not sent.) Oxigraph's graph store is at
``http://host:7878/store``; Fuseki's at ``http://host:3030/DATASET/data``.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Mapping
from urllib.parse import quote

import pyoxigraph as ox
import rdflib

from kg.errors import EndpointError
from kg.outputs.store import Store


def push(
    source: Store | rdflib.Graph,
    endpoint: str,
    timeout_s: float = 60.0,
    headers: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """PUT every graph of ``source`` to ``endpoint``; returns graph IRI (``""`` = default) → triple count.

    ``headers`` are added to every request (e.g. ``Authorization``).

    :raises EndpointError: the endpoint is unreachable or answers with an error status.
    """
    store = source if isinstance(source, Store) else Store.from_rdflib(source)
    sent: dict[str, int] = {}
    sep = "&" if "?" in endpoint else "?"
    for name in store.own_graphs():
        body = store.graph_ntriples(name)
        if isinstance(name, ox.DefaultGraph):
            if not body:
                continue
            target, key = f"{endpoint}{sep}default", ""
        elif isinstance(name, ox.NamedNode):
            target, key = f"{endpoint}{sep}graph={quote(name.value, safe='')}", name.value
        else:  # a blank-node graph has no name the remote side could know it by
            continue
        _put(target, body, timeout_s, headers or {})
        sent[key] = body.count(b"\n")
    return sent


def _put(url: str, body: bytes, timeout_s: float, headers: Mapping[str, str]) -> None:
    request = urllib.request.Request(
        url, data=body, method="PUT", headers={"Content-Type": "application/n-triples", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            response.read()
    except urllib.error.HTTPError as e:
        detail = " ".join(e.read().decode("utf-8", errors="replace").split())[:200]
        raise EndpointError(f"{url}: HTTP {e.code} {e.reason}: {detail}") from e
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", None) or e
        raise EndpointError(f"cannot reach {url}: {reason}") from e
