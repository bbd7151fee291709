"""(old, new) indicators -> pairs: the same measure in both years, one to one, with the change.

For every old x new indicator of compatible unit (万元 with 亿元, never with 件) and the same
kind (a stated change is never paired with a level), a score combines:

- the similarity of the labels (rapidfuzz, on characters and on jieba words),
- the section context: a bonus when the aligner paired the two indicators' sections, and inside
  sections paired below the top level, a bonus for a count of the same unit and order whose
  reworded label keeps most words of the other (开展…法治专题讲座 / 举办法治专题讲座),
- the relative position in the report and the plausibility of the values (a count that
  grows a hundredfold is more likely another measure).

The pairs are then solved as one global assignment (Hungarian method, per unit and kind),
and those below ``Settings.indicator_pair_min_score`` are left unpaired. Each pair carries
``delta`` and ``ratio``; indicators without a counterpart come out as pairs with None.

A check no tool makes: where the new report states a change next to a level (34450件，同比
增加5662件，上升19.67%) and the old report gives last year's level, the figures must agree;
``IndicatorPair.consistency`` and ``note`` say whether they do (see :func:`check_consistency`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from .indicators import CHANGE_ADVERBS, CHANGE_VERBS, MAGNITUDES, multi_year_zones
from .model import Indicator, IndicatorPair, Report, SectionPair
from .nlp import words
from .settings import Settings
from .similarity import best_assignment
from .textnorm import fold, squeeze

Consistency = Literal["consistent", "inconsistent"]
_TIE = 1e-9
"""Added to every admissible gain so that a pair scoring exactly the threshold still pairs."""
_SUBSET_WEIGHT = 0.85  # a label inside another counts a bit less than an equal one
_NOT_SUBJECT = re.compile(
    "|".join(
        sorted(
            [v for v, _ in CHANGE_VERBS]
            + list(CHANGE_ADVERBS)
            + ["比", "较", "上年", "去年", "了", "，", ",", "、", " "],
            key=len,
            reverse=True,
        )
    )
)
_PERCENT_UNITS = frozenset({"%", "‰", "个百分点", "百分点"})


def unit_family(ind: Indicator) -> str:
    """The unit a figure can be compared in: ``元`` for 万元 and 亿元; ``*`` for a bare magnitude (1240万)."""
    u = ind.base_unit
    if u in {prefix for prefix, _ in MAGNITUDES}:
        return "*"
    return u


def compatible(a: Indicator, b: Indicator) -> bool:
    """Can these two figures measure the same thing (unit and kind)?"""
    if a.kind != b.kind:
        return False
    ua, ub = unit_family(a), unit_family(b)
    if ua == ub:
        return True
    if "*" in (ua, ub):
        other = ub if ua == "*" else ua
        return other not in _PERCENT_UNITS and other not in ("元", "美元", "")
    return False


def comparable_value(ind: Indicator) -> float:
    """The value in the unit family (a bare magnitude 1240万 -> 12400000)."""
    if unit_family(ind) == "*":
        mult = dict(MAGNITUDES).get(ind.base_unit, 1.0)
        return ind.value * mult
    return ind.base_value


def label_similarity(a: str, b: str) -> float:
    """0..1 similarity of two labels: characters and jieba words, whichever agrees more."""
    if not a or not b:
        return 0.0
    a, b = squeeze(a), squeeze(b)  # one script, no spaces: 項目 and 项目 are the same word
    chars = fuzz.ratio(a, b) / 100.0
    wa, wb = " ".join(words(a)), " ".join(words(b))
    tokens = fuzz.token_sort_ratio(wa, wb) / 100.0
    partial = fuzz.partial_ratio(a, b) / 100.0 if min(len(a), len(b)) >= 4 else 0.0
    # one label's words all inside the other's (连续稳居前五 / 连续在…评估中排名稳居前五), when it has enough
    # words to mean something on its own
    n_words = min(len(wa.split()), len(wb.split()))
    subset = _SUBSET_WEIGHT * fuzz.token_set_ratio(wa, wb) / 100.0 if n_words >= 5 else 0.0
    return max(chars, tokens, 0.85 * partial, subset)


def shared_words(a: str, b: str) -> float:
    """Share of the shorter label's words (two or more characters) that the other label contains;
    0 unless at least two are shared (开展省政府常务会议法治专题讲座 / 举办法治专题讲座: 2 of 3)."""
    wa = {w for w in words(squeeze(a)) if len(w) >= 2}
    wb = {w for w in words(squeeze(b)) if len(w) >= 2}
    if len(wa) > len(wb):
        wa, wb = wb, wa
    shared = len(wa & wb)
    return shared / len(wa) if shared >= 2 else 0.0


def _plausibility(a: Indicator, b: Indicator) -> float:
    """1 when the two values are of the same order, falling to 0 for a 20-fold difference."""
    va, vb = comparable_value(a), comparable_value(b)
    if va == vb:
        return 1.0
    if unit_family(a) in _PERCENT_UNITS:
        return max(0.0, 1.0 - abs(va - vb) / max(20.0, abs(va) + abs(vb)))
    if va <= 0 or vb <= 0:
        return 0.5
    r = abs(math.log(vb / va))
    return max(0.0, 1.0 - r / math.log(20.0))


_BASELINE_BEFORE = re.compile(r"(?:从|由)(?:\d{4}年(?:底|末|初)?(?:的)?)?$")


def is_baseline(text: str, ind: Indicator) -> bool:
    """Is this the starting level of a 从X到Y statement (从2020年的10.5万元提高到14万元)?"""
    return bool(_BASELINE_BEFORE.search(fold(text[max(0, ind.start - 12) : ind.start])))


@dataclass(frozen=True)
class _Context:
    """What one report says about the period of each of its figures."""

    multi_year: frozenset[str]
    """Ids of figures inside a several-years review."""
    baseline: frozenset[str]
    """Ids of figures that are the starting level of a 从…到… statement."""


def _context(report: Report) -> _Context:
    zones = multi_year_zones(report.text)
    # in a review of several years, changes (年均增长, 下降49.9%) and totals (累计) span the period;
    # the level reached (跃升到38家, 提高到3.3%) is this year's and pairs as usual
    multi = frozenset(
        i.id
        for i in report.indicators
        if any(a <= i.start < b for a, b in zones)
        and (i.kind == "change" or "累计" in report.text[max(0, i.start - 16) : i.start])
    )
    base = frozenset(i.id for i in report.indicators if is_baseline(report.text, i))
    return _Context(multi_year=multi, baseline=base)


def pair_score(
    a: Indicator,
    b: Indicator,
    *,
    pos_a: float,
    pos_b: float,
    sections_paired: bool | None,
    settings: Settings,
    period_differs: bool = False,
    sections_close: bool = False,
) -> float:
    """The confidence 0..1 that ``a`` (old) and ``b`` (new) are the same measure; 0 if incompatible.
    ``sections_close``: a section below the top level holding ``a`` is paired with one holding ``b``."""
    if not compatible(a, b):
        return 0.0
    w = settings.indicator_label_weight
    rest = 1.0 - w
    context = 0.5 * _plausibility(a, b) + 0.5 * (1.0 - min(1.0, abs(pos_a - pos_b) * 2.0))
    score = label_similarity(a.label, b.label) * (w + rest * context)
    if a.direction is not None and b.direction is not None and a.direction != b.direction:
        score -= 0.1
    if period_differs:
        score -= settings.indicator_period_penalty
    if _plausibility(a, b) == 0.0:
        score -= settings.indicator_implausible_penalty  # a twentyfold jump: more likely another measure
    if sections_paired is True:
        score += settings.indicator_section_bonus
        if (sections_close and fold(a.unit) == fold(b.unit) and unit_family(a) not in _PERCENT_UNITS | {"元", "美元"}
                and _plausibility(a, b) >= settings.indicator_shared_words_min_plausibility
                and shared_words(a.label, b.label) >= settings.indicator_shared_words_min):
            score += settings.indicator_shared_words_bonus  # the same count reworded in the same section
    elif sections_paired is False:
        score -= settings.indicator_section_penalty
    return max(0.0, min(1.0, score))


def _positions(report: Report) -> dict[str, float]:
    n = max(1, len(report.text))
    return {i.id: i.start / n for i in report.indicators}


def _paired_sections(section_pairs: Sequence[SectionPair]) -> set[tuple[str, str]]:
    return {(p.old, p.new) for p in section_pairs if p.old is not None and p.new is not None}


def _section_chains(report: Report) -> dict[str, list[str]]:
    """Section id -> its id and its ancestors' ids, innermost first."""
    parent = {s.id: s.parent for s in report.sections}
    chains: dict[str, list[str]] = {}
    for sid in parent:
        chain: list[str] = []
        cur: str | None = sid
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = parent.get(cur)
        chains[sid] = chain
    return chains


