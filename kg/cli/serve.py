"""PLACEHOLDER: its owner replaces this file with the `kg serve` command."""
