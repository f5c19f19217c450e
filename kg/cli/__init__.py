"""The ``kg`` command. Each command module parses options and calls one library function.

Errors from the library (``kg.errors.KgError``) and from the operating system become one line on stderr,
``kg: error: ...``, and exit status 1; never a traceback.
"""

from __future__ import annotations

import sys

import typer

from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Build, query and publish a knowledge graph of municipal mobility initiatives.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules register themselves on ``app``.
from kg.cli import commands  # noqa: E402,F401


def fail(message: str, status: int = 1) -> None:
    print(f"kg: error: {message}", file=sys.stderr)
    raise SystemExit(status)


def main() -> None:
    """Entry point of the console script: run ``app`` and turn every failure into one line."""
    try:
        status = app(standalone_mode=False)  # click returns a command's typer.Exit code instead of raising it
    except KgError as e:
        fail(str(e))
    except OSError as e:
        fail(f"{e.strerror or e}: {e.filename}" if e.filename else str(e))
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except typer.Exit as e:
        raise SystemExit(e.exit_code) from None
    except typer.Abort:
        fail("aborted")
    except typer.TyperException as e:  # usage errors: unknown command, bad option value
        message = e.format_message() if hasattr(e, "format_message") else str(e)
        fail(message, getattr(e, "exit_code", 2))
    if isinstance(status, int) and status:
        raise SystemExit(status)
