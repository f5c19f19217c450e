"""Candidate entity pairs of a document, each described by features for the learned relation classifier.

Candidates are found at the level of the document, not the sentence: every ordered pair of entities whose
types fit some predicate (``relation_cues.DOMAINS``) and whose closest mentions are at most
``max_distance`` sentences apart, or where one of them is the document's topic (its most named project, or one
named in the title), or where a rule already relates them. Each pair is described by its closest mentions: the
words between and around them, the prepositions before each, hits of the relation lexicon
(``relation_lexicon.jsonl``: verbs and nouns by meaning), list and apposition marks, the sentence distance, the
entity types and the heads of their names; with the ``rules`` feature set also the predicate and cue that the
rule extractor gave the pair.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.datafiles import read_records
from kg.errors import DataFileError
from kg.nlp.lexicon import cue_for, stem, word_set
from kg.nlp.relation_cues import DOMAINS
from kg.paths import PATTERNS_DIR

LEXICON_FILE = PATTERNS_DIR / "relation_lexicon.jsonl"
MAX_DISTANCE = 2
_BETWEEN_WORDS = 12
_WINDOW = 4  # words on each side of a mention that describe its context


@dataclass(frozen=True)
class Mention:
    key: str
    type: str
    start: int  # token offsets
    end: int
    sentence: int


@dataclass(frozen=True)
class Pair:
    """An ordered entity pair, its features, and the sentences (char offsets) that hold its closest mentions."""

    subject: str
    object: str
    features: dict[str, float]
    sentences: tuple[tuple[int, int], ...]


@lru_cache(maxsize=1)
def relation_lexicon() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(class, lower-cased stems)`` of ``relation_lexicon.jsonl``."""
    out = []
    for record in read_records(LEXICON_FILE, ("class", "stems")):
        if not isinstance(record["stems"], list):
            raise DataFileError(f"{LEXICON_FILE.name}: 'stems' must be a list in class {record['class']!r}")
        out.append((str(record["class"]), tuple(str(s).lower() for s in record["stems"])))
    return tuple(out)


@lru_cache(maxsize=65536)
def lexicon_classes(word: str) -> tuple[str, ...]:
    """The relation-lexicon classes of ``word``: a stem starts it, or a long stem ends a compound in it."""
    w = word.lower()
    return tuple(
        cls for cls, stems in relation_lexicon() if any(w.startswith(s) or (len(s) >= 5 and s in w[2:]) for s in stems)
    )


def _possible(a: str, b: str) -> bool:
    return any(a in subjects and b in objects for subjects, objects in DOMAINS.values())


def _mentions(doc: Doc, types: dict[str, str]) -> list[Mention]:
    sent_of = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            sent_of[t] = i
    return [
        Mention(e.kb_id_, types.get(e.kb_id_, e.label_), e.start, e.end, sent_of[e.start]) for e in doc.ents if e.kb_id_
    ]


def _topics(doc: Doc, mentions: list[Mention]) -> set[str]:
    """The most named project or programme, and every entity named in the first sentence (the title)."""
    counts = Counter(m.key for m in mentions if m.type in ("Project", "Programme"))
    topics = {counts.most_common(1)[0][0]} if counts else set()
    return topics | {m.key for m in mentions if m.sentence == 0}


def _closest(ms: list[Mention], ns: list[Mention]) -> tuple[Mention, Mention]:
    return min(
        ((m, n) for m in ms for n in ns),
        key=lambda p: (abs(p[0].sentence - p[1].sentence), abs(p[0].start - p[1].start)),
    )