def _sections_agree(
    a: Indicator,
    b: Indicator,
    chains_old: dict[str, list[str]],
    chains_new: dict[str, list[str]],
    paired: set[tuple[str, str]],
) -> bool | None:
    """True when the aligner paired a section holding ``a`` with one holding ``b``; False when it
    paired ``a``'s top-level section with another one than ``b``'s; None when it says nothing."""
    ca = chains_old.get(a.section or "", [])
    cb = chains_new.get(b.section or "", [])
    if not ca or not cb:
        return None
    if any((x, y) in paired for x in ca for y in cb):
        return True
    top_a, top_b = ca[-1], cb[-1]
    partners = {y for x, y in paired if x == top_a}
    if partners and top_b not in partners:
        return False
    return None


def _sections_close(
    a: Indicator,
    b: Indicator,
    chains_old: dict[str, list[str]],
    chains_new: dict[str, list[str]],
    paired: set[tuple[str, str]],
) -> bool:
    """True when a section below the top level holding ``a`` is paired with one holding ``b``."""
    ca = chains_old.get(a.section or "", [])[:-1]
    cb = chains_new.get(b.section or "", [])[:-1]
    return any((x, y) in paired for x in ca for y in cb)


def _group_key(ind: Indicator) -> tuple[str, str]:
    fam = unit_family(ind)
    if fam == "*" or (fam not in _PERCENT_UNITS and fam not in ("元", "美元", "")):
        fam = "count"
    return ind.kind, fam


