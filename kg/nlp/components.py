"""Import every module that registers a pipeline component, so ``load_pipeline`` finds them by name."""

from kg.nlp import (  # noqa: F401
    acronyms,
    brands,
    coordination,
    figures,
    gazetteer,
    glued,
    learned_entities,
    learned_relations,
    learned_types,
    model_entities,
    patterns,
    persons,
    places,
    relations,
    resolver,
    sentences,
    structure_entities,
    titles,
)
