"""One small hierarchy of errors, each with a code, rendered as one line by the CLI.

Library code raises these (``raise InputError(...) from e``); the CLI prints ``kg: error: [E012] ...`` and
exits with status 1. Never ``assert`` on user input.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: ``code`` identifies the kind of failure, ``str(err)`` is the one-line message."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(KgError):
    """A source file is missing, unreadable, empty or of an unknown kind."""

    code = "E010"


class NoTextLayerError(InputError):
    """A PDF has no text layer (a scan)."""

    code = "E012"


class EncodingError(InputError):
    """A text file is in no encoding we can decode."""

    code = "E013"


class DataFileError(KgError):
    """A gazetteer, pattern, cue, ontology or shape file is malformed."""

    code = "E020"


class GraphFormatError(KgError):
    """An RDF file cannot be parsed, or a format is unknown."""

    code = "E030"


class QueryError(KgError):
    """A SPARQL query is malformed, unknown by name, or lacks a parameter."""

    code = "E040"


class StoreError(KgError):
    """The persistent store cannot be opened or written."""

    code = "E050"


class EndpointError(KgError):
    """A remote SPARQL endpoint or graph store is unreachable or refused the request."""

    code = "E060"


class EvaluationError(KgError):
    """A gold file is malformed or points to a missing text."""

    code = "E070"
