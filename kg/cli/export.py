"""PLACEHOLDER: its owner replaces this file with the `kg export` command."""
