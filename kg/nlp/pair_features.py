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


@lru_cache(maxsize=256)
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


@dataclass
class _Tokens:
    """What the features read of every token and sentence of one document, computed once per document."""

    lower: list[str]
    stems: list[str]
    plain: list[bool]  # neither punctuation nor part of an entity
    entity: list[str]  # the key of the entity a token is part of, or ""
    punct: list[bool]
    text: list[str]
    sent_lex: list[tuple[str, ...]]  # relation-lexicon classes named in each sentence
    sent_cues: list[tuple[str, ...]]  # institution cues of capitalised words outside entities
    sent_words: list[tuple[str, ...]]  # stems of the longer plain words

    @classmethod
    def of(cls, doc: Doc, sents: list[Span]) -> _Tokens:
        text = [t.text for t in doc]
        entity = [t.ent_kb_id_ for t in doc]
        punct = [t.is_punct for t in doc]
        plain = [not p and not e for p, e in zip(punct, entity, strict=True)]
        stems = [stem(w) for w in text]
        sent_lex, sent_cues, sent_words = [], [], []
        for sent in sents:
            idx = range(sent.start, sent.end)
            sent_lex.append(tuple(dict.fromkeys(c for i in idx for c in lexicon_classes(text[i]))))
            cues = (cue_for(text[i]) if text[i][:1].isupper() and not entity[i] else None for i in idx)
            sent_cues.append(tuple(dict.fromkeys(c.type for c in cues if c is not None)))
            sent_words.append(tuple(dict.fromkeys(stems[i] for i in idx if plain[i] and len(text[i]) > 3)))
        lower = [t.lower_ for t in doc]
        return cls(lower, stems, plain, entity, punct, text, sent_lex, sent_cues, sent_words)

    def word(self, i: int) -> str:
        return self.lower[i] if 0 <= i < len(self.lower) else "<pad>"


def _name_head(tokens: _Tokens, m: Mention) -> dict[str, float]:
    words = [w for w in tokens.text[m.start : m.end] if w[:1].isalpha()]
    if not words:
        return {}
    return {f"head={stem(words[-1])}": 1.0, f"first_suf={words[0].lower()[-6:]}": 1.0}


@dataclass
class _Context:
    """What the features of every pair of one document look at."""

    tokens: _Tokens
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
        sents = list(doc.sents)
        context = _Context(
            _Tokens.of(doc, sents),
            sents,
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
                    for name in _between_words(context.tokens, other_a, other_b):
                        features[f"any_{name}"] = 1.0
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
    tokens = c.tokens
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
            f[f"{side}-{k}={tokens.word(m.start - k)}"] = 1.0
        f[f"{side}+1={tokens.word(m.end)}"] = 1.0
        f[f"{side}-1|tp={tokens.word(m.start - 1)}|{tp}"] = 1.0
        for name in _name_head(tokens, m):
            f[f"{side}_{name}"] = 1.0
        in_sentence = c.by_sentence.get(m.sentence, [])
        same_type = [x for x in in_sentence if x.type == m.type]
        if same_type and same_type[0] is m:
            f[f"{side}_first_of_type"] = 1.0
        f[f"{side}_of_type_in_sent={min(len({x.key for x in same_type}), 3)}"] = 1.0
        sent = c.sents[m.sentence]
        for i in range(sent.start, min(m.start, sent.start + 6)):
            if tokens.plain[i]:
                f[f"{side}_opening={tokens.stems[i]}"] = 1.0
        for i in range(max(sent.start, m.start - _WINDOW), min(sent.end, m.end + _WINDOW)):
            if (i < m.start or i >= m.end) and tokens.plain[i]:
                f[f"{side}_ctx={tokens.stems[i]}"] = 1.0
        if distance:
            for cls in tokens.sent_lex[m.sentence]:
                f[f"{side}_sent_lex={cls}"] = 1.0
            for cue in tokens.sent_cues[m.sentence]:
                f[f"{side}_sent_cue={cue}"] = 1.0
    if distance == 0:
        for name in _between_words(tokens, ma, mb):
            f[name] = 1.0
            f[f"tp|{name}"] = 1.0
        if _same_list(tokens, ma, mb):
            f["same_list"] = 1.0
            f[f"same_list|tp={tp}"] = 1.0
        for word in tokens.sent_words[ma.sentence]:
            f[f"sent={word}"] = 1.0
    for i in {ma.sentence, mb.sentence}:
        for cls in tokens.sent_lex[i]:
            f[f"sent_lex={cls}"] = 1.0
            f[f"tp|sent_lex={tp}|{cls}"] = 1.0
    for p, cue_id in c.rules.get((ma.key, mb.key), ()):
        f[f"rule={p}"] = 1.0
        f[f"rule_cue={cue_id}"] = 1.0
    for p, _ in c.rules.get((mb.key, ma.key), ()):
        f[f"rule_rev={p}"] = 1.0
    return f


_LIST_JOINERS = frozenset({",", "und", "sowie", "oder", "/", "&", ";"})


def _same_list(tokens: _Tokens, ma: Mention, mb: Mention) -> bool:
    """Only entities, list joiners and articles between the two mentions: "A, die B und C"."""
    left, right = (ma, mb) if ma.start < mb.start else (mb, ma)
    joiners = _LIST_JOINERS | word_set("determiners")
    between = range(left.end, right.start)
    return len(between) > 0 and all(tokens.entity[i] or tokens.lower[i] in joiners for i in between)


def _between_words(tokens: _Tokens, ma: Mention, mb: Mention) -> list[str]:
    left, right = (ma, mb) if ma.start < mb.start else (mb, ma)
    between = range(left.end, right.start)
    names = [f"btw_len={min(len(between), 8) // 2}"]
    function_words = word_set("function_words")
    ents = {tokens.entity[i] for i in between if tokens.entity[i]}
    names.append(f"btw_ents={min(len(ents), 3)}")
    for i in between[:_BETWEEN_WORDS]:
        if tokens.punct[i]:
            names.append(f"btw_punct={tokens.text[i]}")
            continue
        if tokens.entity[i]:
            continue
        lower = tokens.lower[i]
        names.append(f"btw={lower if lower in function_words else tokens.stems[i]}")
        names.extend(f"btw_lex={cls}" for cls in lexicon_classes(tokens.text[i]))
    return names
