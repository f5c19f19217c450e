"""Document -> spaCy Doc with entities and relations. One registered component per file.

Contract between the components (read ``pipeline.py`` for the order):

* ``doc._.document`` is the ``kg.document.Document`` the Doc was made from; sentence boundaries come from
  ``Document.sentences`` (set by the ``document_sentences`` component).
* Recognisers add overlapping candidate spans to ``doc.spans["candidates"]``: ``label_`` is an entity type of
  ``kg.records.ENTITY_TYPES``, ``kb_id_`` a gazetteer id where known.
* ``entity_resolver`` chooses among the candidates, sets ``doc.ents`` (``kb_id_`` = the entity key) and
  ``doc._.entities`` (``dict[key, kg.records.Entity]``): one entity per real-world thing in the document.
* ``relation_extractor`` reads ``doc.ents`` and writes ``doc._.relations`` (``list[kg.records.Relation]``).
* ``key_figures`` writes ``doc._.figures`` (``list[kg.records.KeyFigure]``).
"""
