"""Fixtures of the graph tests: hand-made records from ``sample_records``."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_records import reference_extraction

from kg.records import Extraction


@pytest.fixture(scope="session")
def reference_records(reference_path: Path) -> Extraction:
    return reference_extraction(reference_path)
