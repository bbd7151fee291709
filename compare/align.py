"""(old, new) outlines -> section pairs: which section of next year's report treats the same subject.

Sections are paired level by level with a global one-to-one assignment (``best_assignment``,
the Hungarian algorithm), never first come first served. A pair's score mixes

- the headings' similarity (``title_similarity``: weighted words and character pairs), with years
  made relative to the report's year, so "2024年工作回顾" in the 2024 report equals
  "2025年工作回顾" in the 2025 one and "2025年重点工作" equals "2026年重点工作";
- the bodies' similarity (tf-idf cosine of content words, numbers and years left out; idf learnt
  from the paragraphs of both reports; the longer body cut to twice the shorter one, and below
  level 1 the words past the first few sentences weighing less and less, so that material a
  section runs on into does not drown it);
- the measures reported in both sections (figures with the same label and unit): the same figures
  reported again are evidence of one subject when slogan headings share no words;
- the roles: sections under a review paired with sections under plans are penalised, and the
  only review (or only problems section...) of each report pair whatever their wording.

1. Level 1: every top-level section of the old report against every one of the new.
2. Level 2: first inside paired parents; then, among the sections still unpaired, moves across
   parents (relation ``moved``), penalised and held to ``section_moved_min_score``.
3. Level 3 and below: only inside paired parents.

A weak pair is dropped when either side has a clearly better candidate elsewhere (its subject
lives there). Sections left without a counterpart are ``added`` / ``removed``. Then,
conservatively, an unpaired section whose heading is a part of a paired section's heading in the
other report and whose body treats the same subject is shown as a ``split`` (one old section, two
new) or a ``merged`` (two old, one new) extra pair. ``SectionPair.similarity`` is the share of the
text kept (``kept_share`` of the bodies' words).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .model import Report, Section, SectionPair
from .settings import Settings
from .similarity import (
    TermWeights,
    best_assignment,
    char_bigrams,
    containment,
    content_word_offsets,
    content_words,
    kept_share,
    normalize_years,
    title_similarity,
    weighted_cosine,
)
from .textnorm import squeeze

_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_POSITION_TIE_BREAK = 0.05
"""Weight of the position agreement in the assignment's gain: it only decides between equals."""


@dataclass(frozen=True)
class _Node:
    """One section, prepared for comparison."""

    section: Section
    index: int
    """Position of the section in its report's outline."""
    title: str
    """The heading with its years made relative to the report's year."""
    title_key: str
    """``title`` squeezed (no spaces or punctuation), to tell "same" from "renamed"."""
    title_words: tuple[str, ...]
    body: tuple[str, ...]
    """Content words of the section's text after its heading, children included."""
    vector: dict[str, float]
    """tf-idf vector of ``body``."""
    position: float
    """Rank among the sections of the same level with the same parent, 0 (first) .. 1 (last)."""
    role: str | None
    """Role of the section's level-1 ancestor (its own at level 1)."""
    is_old: bool
    """True for a section of the old report."""
    labels: frozenset[tuple[str, str]] = frozenset()
    """(label, unit) of the figures in the section's text, squeezed: the measures it reports."""


def base_year(report: Report, *, trust_meta: bool = True) -> int | None:
    """The year a report's heading years are measured from: the report's year (``meta.year``) when
    known and ``trust_meta``; else the first year in the heading of its review section
    (2024年工作回顾); else the year most often written in the first third of its text."""
    if trust_meta and report.meta.year is not None:
        return report.meta.year
    for s in report.sections:
        if s.level == 1 and s.role == "achievements":
            found = [int(m.group(1)) for m in _YEAR_IN_TEXT.finditer(s.title)]
            if found:
                return min(found)
    third = len(report.text) // 3 + 1
    years = Counter(int(m.group(1)) for m in _YEAR_IN_TEXT.finditer(report.text, 0, third))
    if not years:
        return None
    return max(years.items(), key=lambda kv: (kv[1], -kv[0]))[0]


def _paragraph_words(offsets: Sequence[tuple[int, str]], text: str) -> list[list[str]]:
    """The content words of each line of ``text`` (the passages idf is learnt from)."""
    out: list[list[str]] = []
    current: list[str] = []
    line_end = text.find("\n")
    for at, word in offsets:
        while line_end != -1 and at > line_end:
            if current:
                out.append(current)
                current = []
            line_end = text.find("\n", line_end + 1)
        current.append(word)
    if current:
        out.append(current)
    return out


