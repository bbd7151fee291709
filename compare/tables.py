"""Indicator tables: the figures of one or several reports as a pandas DataFrame, and its export.

- One report: one row per indicator (label, value, unit, qualifier, kind, base value...).
- Several reports: sorted by year, consecutive years paired by :func:`compare.match.match_indicators`;
  a chain of pairs is one row, with one column per year holding the figure as written in that
  year's unit, plus ``base_unit``, one ``<year> base`` column with the magnitude folded in, and
  ``checks``: whether a change the later report states agrees with the two years' levels.

pandas stays inside this module: callers get a DataFrame from :func:`indicator_table` and
text or bytes from :func:`export_table`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, Literal

import pandas as pd

from .align import align_sections
from .errors import CompareError
from .match import match_indicators
from .model import Indicator, Report
from .settings import Settings

TableFormat = Literal["csv", "xlsx", "json"]

SINGLE_COLUMNS = (
    "id",
    "label",
    "value",
    "unit",
    "qualifier",
    "kind",
    "direction",
    "range_high",
    "base_value",
    "base_unit",
    "parent",
    "section",
    "start",
    "end",
)
"""Columns of a one-report table, in order."""


class TableError(CompareError):
    """Reports cannot be put in one table (same year twice, no year known)."""


def _row(ind: Indicator) -> dict[str, Any]:
    return {c: getattr(ind, c) for c in SINGLE_COLUMNS}


def _year_label(report: Report, index: int) -> str:
    return str(report.meta.year) if report.meta.year is not None else f"report{index + 1}"


def indicator_table(reports: Sequence[Report], *, settings: Settings) -> pd.DataFrame:
    """The indicators of ``reports`` as one DataFrame (see the module docstring for the layout)."""
    if len(reports) == 1:
        return pd.DataFrame([_row(i) for i in reports[0].indicators], columns=list(SINGLE_COLUMNS))
    ordered = list(reports)
    if all(r.meta.year is not None for r in ordered):
        ordered.sort(key=lambda r: r.meta.year or 0)
    years = [_year_label(r, k) for k, r in enumerate(ordered)]
    if len(set(years)) != len(years):
        raise TableError(
            f"two reports for the same year ({', '.join(years)}) / a table has one column per "
            "year / pass one report per year, or --year to say which year a report reviews"
        )
    # chains: list of {year index -> indicator}
    chains: list[dict[int, Indicator]] = []
    tail: dict[str, int] = {}  # indicator id in the latest report so far -> chain index
    checks: dict[int, list[str]] = {}  # chain index -> the consistency checks of its stated changes
    for i in ordered[0].indicators:
        tail[i.id] = len(chains)
        chains.append({0: i})
    for k in range(1, len(ordered)):
        old, new = ordered[k - 1], ordered[k]
        by_id = {i.id: i for i in new.indicators}
        pairs = match_indicators(old, new, align_sections(old, new, settings=settings), settings=settings)
        new_tail: dict[str, int] = {}
        for p in pairs:
            if p.new is None:
                continue
            if p.old is not None and p.old in tail:
                idx = tail[p.old]
            else:
                idx = len(chains)
                chains.append({})
            chains[idx][k] = by_id[p.new]
            new_tail[p.new] = idx
            if p.consistency is not None:
                checks.setdefault(idx, []).append(f"{years[k]}: {p.consistency} ({p.note})")
        tail = new_tail
    rows: list[dict[str, Any]] = []
    for idx, chain in enumerate(chains):
        latest = chain[max(chain)]
        row: dict[str, Any] = {"label": latest.label, "kind": latest.kind, "base_unit": latest.base_unit}
        for k, year in enumerate(years):
            ind = chain.get(k)
            row[year] = None if ind is None else _as_written(ind)
            row[f"{year} base"] = None if ind is None else ind.base_value
        row["checks"] = "; ".join(checks.get(idx, [])) or None
        rows.append(row)
    columns = ["label", "kind", "base_unit", *years, *(f"{y} base" for y in years), "checks"]
    return pd.DataFrame(rows, columns=columns)


def _as_written(ind: Indicator) -> str:
    value = f"{ind.value:g}"
    if ind.range_high is not None:
        value += f"—{ind.range_high:g}"
    q = ind.qualifier or ""
    pre = q if q in ("近", "约", "超过", "超", "突破", "逾", "不足", "不到") else ""
    post = q if q and not pre else ""
    return f"{pre}{value}{ind.unit}{post}"


def export_table(df: pd.DataFrame, fmt: TableFormat) -> str | bytes:
    """``df`` as csv text (UTF-8 with BOM for spreadsheet programs), xlsx bytes, or JSON records text."""
    if fmt == "csv":
        return "\ufeff" + df.to_csv(index=False)
    if fmt == "json":
        return df.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    if fmt == "xlsx":
        buf = io.BytesIO()
        with pd.ExcelWriter(buf, engine="openpyxl") as writer:
            df.to_excel(writer, index=False, sheet_name="indicators")
        return buf.getvalue()
    raise TableError(f"unknown table format {fmt!r} / yoy writes csv, xlsx or json / pick one of those")
