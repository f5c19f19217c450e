"""Learning from the annotated corpus: aligning gold files to the text, training the entity tagger and the
relation classifier (``train``), and judging them by cross-validation grouped by municipality (``crossval``).

The trained components themselves run in the spaCy pipeline (``kg.nlp.learned_entities``,
``kg.nlp.learned_relations``); this package only prepares their data and fits them.
"""
