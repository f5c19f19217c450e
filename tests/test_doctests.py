"""The runnable examples in docstrings are part of the documentation: they must stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg

MODULES = sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg.") if m.name not in {"kg.__main__"})


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
