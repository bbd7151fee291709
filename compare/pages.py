"""What the report page shows, as frozen dataclasses, built from a ``Comparison`` (render stage).

``build_page`` does the work a template should not: it lays the two texts out as blocks of
aligned sections (each side's text cut so that every character is shown exactly once), diffs
each block word by word (``compare.diff``), places the audit's evidence anchors in the new
report's text, and tallies the summary. The renderers (``compare.render``) only format it.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .diff import DiffStats, Segment, SegmentKind, cross_moves, diff_texts
from .model import AuditStatus, Comparison, Indicator, IndicatorPair, Meta, Plan, Report, Section, Verdict
from .settings import DEFAULT_SETTINGS, Settings

BlockRelation = Literal["same", "renamed", "moved", "split", "merged", "added", "removed",
                        "preamble", "rest", "whole"]
Direction = Literal["up", "down", "flat"]
IndicatorStatus = Literal["paired", "new", "dropped"]

RELATION_LABELS: dict[str, str] = {
    "same": "对应", "renamed": "标题改动", "moved": "位置移动", "split": "拆分", "merged": "合并",
    "added": "新增", "removed": "删除", "preamble": "开头", "rest": "其余文字", "whole": "全文",
}
STATUS_LABELS: dict[str, str] = {
    "delivered": "已落实", "partial": "部分落实", "missed": "未完成", "not_found": "未提及",
}
KIND_LABELS: dict[str, str] = {"fazhi": "法治政府建设年度报告", "gwr": "政府工作报告"}
INDICATOR_STATUS_LABELS: dict[str, str] = {"paired": "对应", "new": "新增", "dropped": "删除"}


@dataclass(frozen=True)
class Piece:
    """A run of text shown in one column of a block, with everything its markup needs."""

    kind: SegmentKind
    """The diff run it belongs to: equal, delete, insert, move_from, move_to."""
    text: str
    """The characters, as written in the report."""
    rewrite: bool = False
    """Part of a passage reworded in place (for delete/insert), or an edited move (move_to)."""
    move: str | None = None
    """For a move: the key shared by its two ends (``mv-0``), unique on the page."""
    heading: bool = False
    """The text is (part of) a section heading."""
    anchors: tuple[str, ...] = ()
    """Ids of the evidence spans that start here (``ev-4``): the targets of the audit's links."""
    evidence: tuple[str, ...] = ()
    """Ids of every evidence span this text lies in."""
    origin: str | None = None
    """For a moved sentence that was also edited (``move_to``): its wording in the old report."""
    elided: int = 0
    """For an unchanged run cut short (``Settings.diff_context_chars``): how many characters ``text`` ("…")
    stands for; 0 otherwise."""


@dataclass(frozen=True)
class BlockView:
    """One aligned block: a section (or sections, when split or merged) of each report, diffed."""

    key: str
    """Html id of the block, ``sec-0``, ``sec-1``... in page order."""
    relation: BlockRelation
    """How the two sides relate (the aligner's relation, or preamble / rest / whole)."""
    relation_label: str
    """The relation in Chinese."""
    level: int
    """Outline depth of the block's sections (1 for top level and for preamble/rest/whole)."""
    old_ids: tuple[str, ...]
    """Section ids of the old report in this block."""
    new_ids: tuple[str, ...]
    """Section ids of the new report in this block."""
    old_title: str
    """Heading(s) of the old side, marker included; "" when none."""
    new_title: str
    """Heading(s) of the new side, marker included; "" when none."""
    score: float | None
    """The aligner's confidence, when the block comes from section pairs."""
    old_pieces: tuple[Piece, ...]
    """The old column: kept, deleted and moved-away text."""
    new_pieces: tuple[Piece, ...]
    """The new column and the inline view: every run, deletions hidden side by side."""
    stats: DiffStats
    """How much is carried over, moved, rewritten, new and dropped."""

    @property
    def title(self) -> str:
        """The block's display title: the new heading, else the old one, else the relation."""
        return self.new_title or self.old_title or self.relation_label

    @property
    def changed(self) -> bool:
        """Whether anything but white space differs."""
        return self.stats.changed


