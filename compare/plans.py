"""Outline -> plan items: what a report commits to for the coming year.

- **Tasks.** The level-2 items of the report's work-programme sections (role ``plans``), one
  plan each, spanning the item's whole section. A report may have several plans sections: the
  five-year outlook (“十五五”时期主要目标任务) and the general requirements (总体要求, 总体部署,
  政策取向) frame the year's work without being its items, so when a section names the year's
  tasks (重点工作, 工作安排, 主要任务…) or lists them under a topic of its own, only those count.
  Where numbered items ((一)…(九)) stand beside a run-in 一要…四要 of principles, the numbered
  items are the tasks. A plans section without items gives its run-in lead phrases (加快……。).
  A title that names neither the year nor the plan period (一鼓作气勇争先，全力推动“十五五”开好局)
  is read by the section's opening words (开局之年/今年 → the year's tasks; “十五五”时期是 → outlook).
- **Targets.** Each clause with a figure of the 主要预期目标 paragraph (国内生产总值增长5%左右，
  城镇新增就业1100万人以上…) is a plan of kind ``target``; clauses without a figure
  (进出口回稳向好) are not, and a clause listing two measures (……47万人左右、城镇调查失业率
  5.5%左右) is split at the 、 so that each measure keeps its number. The cue may be broken over
  lines (主要预期目标\n是：), and the run stops at the sentence announcing the task items.
"""

from __future__ import annotations

import dataclasses
import re

from .model import Plan, ReportKind, Section
from .segment import innermost
from .settings import Settings
from .textnorm import fold

# A plans section that names the year's work items.
_TASKS = re.compile(
    r"重点工作|重点任务|工作任务|主要任务|工作安排|主要安排|主要工作|工作打算|工作计划|下一步|"
    r"下一年|下年度|建议|重点抓好|工作思路和")
# A plans section that frames the year or the plan period without listing its items.
_FRAME = re.compile(r"总体要求|总体部署|政策取向|预期目标|主要目标|目标任务|工作思路|考虑|重要要求|展望")
_FIVE_YEAR = re.compile(r"十[一二三四五六七八九]五|五年")
_YEAR = re.compile(r"20\d\d年|今年|明年")
# The opening words of a plans section whose title names neither the year nor the plan period
# (一鼓作气勇争先，全力推动“十五五”开好局、起好步): the year's work, or the five-year outlook.
_LEAD_YEAR = re.compile(r"开局之年|今年|明年|主要预期目标|重点抓好|重点做好")
_LEAD_FIVE_YEAR = re.compile(r"十[一二三四五六七八九]五”?时期|今后五年|未来五年")
_LEAD_CHARS = 300
# The opening of the targets paragraph: 主要预期目标是： / 预期目标为：
# (a line break may stand inside the cue: 主要预期目标\n是：…)
_TARGETS_AT = re.compile(r"(?:预期目标|主要目标|预期指标|主要指标)\s*(?:是|为|确定为|定为|设定为|安排为)?\s*:")
# A figure that is not a year or a date.
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?![\d.]*[年月日])")
# The sentence that announces the task items after the targets (重点抓好以下14个方面的工作：).
_TASKS_NEXT = re.compile(r"重点(?:抓好|做好)|以下.{0,6}方面|方面(?:的)?工作")
_CLAUSE_SPLIT = re.compile(r"[,;。\n]")
_MAX_TARGET_LINES = 20
_MAX_TARGET_LINE = 80
_NO_SPLIT_AFTER = ("力争", "争取", "力求", "并", "和", "同时")
_ENUM_MARKER = re.compile(r"^第|[是要]$")
_LEAD = re.compile(r"[^。!?\n]{2,30}。")
# Sentences that open a paragraph without naming a work item: statements, appeals, the closing.
_NOT_LEAD = re.compile(r"是|我们|必须|让我们|各位代表")


def _lead_says_year(lead: str) -> bool | None:
    """True when the opening words speak of the year first, False for the plan period, None for neither."""
    year = _LEAD_YEAR.search(lead)
    five = _LEAD_FIVE_YEAR.search(lead)
    if year is None and five is None:
        return None
    return five is None or (year is not None and year.start() < five.start())


def _is_task_section(title: str, lead: str = "") -> bool:
    t = fold(title)
    if _FIVE_YEAR.search(t) and not _YEAR.search(t):
        return not (_TASKS.search(t) or _FRAME.search(t)) and _lead_says_year(fold(lead)) is True
    if _TASKS.search(t):
        return True
    if _FRAME.search(t) or _FIVE_YEAR.search(t):
        return False
    return _YEAR.search(t) is not None or _lead_says_year(fold(lead)) is not False


def _lead(text: str, sections: tuple[Section, ...], sec: Section) -> str:
    """The opening words of a section: after its title, before its first sub-heading."""
    first = next((s.heading_start for s in sections if s.parent == sec.id), sec.end)
    return text[sec.heading_end:min(first, sec.heading_end + _LEAD_CHARS)]


def _plan_sections(text: str, sections: tuple[Section, ...]) -> tuple[list[Section], list[Section]]:
    """(all level-1 plans sections, those whose items are the year's tasks)."""
    plans = [s for s in sections if s.level == 1 and s.role == "plans"]
    tasks = [s for s in plans if _is_task_section(s.title, _lead(text, sections, s))]
    if not tasks:
        tasks = [s for s in plans if not _FIVE_YEAR.search(fold(s.title))] or plans
    return plans, tasks


