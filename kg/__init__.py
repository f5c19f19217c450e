"""mobility-kg: a knowledge graph of municipal mobility initiatives from German council documents."""

__version__ = "0.1.0"
