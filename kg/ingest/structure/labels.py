"""Where the labelled fields and headings of a council-document header are.

Three forms occur: "Betreff: value" on one line (ALLRIS web pages glue labels: "Status:öffentlichVorlage-Art:
Beschlussvorlage"), a label on its own line with the value on the next ("Eingereicht von" / "Dezernat ..."), and
flattened PDF text where the value runs to the next label ("Eingereicht von Dezernat Wirtschaft und Arbeit
Betreff Leipzig- ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.document import TextSpan
from kg.ingest.vocabulary import alternation, consultation_terms, fields, headings

HEADER_LIMIT = 4000  # characters; a header that has not ended by then is not one


@dataclass(frozen=True)
class Label:
    field: str  # from fields.jsonl, or "heading:<role>" for a heading
    label: str
    start: int
    end: int  # after the label and its colon


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    by_label = {r["label"]: r["field"] for r in fields()}
    # Column heads of a Beratungsfolge table ("Gremium", "Datum") stand alone on lines without being field labels.
    columns = set(consultation_terms()["column"]) - {h["heading"] for h in headings()}
    by_label.update({h["heading"]: f"heading:{h['role']}" for h in headings()})
    names = alternation(list(by_label))
    # "Label:" anywhere, or "Label" alone on its line (optionally "- Label" / "Label:").
    colon = re.compile(rf"(?P<label>{names})[ \t]*:")
    alone_names = alternation([label for label in by_label if label not in columns])
    prefix = r"(?:-[ \t]*|[IVX]{1,4}\.[ \t]*)?"  # "- Betreff:", "I.Sachverhalt"
    alone = re.compile(rf"^[ \t]*{prefix}(?P<label>{alone_names})[ \t]*:?[ \t]*$", re.MULTILINE)
    return colon, alone, by_label


@lru_cache(maxsize=1)
def _inline() -> re.Pattern[str]:
    names = alternation([r["label"] for r in fields() if r.get("inline")])
    return re.compile(rf"(?<![\w-])(?P<label>{names})(?=[ \t]+\S)")


def find_labels(text: str, limit: int = HEADER_LIMIT) -> list[Label]:
    """Every field label and heading in the first ``limit`` characters, in text order, without overlaps."""
    colon, alone, by_label = _patterns()
    head = text[:limit]
    found: dict[int, Label] = {}
    for pattern in (alone, colon, _inline()):
        for m in pattern.finditer(head):
            start = m.start("label")
            if start not in found and not any(lab.start <= start < lab.end for lab in found.values()):
                found[start] = Label(by_label[m["label"]], m["label"], start, m.end())
    return sorted(found.values(), key=lambda lab: lab.start)


def value_after(text: str, label: Label, stop: int) -> TextSpan | None:
    """The value of ``label``: the rest of its line up to ``stop``, or when that is empty, the next non-empty line."""
    line_end = text.find("\n", label.end)
    line_end = len(text) if line_end < 0 else line_end
    end = min(line_end, stop)
    span = _strip(text, label.end, end)
    if span is not None:
        return span
    pos = line_end
    while pos < stop:
        nxt = text.find("\n", pos + 1)
        nxt = min(stop, len(text) if nxt < 0 else nxt)
        span = _strip(text, pos, nxt)
        if span is not None:
            return span
        pos = nxt
    return None


_EDGE = " \t\n-|:"


def _strip(text: str, start: int, end: int) -> TextSpan | None:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in " \t\n|":
        end -= 1
    return TextSpan(start, end) if end > start else None
