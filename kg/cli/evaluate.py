"""PLACEHOLDER: its owner replaces this file with the `kg evaluate` command."""
