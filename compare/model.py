"""The data passed between stages: frozen dataclasses only, no behaviour beyond small derived values.

Offsets are always Python string indices into ``Report.text`` (the text as read, never the
normalised form), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ReportKind = Literal["fazhi", "gwr"]
Role = Literal["achievements", "problems", "leadership", "plans", "other"]
IndicatorKind = Literal["level", "change", "target"]
PlanKind = Literal["task", "target"]
AuditStatus = Literal["delivered", "partial", "missed", "not_found"]


@dataclass(frozen=True)
class Span:
    """A range of a report's text."""

    start: int
    """Index of the first character."""
    end: int
    """Index one past the last character."""


@dataclass(frozen=True)
class Meta:
    """What a report says about itself: found from its title, header table and signature."""

    title: str | None
    """The document title as written, e.g. "荔波县人民政府2023年度法治政府建设工作情况报告"."""
    region: str | None
    """The locality or body reporting, e.g. "荔波县", "浙江省", "中华人民共和国国务院"."""
    year: int | None
    """The year the report reviews (2023 for a 2023年度 report; 2024 for a work report delivered in 2025)."""
    kind: ReportKind | None
    """``fazhi`` for a rule-of-law report, ``gwr`` for a government work report."""
    published: str | None
    """Publication date as ``YYYY-MM-DD`` when the report or its page gives one."""
    source: str
    """Where the text came from: the file name as given, or ``-`` for standard input."""
    fields: tuple[tuple[str, str], ...] = ()
    """Other header fields as (name, value) pairs in page order: 索引号, 信息分类, 发布机构, 文号..."""


@dataclass(frozen=True)
class HeadingHint:
    """A paragraph the source format marks as a heading (a DOCX heading style, an HTML <h2>)."""

    start: int
    """Start of the paragraph in the extracted text."""
    end: int
    """End of the paragraph in the extracted text."""
    level: int | None
    """Outline level the style names (Heading 2 -> 2), or None when only 'a heading' is known."""


@dataclass(frozen=True)
class Document:
    """The ingest stage's output: a report's text and what the file said about it."""

    text: str
    """The report text: a UTF-8 .txt file's content unchanged; the extracted text for other formats."""
    meta: Meta
    """Metadata found in the document (overrides are applied later, by the caller)."""
    format: Literal["txt", "html", "docx", "pdf"]
    """The format the text was read from."""
    encoding: str | None = None
    """The character encoding of a text or HTML file ("utf-8", "gb18030", "utf-16"); None for docx/pdf."""
    heading_hints: tuple[HeadingHint, ...] = ()
    """Paragraphs styled as headings in the source, for the segmenter."""


@dataclass(frozen=True)
class Section:
    """One heading of the report's outline and the text it governs."""

    id: str
    """Stable id within the report: "s1", "s1.2", "s1.2.3" by position in the outline."""
    parent: str | None
    """Id of the enclosing section, None at level 1."""
    level: int
    """Depth in the outline tree: 1 for the top level whatever the marker."""
    marker: str
    """The numbering token as written ("一、", "(一)", "（一）", "一是", "1.", "第一，") or "" when unnumbered."""
    title: str
    """The heading text after the marker, up to the first 。 or the line end, as written."""
    role: Role | None
    """Role of a level-1 section; None below level 1."""
    heading_start: int
    """Start of the marker."""
    heading_end: int
    """End of the title."""
    start: int
    """Start of the whole section (= heading_start)."""
    end: int
    """End of the whole section, children included."""


@dataclass(frozen=True)
class Indicator:
    """One quantity stated in a report, with what it measures."""

    id: str
    """Stable id within the report: "i1", "i2"... in document order."""
    label: str
    """The measured thing in the report's words, e.g. "调解成功率"."""
    value: float
    """The number as written (60 for "60余万元", 1.4 for "1.4万亿元")."""
    unit: str
    """What follows the number, magnitude included: "件", "%", "万元", "个百分点"; "" when none."""
    qualifier: str | None
    """Approximation word as written: 余 多 近 超过 以上 左右 约 以内 ...; None when exact."""
    kind: IndicatorKind
    """``level`` a measured figure, ``change`` a stated change, ``target`` a goal."""
    start: int
    """Start of the quantity as written (number, qualifier, unit)."""
    end: int
    """End of the quantity as written."""
    section: str | None
    """Id of the innermost section containing it."""
    base_value: float
    """The value with the magnitude folded in: 60万元 -> 600000."""
    base_unit: str
    """The unit without magnitude: "元" for 万元, "%" for %."""
    direction: Literal["up", "down"] | None = None
    """For a change: which way the report says it went (增长/增加/提高 up, 下降/减少 down)."""
    parent: str | None = None
    """Id of the total this figure breaks down (执法记录仪473台 inside 执法辅助设备631台)."""
    range_high: float | None = None
    """Upper end of a range such as 6.5%—7% (value holds the lower end)."""
    sentence: Span | None = None
    """The sentence (clause run) the indicator stands in, for context."""