def _word(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else "<pad>"


def _name_head(doc: Doc, m: Mention) -> dict[str, float]:
    words = [t.text for t in doc[m.start : m.end] if t.text[:1].isalpha()]
    if not words:
        return {}
    return {f"head={stem(words[-1])}": 1.0, f"first_suf={words[0].lower()[-6:]}": 1.0}


@dataclass
class _Context:
    """What the features of every pair of one document look at."""

    doc: Doc
    sents: list[Span]
    by_sentence: dict[int, list[Mention]]
    counts: Counter[str]
    topics: set[str]
    rules: dict[tuple[str, str], list[tuple[str, str]]]
    projects: int


class PairFeaturizer:
    """Computes the candidate pairs of one document; ``rules`` adds the rule extractor's relations."""

    def __init__(self, feature_set: str = "rules", max_distance: int = MAX_DISTANCE) -> None:
        self.feature_set = feature_set
        self.max_distance = max_distance

    def pairs(self, doc: Doc) -> list[Pair]:
        entities = doc._.entities or {}
        types = {key: e.type for key, e in entities.items()}
        mentions = _mentions(doc, types)
        by_key: dict[str, list[Mention]] = {}
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_key.setdefault(m.key, []).append(m)
            by_sentence.setdefault(m.sentence, []).append(m)
        rules: dict[tuple[str, str], list[tuple[str, str]]] = {}
        if self.feature_set == "rules":
            for r in doc._.relations or ():
                rules.setdefault((r.subject, r.object), []).append((r.predicate, r.cue))
        context = _Context(
            doc,
            list(doc.sents),
            by_sentence,
            Counter(m.key for m in mentions),
            _topics(doc, mentions),
            rules,
            sum(1 for ms in by_key.values() if ms[0].type in ("Project", "Programme")),
        )
        out = []
        for a, ams in by_key.items():
            for b, bms in by_key.items():
                if a == b or not _possible(ams[0].type, bms[0].type):
                    continue
                ma, mb = _closest(ams, bms)
                distance = abs(ma.sentence - mb.sentence)
                ruled = (a, b) in rules or (b, a) in rules
                if distance > self.max_distance and not (a in context.topics or b in context.topics or ruled):
                    continue
                features = _features(context, ma, mb)
                for other_a, other_b in _same_sentence(ams, bms, (ma, mb)):
                    for name in _between_words(doc, other_a, other_b):
                        features[f"any_{name}"] = 1.0
                sents = context.sents
                spans = tuple(
                    dict.fromkeys((sents[m.sentence].start_char, sents[m.sentence].end_char) for m in (ma, mb))
                )
                out.append(Pair(a, b, features, spans))
        return out


def _same_sentence(
    ams: list[Mention], bms: list[Mention], closest: tuple[Mention, Mention]
) -> list[tuple[Mention, Mention]]:
    """Other mention pairs of the two entities that share a sentence (the relation may be stated there)."""
    return [(m, n) for m in ams for n in bms if m.sentence == n.sentence and (m, n) != closest][:4]


def _features(c: _Context, ma: Mention, mb: Mention) -> dict[str, float]:
    doc = c.doc
    tp = f"{ma.type}>{mb.type}"
    distance = min(abs(ma.sentence - mb.sentence), 3)
    f: dict[str, float] = {f"tp={tp}": 1.0, f"d={distance}": 1.0, f"tp|d={tp}|{distance}": 1.0}
    f["a_first" if ma.start < mb.start else "b_first"] = 1.0
    if c.projects == 1:
        f["one_project"] = 1.0
    for side, m in (("a", ma), ("b", mb)):
        f[f"{side}_n={min(c.counts[m.key], 3)}"] = 1.0
        if m.key in c.topics:
            f[f"{side}_topic"] = 1.0
            f[f"{side}_topic|tp={tp}"] = 1.0
        for k in (1, 2):
            f[f"{side}-{k}={_word(doc, m.start - k)}"] = 1.0
        f[f"{side}+1={_word(doc, m.end)}"] = 1.0
        f[f"{side}-1|tp={_word(doc, m.start - 1)}|{tp}"] = 1.0
        for name in _name_head(doc, m):
            f[f"{side}_{name}"] = 1.0
        in_sentence = c.by_sentence.get(m.sentence, [])
        same_type = [x for x in in_sentence if x.type == m.type]
        if same_type and same_type[0] is m:
            f[f"{side}_first_of_type"] = 1.0
        f[f"{side}_of_type_in_sent={min(len({x.key for x in same_type}), 3)}"] = 1.0
        sent = c.sents[m.sentence]
        for t in doc[sent.start : min(m.start, sent.start + 6)]:
            if not t.is_punct and not t.ent_kb_id_:
                f[f"{side}_opening={stem(t.text)}"] = 1.0
        for t in doc[max(sent.start, m.start - _WINDOW) : min(sent.end, m.end + _WINDOW)]:
            if (t.i < m.start or t.i >= m.end) and not t.is_punct and not t.ent_kb_id_:
                f[f"{side}_ctx={stem(t.text)}"] = 1.0
        if distance:
            for t in sent:
                for cls in lexicon_classes(t.text):
                    f[f"{side}_sent_lex={cls}"] = 1.0
                cue = cue_for(t.text) if t.text[:1].isupper() and not t.ent_kb_id_ else None
                if cue is not None:
                    f[f"{side}_sent_cue={cue.type}"] = 1.0
    if distance == 0:
        for name in _between_words(doc, ma, mb):
            f[name] = 1.0
            f[f"tp|{name}"] = 1.0
        if _same_list(doc, ma, mb):
            f["same_list"] = 1.0
            f[f"same_list|tp={tp}"] = 1.0
        sent = c.sents[ma.sentence]
        for t in sent:
            if not t.is_punct and not t.ent_kb_id_ and len(t.text) > 3:
                f[f"sent={stem(t.text)}"] = 1.0
    for i in {ma.sentence, mb.sentence}:
        for t in c.sents[i]:
            for cls in lexicon_classes(t.text):
                f[f"sent_lex={cls}"] = 1.0
                f[f"tp|sent_lex={tp}|{cls}"] = 1.0
    for p, cue_id in c.rules.get((ma.key, mb.key), ()):
        f[f"rule={p}"] = 1.0
        f[f"rule_cue={cue_id}"] = 1.0
    for p, _ in c.rules.get((mb.key, ma.key), ()):
        f[f"rule_rev={p}"] = 1.0
    return f


_LIST_JOINERS = frozenset({",", "und", "sowie", "oder", "/", "&", ";"})


def _same_list(doc: Doc, ma: Mention, mb: Mention) -> bool:
    """Only entities, list joiners and articles between the two mentions: "A, die B und C"."""
    left, right = (ma, mb) if ma.start < mb.start else (mb, ma)
    between = doc[left.end : right.start]
    joiners = _LIST_JOINERS | word_set("determiners")
    return len(between) > 0 and all(t.ent_kb_id_ or t.lower_ in joiners for t in between)


def _between_words(doc: Doc, ma: Mention, mb: Mention) -> list[str]:
    left, right = (ma, mb) if ma.start < mb.start else (mb, ma)
    between = doc[left.end : right.start]
    names = [f"btw_len={min(len(between), 8) // 2}"]
    function_words = word_set("function_words")
    ents = {t.ent_kb_id_ for t in between if t.ent_kb_id_}
    names.append(f"btw_ents={min(len(ents), 3)}")
    for t in between[:_BETWEEN_WORDS]:
        if t.is_punct:
            names.append(f"btw_punct={t.text}")
            continue
        if t.ent_kb_id_:
            continue
        names.append(f"btw={t.lower_ if t.lower_ in function_words else stem(t.text)}")
        names.extend(f"btw_lex={cls}" for cls in lexicon_classes(t.text))
    return names
