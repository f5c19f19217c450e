"""PLACEHOLDER: owner replaces."""