def _nodes(report: Report, offsets: Sequence[tuple[int, str]], weights: TermWeights, *,
           is_old: bool, year: int | None, lead: int) -> dict[str, _Node]:
    starts = [at for at, _ in offsets]
    siblings: dict[tuple[str | None, int], list[str]] = {}
    for s in report.sections:
        siblings.setdefault((s.parent, s.level), []).append(s.id)
    by_id = {s.id: s for s in report.sections}
    nodes: dict[str, _Node] = {}
    for i, s in enumerate(report.sections):
        top = s
        while top.parent is not None and top.parent in by_id and top.parent != top.id:
            top = by_id[top.parent]
        lo = bisect.bisect_left(starts, s.heading_end)
        hi = bisect.bisect_left(starts, s.end)
        body = tuple(w for _, w in offsets[lo:hi])
        title = normalize_years(s.title, year)
        group = siblings[(s.parent, s.level)]
        rank = group.index(s.id)
        labels = frozenset((squeeze(i.label), squeeze(i.unit)) for i in report.indicators
                           if s.heading_end <= i.start < s.end and len(squeeze(i.label)) >= 2)
        nodes[s.id] = _Node(
            section=s, index=i, title=title, title_key=squeeze(title),
            title_words=tuple(content_words(title)), body=body,
            vector=weights.lead_vector(body, lead if s.level > 1 else 0),
            position=rank / (len(group) - 1) if len(group) > 1 else 0.5, role=top.role, is_old=is_old,
            labels=labels)
    return nodes


class _Scorer:
    """Scores of candidate pairs, cached: (old id, new id) -> heading + body similarity x role factor."""

    def __init__(self, weights: TermWeights, bigram_weights: TermWeights, settings: Settings) -> None:
        self.weights = weights
        self.bigram_weights = bigram_weights
        self.settings = settings
        self._cache: dict[tuple[str, str], float] = {}
        self._similarities: dict[tuple[str, str], float] = {}
        self._vectors: dict[tuple[str, int], dict[str, float]] = {}
        # roles (other than "other") held by exactly one level-1 section in each report
        self.unique_roles: set[str] = set()

    def similarity(self, o: _Node, n: _Node) -> float:
        """Heading and body similarity of two sections, 0..1 (1.0 for identical ones)."""
        key = (o.section.id, n.section.id)
        if key not in self._similarities:
            self._similarities[key] = self._similarity(o, n)
        return self._similarities[key]

    def _similarity(self, o: _Node, n: _Node) -> float:
        t = 1.0 if o.title_key == n.title_key else title_similarity(o.title, n.title, self.weights,
                                                                     self.bigram_weights)
        if not o.body or not n.body:
            return t
        c = weighted_cosine(self._vector(o, len(n.body)), self._vector(n, len(o.body)))
        if t == 1.0 and c >= 1.0 - 1e-9:
            return 1.0
        w = self.settings.section_title_weight
        return min(1.0, w * t + (1.0 - w) * c + self.settings.section_label_weight * _label_overlap(o, n))

    def _vector(self, x: _Node, other_len: int) -> dict[str, float]:
        """The tf-idf vector of ``x``'s body, cut to ``section_body_max_ratio`` times the other body's
        length when longer: what a section appends after its subject (a five-year review run on
        after the last item) must not drown the comparison."""
        limit = max(1, int(self.settings.section_body_max_ratio * other_len))
        if len(x.body) <= limit:
            return x.vector
        key = (x.section.id + ("@old" if x.is_old else "@new"), limit)
        if key not in self._vectors:
            lead = self.settings.section_lead_words if x.section.level > 1 else 0
            self._vectors[key] = self.weights.lead_vector(x.body[:limit], lead)
        return self._vectors[key]

    def raw(self, o: _Node, n: _Node) -> float:
        """``similarity`` with the penalty for sections of different roles (review against plans)."""
        key = (o.section.id, n.section.id)
        if key not in self._cache:
            sim = self.similarity(o, n)
            if o.role is not None and n.role is not None and o.role != n.role:
                sim *= self.settings.section_role_mismatch_factor
            self._cache[key] = sim
        return self._cache[key]

    def pair(self, o: _Node, n: _Node, paired: dict[str, str], *, moved: bool) -> float:
        """The score of pairing ``o`` with ``n`` given the pairs made at the levels above; 0 when the
        pair is not allowed (``moved``: only pairs across parents not paired together are)."""
        so, sn = o.section, n.section
        sim = self.raw(o, n)
        if so.level == 1:
            if o.role is not None and o.role == n.role and o.role in self.unique_roles:
                sim = max(sim, self.settings.section_unique_role_score)
            return sim
        parents_paired = so.parent is not None and paired.get(so.parent) == sn.parent
        if parents_paired != (not moved):
            return 0.0
        if parents_paired:
            return sim
        sim *= self.settings.section_moved_factor
        if so.parent not in paired and sn.parent not in paired.values():
            sim *= self.settings.section_moved_factor  # neither parent continues: its parts rarely do
        return sim if sim >= self.settings.section_moved_min_score else 0.0


