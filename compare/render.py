"""Comparison -> html | md | csv | json (the last stage).

One Jinja ``Environment`` (autoescape on, ``StrictUndefined``), with the filters registered
here and nowhere else. Every renderer starts from the same ``ReportPage`` (``compare.pages``).

The templates live in ``templates/`` at the top of the repository; the wheel carries them as
``compare/templates`` (pyproject ``force-include``). ``template_dir`` looks in the installed
package first and in the checkout otherwise.

csv: one row per indicator pair (new and dropped indicators included), columns as in
``CSV_COLUMNS``; numbers unformatted, empty cells for missing values.
"""

from __future__ import annotations

import base64
import csv
import functools
import hashlib
import io
import json
import math
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import export
from .errors import RenderError
from .model import Comparison
from .pages import INDICATOR_STATUS_LABELS, RELATION_LABELS, STATUS_LABELS, BlockView, ReportPage, build_page
from .settings import DEFAULT_SETTINGS, Settings

FORMATS = ("html", "md", "csv", "json")

PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"
"""Where a wheel install has the templates."""
REPO_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
"""Where a checkout (editable install) has them."""

CSV_COLUMNS = ("status", "label", "old_label", "old_as_written", "new_as_written", "old_value", "new_value",
               "change", "change_unit", "ratio", "direction", "consistency", "note", "section")


def template_dir(package: Path = PACKAGE_TEMPLATES, repo: Path = REPO_TEMPLATES) -> Path:
    """The templates folder: the installed package's when present, else the checkout's."""
    for candidate in (package, repo):
        if (candidate / "report.html").is_file():
            return candidate
    raise RenderError(f"report templates not found in {package} or {repo} / the installation is incomplete / "
                      "reinstall yoy (pip install .) or run from a checkout that has templates/")


# --------------------------------------------------------------------------- filters


def _num(value: float | None, digits: int = 2) -> str:
    """1234567.5 -> "1,234,567.5"; trailing zeros dropped; "—" for None."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _signed(value: float | None, digits: int = 2) -> str:
    """+1.5 / −1.5 / 0 (a real minus sign); "—" for None."""
    if value is None:
        return "—"
    body = _num(abs(value), digits)
    if body == "0":
        return "0"
    return ("+" if value > 0 else "−") + body


def _pct(value: float | None, digits: int = 1, signed: bool = False) -> str:
    """A share or ratio as a percentage: 0.523 -> "52.3%" (``signed``: "+52.3%")."""
    if value is None or not math.isfinite(value):
        return "—"
    return (_signed if signed else _num)(value * 100, digits) + "%"


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@functools.cache
def _environment(folder: str) -> Environment:
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    env.filters["num"] = _num
    env.filters["signed"] = _signed
    env.filters["pct"] = _pct
    env.globals["share"] = _share
    env.globals["relation_labels"] = RELATION_LABELS
    env.globals["status_labels"] = STATUS_LABELS
    return env


def environment() -> Environment:
    """The one Jinja environment (per templates folder), filters registered."""
    return _environment(str(template_dir()))


def render_template(name: str, **context: object) -> str:
    """Any page of ours (``report.html``, or another page extending ``base.html``) with the one
    environment. A page given no ``script`` gets a policy that allows no script at all."""
    return environment().get_template(name).render(**context)


# --------------------------------------------------------------------------- html


def render_html(page: ReportPage) -> str:
    """The self-contained HTML page."""
    script = environment().get_template("_script.js").render()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")
    return render_template("report.html", page=page, script=Markup(script), csp=csp)


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#~"})


def _md(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell (one line)."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def _md_inline_diff(block: BlockView) -> str:
    """The block's inline diff: ~~deleted~~ and **inserted** runs, a paragraph per line of the text."""
    wrap = {"equal": "{}", "delete": "~~{}~~", "insert": "**{}**", "move_from": "~~{}~~（移出）",
            "move_to": "**{}**（移入）"}
    parts: list[str] = []
    for p in block.new_pieces:
        for k, line in enumerate(p.text.split("\n")):
            if k:
                parts.append("\n\n")
            t = _md(line)
            if t:
                parts.append(wrap[p.kind].format(t))
    return re.sub(r"\n{3,}", "\n\n", "".join(parts)).strip()


