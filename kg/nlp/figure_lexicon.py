"""The word lists of the key-figure reader, from ``kg/resources/patterns/figures.jsonl``.

Records by ``label``: ``UNIT`` (a unit of measure with its QUDT IRI), ``COUNTED`` (a head noun of counted things,
matched at the end of compounds: "Ladestationen", "E-Fahrzeugen"), ``SCALE`` ("Mio."), ``NUMBER`` ("sieben"),
``SUBSTANCE`` ("CO2" after "t").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.datafiles import read_records
from kg.errors import DataFileError
from kg.paths import PATTERNS_DIR

FIGURES_FILE = PATTERNS_DIR / "figures.jsonl"
COUNT_UNIT = "http://qudt.org/vocab/unit/NUM"


@dataclass(frozen=True)
class Unit:
    unit: str
    counted: str
    code: str | None


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, Unit]  # form -> unit
    counted: tuple[tuple[str, str], ...]  # (form, head), longest form first
    scales: dict[str, float]
    numbers: dict[str, float]
    substances: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    units: dict[str, Unit] = {}
    counted: list[tuple[str, str]] = []
    scales: dict[str, float] = {}
    numbers: dict[str, float] = {}
    substances: list[str] = []
    for record in read_records(FIGURES_FILE, ("label", "forms")):
        label, forms = record["label"], record["forms"]
        if label == "UNIT":
            unit = Unit(record["unit"], record["counted"], record.get("code"))
            units.update(dict.fromkeys(forms, unit))
        elif label == "COUNTED":
            counted.extend((form, record["head"]) for form in forms)
        elif label == "SCALE":
            scales.update(dict.fromkeys(forms, float(record["factor"])))
        elif label == "NUMBER":
            numbers.update(dict.fromkeys(forms, float(record["value"])))
        elif label == "SUBSTANCE":
            substances.extend(forms)
        else:
            raise DataFileError(f"{FIGURES_FILE.name}: unknown label {label!r}")
    counted.sort(key=lambda p: len(p[0]), reverse=True)
    return Lexicon(units, tuple(counted), scales, numbers, tuple(substances))
