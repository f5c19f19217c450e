"""Projects of a programme across sentences: a programme said to consist of projects ("Im Verbundvorhaben „X“
arbeiten … Die SWL ist an vier Teilprojekten beteiligt …") has as parts the projects the same section then
introduces as projects of their own ("Das Projekt „Y“ …", "im Projekt „Z“"), up to the next programme.

Conservative by design: the sentence that names the programme names no other, the word for its projects
("Teilprojekte") stands in that sentence or the next, and a project named in the section before the programme
is not one of its parts.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.document import Document
from kg.nlp.relation_cues import load_terms
from kg.nlp.relation_links import Found
from kg.nlp.relation_scope import M, Sentence

CUE = "section.programme-projects"
CONFIDENCE = 0.65


def _section_runs(sentences: list[Sentence], document: Document | None) -> list[list[Sentence]]:
    """The sentences grouped by the section they start in (one run when the document has no sections)."""
    runs: list[list[Sentence]] = []
    last: object = object()
    for sentence in sentences:
        section = document.section_at(sentence.start) if document is not None else None
        key = section.id if section is not None else None
        if not runs or key != last:
            runs.append([])
            last = key
        runs[-1].append(sentence)
    return runs


def _programmes(sentence: Sentence) -> set[str]:
    return {m.key for m in sentence.mentions if m.type == "Programme"}


def programme_member_relations(sentences: list[Sentence], document: Document | None) -> Iterator[Found]:
    """``partOf`` the programme for each project introduced after it in its section (see the module doc)."""
    for run in _section_runs(sentences, document):
        yield from _in_section(run)


def _in_section(run: list[Sentence]) -> Iterator[Found]:
    terms = load_terms()
    for i, sentence in enumerate(run):
        programmes = _programmes(sentence)
        if len(programmes) != 1 or not any(terms["subprojects"].search(s.text) for s in run[i : i + 2]):
            continue
        (programme,) = programmes
        before = {m.key for s in run[: i + 1] for m in s.mentions}
        for later in run[i + 1 :]:
            if _programmes(later) - {programme}:
                break
            for m in later.mentions:
                if m.type == "Project" and m.key not in before and _introduced(later, m):
                    yield Found(m.key, "partOf", programme, CUE, CONFIDENCE, (later, sentence))


def _introduced(sentence: Sentence, m: M) -> bool:
    return bool(load_terms()["project_introduction"].search(sentence.text[: sentence.local(m.start)]))
