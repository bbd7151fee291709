"""Several years of one region: indicator series, plan audits and section similarity, year to year.

Consecutive years are compared with ``pipeline.compare_reports``; the indicator pairs of each
step (``match.match_indicators``) are chained into series across all the years, and the
section pairs (``align``) likewise. Pure data: no I/O; the HTML page is drawn by ``render_timeline``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import pipeline
from .errors import CompareError
from .model import Comparison, Report
from .settings import DEFAULT_SETTINGS, Settings


@dataclass(frozen=True)
class PairStats:
    """The summary figures of one comparison (the batch index, the timeline's audit table)."""

    old_year: int | None
    """Year of the old report."""
    new_year: int | None
    """Year of the new report."""
    indicators_paired: int
    """Indicators found in both years."""
    indicators_changed: int
    """Paired indicators whose value (or unit) differs."""
    indicators_new: int
    """Indicators of the new report with no counterpart."""
    indicators_dropped: int
    """Indicators of the old report with no counterpart."""
    plans: int
    """Plans of the old report audited."""
    delivered: int
    """Of which delivered (a person's override wins)."""
    partial: int
    """Of which partly delivered."""
    missed: int
    """Of which missed (a target not met)."""
    not_found: int
    """Of which the new report says nothing."""
    delivered_pct: float | None
    """delivered / plans * 100; None without plans."""
    carried_over_pct: float | None
    """Share of the old report's top-level section text kept in the new one (length-weighted
    ``SectionPair.similarity``), * 100; None when the aligner gives no similarity."""


def pair_stats(c: Comparison) -> PairStats:
    """The summary figures of a comparison."""
    old_ind = {i.id: i for i in c.old.indicators}
    new_ind = {i.id: i for i in c.new.indicators}
    paired = changed = new = dropped = 0
    for p in c.indicators:
        if p.old is not None and p.new is not None:
            paired += 1
            a, b = old_ind.get(p.old), new_ind.get(p.new)
            if a is not None and b is not None and (a.base_value, a.base_unit) != (b.base_value, b.base_unit):
                changed += 1
        elif p.new is not None:
            new += 1
        else:
            dropped += 1
    counts = {"delivered": 0, "partial": 0, "missed": 0, "not_found": 0}
    for v in c.audit:
        counts[v.override_status or v.status] += 1
    plans = len(c.audit)
    return PairStats(old_year=c.old.meta.year, new_year=c.new.meta.year, indicators_paired=paired,
                     indicators_changed=changed, indicators_new=new, indicators_dropped=dropped, plans=plans,
                     delivered=counts["delivered"], partial=counts["partial"], missed=counts["missed"],
                     not_found=counts["not_found"],
                     delivered_pct=100.0 * counts["delivered"] / plans if plans else None,
                     carried_over_pct=carried_over_pct(c))


def carried_over_pct(c: Comparison) -> float | None:
    """Length-weighted mean similarity of the old report's top-level sections (dropped ones count 0)."""
    old_sections = {s.id: s for s in c.old.sections}
    total = kept = 0.0
    seen = False
    for p in c.sections:
        s = old_sections.get(p.old or "")
        if s is None or s.level != 1:
            continue
        weight = max(s.end - s.start, 1)
        total += weight
        if p.similarity is not None:
            seen = True
            kept += weight * p.similarity
    return 100.0 * kept / total if seen and total else None


@dataclass(frozen=True)
class Point:
    """One year of an indicator series."""

    year: int
    """The year of the report."""
    indicator: str
    """Indicator id in that year's report."""
    label: str
    """The label in that year's words."""
    value: float
    """The number as written."""
    unit: str
    """The unit as written."""
    base_value: float
    """The value with the magnitude folded in (what the chart plots)."""
    base_unit: str
    """The unit without magnitude."""
    written: str
    """The quantity as written in the report."""
    kind: str = "level"
    """The indicator kind in that year: level, change or target."""


@dataclass(frozen=True)
class ChartDot:
    """A point of an inline SVG chart, in SVG user units."""

    x: float
    """Horizontal position."""
    y: float
    """Vertical position (0 at the top)."""
    title: str
    """Tooltip: year and value."""


@dataclass(frozen=True)
class Chart:
    """An inline SVG line chart, geometry computed here and drawn by the template."""

    width: int
    """Width of the viewBox."""
    height: int
    """Height of the viewBox."""
    polyline: str
    """``points`` attribute of the line: "x,y x,y ..."."""
    dots: tuple[ChartDot, ...]
    """One dot per year with a value."""


@dataclass(frozen=True)
class Series:
    """The same indicator over several years, paired year to year by the matcher."""

    label: str
    """The label in the latest year's words."""
    base_unit: str
    """The unit of the plotted values."""
    kind: str
    """The indicator kind in the latest year (level, change, target)."""
    points: tuple[Point, ...]
    """One point per year where the indicator was found and paired, oldest first."""
    chart: Chart
    """The inline chart of the series."""


@dataclass(frozen=True)
class SectionStep:
    """One year-to-year step of a section chain."""

    old_year: int
    """Year of the old side."""
    new_year: int
    """Year of the new side."""
    similarity: float | None
    """Share of the text kept (0..1), None when the aligner gives none."""
    relation: str
    """How the two sections relate (same, renamed, moved...)."""


@dataclass(frozen=True)
class SectionChain:
    """A section followed across the years."""

    title: str
    """The title in the latest year it appears."""
    level: int
    """Outline level (1 top)."""
    first_year: int
    """First year it appears in."""
    last_year: int
    """Last year it appears in."""
    steps: tuple[SectionStep | None, ...]
    """One entry per year-to-year step of the timeline; None where the chain is absent."""


@dataclass(frozen=True)
class Timeline:
    """All the years of one region."""

    region: str
    """The region."""
    kind: str | None
    """The report kind (fazhi, gwr), when one."""
    years: tuple[int, ...]
    """The years, oldest first."""
    titles: tuple[str | None, ...]
    """The report title of each year."""
    series: tuple[Series, ...]
    """Indicator series spanning at least two years, longest first."""
    single_year_indicators: int
    """Indicators found in one year only (not charted)."""
    audits: tuple[PairStats, ...]
    """The plan audit of each consecutive pair of years."""
    sections: tuple[SectionChain, ...]
    """Sections of levels 1-2 followed across the years, in the latest outline's order."""


def chart(points: Sequence[Point], years: Sequence[int], *, width: int = 180, height: int = 44,
          pad: float = 4.0) -> Chart:
    """The chart geometry of a series: x by year over the timeline's years, y by base value."""
    y0, y1 = years[0], years[-1]
    values = [p.base_value for p in points]
    lo, hi = min(values), max(values)
    span = hi - lo
    dots = []
    for p in points:
        x = pad + (width - 2 * pad) * ((p.year - y0) / (y1 - y0) if y1 > y0 else 0.5)
        y = height / 2 if span == 0 else pad + (height - 2 * pad) * (1 - (p.base_value - lo) / span)
        dots.append(ChartDot(x=round(x, 1), y=round(y, 1), title=f"{p.year}: {p.written}"))
    line = " ".join(f"{d.x},{d.y}" for d in dots)
    return Chart(width=width, height=height, polyline=line, dots=tuple(dots))


def build_timeline(reports: Sequence[Report], *, settings: Settings = DEFAULT_SETTINGS,
                   compare: Callable[[Report, Report], Comparison] | None = None) -> Timeline:
    """The timeline of one region's reports (any order; one report per year)."""
    if not reports:
        raise CompareError("no reports to put on a timeline / the region has none stored / ingest some first")
    ordered = sorted(reports, key=lambda r: r.meta.year or 0)
    years = tuple(r.meta.year or 0 for r in ordered)
    if len(set(years)) != len(years):
        raise CompareError(f"two reports for the same year in {years} / a timeline has one report a year / "
                           "pass --kind to choose the kind of report")
    def default_compare(a: Report, b: Report) -> Comparison:
        return pipeline.compare_reports(a, b, settings=settings)

    run = compare or default_compare
    comparisons = [run(a, b) for a, b in itertools.pairwise(ordered)]

    # indicator chains: (year index, indicator id) -> chain index
    chains: list[list[tuple[int, str]]] = []
    where: dict[tuple[int, str], int] = {}
    for k, c in enumerate(comparisons):
        for p in c.indicators:
            if p.old is None or p.new is None or (k + 1, p.new) in where:
                continue
            n = where.get((k, p.old))
            if n is None or chains[n][-1][0] != k:
                n = len(chains)
                chains.append([(k, p.old)])
                where[(k, p.old)] = n
            chains[n].append((k + 1, p.new))
            where[(k + 1, p.new)] = n
    by_id = [{i.id: i for i in r.indicators} for r in ordered]
    series = []
    for chain in chains:
        points = []
        for k, iid in chain:
            i = by_id[k].get(iid)
            if i is None:
                continue
            points.append(Point(year=years[k], indicator=iid, label=i.label, value=i.value, unit=i.unit,
                                base_value=i.base_value, base_unit=i.base_unit,
                                written=ordered[k].text[i.start:i.end], kind=i.kind))
        if len(points) >= 2:
            series.append(Series(label=points[-1].label, base_unit=points[-1].base_unit, kind=points[-1].kind,
                                 points=tuple(points), chart=chart(points, years)))
    series.sort(key=lambda s: (-len(s.points), -s.points[-1].year, s.label))
    charted = sum(len(s.points) for s in series)
    single = sum(len(r.indicators) for r in ordered) - charted

    return Timeline(region=ordered[-1].meta.region or "?", kind=ordered[-1].meta.kind, years=years,
                    titles=tuple(r.meta.title for r in ordered), series=tuple(series),
                    single_year_indicators=single, audits=tuple(pair_stats(c) for c in comparisons),
                    sections=_section_chains(ordered, comparisons))


def _section_chains(ordered: Sequence[Report], comparisons: Sequence[Comparison]) -> tuple[SectionChain, ...]:
    years = [r.meta.year or 0 for r in ordered]
    steps = len(comparisons)
    chains: list[dict[int, tuple[str, SectionStep | None]]] = []  # year index -> (section id, step into it)
    where: dict[tuple[int, str], int] = {}
    for k, c in enumerate(comparisons):
        for p in c.sections:
            if p.old is None or p.new is None or (k + 1, p.new) in where:
                continue
            n = where.get((k, p.old))
            if n is None or max(chains[n]) != k:
                n = len(chains)
                chains.append({k: (p.old, None)})
                where[(k, p.old)] = n
            chains[n][k + 1] = (p.new, SectionStep(old_year=years[k], new_year=years[k + 1],
                                                   similarity=p.similarity, relation=p.relation))
            where[(k + 1, p.new)] = n
    sections = [{s.id: s for s in r.sections} for r in ordered]
    out = []
    order = []
    for chain in chains:
        last = max(chain)
        sec = sections[last].get(chain[last][0])
        if sec is None or sec.level > 2:
            continue
        step_list: list[SectionStep | None] = [None] * steps
        for k, (_, step) in chain.items():
            if step is not None:
                step_list[k - 1] = step
        out.append(SectionChain(title=sec.title, level=sec.level, first_year=years[min(chain)],
                                last_year=years[last], steps=tuple(step_list)))
        order.append((-last, sec.start))
    return tuple(c for _, c in sorted(zip(order, out, strict=True), key=lambda t: t[0]))


def render_page(template: str, page: object) -> str:
    """Render one of our pages (``timeline.html``, ``index.html``) with ``page=page``, in the one
    Jinja environment of ``compare.render`` (templates extend its ``base.html``)."""
    from . import render

    return render.environment().get_template(template).render(page=page)


def render_timeline(timeline: Timeline) -> str:
    """The timeline page as HTML."""
    return render_page("timeline.html", timeline)