def _label_overlap(o: _Node, n: _Node) -> float:
    """Share of the measures (figure label and unit) reported in both sections, of the fewer side's:
    the same figures reported again are evidence of the same subject whatever the headings say."""
    if not o.labels or not n.labels:
        return 0.0
    return len(o.labels & n.labels) / min(len(o.labels), len(n.labels))


def align_sections(old: Report, new: Report, *, settings: Settings) -> tuple[SectionPair, ...]:
    """Pair the sections of two reports (see the module docstring); every section of both reports
    appears in the result, paired or not."""
    if not old.sections and not new.sections:
        return ()
    old_offsets = content_word_offsets(old.text)
    new_offsets = content_word_offsets(new.text)
    weights = TermWeights.learn(_paragraph_words(old_offsets, old.text)
                                + _paragraph_words(new_offsets, new.text))
    # both reports' years the same way: from their metadata when both have it, else from their text
    trust = old.meta.year is not None and new.meta.year is not None
    onodes = _nodes(old, old_offsets, weights, is_old=True, year=base_year(old, trust_meta=trust),
                    lead=settings.section_lead_words)
    nnodes = _nodes(new, new_offsets, weights, is_old=False, year=base_year(new, trust_meta=trust),
                    lead=settings.section_lead_words)
    bigram_weights = TermWeights.learn(char_bigrams(line) for text in (old.text, new.text)
                                       for line in text.splitlines() if line.strip())
    scorer = _Scorer(weights, bigram_weights, settings)
    old_roles = Counter(s.role for s in old.sections if s.level == 1 and s.role not in (None, "other"))
    new_roles = Counter(s.role for s in new.sections if s.level == 1 and s.role not in (None, "other"))
    scorer.unique_roles = {r for r, k in old_roles.items() if r is not None and k == 1 and new_roles[r] == 1}

    paired: dict[str, str] = {}  # old id -> new id
    pairs: list[SectionPair] = []
    levels = sorted({s.level for s in old.sections} | {s.level for s in new.sections})
    for level in levels:
        olist = [x for x in onodes.values() if x.section.level == level]
        nlist = [x for x in nnodes.values() if x.section.level == level]
        # first inside paired parents (all of level 1), then moves across parents among the rest
        pairs.extend(_assign(olist, nlist, paired, scorer, moved=False))
        if level == 2:
            taken_new = set(paired.values())
            pairs.extend(_assign([x for x in olist if x.section.id not in paired],
                                 [x for x in nlist if x.section.id not in taken_new],
                                 paired, scorer, moved=True))
    pairs.extend(_splits_and_merges(onodes, nnodes, paired, weights, settings))
    in_pair_old = {p.old for p in pairs}
    in_pair_new = {p.new for p in pairs}
    for s in old.sections:
        if s.id not in in_pair_old:
            pairs.append(SectionPair(old=s.id, new=None, score=0.0, relation="removed"))
    for s in new.sections:
        if s.id not in in_pair_new:
            pairs.append(SectionPair(old=None, new=s.id, score=0.0, relation="added"))
    return _in_reading_order(pairs, onodes, nnodes)


def _assign(olist: list[_Node], nlist: list[_Node], paired: dict[str, str], scorer: _Scorer,
            *, moved: bool) -> list[SectionPair]:
    """Pair ``olist`` with ``nlist`` one-to-one maximising the total score, and record the pairs in
    ``paired``. A weak pair is dropped when either side is clearly closer to another section of
    the other report (its subject lives elsewhere): below ``section_pair_sure_score`` a pair must
    score at least ``section_rival_ratio`` times the best rival of either side. Rivals are scored
    with the role penalty: last year's plan item is naturally close to this year's review of it,
    which says nothing about whether this year's plan carries the item on."""
    settings = scorer.settings
    if not olist or not nlist:
        return []
    scores = [[scorer.pair(o, n, paired, moved=moved) for n in nlist] for o in olist]
    gains = [[0.0 if sc < settings.section_pair_min_score else
              sc - settings.section_pair_min_score + 1e-6
              + _POSITION_TIE_BREAK * (1.0 - abs(o.position - n.position))
              for n, sc in zip(nlist, row, strict=True)] for o, row in zip(olist, scores, strict=True)]
    out = []
    for i, j in best_assignment(gains):
        o, n = olist[i], nlist[j]
        score = scores[i][j]
        if score < settings.section_pair_sure_score:
            rival = max([scorer.raw(o, x) for x in nlist if x is not n]
                        + [scorer.raw(x, n) for x in olist if x is not o] + [0.0])
            if score < settings.section_rival_ratio * rival:
                continue
        out.append(SectionPair(
            old=o.section.id, new=n.section.id, score=round(score, 4),
            relation=_relation(o, n, paired), similarity=round(kept_share(o.body, n.body), 4)))
    for p in out:
        if p.old is not None and p.new is not None:
            paired[p.old] = p.new
    return out


