"""Where the project's data files live.

The ontology, gazetteer and shapes sit in the top-level ``ontology/`` folder so that domain experts can edit
them without touching Python; ``KG_ONTOLOGY_DIR`` points elsewhere (e.g. a city's own gazetteer).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
ONTOLOGY_DIR = Path(os.environ.get("KG_ONTOLOGY_DIR", PACKAGE_DIR.parent / "ontology"))
GAZETTEER_DIR = ONTOLOGY_DIR / "gazetteer"
SHAPES_DIR = ONTOLOGY_DIR / "shapes"
QUERIES_DIR = RESOURCES_DIR / "queries"
PATTERNS_DIR = RESOURCES_DIR / "patterns"
