"""PLACEHOLDER: its owner replaces this file with the `kg build` command."""