@dataclass(frozen=True)
class MetaView:
    """One report's metadata for the summary."""

    title: str
    """The title, or the source file name when none was found."""
    region: str
    """The region, or "—"."""
    year: str
    """The year reviewed, or "—"."""
    kind: str
    """The kind in Chinese, or "—"."""
    published: str
    """Publication date, or "—"."""
    source: str
    """The file it was read from."""
    format: str
    """txt, html, docx or pdf."""
    chars: int
    """Length of the text."""
    sections: int
    """Number of outline sections found."""
    indicators: int
    """Number of indicators found."""
    plans: int
    """Number of plan items found."""
    fields: tuple[tuple[str, str], ...]
    """Other header fields."""


@dataclass(frozen=True)
class IndicatorRow:
    """One row of the indicator table."""

    label: str
    """The indicator's label (the new one, or the old one for a dropped indicator)."""
    old_label: str | None
    """The old label when it differs from ``label``."""
    old_text: str | None
    """The old quantity as written (number, qualifier, unit)."""
    new_text: str | None
    """The new quantity as written."""
    old_value: float | None
    """Old value with the magnitude folded in (for sorting)."""
    new_value: float | None
    """New value with the magnitude folded in (for sorting)."""
    change: float | None
    """new - old, in ``change_unit``."""
    change_unit: str
    """The unit of ``change`` (个百分点 for a change of a percentage)."""
    ratio: float | None
    """Relative change (new - old) / old."""
    direction: Direction | None
    """Which way the figure went, when both sides are known."""
    status: IndicatorStatus
    """paired, new (only in the new report) or dropped (only in the old one)."""
    consistency: Literal["consistent", "inconsistent"] | None
    """The matcher's check of a stated change against last year's figure."""
    note: str | None
    """The matcher's explanation."""
    section: str
    """The section title the indicator stands in (new side, else old)."""
    anchor: str | None
    """Id of the block showing the indicator's section, for a link."""

    @property
    def filter_tags(self) -> str:
        """Space-separated tags the page's filter selects on."""
        tags: list[str] = [self.status]
        if self.direction:
            tags.append(self.direction)
        if self.consistency == "inconsistent":
            tags.append("inconsistent")
        return " ".join(tags)


@dataclass(frozen=True)
class EvidenceLink:
    """One evidence span of a verdict."""

    anchor: str | None
    """Id of the ``<mark>`` in the new report's text; None when the span lies outside the text shown."""
    text: str
    """The quoted evidence (clipped)."""


@dataclass(frozen=True)
class PlanRow:
    """One plan of the old report and the audit's verdict on it."""

    plan_id: str
    """The plan's id in the old report."""
    text: str
    """The plan as written (clipped)."""
    kind: str
    """task or target."""
    section: str
    """Title of the old section the plan belongs to."""
    status: AuditStatus
    """The auditor's status."""
    effective: AuditStatus
    """The status that counts: the person's override when present, else the auditor's."""
    score: float
    """The auditor's confidence."""
    reason: str
    """The auditor's reason."""
    target: str | None
    """For a numeric target: the target as written."""
    actual: str | None
    """For a numeric target: the figure found."""
    carried_over: bool
    """The plan reappears almost word for word among the new report's plans."""
    override_status: AuditStatus | None
    """A person's verdict, when given."""
    override_note: str | None
    """The person's note."""
    evidence: tuple[EvidenceLink, ...]
    """The evidence spans, in order."""


