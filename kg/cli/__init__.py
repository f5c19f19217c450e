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


def fail(message: str) -> None:
    print(f"kg: error: {message}", file=sys.stderr)
    raise SystemExit(1)


def main() -> None:
    try:
        app(standalone_mode=False)
    except KgError as e:
        fail(str(e))
    except (FileNotFoundError, IsADirectoryError, PermissionError) as e:
        fail(f"{e.strerror}: {e.filename}")
    except KeyboardInterrupt:
        fail("interrupted")
    except Exception as e:  # click's usage errors and the like
        import click

        if isinstance(e, click.exceptions.Exit):
            raise SystemExit(e.exit_code) from None
        if isinstance(e, click.ClickException):
            fail(e.format_message())
        if isinstance(e, click.exceptions.Abort):
            fail("aborted")
        raise
