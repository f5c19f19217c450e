"""Shared fixtures: paths to the project's own test data (copied from the shared corpus) and the shapes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
ROOT = TESTS_DIR.parent
DATA_DIR = TESTS_DIR / "data"
EVAL_DIR = ROOT / "data" / "eval"
CORPUS_DIR = DATA_DIR / "corpus"
REFERENCE_PAGE = TESTS_DIR.parent / "data" / "VI-DS-01293.page.txt"
SHARED_SHAPES = TESTS_DIR.parent.parent / "shared" / "shapes"


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE_PAGE


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    return EVAL_DIR


@pytest.fixture(scope="session")
def dev_texts() -> list[Path]:
    return sorted((EVAL_DIR / "dev").glob("*.txt"))


@pytest.fixture(scope="session")
def unlabeled_texts() -> list[Path]:
    return sorted((CORPUS_DIR / "unlabeled").glob("*.txt"))


@pytest.fixture(scope="session")
def shared_shapes() -> Path:
    """The official DCAT-AP / DCAT-AP.de shapes; only these may be read from ../shared/."""
    if not SHARED_SHAPES.is_dir():
        pytest.skip("../shared/shapes is absent: the official DCAT-AP.de shapes are not in this checkout")
    return SHARED_SHAPES


@pytest.fixture(scope="session")
def run_kg() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real ``kg`` command in a subprocess, as a user would (``python -m kg``), from the project root."""

    def run(*args: str | Path, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout
        )

    return run