@dataclass(frozen=True)
class Plan:
    """One item a report commits to for the coming period."""

    id: str
    """Stable id within the report: "p1", "p2"..."""
    text: str
    """The item's text as written (its heading, or the clause of a target sentence)."""
    kind: PlanKind
    """``task`` for a work item, ``target`` for a numeric goal (国内生产总值增长5%左右)."""
    start: int
    """Start of the item in the report text."""
    end: int
    """End of the item (for a task: the end of its whole section)."""
    section: str | None
    """Id of the section the item is (or stands in)."""


@dataclass(frozen=True)
class Report:
    """A parsed report: text, metadata, outline, figures and plans."""

    meta: Meta
    """What the report says about itself, with user overrides applied."""
    text: str
    """The text all offsets index into."""
    sections: tuple[Section, ...]
    """The outline in document order (parents before children)."""
    indicators: tuple[Indicator, ...]
    """The quantities in document order."""
    plans: tuple[Plan, ...]
    """The plan items in document order."""
    format: str = "txt"
    """The format the text was read from."""

    def section(self, section_id: str | None) -> Section | None:
        """The section with this id, or None."""
        for s in self.sections:
            if s.id == section_id:
                return s
        return None


@dataclass(frozen=True)
class SectionPair:
    """Two sections that treat the same subject in two years, or one that has no counterpart."""

    old: str | None
    """Section id in the old report; None when the new section is new."""
    new: str | None
    """Section id in the new report; None when the old section was dropped."""
    score: float
    """Confidence 0..1 of the pairing (1.0 identical)."""
    relation: Literal["same", "renamed", "moved", "split", "merged", "added", "removed"] = "same"
    """How the two relate: same title, reworded, moved elsewhere in the outline, split, merged, or unpaired."""
    similarity: float | None = None
    """Share of the section text kept from one year to the next (0..1), for the summary."""


@dataclass(frozen=True)
class IndicatorPair:
    """The same measure in two years, or an indicator with no counterpart."""

    old: str | None
    """Indicator id in the old report; None for a new indicator."""
    new: str | None
    """Indicator id in the new report; None for a dropped indicator."""
    score: float
    """Confidence 0..1 of the pairing."""
    delta: float | None = None
    """new.base_value - old.base_value, when both are comparable."""
    ratio: float | None = None
    """Relative change (new - old) / old, None when old is 0 or not comparable."""
    consistency: Literal["consistent", "inconsistent"] | None = None
    """For a change stated in the new report checked against the old level: do the figures agree."""
    note: str | None = None
    """A short human-readable explanation (the check made, the numbers used)."""


@dataclass(frozen=True)
class Verdict:
    """Whether one plan of the old report was delivered according to the new report."""

    plan: str
    """Plan id in the old report."""
    status: AuditStatus
    """delivered, partial, missed (a target not met) or not_found (the new report is silent)."""
    score: float
    """Confidence 0..1."""
    evidence: tuple[Span, ...]
    """Spans of the new report's text that support the verdict."""
    reason: str
    """A short reason a person can check: the matched phrases, or target vs actual."""
    carried_over: bool = False
    """The plan is repeated almost word for word as a plan in the new report."""
    target: str | None = None
    """For a numeric target: the target as written (增长5%左右)."""
    actual: str | None = None
    """For a numeric target: the figure found in the new report (增长5.2%)."""
    override_status: AuditStatus | None = None
    """A person's own verdict, from an overrides file."""
    override_note: str | None = None
    """The person's note."""


@dataclass(frozen=True)
class Comparison:
    """Two reports and everything found between them."""

    old: Report
    """The earlier report."""
    new: Report
    """The later report."""
    sections: tuple[SectionPair, ...]
    """Section pairs, unpaired sections included."""
    indicators: tuple[IndicatorPair, ...]
    """Indicator pairs, new and dropped indicators included."""
    audit: tuple[Verdict, ...]
    """One verdict per plan of the old report."""
