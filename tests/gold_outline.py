"""Outlines built from the gold annotations, for developing the later stages without the segmenter.

``gold_report("zhejiang_2024")`` reads ``reports/gwr/zhejiang_2024.txt`` and turns the headings of
``tests/gold/zhejiang_2024.report.json`` into ``Section`` objects: each heading starts at its
marker just before the quote, its title runs to the first 。 or the line end, and its section
ends where the next heading of the same or a higher level starts.
"""

from __future__ import annotations

import csv
import functools
from typing import Any

from compare.model import Meta, Report, Section
from compare.textnorm import fold

from .conftest import REPORTS, gold

_MAX_TITLE = 60
_MARKER_WINDOW = 16


def _manifest() -> dict[str, dict[str, str]]:
    with (REPORTS / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


def locate(text: str, quote: str) -> int:
    """Offset of ``quote`` in ``text`` (exact first, then on the folded forms), -1 if absent."""
    at = text.find(quote)
    return at if at >= 0 else fold(text).find(fold(quote))


def _heading_start(text: str, at: int, marker: str) -> int:
    """Where the heading whose quote starts at ``at`` begins: at its marker."""
    if not marker:
        return at
    folded, fmarker = fold(text), fold(marker)
    if folded.startswith(fmarker, at):
        return at
    window_start = max(0, at - _MARKER_WINDOW)
    found = folded.rfind(fmarker, window_start, at)
    return found if found >= 0 else at


def _title_end(text: str, start: int) -> int:
    end = start
    limit = min(len(text), start + _MAX_TITLE)
    while end < limit and text[end] not in "。\n\r":
        end += 1
    return end


def gold_sections(report_gold: dict[str, Any], text: str) -> tuple[Section, ...]:
    """The gold headings of one report as an outline (ids "s1", "s1.2", ... by position)."""
    heads: list[tuple[int, int, int, dict[str, Any]]] = []  # (start, title_start, level, heading)
    for h in report_gold["headings"]:
        at = locate(text, h["quote"])
        if at < 0:
            raise ValueError(f"gold quote not in text: {h['quote']!r}")
        start = _heading_start(text, at, h["marker"])
        title_start = start + len(h["marker"]) if fold(text).startswith(fold(h["marker"]), start) else at
        heads.append((start, title_start, int(h["level"]), h))
    heads.sort(key=lambda x: x[0])
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []  # (level, id)
    counters: dict[str | None, int] = {}
    for k, (start, title_start, level, h) in enumerate(heads):
        end = len(text)
        for later in heads[k + 1:]:
            if later[2] <= level:
                end = later[0]
                break
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        counters[parent] = counters.get(parent, 0) + 1
        sid = f"{parent}.{counters[parent]}" if parent else f"s{counters[parent]}"
        title_end = _title_end(text, title_start)
        sections.append(Section(
            id=sid, parent=parent, level=len(stack) + 1, marker=text[start:title_start],
            title=text[title_start:title_end], role=h.get("role") if not stack else None,
            heading_start=start, heading_end=title_end, start=start, end=end))
        stack.append((level, sid))
    return tuple(sections)


@functools.cache
def gold_report(name: str) -> Report:
    """The report ``name`` ("zhejiang_2024") with its outline taken from the gold annotations."""
    g = gold(f"{name}.report.json")
    path = REPORTS / g["file"]
    text = path.read_text(encoding="utf-8")
    row = _manifest().get(g["file"], {})
    year = int(row["year_reported"]) if row.get("year_reported") else None
    meta = Meta(title=None, region=row.get("locality"), year=year, kind=g.get("kind"), published=None,
                source=g["file"])
    return Report(meta=meta, text=text, sections=gold_sections(g, text), indicators=(), plans=())