@dataclass(frozen=True)
class Tally:
    """Counts for the summary."""

    up: int
    """Paired indicators whose figure rose."""
    down: int
    """Paired indicators whose figure fell."""
    flat: int
    """Paired indicators unchanged (or not comparable)."""
    new: int
    """Indicators only in the new report."""
    dropped: int
    """Indicators only in the old report."""
    inconsistent: int
    """Pairs flagged inconsistent by the matcher."""
    plans: int
    """Plans audited."""
    by_status: tuple[tuple[AuditStatus, int], ...]
    """Plans per effective status, in the order delivered, partial, missed, not_found."""
    overrides: int
    """Verdicts a person overrode."""

    @property
    def delivery_rate(self) -> float | None:
        """Share of plans delivered (effective status); None without plans."""
        return dict(self.by_status)["delivered"] / self.plans if self.plans else None

    @property
    def delivery_rate_with_partial(self) -> float | None:
        """Share of plans delivered or partly delivered; None without plans."""
        d = dict(self.by_status)
        return (d["delivered"] + d["partial"]) / self.plans if self.plans else None


@dataclass(frozen=True)
class ReportPage:
    """Everything the report page (html, md, csv) shows."""

    title: str
    """The page title."""
    old: MetaView
    """The earlier report."""
    new: MetaView
    """The later report."""
    totals: DiffStats
    """Character counts over the whole text."""
    blocks: tuple[BlockView, ...]
    """The aligned blocks, in the new report's order (removed ones after their old neighbour)."""
    indicators: tuple[IndicatorRow, ...]
    """The indicator table."""
    plans: tuple[PlanRow, ...]
    """The plan audit."""
    tally: Tally
    """Summary counts."""
    notes: tuple[str, ...]
    """Warnings a reader should see (e.g. no outline found: whole texts compared)."""


# --------------------------------------------------------------------------- layout


