"""The optional HanTa test that tells a proper noun ("Gdynia") from a common noun ("Betrieb")."""

from __future__ import annotations

import pytest

from kg.nlp import proper_nouns

pytestmark = pytest.mark.skipif(
    not proper_nouns.available(), reason="HanTa is not installed or switched off (KG_POS=off)"
)


@pytest.mark.parametrize(
    ("word", "proper"),
    [
        ("Gdynia", True),
        ("Findorff", True),
        ("Turku", True),
        ("Gröpelingen", True),
        ("Betrieb", False),
        ("Zukunft", False),
        ("Tiefgaragen", False),
        ("Elektrobussen", False),
        ("Umgebung", False),
    ],
)
def test_tells_names_from_common_nouns(word: str, proper: bool) -> None:
    assert proper_nouns.is_proper_noun(word) is proper