def _lead_phrases(text: str, folded: str, sec: Section) -> list[tuple[int, int]]:
    """(start, end) of paragraphs in ``sec`` that open with a short sentence of their own."""
    out: list[tuple[int, int]] = []
    pos = sec.heading_end
    for line in folded[sec.heading_end:sec.end].split("\n"):
        a = pos + len(line) - len(line.lstrip())
        pos += len(line) + 1
        if line.lstrip().startswith("各位代表") or "让我们" in line:
            break
        m = _LEAD.match(folded, a)
        if m is not None and m.end() < pos - 1 and not _NOT_LEAD.search(m.group(0)):
            out.append((a, m.end() - 1))
    return out


def _task_plans(text: str, sections: tuple[Section, ...], tasks: list[Section]) -> list[Plan]:
    folded = fold(text)
    out: list[Plan] = []
    for sec in tasks:
        items = [s for s in sections if s.parent == sec.id]
        numbered = [s for s in items if s.marker and not _ENUM_MARKER.search(s.marker)]
        if len(numbered) >= 2:
            items = numbered  # (一)…(九) are the tasks; a 一要…四要 beside them states principles
        if items:
            out.extend(Plan(id="", text=s.title, kind="task", start=s.heading_start, end=s.end, section=s.id)
                       for s in items)
            continue
        leads = _lead_phrases(text, folded, sec)
        if len(leads) >= 2:
            bounds = [a for a, _ in leads[1:]] + [sec.end]
            out.extend(Plan(id="", text=text[a:b], kind="task", start=a, end=nxt, section=sec.id)
                       for (a, b), nxt in zip(leads, bounds, strict=True))
        else:
            out.append(Plan(id="", text=sec.title, kind="task", start=sec.heading_start, end=sec.end,
                            section=sec.id))
    return out


def _clauses(folded: str, a: int, b: int) -> list[tuple[int, int]]:
    """Clauses of folded[a:b] split at ，；。 (and at 、 between two measures with figures)."""
    spans = []
    start = a
    for m in _CLAUSE_SPLIT.finditer(folded, a, b):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, b))
    out = []
    for s, e in spans:
        pieces = []
        ps = s
        for i in range(s, e):
            if folded[i] == "、":
                left, right = folded[ps:i], folded[i + 1:e]
                if _measure(left) and _words_first(right) and not right.startswith(_NO_SPLIT_AFTER):
                    pieces.append((ps, i))
                    ps = i + 1
        pieces.append((ps, e))
        out.extend(pieces)
    return out


def _words_first(s: str) -> bool:
    """Some words before any figure: the start of another measure, not a second figure of this one."""
    m = _FIGURE.search(s)
    head = s if m is None else s[:m.start()]
    return sum(1 for ch in head if "\u4e00" <= ch <= "\u9fff") >= 2


def _measure(s: str) -> bool:
    """A measure with its figure: some words, then a number."""
    m = _FIGURE.search(s)
    if m is None:
        return False
    words = sum(1 for ch in s[:m.start()] if "\u4e00" <= ch <= "\u9fff")
    return words >= 2


def _target_plans(text: str, sections: tuple[Section, ...], plans: list[Section]) -> list[Plan]:
    folded = fold(text)
    found = []
    for sec in plans:
        for m in _TARGETS_AT.finditer(folded, sec.heading_end, sec.end):
            found.append((0 if "预期" in m.group(0) else 1, 1 if _FIVE_YEAR.search(fold(sec.title)) else 0,
                          m.start(), m.end()))
    if not found:
        return []
    _, _, _, begin = min(found)
    par_end = folded.find("\n", begin)
    par_end = len(folded) if par_end < 0 else par_end
    if not folded[begin:par_end].strip():
        # The targets stand one to a line below the colon.
        end = begin
        for _ in range(_MAX_TARGET_LINES):
            nxt = folded.find("\n", par_end + 1)
            nxt = len(folded) if nxt < 0 else nxt
            line = folded[par_end + 1:nxt]
            if line.strip() and (len(line) > _MAX_TARGET_LINE or not _FIGURE.search(line)):
                break
            end, par_end = nxt, nxt
            if par_end >= len(folded):
                break
        return _target_clauses(text, folded, sections, begin, end)
    # The figures run on over the sentences that still carry figures, to the paragraph end.
    end = begin
    while end < par_end:
        stop = folded.find("。", end, par_end)
        stop = par_end if stop < 0 else stop + 1
        if end > begin and (not _FIGURE.search(folded, end, stop) or _TASKS_NEXT.search(folded, end, stop)):
            break
        end = stop
    return _target_clauses(text, folded, sections, begin, end)


def _target_clauses(text: str, folded: str, sections: tuple[Section, ...],
                    begin: int, end: int) -> list[Plan]:
    """The clauses of folded[begin:end] that state a measure with its figure, as targets."""
    out = []
    for a, b in _clauses(folded, begin, end):
        while a < b and folded[a].isspace():
            a += 1
        while b > a and folded[b - 1].isspace():
            b -= 1
        if b > a and _measure(folded[a:b]):
            inner = innermost(sections, a)
            out.append(Plan(id="", text=text[a:b], kind="target", start=a, end=b,
                            section=inner.id if inner else None))
    return out


def find_plans(text: str, sections: tuple[Section, ...], *, kind: ReportKind | None,
               settings: Settings) -> tuple[Plan, ...]:
    """The report's plan items in document order, ids p1, p2… (see the module docstring)."""
    plans, tasks = _plan_sections(text, sections)
    if not plans:
        return ()
    items = _target_plans(text, sections, plans) + _task_plans(text, sections, tasks)
    items.sort(key=lambda p: (p.start, p.end))
    return tuple(dataclasses.replace(p, id=f"p{i}") for i, p in enumerate(items, start=1))