def match_indicators(
    old: Report, new: Report, section_pairs: tuple[SectionPair, ...], *, settings: Settings
) -> tuple[IndicatorPair, ...]:
    """Pair the indicators of two reports one to one; unpaired ones come out with None on the other side."""
    pos_old, pos_new = _positions(old), _positions(new)
    paired_secs = _paired_sections(section_pairs)
    chains_old, chains_new = _section_chains(old), _section_chains(new)
    ctx_old, ctx_new = _context(old), _context(new)
    groups_old: dict[tuple[str, str], list[Indicator]] = defaultdict(list)
    groups_new: dict[tuple[str, str], list[Indicator]] = defaultdict(list)
    for i in old.indicators:
        groups_old[_group_key(i)].append(i)
    for i in new.indicators:
        groups_new[_group_key(i)].append(i)
    chosen: dict[str, tuple[str, float]] = {}  # new id -> (old id, score)
    for key, olds in groups_old.items():
        news = groups_new.get(key, [])
        if not news:
            continue
        scores = [
            [
                pair_score(
                    a,
                    b,
                    pos_a=pos_old[a.id],
                    pos_b=pos_new[b.id],
                    sections_paired=_sections_agree(a, b, chains_old, chains_new, paired_secs),
                    sections_close=_sections_close(a, b, chains_old, chains_new, paired_secs),
                    settings=settings,
                    period_differs=(
                        (a.id in ctx_old.multi_year) != (b.id in ctx_new.multi_year)
                        or (a.id in ctx_old.baseline) != (b.id in ctx_new.baseline)
                    ),
                )
                for b in news
            ]
            for a in olds
        ]
        # a pair gains only what it scores above the threshold (staying unpaired gains nothing):
        # a weak pair never displaces a strong one just to pair more indicators
        floor = settings.indicator_pair_min_score
        gains = [[s - floor + _TIE if s >= floor else 0.0 for s in row] for row in scores]
        for r, c in best_assignment(gains):
            s = scores[r][c]
            if s >= settings.indicator_pair_min_score:
                chosen[news[c].id] = (olds[r].id, s)
    old_by_id = {i.id: i for i in old.indicators}
    checks = check_consistency(old, new, {n: o for n, (o, _) in chosen.items()}, settings=settings)
    pairs: list[IndicatorPair] = []
    for b in new.indicators:
        if b.id in chosen:
            oid, s = chosen[b.id]
            a = old_by_id[oid]
            delta, ratio = _change(a, b)
            verdict, note = checks.get(b.id, (None, None))
            pairs.append(
                IndicatorPair(
                    old=oid,
                    new=b.id,
                    score=round(s, 4),
                    delta=delta,
                    ratio=ratio,
                    consistency=verdict,
                    note=note,
                )
            )
        else:
            pairs.append(IndicatorPair(old=None, new=b.id, score=0.0))
    used_old = {o for o, _ in chosen.values()}
    pairs.extend(IndicatorPair(old=a.id, new=None, score=0.0) for a in old.indicators if a.id not in used_old)
    return tuple(pairs)