def _own_ranges(report: Report, ids: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """For each listed section: its span minus the spans of listed sections nested inside it.

    A section's span is taken to run over the white space that follows it, so that the blank
    lines between two subsections stay with the first of them, in text order.
    """
    text = report.text

    def ext(end: int) -> int:
        while end < len(text) and text[end].isspace():
            end += 1
        return end

    chosen = [(s, s.start, ext(s.end)) for s in report.sections if s.id in set(ids)]
    out: dict[str, list[tuple[int, int]]] = {}
    for s, start, end in chosen:
        inner = sorted((d_start, d_end) for d, d_start, d_end in chosen
                       if d is not s and start <= d_start and d.end <= s.end
                       and (d.start, d.end) != (s.start, s.end))
        ranges: list[tuple[int, int]] = []
        pos = start
        for a, b in inner:
            if a > pos:
                ranges.append((pos, a))
            pos = max(pos, b)
        if pos < end:
            ranges.append((pos, end))
        out[s.id] = ranges
    return out


def _uncovered(length: int, covered: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in sorted(covered):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < length:
        out.append((pos, length))
    return out


@dataclass(frozen=True)
class _Layout:
    relation: BlockRelation
    old_ids: tuple[str, ...]
    new_ids: tuple[str, ...]
    old_ranges: tuple[tuple[int, int], ...]
    new_ranges: tuple[tuple[int, int], ...]
    score: float | None
    key: tuple[float, int, int]


_Component = tuple[list[str], list[str], list[int]]


def _components(pairs: Sequence[tuple[str | None, str | None]]) -> list[_Component]:
    """Pairs grouped into connected components: (old ids, new ids, pair indices)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k, (o, n) in enumerate(pairs):
        nodes = [f"o:{o}" if o is not None else None, f"n:{n}" if n is not None else None]
        present = [x for x in nodes if x is not None] or [f"x:{k}"]
        for x in present:
            find(x)
        if len(present) == 2:
            parent[find(present[0])] = find(present[1])
    groups: dict[str, _Component] = {}
    for k, (o, n) in enumerate(pairs):
        x = f"o:{o}" if o is not None else f"n:{n}" if n is not None else f"x:{k}"
        g = groups.setdefault(find(x), ([], [], []))
        if o is not None and o not in g[0]:
            g[0].append(o)
        if n is not None and n not in g[1]:
            g[1].append(n)
        g[2].append(k)
    return list(groups.values())


def _layouts(c: Comparison) -> list[_Layout]:
    pairs = [p for p in c.sections if p.old is not None or p.new is not None]
    old_ids = {p.old for p in pairs if p.old is not None and c.old.section(p.old) is not None}
    new_ids = {p.new for p in pairs if p.new is not None and c.new.section(p.new) is not None}
    old_own = _own_ranges(c.old, old_ids)
    new_own = _own_ranges(c.new, new_ids)
    comps = _components([(p.old if p.old in old_ids else None, p.new if p.new in new_ids else None)
                         for p in pairs])
    old_start = {s.id: s.start for s in c.old.sections}
    new_start = {s.id: s.start for s in c.new.sections}
    layouts: list[_Layout] = []
    pending_removed: list[tuple[list[str], list[int]]] = []
    old_block_key: dict[str, tuple[float, int, int]] = {}
    for olds, news, idx in comps:
        if not olds and not news:
            continue
        olds.sort(key=lambda i: old_start[i])
        news.sort(key=lambda i: new_start[i])
        rels = {pairs[k].relation for k in idx}
        relation: BlockRelation
        if "split" in rels or (len(olds) == 1 and len(news) > 1):
            relation = "split"
        elif "merged" in rels or (len(news) == 1 and len(olds) > 1):
            relation = "merged"
        elif not olds:
            relation = "added"
        elif not news:
            relation = "removed"
        else:
            relation = pairs[idx[0]].relation
            if relation in ("added", "removed"):
                relation = "same"
        if not news:
            pending_removed.append((olds, idx))
            continue
        key = (float(new_start[news[0]]), 0, old_start[olds[0]] if olds else -1)
        for o in olds:
            old_block_key[o] = key
        score = min(pairs[k].score for k in idx)
        layouts.append(_Layout(relation, tuple(olds), tuple(news),
                               tuple(sorted(r for o in olds for r in old_own[o])),
                               tuple(sorted(r for n in news for r in new_own[n])),
                               None if relation == "added" else score, key))
    old_order = sorted(old_ids, key=lambda i: old_start[i])
    for olds, _idx in pending_removed:
        first = old_start[olds[0]]
        before = [o for o in old_order if old_start[o] < first and o in old_block_key]
        base = old_block_key[before[-1]][0] if before else -1.0
        layouts.append(_Layout("removed", tuple(olds), (), tuple(sorted(r for o in olds for r in old_own[o])),
                               (), None, (base, 1, first)))
    old_cov = _uncovered(len(c.old.text), (r for lay in layouts for r in lay.old_ranges))
    new_cov = _uncovered(len(c.new.text), (r for lay in layouts for r in lay.new_ranges))
    if not layouts:
        return [_Layout("whole", (), (), tuple(old_cov), tuple(new_cov), None, (-2.0, 0, 0))]
    first_old = min((a for lay in layouts for a, _ in lay.old_ranges), default=len(c.old.text))
    first_new = min((a for lay in layouts for a, _ in lay.new_ranges), default=len(c.new.text))
    pre_old = tuple(r for r in old_cov if r[1] <= first_old)
    pre_new = tuple(r for r in new_cov if r[1] <= first_new)
    rest_old = tuple(r for r in old_cov if r[1] > first_old)
    rest_new = tuple(r for r in new_cov if r[1] > first_new)
    if pre_old or pre_new:
        layouts.append(_Layout("preamble", (), (), pre_old, pre_new, None, (-2.0, 0, 0)))
    if rest_old or rest_new:
        layouts.append(_Layout("rest", (), (), rest_old, rest_new, None, (float("inf"), 0, 0)))
    layouts.sort(key=lambda lay: lay.key)
    return layouts


# --------------------------------------------------------------------------- pieces


@dataclass(frozen=True)
class _Marks:
    """Attributes of a report's text by position: heading spans and evidence spans."""

    bounds: list[int]
    headings: list[tuple[int, int]]
    evidence: list[tuple[int, int, str]]
    starts: dict[int, list[str]]

    @classmethod
    def of(cls, report: Report, evidence: Sequence[tuple[int, int, str]]) -> _Marks:
        headings = sorted((s.heading_start, s.heading_end) for s in report.sections
                          if s.heading_end > s.heading_start)
        starts: dict[int, list[str]] = {}
        for a, _, ident in evidence:
            starts.setdefault(a, []).append(ident)
        bounds = sorted({x for h in headings for x in h} | {x for a, b, _ in evidence for x in (a, b)})
        return cls(bounds, headings, sorted(evidence), starts)

    def attrs(self, pos: int) -> tuple[bool, tuple[str, ...]]:
        k = bisect.bisect_right(self.headings, (pos, 1 << 62)) - 1
        heading = k >= 0 and self.headings[k][0] <= pos < self.headings[k][1]
        ev = tuple(ident for a, b, ident in self.evidence if a <= pos < b)
        return heading, ev


def _abs_pieces(local_start: int, length: int, ranges: Sequence[tuple[int, int]],
                offsets: Sequence[int]) -> list[tuple[int, int]]:
    """The absolute (start, end) intervals of the local text [local_start, local_start+length)."""
    out: list[tuple[int, int]] = []
    pos, end = local_start, local_start + length
    while pos < end:
        k = bisect.bisect_right(offsets, pos) - 1
        a, b = ranges[k]
        abs_start = a + (pos - offsets[k])
        take = min(end - pos, b - abs_start)
        out.append((abs_start, abs_start + take))
        pos += take
    return out


def _side_pieces(segs: Sequence[Segment], side: Literal["old", "new"], ranges: Sequence[tuple[int, int]],
                 text: str, marks: _Marks, emitted: set[str], origins: dict[int, str]) -> list[Piece]:
    offsets: list[int] = []
    total = 0
    for a, b in ranges:
        offsets.append(total)
        total += b - a
    pieces: list[Piece] = []
    pos = 0
    for s in segs:
        own = s.old if side == "old" else s.new
        move = f"mv-{s.move}" if s.move is not None else None
        if not own:
            if side == "new" and s.kind in ("delete", "move_from"):
                pieces.extend(Piece(s.kind, t, s.rewrite, move) for _, t in _line_runs(s.old))
            continue
        runs = [(0, own)] if s.kind == "equal" else _line_runs(own)
        for start, run in runs:
            for a, b in _abs_pieces(pos + start, len(run), ranges, offsets):
                lo, hi = bisect.bisect_right(marks.bounds, a), bisect.bisect_left(marks.bounds, b)
                for x, y in itertools.pairwise([a, *marks.bounds[lo:hi], b]):
                    heading, ev = marks.attrs(x)
                    anchors = tuple(i for i in marks.starts.get(x, ()) if i not in emitted)
                    emitted.update(anchors)
                    origin = origins.get(s.move) if s.kind == "move_to" and s.rewrite and s.move is not None \
                        else None
                    pieces.append(Piece(s.kind, text[x:y], s.rewrite, move, heading, anchors, ev, origin))
        pos += len(own)
    return pieces


_LINE_BREAK = re.compile(r"\s*\n\s*")


def _line_runs(text: str) -> list[tuple[int, str]]:
    """``text`` cut at its line breaks (with the white space around them), as (offset, run):
    a change is highlighted line by line and the blank between two paragraphs is left unmarked."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, text[pos:m.start()]))
        out.append((m.start(), m.group()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:]))
    return out


def _elide(pieces: list[Piece], context: int) -> tuple[Piece, ...]:
    """With ``context`` > 0: long unchanged runs cut to ``context`` characters at each end, the middle
    shown as "…". Runs holding evidence or a heading are kept whole, so every link still lands."""
    if context <= 0:
        return tuple(pieces)
    out: list[Piece] = []
    for p in pieces:
        if p.kind != "equal" or p.evidence or p.heading or len(p.text) <= 2 * context + 10:
            out.append(p)
            continue
        out.append(dataclasses.replace(p, text=p.text[:context]))
        out.append(dataclasses.replace(p, text="…", elided=len(p.text) - 2 * context))
        out.append(dataclasses.replace(p, text=p.text[-context:]))
    return tuple(out)


def _titles(report: Report, ids: Sequence[str]) -> str:
    parts = []
    for i in ids:
        s = report.section(i)
        if s is not None:
            parts.append(f"{s.marker}{s.title}".strip())
    return " ／ ".join(parts)


# --------------------------------------------------------------------------- tables


def _meta_view(r: Report) -> MetaView:
    m: Meta = r.meta
    return MetaView(title=m.title or m.source, region=m.region or "—",
                    year=str(m.year) if m.year is not None else "—",
                    kind=KIND_LABELS.get(m.kind or "", "—"), published=m.published or "—", source=m.source,
                    format=r.format, chars=len(r.text), sections=len(r.sections),
                    indicators=len(r.indicators), plans=len(r.plans), fields=m.fields)


def _section_title(report: Report, section_id: str | None) -> str:
    s = report.section(section_id)
    return f"{s.marker}{s.title}".strip() if s is not None else ""


def _indicator_row(pair: IndicatorPair, old: Indicator | None, new: Indicator | None, c: Comparison,
                   block_of: dict[tuple[str, str], str]) -> IndicatorRow:
    status: IndicatorStatus = "paired" if old and new else "new" if new else "dropped"
    change: float | None = None
    unit = ""
    ratio = pair.ratio
    if old is not None and new is not None:
        if old.unit == new.unit:
            change, unit = new.value - old.value, new.unit
        elif old.base_unit == new.base_unit:
            change, unit = new.base_value - old.base_value, new.base_unit
        elif pair.delta is not None:
            change, unit = pair.delta, new.base_unit
        if unit == "%" and change is not None:
            unit = "个百分点"
        if ratio is None and old.base_unit == new.base_unit and old.base_value:
            ratio = (new.base_value - old.base_value) / abs(old.base_value)
    direction: Direction | None = None
    if change is not None:
        direction = "up" if change > 0 else "down" if change < 0 else "flat"
    main = new or old
    label = main.label if main else ""
    side, ind = ("new", new) if new is not None else ("old", old)
    report = c.new if side == "new" else c.old
    section_id = ind.section if ind is not None else None
    return IndicatorRow(
        label=label, old_label=old.label if old is not None and new is not None and old.label != new.label
        else None,
        old_text=c.old.text[old.start:old.end] if old is not None else None,
        new_text=c.new.text[new.start:new.end] if new is not None else None,
        old_value=old.base_value if old is not None else None,
        new_value=new.base_value if new is not None else None,
        change=change, change_unit=unit, ratio=ratio, direction=direction, status=status,
        consistency=pair.consistency, note=pair.note, section=_section_title(report, section_id),
        anchor=block_of.get((side, section_id)) if section_id else None)


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plan_row(v: Verdict, plan: Plan | None, c: Comparison, anchors: dict[tuple[int, int], str]) -> PlanRow:
    ev = tuple(EvidenceLink(anchors.get((e.start, e.end)), _clip(c.new.text[e.start:e.end], 200))
               for e in v.evidence)
    return PlanRow(plan_id=v.plan, text=_clip(plan.text, 200) if plan else v.plan,
                   kind=plan.kind if plan else "",
                   section=_section_title(c.old, plan.section) if plan else "", status=v.status,
                   effective=v.override_status or v.status, score=v.score, reason=v.reason, target=v.target,
                   actual=v.actual, carried_over=v.carried_over, override_status=v.override_status,
                   override_note=v.override_note, evidence=ev)


def _sum_stats(stats: Iterable[DiffStats]) -> DiffStats:
    fields = ("carried", "moved", "rewritten", "added", "dropped", "replaced")
    acc = dict.fromkeys(fields, 0)
    for s in stats:
        for f in fields:
            acc[f] += getattr(s, f)
    return DiffStats(**acc)


def build_page(c: Comparison, *, settings: Settings = DEFAULT_SETTINGS) -> ReportPage:
    """The page for ``c``: blocks diffed, evidence anchored, tables and summary filled."""
    # Evidence spans -> anchor ids (one per distinct span, in text order).
    spans = sorted({(max(0, e.start), min(len(c.new.text), e.end)) for v in c.audit for e in v.evidence
                    if min(len(c.new.text), e.end) > max(0, e.start)})
    span_id = {sp: f"ev-{k}" for k, sp in enumerate(spans)}
    new_marks = _Marks.of(c.new, [(a, b, span_id[(a, b)]) for a, b in spans])
    old_marks = _Marks.of(c.old, [])
    emitted: set[str] = set()
    blocks: list[BlockView] = []
    layouts = _layouts(c)
    diffs = cross_moves([diff_texts("".join(c.old.text[a:b] for a, b in lay.old_ranges),
                                    "".join(c.new.text[a:b] for a, b in lay.new_ranges), settings=settings)
                         for lay in layouts], settings=settings)
    origins = {s.move: s.old for d in diffs for s in d.segments
               if s.kind == "move_from" and s.move is not None}
    for k, (lay, d) in enumerate(zip(layouts, diffs, strict=True)):
        key = f"sec-{k}"
        levels = [s.level for s in (*(c.old.section(i) for i in lay.old_ids),
                                    *(c.new.section(i) for i in lay.new_ids)) if isinstance(s, Section)]
        blocks.append(BlockView(
            key=key, relation=lay.relation, relation_label=RELATION_LABELS[lay.relation],
            level=min(levels) if levels else 1, old_ids=lay.old_ids, new_ids=lay.new_ids,
            old_title=_titles(c.old, lay.old_ids), new_title=_titles(c.new, lay.new_ids), score=lay.score,
            old_pieces=_elide(_side_pieces(d.segments, "old", lay.old_ranges, c.old.text, old_marks, set(),
                                           {}), settings.diff_context_chars),
            new_pieces=_elide(_side_pieces(d.segments, "new", lay.new_ranges, c.new.text, new_marks, emitted,
                                           origins), settings.diff_context_chars),
            stats=d.stats))
    anchors = {sp: span_id[sp] for sp in spans if span_id[sp] in emitted}
    block_of: dict[tuple[str, str], str] = {}
    for b in blocks:
        for i in b.old_ids:
            block_of[("old", i)] = b.key
        for i in b.new_ids:
            block_of[("new", i)] = b.key
    old_ind = {i.id: i for i in c.old.indicators}
    new_ind = {i.id: i for i in c.new.indicators}
    rows = tuple(_indicator_row(p, old_ind.get(p.old or ""), new_ind.get(p.new or ""), c, block_of)
                 for p in c.indicators if old_ind.get(p.old or "") or new_ind.get(p.new or ""))
    plans = {p.id: p for p in c.old.plans}
    plan_rows = tuple(_plan_row(v, plans.get(v.plan), c, anchors) for v in c.audit)
    order: tuple[AuditStatus, ...] = ("delivered", "partial", "missed", "not_found")
    tally = Tally(
        up=sum(r.status == "paired" and r.direction == "up" for r in rows),
        down=sum(r.status == "paired" and r.direction == "down" for r in rows),
        flat=sum(r.status == "paired" and r.direction not in ("up", "down") for r in rows),
        new=sum(r.status == "new" for r in rows), dropped=sum(r.status == "dropped" for r in rows),
        inconsistent=sum(r.consistency == "inconsistent" for r in rows), plans=len(plan_rows),
        by_status=tuple((s, sum(p.effective == s for p in plan_rows)) for s in order),
        overrides=sum(p.override_status is not None for p in plan_rows))
    notes = []
    if not c.old.sections or not c.new.sections:
        notes.append("未识别出章节结构：全文整体比对。")
    elif not c.sections:
        notes.append("章节未配对：全文整体比对。")
    regions = [m for m in (c.new.meta.region, c.old.meta.region) if m]
    years = [str(y) for y in (c.old.meta.year, c.new.meta.year) if y is not None]
    title = f"{regions[0] if regions else ''}{'—'.join(years) + '年' if years else ''}报告比对".strip()
    return ReportPage(title=title, old=_meta_view(c.old), new=_meta_view(c.new),
                      totals=_sum_stats(b.stats for b in blocks), blocks=tuple(blocks), indicators=rows,
                      plans=plan_rows, tally=tally, notes=tuple(notes))