def _relation(o: _Node, n: _Node, paired: dict[str, str]) -> Literal["same", "renamed", "moved"]:
    so, sn = o.section, n.section
    if so.level > 1 and paired.get(so.parent or "") != sn.parent:
        return "moved"
    return "same" if o.title_key == n.title_key else "renamed"


def _splits_and_merges(onodes: dict[str, _Node], nnodes: dict[str, _Node], paired: dict[str, str],
                       weights: TermWeights, settings: Settings) -> list[SectionPair]:
    """Extra pairs for a section split in two (old A -> new B and new C) or two merged into one.

    An unpaired section C is a part of a paired section A of the other report when C's heading
    words are mostly in A's heading (``section_split_min_containment``), C's heading is closer
    to A's than to A's counterpart's, and C's body is similar to A's (``section_split_min_content``).
    """
    extra: list[SectionPair] = []
    back = {v: k for k, v in paired.items()}
    # split: an unpaired new part C of a paired old A; merged: an unpaired old part C of a paired new B
    directions: tuple[tuple[Literal["split", "merged"], dict[str, _Node], dict[str, _Node],
                            dict[str, str], dict[str, str]], ...] = (
        ("split", nnodes, onodes, back, paired),
        ("merged", onodes, nnodes, paired, back),
    )
    for relation, parts, wholes, part_partner, whole_partner in directions:
        for c in parts.values():
            if c.section.id in part_partner:
                continue
            best = _best_whole(c, wholes, parts, whole_partner, weights, settings)
            if best is None:
                continue
            whole, score = best
            old_node, new_node = (whole, c) if relation == "split" else (c, whole)
            extra.append(SectionPair(old=old_node.section.id, new=new_node.section.id, score=round(score, 4),
                                     relation=relation,
                                     similarity=round(kept_share(old_node.body, new_node.body), 4)))
    return extra


def _best_whole(part: _Node, wholes: dict[str, _Node], others: dict[str, _Node], paired: dict[str, str],
                weights: TermWeights, settings: Settings) -> tuple[_Node, float] | None:
    """The paired section (of the other report) that ``part`` is most plausibly a piece of."""
    best: tuple[_Node, float] | None = None
    for whole in wholes.values():
        counterpart_id = paired.get(whole.section.id)
        if counterpart_id is None or whole.section.level != part.section.level:
            continue
        counterpart = others[counterpart_id]
        if part.section.parent != counterpart.section.parent:
            continue  # the part must stand beside the whole's counterpart
        if containment(part.title_words, whole.title_words, weights) < settings.section_split_min_containment:
            continue
        t_whole = title_similarity(part.title, whole.title, weights)
        if t_whole <= title_similarity(part.title, counterpart.title, weights):
            continue
        if not part.body or not whole.body:
            continue
        c = weighted_cosine(part.vector, whole.vector)
        if c < settings.section_split_min_content:
            continue
        w = settings.section_title_weight
        score = w * t_whole + (1.0 - w) * c
        if best is None or score > best[1]:
            best = (whole, score)
    return best


def _in_reading_order(pairs: list[SectionPair], onodes: dict[str, _Node],
                      nnodes: dict[str, _Node]) -> tuple[SectionPair, ...]:
    """Pairs in the new report's order, each dropped old section right after the pair of the old
    section before it."""
    new_rank_of_old: dict[str, float] = {}
    for p in pairs:
        if p.old is not None and p.new is not None:
            rank = float(nnodes[p.new].index)
            new_rank_of_old[p.old] = min(rank, new_rank_of_old.get(p.old, rank))
    ordered_old = sorted(onodes.values(), key=lambda x: x.index)
    last = -1.0
    anchor: dict[str, float] = {}
    for x in ordered_old:
        if x.section.id in new_rank_of_old:
            last = new_rank_of_old[x.section.id]
        anchor[x.section.id] = last + 0.5

    def key(p: SectionPair) -> tuple[float, float]:
        old_rank = float(onodes[p.old].index) if p.old is not None else -1.0
        if p.new is not None:
            return (float(nnodes[p.new].index), old_rank)
        return (anchor[p.old] if p.old is not None else -1.0, old_rank)

    return tuple(sorted(pairs, key=key))
