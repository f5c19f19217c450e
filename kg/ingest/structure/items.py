"""The numbered items of a Beschlussvorschlag or Beschluss ("1. Der Sachstand ... 2. Die Ratsversammlung ...")."""

from __future__ import annotations

import re

from kg.document import ResolutionItem, TextSpan

_ENUMERATOR = re.compile(r"(?:\((?P<p>\d{1,2})\)|(?P<n>\d{1,2})(?:\.\)|\.|\)))[ \t]+(?=\S)")
_ITEM_OPENS_AFTER = '.!?:;“”")'
_LONG = 3000  # a region longer than this has no stop mark; its last item ends at its first blank line


def _opens_item(text: str, start: int, region_start: int) -> bool:
    """An enumerator opens an item at the region start, a line start, or after a sentence end."""
    before = text[region_start:start].rstrip(" \t")
    if not before.strip():
        return True
    if before.endswith("\n"):
        return True
    return len(before) < len(text[region_start:start]) and before[-1] in _ITEM_OPENS_AFTER


def parse_items(text: str, start: int, end: int) -> tuple[ResolutionItem, ...]:
    """Items between ``start`` and ``end``; a region of prose without numbers is one item "1".

    ALLRIS exports number every item "1." (a lost list counter): then items are numbered by position.
    """
    opened: list[tuple[int, int, int]] = []  # (number, start of item, start of text)
    for m in _ENUMERATOR.finditer(text, start, end):
        number = int(m["p"] or m["n"])
        if not _opens_item(text, m.start(), start):
            continue
        numbers = [n for n, _, _ in opened]
        if (not numbers and (number == 1 or not text[start : m.start()].strip())) or (
            numbers and (number == numbers[-1] + 1 or (number == 1 and set(numbers) == {1}))
        ):
            opened.append((number, m.start(), m.end()))
    if not opened:
        span = _paragraph(text, start, end)
        return () if span is None else (ResolutionItem("1", _clean(text, span), span),)
    repeated = len(opened) > 1 and {n for n, _, _ in opened} == {1}
    items = []
    for i, (number, item_start, text_start) in enumerate(opened):
        item_end = opened[i + 1][1] if i + 1 < len(opened) else end
        if i + 1 == len(opened) and end - start > _LONG:
            blank = text.find("\n\n", text_start)
            item_end = item_end if blank < 0 else min(item_end, blank)
        span = TextSpan(item_start, _rstrip(text, item_start, item_end))
        label = str(i + 1) if repeated else str(number)
        items.append(ResolutionItem(label, " ".join(text[text_start : span.end].split()), span))
    return tuple(items)


def _paragraph(text: str, start: int, end: int) -> TextSpan | None:
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    blank = text.find("\n\n", start, end)
    stop = end if blank < 0 or end - start <= _LONG else blank
    return TextSpan(start, _rstrip(text, start, stop))


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _clean(text: str, span: TextSpan) -> str:
    return " ".join(text[span.start : span.end].split())
