"""Outputs of the graph: files (graphio), DCAT-AP.de metadata (dcat), the HTML graph (viz)."""
