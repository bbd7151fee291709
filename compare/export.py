"""The public JSON contract: ``yoy.report/1`` and ``yoy.comparison/1`` (see README, "JSON output").

Keys listed in the contract are always present; extra keys are allowed and used for the
fields the contract does not name (qualifier details, relation, reason...). Key order is
fixed so that output diffs cleanly between runs.
"""

from __future__ import annotations

from typing import Any

from .model import Comparison, Indicator, Plan, Report, Section, Verdict

REPORT_SCHEMA = "yoy.report/1"
COMPARISON_SCHEMA = "yoy.comparison/1"


def section_to_dict(s: Section) -> dict[str, Any]:
    return {"id": s.id, "parent": s.parent, "level": s.level, "marker": s.marker, "title": s.title,
            "role": s.role, "heading_start": s.heading_start, "heading_end": s.heading_end,
            "start": s.start, "end": s.end}


def indicator_to_dict(i: Indicator) -> dict[str, Any]:
    return {"id": i.id, "label": i.label, "value": i.value, "unit": i.unit, "qualifier": i.qualifier,
            "kind": i.kind, "start": i.start, "end": i.end, "section": i.section,
            "base_value": i.base_value, "base_unit": i.base_unit, "direction": i.direction,
            "parent": i.parent, "range_high": i.range_high}


def plan_to_dict(p: Plan) -> dict[str, Any]:
    return {"id": p.id, "text": p.text, "kind": p.kind, "start": p.start, "end": p.end, "section": p.section}


def report_to_dict(r: Report) -> dict[str, Any]:
    """A report as the ``yoy.report/1`` object."""
    m = r.meta
    return {
        "schema": REPORT_SCHEMA,
        "meta": {"title": m.title, "region": m.region, "year": m.year, "kind": m.kind,
                 "published": m.published, "source": m.source, "format": r.format,
                 "fields": {k: v for k, v in m.fields}},
        "text": r.text,
        "sections": [section_to_dict(s) for s in r.sections],
        "indicators": [indicator_to_dict(i) for i in r.indicators],
        "plans": [plan_to_dict(p) for p in r.plans],
    }


def verdict_to_dict(v: Verdict) -> dict[str, Any]:
    return {"plan": v.plan, "status": v.status, "score": round(v.score, 4),
            "evidence": [{"start": e.start, "end": e.end} for e in v.evidence],
            "reason": v.reason, "carried_over": v.carried_over, "target": v.target, "actual": v.actual,
            "override_status": v.override_status, "override_note": v.override_note}


def comparison_to_dict(c: Comparison) -> dict[str, Any]:
    """A comparison as the ``yoy.comparison/1`` object."""
    return {
        "schema": COMPARISON_SCHEMA,
        "old": report_to_dict(c.old),
        "new": report_to_dict(c.new),
        "sections": [{"old": p.old, "new": p.new, "score": round(p.score, 4), "relation": p.relation,
                      "similarity": None if p.similarity is None else round(p.similarity, 4)}
                     for p in c.sections],
        "indicators": [{"old": p.old, "new": p.new, "score": round(p.score, 4), "delta": p.delta,
                        "ratio": p.ratio, "consistency": p.consistency, "note": p.note}
                       for p in c.indicators],
        "audit": [verdict_to_dict(v) for v in c.audit],
    }
