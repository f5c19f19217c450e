"""Import every command module so that its commands register on ``kg.cli.app``."""

from kg.cli import build, evaluate, export, query, serve, train, validate, viz  # noqa: F401