def render_markdown(page: ReportPage) -> str:
    """A Markdown digest: summary, section table, indicator table, plan audit, then the changes."""
    out: list[str] = [f"# {_md(page.title)}", ""]
    out += ["| | 上年报告 | 本年报告 |", "|---|---|---|"]
    for label, attr in (("标题", "title"), ("地区", "region"), ("年度", "year"), ("类型", "kind"),
                        ("发布日期", "published"), ("来源", "source")):
        out.append(f"| {label} | {_md(str(getattr(page.old, attr)))} | {_md(str(getattr(page.new, attr)))} |")
    out.append(f"| 字数 | {page.old.chars} | {page.new.chars} |")
    out.append("")
    for note in page.notes:
        out.append(f"> {_md(note)}")
        out.append("")
    t, tot = page.tally, page.totals
    out += ["## 摘要", "",
            f"- 文字：沿用 {_pct(_share(tot.carried, tot.new_total))}，"
            f"移动 {_pct(_share(tot.moved, tot.new_total))}，"
            f"改写 {_pct(_share(tot.rewritten, tot.new_total))}，"
            f"新增 {_pct(_share(tot.added, tot.new_total))}"
            f"（本年 {tot.new_total} 字）；上年删改 {tot.dropped + tot.replaced} 字"
            f"（整段删去 {tot.dropped} 字）",
            f"- 指标：上升 {t.up}，下降 {t.down}，持平 {t.flat}，新增 {t.new}，删除 {t.dropped}，"
            f"不一致 {t.inconsistent}",
            f"- 计划落实率：{_pct(t.delivery_rate)}（含部分落实 {_pct(t.delivery_rate_with_partial)}）；"
            + "，".join(f"{STATUS_LABELS[s]} {n}" for s, n in t.by_status) + f"；共 {t.plans} 项", ""]
    out += ["## 章节", "", "| 章节 | 关系 | 沿用 | 移动 | 改写 | 新增 | 上年删改字数 |",
            "|---|---|---|---|---|---|---|"]
    for b in page.blocks:
        s = b.stats
        title = b.title if not b.old_title or b.old_title == b.new_title or not b.new_title \
            else f"{b.new_title}（原：{b.old_title}）"
        out.append(f"| {_md(title)} | {b.relation_label} | {_pct(_share(s.carried, s.new_total))} | "
                   f"{_pct(_share(s.moved, s.new_total))} | {_pct(_share(s.rewritten, s.new_total))} | "
                   f"{_pct(_share(s.added, s.new_total))} | {s.dropped + s.replaced} |")
    out.append("")
    if page.indicators:
        out += ["## 指标", "", "| 指标 | 上年 | 本年 | 变化 | 变化率 | 状态 | 核对 |",
                "|---|---|---|---|---|---|---|"]
        for r in page.indicators:
            change = f"{_signed(r.change)}{r.change_unit}" if r.change is not None else "—"
            check = "不一致" if r.consistency == "inconsistent" else "一致" if r.consistency else ""
            out.append(f"| {_md(r.label)} | {_md(r.old_text or '—')} | {_md(r.new_text or '—')} | "
                       f"{_md(change)} | {_pct(r.ratio, signed=True)} | "
                       f"{INDICATOR_STATUS_LABELS[r.status]} | {check} |")
        out.append("")
    if page.plans:
        out += ["## 计划落实", "", "| 计划 | 结论 | 得分 | 理由 | 人工复核 |", "|---|---|---|---|---|"]
        for p in page.plans:
            override = f"{STATUS_LABELS[p.override_status]} {_md(p.override_note or '')}" \
                if p.override_status else ""
            out.append(f"| {_md(p.text)} | {STATUS_LABELS[p.status]} | {p.score:.2f} | {_md(p.reason)} | "
                       f"{override.strip()} |")
        out.append("")
    out += ["## 改动（~~删除~~，**新增**）", ""]
    for b in page.blocks:
        if not b.changed:
            continue
        out += [f"### {_md(b.title)}（{b.relation_label}）", "", _md_inline_diff(b), ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- csv


def _cell(value: object) -> str:
    """A csv cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "@", "\t", "\r") else text


def render_csv(page: ReportPage) -> str:
    """One row per indicator pair (see the module docstring)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in page.indicators:
        w.writerow([_cell(v) for v in (r.status, r.label, r.old_label, r.old_text, r.new_text, r.old_value,
                                       r.new_value, r.change, r.change_unit, r.ratio, r.direction,
                                       r.consistency, r.note, r.section)])
    return buf.getvalue()


# --------------------------------------------------------------------------- entry point


def render(comparison: Comparison, fmt: str, *, settings: Settings = DEFAULT_SETTINGS) -> str:
    """``comparison`` as ``fmt`` (html, md, csv or json)."""
    if fmt == "json":
        return json.dumps(export.comparison_to_dict(comparison), ensure_ascii=False, indent=2)
    if fmt not in FORMATS:
        raise RenderError(f"unknown output format {fmt!r} / yoy writes {', '.join(FORMATS)} / "
                          "pass one of these to --format")
    page = build_page(comparison, settings=settings)
    if fmt == "html":
        return render_html(page)
    if fmt == "md":
        return render_markdown(page)
    return render_csv(page)
