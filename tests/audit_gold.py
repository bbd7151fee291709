"""Plans and outlines built from the gold, for testing the audit while the real segmenter is not
used; and a scorer of verdicts against the pair gold's ``audit`` (our own, not score.py's)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from compare.model import Plan, PlanKind, Report, Role, Section, Span, Verdict

from .conftest import GOLD, REPORTS, parsed


def raw_report(relpath: str) -> Report:
    """A bundled report as text only: no sections, indicators or plans."""
    from compare.model import Meta

    text = (REPORTS / relpath).read_bytes().decode("utf-8")
    meta = Meta(title=None, region=None, year=None, kind="gwr", published=None, source=relpath)
    return Report(meta=meta, text=text, sections=(), indicators=(), plans=())


def _heading_positions(text: str, report_gold: dict[str, Any]) -> list[tuple[int, int, str | None, str]]:
    """(start, level, role, quote) of each gold heading, in text order."""
    out = []
    for h in report_gold["headings"]:
        pos = text.find(h["quote"])
        if pos < 0:
            continue
        line_start = text.rfind("\n", 0, pos) + 1
        marker_at = text.find(h["marker"], line_start, pos + 1) if h["marker"] else -1
        start = marker_at if 0 <= marker_at <= pos else pos
        out.append((start, h["level"], h.get("role"), h["quote"]))
    out.sort()
    return out


def gold_sections(text: str, report_gold: dict[str, Any]) -> tuple[Section, ...]:
    """Level-1 and level-2 sections from the gold headings (ends at the next heading of the same or
    a higher level)."""
    heads = [h for h in _heading_positions(text, report_gold) if h[1] <= 2]
    sections: list[Section] = []
    parent: str | None = None
    n1 = n2 = 0
    for i, (start, level, role, quote) in enumerate(heads):
        end = next((h[0] for h in heads[i + 1:] if h[1] <= level), len(text))
        if level == 1:
            n1 += 1
            n2 = 0
            sid = f"s{n1}"
            parent = sid
        else:
            n2 += 1
            sid = f"s{n1}.{n2}"
        sections.append(Section(id=sid, parent=None if level == 1 else parent, level=level, marker="",
                                title=quote, role=_role(role) if level == 1 else None, heading_start=start,
                                heading_end=start + len(quote), start=start, end=end))
    return tuple(sections)


def _role(role: str | None) -> Role | None:
    roles: dict[str | None, Role] = {"achievements": "achievements", "problems": "problems",
                                     "leadership": "leadership", "plans": "plans", "other": "other"}
    return roles.get(role)


def gold_plans(text: str, pair_gold: dict[str, Any], report_gold: dict[str, Any]) -> tuple[Plan, ...]:
    """The plans of the pair gold's ``audit`` list: a target is its quote; a task runs from its heading
    to the next gold heading of the same or a higher level."""
    kinds = {p["quote"]: p["kind"] for p in report_gold["plans"]}
    heads = _heading_positions(text, report_gold)
    plans = []
    for i, a in enumerate(pair_gold["audit"], 1):
        q = a["plan"]["quote"]
        pos = text.find(q)
        if pos < 0:
            raise ValueError(f"gold plan quote not found: {q}")
        guess = "target" if any(c.isdigit() for c in q) else "task"
        kind: PlanKind = "target" if kinds.get(q, guess) == "target" else "task"
        if kind == "target":
            end = pos + len(q)
        else:
            level = next((h[1] for h in heads if h[0] <= pos < h[0] + 40 and h[3] == q), 2)
            end = next((h[0] for h in heads if h[0] > pos and h[1] <= level), len(text))
        plans.append(Plan(id=f"p{i}", text=q, kind=kind, start=pos, end=end, section=None))
    return tuple(plans)


def with_gold(relpath: str, name: str, pair_gold: dict[str, Any] | None, *, sections: bool,
              gold_dir: Path = GOLD) -> Report:
    """The parsed report (its text and indicators) with gold plans (if ``pair_gold`` is given) and either
    gold sections or none; the report gold read from ``gold_dir`` (the dev gold unless told)."""
    r = parsed(relpath)
    rg = json.loads((gold_dir / f"{name}.report.json").read_text(encoding="utf-8"))
    plans = gold_plans(r.text, pair_gold, rg) if pair_gold is not None else ()
    secs = gold_sections(r.text, rg) if sections else ()
    if secs and plans:
        plans = tuple(dataclasses.replace(p, section=_innermost(secs, p.start)) for p in plans)
    return dataclasses.replace(r, plans=plans, sections=secs)


def _innermost(sections: tuple[Section, ...], pos: int) -> str | None:
    inside = [s for s in sections if s.start <= pos < s.end]
    return max(inside, key=lambda s: s.level).id if inside else None


def score_audit(pair_gold: dict[str, Any], old: Report, new: Report,
                verdicts: tuple[Verdict, ...]) -> dict[str, float]:
    """status accuracy, binary (delivered-or-partial) accuracy and evidence hit rate, plans found by
    the position of the gold quote in the old text."""
    by_id = {v.plan: v for v in verdicts}
    ok = binary = hit = with_ev = 0
    items = pair_gold["audit"]
    for a in items:
        pos = old.text.find(a["plan"]["quote"])
        plan = next((p for p in old.plans if p.start <= pos < p.end), None)
        v = by_id.get(plan.id) if plan else None
        status = v.status if v else None
        ok += status == a["status"]
        binary += (status in ("delivered", "partial")) == (a["status"] in ("delivered", "partial"))
        if a["evidence"]:
            with_ev += 1
            spans: tuple[Span, ...] = v.evidence if v else ()
            for e in a["evidence"]:
                g0 = new.text.find(e["quote"])
                g1 = g0 + len(e["quote"])
                if any(s.start < g1 and g0 < s.end for s in spans):
                    hit += 1
                    break
    n = len(items)
    return {"audit_status_acc": ok / n, "audit_binary_acc": binary / n,
            "audit_evidence_hit": hit / with_ev if with_ev else 1.0}


def rule_targets(text: str) -> tuple[Plan, ...]:
    """Numeric target plans found with a simple rule, for when the real plan extractor gives none:
    each clause with a figure in the paragraph that starts 预期目标是：."""
    import re

    m = re.search(r"(?:预期|主要)目标[是为]?[：:]", text)
    if m is None:
        return ()
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    plans: list[Plan] = []
    start = m.end()
    for sep in re.finditer(r"[，；。]|$", text[m.end():end]):
        clause_end = m.end() + sep.start()
        clause = text[start:clause_end]
        if re.search(r"\d", clause):
            plans.append(Plan(id=f"p{len(plans) + 1}", text=clause, kind="target", start=start,
                              end=clause_end, section=None))
        start = clause_end + 1
    return tuple(plans)
