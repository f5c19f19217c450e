"""kg push against a real Oxigraph server started on a free loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import EndpointError
from kg.outputs.push import push
from kg.outputs.store import Store

FIXTURE = Path(__file__).parent / "data" / "two-papers.trig"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def remote_count(url: str, graph: str) -> int:
    query = urllib.parse.quote(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    request = urllib.request.Request(f"{url}/query?query={query}", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(response.read().decode("utf-8").splitlines()[1])


def test_every_document_graph_arrives_and_a_second_push_replaces_it(oxigraph: str) -> None:
    store = Store.from_file(FIXTURE)
    sent = push(store, f"{oxigraph}/store")
    graphs = {g.value: len(store.graph_ntriples(g).splitlines()) for g in store.document_graphs()}
    assert sent == graphs and len(sent) == 2
    for graph, count in graphs.items():
        assert remote_count(oxigraph, graph) == count
    push(store, f"{oxigraph}/store")  # PUT replaces: no duplicates, same counts
    assert {g: remote_count(oxigraph, g) for g in graphs} == graphs


def test_unreachable_endpoint_is_one_line_endpoint_error() -> None:
    with pytest.raises(EndpointError, match="cannot reach") as info:
        push(Store.from_file(FIXTURE), f"http://127.0.0.1:{free_port()}/store", timeout_s=2)
    assert "\n" not in str(info.value)


def test_refused_request_names_the_status(oxigraph: str) -> None:
    with pytest.raises(EndpointError, match="HTTP 4"):
        push(Store.from_file(FIXTURE), f"{oxigraph}/query")