def _change(a: Indicator, b: Indicator) -> tuple[float | None, float | None]:
    if not compatible(a, b):
        return None, None
    va, vb = comparable_value(a), comparable_value(b)
    delta = vb - va
    ratio = delta / va if va else None
    return _round(delta), None if ratio is None else _round(ratio)


def _round(x: float) -> float:
    return float(f"{x:.10g}")


def _decimals(x: float) -> int:
    s = f"{x:.10g}"
    return len(s.split(".")[1]) if "." in s else 0


def stated_changes(report: Report, level: Indicator) -> list[Indicator]:
    """The changes the report states for ``level`` right after it (34450件，同比增加5662件，上升19.67%)."""
    out: list[Indicator] = []
    if level.sentence is None or level.kind != "level":
        return out
    started = False
    last_end = level.end
    for i in report.indicators:
        if i.id == level.id:
            started = True
            continue
        if not started:
            continue
        if i.sentence != level.sentence or i.kind != "change" or i.direction is None:
            break
        between = fold(report.text[last_end : i.start])
        if _NOT_SUBJECT.sub("", between):
            break  # 17个重点传统制造业增加值增长5.3%: the change has a subject of its own
        out.append(i)
        last_end = i.end
    return out


def check_consistency(
    old: Report, new: Report, pairs: dict[str, str], *, settings: Settings
) -> dict[str, tuple[Consistency, str]]:
    """For each paired level of the new report (new id -> old id) with a stated change after it,
    whether last year's level and this year's agree with the change stated.

    Returns new id -> (``consistent`` | ``inconsistent``, a note giving the figures used).
    """
    old_by_id = {i.id: i for i in old.indicators}
    new_by_id = {i.id: i for i in new.indicators}
    out: dict[str, tuple[Consistency, str]] = {}
    for nid, oid in pairs.items():
        b, a = new_by_id[nid], old_by_id[oid]
        if a.kind != "level" or b.kind != "level" or not compatible(a, b):
            continue
        va, vb = comparable_value(a), comparable_value(b)
        results: list[tuple[bool, str]] = []
        for c in stated_changes(new, b):
            sign = 1.0 if c.direction == "up" else -1.0
            stated = sign * c.value
            written = f"{'+' if sign > 0 else '-'}{c.value:g}{c.unit}"
            if c.base_unit == "%" and unit_family(b) not in _PERCENT_UNITS:
                if va == 0:
                    continue
                computed = (vb - va) / va * 100.0
                tol = settings.consistency_pct_tolerance + 0.5 * 10 ** -_decimals(c.value)
                ok = abs(computed - stated) <= tol
                results.append(
                    (
                        ok,
                        f"stated {written}; {a.value:g}{a.unit} -> {b.value:g}{b.unit} "
                        f"gives {computed:+.2f}%",
                    )
                )
            elif c.base_unit in ("个百分点", "百分点") and unit_family(b) == "%":
                computed = vb - va
                ok = abs(computed - stated) <= settings.consistency_pct_tolerance + 0.05
                results.append(
                    (ok, f"stated {written}; {a.value:g}% -> {b.value:g}% gives {computed:+.2f} points")
                )
            elif unit_family(c) == unit_family(b) and unit_family(b) not in _PERCENT_UNITS:
                stated_abs = sign * comparable_value(c)
                computed = vb - va
                rounding = (
                    0.5 * 10 ** -_decimals(c.value) * (comparable_value(c) / c.value if c.value else 1.0)
                )
                tol = max(rounding, settings.consistency_rel_tolerance * abs(stated_abs))
                ok = abs(computed - stated_abs) <= tol
                results.append(
                    (ok, f"stated {written}; {a.value:g}{a.unit} -> {b.value:g}{b.unit} gives {computed:+g}")
                )
        if results:
            verdict: Consistency = "consistent" if all(ok for ok, _ in results) else "inconsistent"
            out[nid] = (verdict, "; ".join(note for _, note in results))
    return out
