"""A read-only SPARQL 1.1 Protocol endpoint over a ``Store``, on the standard library's HTTP server.

``/sparql`` answers GET ``?query=``, POST form ``query=`` and POST ``application/sparql-query``; the result
format follows the Accept header. Updates are refused (403). Each query runs in a worker thread: after
``timeout_s`` the client gets a 503 and the worker stops at its next row (an aggregate that is still being
computed inside pyoxigraph finishes in a background thread; at most ``workers`` queries run at once). SELECT
results are cut at ``max_rows`` (header ``X-Kg-Truncated: true``). ``/`` serves a small query page.

>>> server = make_server(Store.in_memory(), port=0)
>>> server.server_address[0]
'127.0.0.1'
>>> server.server_close()
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import EndpointError, KgError, QueryError
from kg.outputs.sparql import QueryResult, collect, to_csv, to_json, to_tsv, to_xml
from kg.outputs.store import Store, open_store
from kg.paths import RESOURCES_DIR

log = logging.getLogger(__name__)
INDEX_PAGE = RESOURCES_DIR / "server" / "index.html"
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)

# media type → serializer; the first entry of each table is the default.
ROW_FORMATS: dict[str, Callable[[QueryResult], str]] = {
    "application/sparql-results+json": to_json,
    "application/sparql-results+xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
    "application/json": to_json,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def negotiate(accept: str, offers: list[str]) -> str | None:
    """The offer that the Accept header ranks highest (first offer for ``*/*`` or no header)."""
    if not accept.strip():
        return offers[0]
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *options = (p.strip() for p in part.split(";"))
        q = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    q = float(option[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, position, media.lower()))
    for minus_q, _, media in sorted(ranked):
        if minus_q == 0:
            break
        for offer in offers:
            if media in (offer, "*/*") or (media.endswith("/*") and offer.startswith(media[:-1])):
                return offer
    return None


class Endpoint:
    """What the handler needs: the store and the limits, and a bound on concurrent queries."""

    def __init__(self, store: Store, timeout_s: float, max_rows: int, cors: bool, workers: int = 4) -> None:
        self.store = store
        self.timeout_s = timeout_s
        self.max_rows = max_rows
        self.cors = cors
        self.slots = threading.BoundedSemaphore(workers)

    def run(self, query: str) -> QueryResult:
        """Run a query in a daemon worker under the time and size limits.

        A worker that outlives its deadline never blocks shutdown, and keeps its slot until it ends.

        :raises QueryError: malformed query. :raises TimeoutError: the time limit passed.
        """
        deadline = time.monotonic() + self.timeout_s
        if not self.slots.acquire(timeout=self.timeout_s):
            raise TimeoutError
        future: Future[QueryResult] = Future()

        def work() -> None:
            try:
                future.set_result(collect(self.store.query(query), self.max_rows, deadline))
            except BaseException as e:  # handed to the waiting request
                future.set_exception(e)
            finally:
                self.slots.release()

        threading.Thread(target=work, name="sparql-query", daemon=True).start()
        try:
            return future.result(timeout=max(0.0, deadline - time.monotonic()))
        except FutureTimeout:
            raise TimeoutError from None


class SparqlHandler(BaseHTTPRequestHandler):
    server_version = "mobility-kg"
    endpoint: Endpoint  # set on the subclass made by make_server

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    # --- routing ----------------------------------------------------------------------------------------

    def do_OPTIONS(self) -> None:
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, INDEX_PAGE.read_bytes(), "text/html; charset=utf-8")
        elif url.path == "/sparql":
            self._dispatch(parse_qs(url.query))
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such resource {url.path}; the endpoint is /sparql")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, f"no such resource {url.path}; the endpoint is /sparql")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            self._dispatch({"query": [body]})
        elif ctype == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
        elif ctype == "application/x-www-form-urlencoded":
            self._dispatch(parse_qs(body))
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {ctype!r}")

    # --- work -------------------------------------------------------------------------------------------

    def _dispatch(self, form: dict[str, list[str]]) -> None:
        if "update" in form:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
            return
        queries = form.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one 'query' parameter")
            return
        query = queries[0]
        if _UPDATE.match(query):
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
            return
        try:
            result = self.endpoint.run(query)
        except QueryError as e:
            self._error(HTTPStatus.BAD_REQUEST, e.message)
        except TimeoutError:
            seconds = f"{self.endpoint.timeout_s:g}"
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, f"query timed out after {seconds} s; narrow it down")
        except KgError as e:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, e.message)
        else:
            self._respond(result)

    def _respond(self, result: QueryResult) -> None:
        accept = self.headers.get("Accept") or ""
        headers = {"X-Kg-Truncated": "true"} if result.truncated else {}
        if result.kind == "graph":
            media = negotiate(accept, list(GRAPH_FORMATS))
            if media is None:
                self._error(HTTPStatus.NOT_ACCEPTABLE, f"graph results come as {', '.join(GRAPH_FORMATS)}")
                return
            data = ox.serialize(result.triples, format=GRAPH_FORMATS[media]) or b""
        else:
            media = negotiate(accept, list(ROW_FORMATS))
            if media is None:
                self._error(HTTPStatus.NOT_ACCEPTABLE, f"results come as {', '.join(ROW_FORMATS)}")
                return
            data = ROW_FORMATS[media](result).encode("utf-8")
        self._send(HTTPStatus.OK, data, f"{media}; charset=utf-8", headers)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if self.endpoint.cors and self.headers.get("Origin"):
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Expose-Headers", "X-Kg-Truncated")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def make_server(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float = 10.0,
    max_rows: int = 10_000,
    cors: bool = False,
) -> ThreadingHTTPServer:
    """A ready, not yet running server (``port=0`` picks a free port; see ``server_address``).

    :raises OSError: if the address is in use.
    """
    endpoint = Endpoint(store, timeout_s, max_rows, cors)
    handler = type("BoundSparqlHandler", (SparqlHandler,), {"endpoint": endpoint})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def open_source(source: Store | Path) -> Store:
    """A store directory opened as it is, a graph file loaded into memory."""
    if isinstance(source, Store):
        return source
    return open_store(source, create=False) if source.is_dir() else Store.from_file(source)


def serve(
    source: Store | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float = 10.0,
    max_rows: int = 10_000,
    cors: bool = False,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve ``source`` until interrupted; ``ready`` gets the endpoint URL once it listens.

    :raises StoreError / GraphFormatError / InputError: the source cannot be opened.
    """
    store = open_source(source)
    try:
        server = make_server(store, host, port, timeout_s, max_rows, cors)
    except OSError as e:
        raise EndpointError(f"cannot listen on {host}:{port}: {e.strerror}") from e
    if ready:
        ready(f"http://{host}:{server.server_port}/sparql")
    try:
        server.serve_forever()
    finally:
        server.server_close()
