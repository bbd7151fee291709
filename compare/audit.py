"""Old plans -> verdicts from the new report: was last year's plan delivered?

For each plan item of the old report:

- a numeric **target** (国内生产总值增长6.5%－7%, 城镇新增就业1000万人以上) is read into its
  label, direction, bound and figure, and compared with the figure the new report gives
  for the same label in its review part: met -> ``delivered``, not met -> ``missed``,
  no figure -> ``not_found``;
- a **task** (a heading and the body of its section in the old report) is looked for
  clause by clause in the new report's sentences: content words of the folded text
  (``compare.similarity``) weighted by rarity — in the two reports, and in the genre
  (``Background``: in how many regions' reports a word occurs, ``compare/data/
  audit_background.json``), so that 消费, 营商, 法治 count little and 雄安, 格桑花 much —
  the sentences of the new review section closest in subject (or paired by the aligner)
  first, plus the distinctive phrases of the old body (《titles》, “quoted slogans”) found
  with rapidfuzz. The weighted share of the body found, and how many of the points found
  rest on a word rare in the genre, make the status: another province's report, which
  shares only the genre's words, leaves a plan ``partial`` at best. The figures promised in
  the body are checked like targets, and a task titled after a main target's measure
  (投资, 消费, 工业, 进出口) takes in that target's outcome: missed -> at most ``partial``;
- a task is also judged by its **subject**: the paragraph of the new review (its （一）… subsection,
  its 一是… item, its 这五年… paragraph; never one on what fell short) closest to the task's body
  (tf-idf cosine of their words, weighted as above, the longer side cut to twice the shorter as the
  aligner does) is its counterpart. A clear counterpart makes the task ``delivered`` — the review
  reports work on its subject, as a careful reader would judge — with that paragraph's best
  sentences as evidence; a weaker one makes it at least ``partial``. A missed figure or main target
  still makes it ``partial`` (above). Generic subjects (安全, 民生) find a counterpart in another
  province's review too: the distinctive points keep only part of the difference;
- a compound target (失业率、居民消费价格…分别控制在5%和3%以内) is ``delivered`` only when
  each of its measures is shown met: met and not reported is ``partial``.

Figures come from the indicator stage (``compare.indicators``), on both sides.

Evidence is taken from the new report outside its own plan sections (what it promises
for next year is no proof of what was done), never from a salutation, a bare heading or
political preamble, and a sentence about the five years (从2020年…到2025年, 五年来) is quoted,
and its figure taken as the year's actual, only after the year's own. A plan repeated almost word for word as a
new plan is flagged ``carried_over``. Overrides recorded by a person are kept beside the
computed verdict, never instead of it.
"""

from __future__ import annotations

import bisect
import csv
import functools
import importlib.resources
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from rapidfuzz import fuzz

from . import indicators, nlp, similarity
from .errors import CompareError, OverridesError
from .model import AuditStatus, Indicator, IndicatorPair, Plan, Report, SectionPair, Span, Verdict
from .settings import Settings
from .textnorm import fold

Bound = Literal["floor", "ceiling", "approx", "range", "exact"]
Direction = Literal["up", "down"]

# ---------------------------------------------------------------- sentences

_SENT_END = "。！？；!?;"
_CONTINUES = set("，,、。；;：:%％）)”万亿千百元人个")
_OPENING_MARK = re.compile(r"[一二三四五六七八九十]+[、是]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|——")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, leading and trailing white space left out.

    Sentences end at 。！？；. A line break ends one only after end punctuation or a colon,
    or before a numbered heading: scraped reports break lines inside sentences
    (国内生产总值达到74.4\\n万亿元).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        cut = False
        if ch in _SENT_END:
            cut = True
            i += 1
        elif ch == "\n":
            j = i - 1
            while j >= start and text[j].isspace():
                j -= 1
            prev = text[j] if j >= start else ""
            k = i + 1
            while k < n and (text[k].isspace() or text[k] == "\u200b"):
                k += 1
            nxt = text[k] if k < n else ""
            if prev.isdigit() or nxt in _CONTINUES:
                cut = False
            elif prev in "：:" or prev == "" or _OPENING_MARK.match(text, k):
                cut = True
            elif _is_heading_line(text, start, i):
                cut = True
            i += 1
        else:
            i += 1
        if cut:
            _push(text, start, i, spans)
            start = i
    _push(text, start, n, spans)
    return spans


def _is_heading_line(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip().strip("\u200b")
    return 0 < len(line) <= 40 and not any(c in line for c in "，,")


def _push(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and (text[start].isspace() or text[start] == "\u200b"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "\u200b"):
        end -= 1
    if end > start:
        out.append((start, end))


# ---------------------------------------------------------------- quantities


@dataclass(frozen=True)
class Quantity:
    """A figure of the indicator stage, placed relative to the passage it is read in."""

    start: int
    """Start in the text it was read from."""
    end: int
    """End in that text."""
    value: float
    """The number (lower end of a range)."""
    high: float | None
    """Upper end of a range (6.5%－7% -> 7), else None."""
    unit: str
    """Unit with magnitude as written: %, 万人, 亿元."""
    base_unit: str
    """Unit without magnitude: 人, 元, %."""
    scale: float
    """Magnitude factor: 1e4 for 万人."""
    qualifier: str | None
    """以上, 左右, 以内, 超过 ... as written, or None."""


_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"


def _from_indicator(ind: Indicator, offset: int) -> Quantity:
    scale = ind.base_value / ind.value if ind.value else 1.0
    return Quantity(start=ind.start - offset, end=ind.end - offset, value=ind.value, high=ind.range_high,
                    unit=ind.unit, base_unit=ind.base_unit, scale=scale, qualifier=ind.qualifier)


def quantities_in(indicators: Sequence[Indicator], start: int, end: int) -> list[Quantity]:
    """The figures (from the indicator stage) inside ``[start, end)``, offsets relative to ``start``."""
    return [_from_indicator(i, start) for i in indicators if start <= i.start < end]


def report_indicators(report: Report, *, settings: Settings) -> tuple[Indicator, ...]:
    """The report's indicators; extracted here when the report came without them (raw text)."""
    if report.indicators:
        return report.indicators
    return indicators.extract_indicators(report.text, report.sections, settings=settings)


# ---------------------------------------------------------------- targets

_UNIT_BASE = {"斤": "吨", "千克": "吨", "公斤": "吨", "千米": "公里"}
_UNIT_FACTOR = {"斤": 0.0005, "千克": 0.001, "公斤": 0.001}

_UP = ("增长", "增加", "提高", "上涨", "涨幅", "增速", "提升", "增幅")
_DOWN = ("下降", "降低", "减少", "降幅", "压减", "下调")
_FLOOR = ("以上", "超过", "不低于", "不少于", "至少", "多", "余")
_CEILING = ("以内", "以下", "不超过", "不高于", "低于")
_APPROX = ("左右", "上下", "约", "近")
_LOWER_IS_BETTER = re.compile(r"价格|物价|CPI|失业率|赤字率|负债率|杠杆率|死亡|事故|发生率|浓度|不良")
_LABEL_NOISE = re.compile(
    r"^(?:力争|争取|确保|努力|实现|推动|拟安排|拟|今年|全年|年末|年底|全省|全市|全区|全国|全县|全州|全盟|我省|我市|我区|"
    r"全社会|其中|主要预期目标[是为]?|预期目标[是为]?|发展的|经济社会|[,，、：:；;])+")
_LABEL_TAIL = re.compile(r"(?:控制在|保持在|稳定在|突破|超过|接近|达到|达|为|超|逾|约|近|实现|力争|"
                         r"争取|确保|分别|继续|保持|稳定|完成|实际|同比|比上年|较上年|累计|预期|计划|到|至|"
                         + "|".join(_UP + _DOWN) + r")+$")
_SKIP_CONTEXT = re.compile(r"年均|累计|五年|十三五|十四五|十五五|十二五|以来|期间|历史|首次")
_ASPIRATION = re.compile(r"(?:力争|争取|努力)(?:达到|实现)?$")
_CLAUSE_SEP = re.compile(r"[,，；;。：:]")


@dataclass(frozen=True)
class Target:
    """One numeric goal read from a target plan."""

    label: str
    """What is measured, cleaned: 国内生产总值, 城镇新增就业."""
    direction: Direction | None
    """up for 增长/提高, down for 下降/降低, None for a level."""
    low: float
    """Lower end in base units (value x magnitude)."""
    high: float
    """Upper end in base units (= low unless a range)."""
    base_unit: str
    """Unit without magnitude."""
    bound: Bound
    """How the figure binds: a floor (以上), a ceiling (以内), about (左右), a range, or exact."""
    lower_is_better: bool
    """The measure is one to keep down (prices, unemployment, deficits)."""
    written: str
    """The target as written in the plan (增长6.5%－7%)."""
    aspiration: bool = False
    """Preceded by 力争/争取: kept only when no firmer figure of the same label exists."""
    list_index: int | None = None
    """Position in a 分别 list (城乡居民收入分别增长5%和7%: 0 and 1), None outside one."""


@dataclass(frozen=True)
class Actual:
    """The figure found in the new report for a target."""

    value: float
    """In base units, signed in the target's direction (a fall of 0.3% against a rise target is -0.3)."""
    written: str
    """As written (居民消费价格上涨2%)."""
    span: Span
    """Where the figure's clause is in the new text."""
    score: float
    """Label similarity 0..1."""


def _direction(context: str) -> Direction | None:
    """The direction word closest before a number."""
    best: tuple[int, Direction] | None = None
    for words, d in ((_UP, "up"), (_DOWN, "down")):
        for w in words:
            k = context.rfind(w)
            if k >= 0 and (best is None or k + len(w) > best[0]):
                best = (k + len(w), d)  # type: ignore[assignment]
    if best is None or len(context) - best[0] > 6 or re.match(r"到|至", context[best[0]:]):
        return None
    return best[1]


def _clean_label(context: str) -> str:
    context = re.sub(r"\([^()]*\)", "", context)  # 居民消费价格指数(CPI): the gloss goes
    head = re.split(r"[从由](?=[^,，]{0,6}\d)|[比较](?:上年|去年|上年同期)|同比", context.strip())[0]
    label = _LABEL_NOISE.sub("", head)
    prev = None
    while prev != label:
        prev = label
        label = _LABEL_TAIL.sub("", label).strip()
        label = re.sub(r"(?:" + "|".join(_CEILING + _FLOOR[:4] + _APPROX[2:]) + r")$", "", label)
    return canonical_label(label)


_SYNONYMS = (
    (re.compile(r"国内生产总值|地区生产总值|GDP|国民生产总值"), "生产总值"),
    (re.compile(r"^(?:经济|经济增速|经济增长)$"), "生产总值"),
    (re.compile(r"居民消费价格(?:指数|总水平)|CPI|^物价(?:总水平)?$"), "居民消费价格"),
    (re.compile(r"规模以上工业"), "规上工业"),
    (re.compile(r"能耗强度"), "单位生产总值能耗"),
    (re.compile(r"外贸进出口"), "进出口"),
)


def canonical_label(label: str) -> str:
    """A label with the genre's interchangeable names made one (地区生产总值, GDP -> 生产总值)."""
    for pattern, repl in _SYNONYMS:
        label = pattern.sub(repl, label)
    return label


def _clause_begin(text: str, pos: int) -> int:
    seps = [m.end() for m in _CLAUSE_SEP.finditer(text, 0, pos)]
    return seps[-1] if seps else 0


def _list_index(text: str, pos: int) -> int | None:
    """Position of the number at ``pos`` in a 分别 list of its clause, or None."""
    seg = text[_clause_begin(text, pos):pos]
    k = seg.rfind("分别")
    if k < 0:
        return None
    return len(re.findall(_NUM, seg[k:]))


_URBAN_RURAL = re.compile(r"^(?:城乡|城镇和农村|城镇、农村|城镇与农村)")


def _list_part(label: str, index: int | None) -> tuple[str, int | None]:
    """The label of the ``index``-th figure of a 分别 list, and the index left to match by position
    (None once the label says it): 城镇、农村居民收入分别… -> 城镇居民收入 / 农村居民收入;
    A、B分别… -> A / B; 三次产业增加值分别… stays one label, matched by position."""
    if index is None:
        return label, None
    m = _URBAN_RURAL.match(label)
    if m and index in (0, 1):
        return ("城镇" if index == 0 else "农村") + label[m.end():], None
    parts = [canonical_label(x) for x in re.split(r"[、和]", label) if x]
    if len(parts) >= 2:
        return parts[min(index, len(parts) - 1)], None
    return label, index


def _clause_context(text: str, pos: int) -> str:
    """The words before position ``pos`` in its clause; when they hold no label (增长6.7% after
    国内生产总值达到74.4万亿元，), the label of the clause before."""
    seps = [m.end() for m in _CLAUSE_SEP.finditer(text, 0, pos)]
    begin = seps[-1] if seps else 0
    ctx = text[begin:pos]
    items = list(re.finditer(rf"{_NUM}[^、和及与\d]{{0,6}}[、和及与]", ctx))
    if items:  # a list: 4.3%、5.5% (drop the earlier number) or 47万人左右、城镇调查失业率 (a new label)
        last = items[-1]
        tail = ctx[last.end():]
        ctx = tail if len(_clean_label(tail)) >= 2 else re.sub(
            rf"{_NUM}[^、和及与\d]{{0,6}}[、和及与]", "", ctx)
    if len(_clean_label(ctx)) < 2 and len(seps) >= 1:
        prev_begin = seps[-2] if len(seps) >= 2 else 0
        prev = text[prev_begin:begin - 1]
        m = re.search(r"\d", prev)
        head = prev[:m.start()] if m else prev
        ctx = head + ctx
    return ctx


def parse_targets(text: str, quantities: Sequence[Quantity]) -> list[Target]:
    """The numeric goals of a target plan's text, one per figure (``quantities``, offsets into
    ``text``), aspirations dropped when a firmer figure of the same label exists."""
    folded = fold(text)
    qs = list(quantities)
    found: list[Target] = []
    for q in qs:
        ctx = _clause_context(folded, q.start)
        label = _clean_label(ctx)
        if len(label) < 2 and found:
            label = found[-1].label
        if len(label) < 2:
            continue
        label, list_index = _list_part(label, _list_index(folded, q.start))
        direction = _direction(ctx)
        pre = folded[max(0, q.start - 4):q.start]
        lib = bool(_LOWER_IS_BETTER.search(label))
        qual = q.qualifier or ""
        if q.high is not None:
            bound: Bound = "range"
        elif qual in _FLOOR:
            bound = "floor"
        elif qual in _CEILING or any(c in pre for c in _CEILING) or "控制在" in ctx[-8:]:
            bound = "ceiling"
        elif qual in _APPROX:
            bound = "approx"
        else:
            bound = "exact"
        if direction == "down" and lib:
            lib = False  # 能耗下降3.4%: more of a fall is better
        if lib and bound in ("approx", "exact"):
            bound = "ceiling" if bound == "approx" or direction is not None or "率" in label else bound
        factor = q.scale * _UNIT_FACTOR.get(q.base_unit, 1.0)
        low, high = sorted((q.value * factor, (q.high if q.high is not None else q.value) * factor))
        written = _tidy(text[_clause_begin(folded, q.start):q.end])
        found.append(Target(label=label, direction=direction, low=low, high=high,
                            base_unit=_UNIT_BASE.get(q.base_unit, q.base_unit),
                            bound=bound, lower_is_better=lib, written=written,
                            aspiration=bool(_ASPIRATION.search(ctx)), list_index=list_index))
    firm = {t.label for t in found if not t.aspiration}
    return [t for t in found if not t.aspiration or t.label not in firm]


def target_met(target: Target, actual: float, *, settings: Settings) -> bool:
    """Whether ``actual`` (base units, signed in the target's direction) meets ``target``."""
    tol = settings.target_approx_tolerance
    if target.lower_is_better:
        limit = target.high
        if target.bound in ("approx", "exact"):
            limit = target.high * (1 + tol)
        return actual <= limit + 1e-9
    if target.bound in ("floor", "range"):
        return actual >= target.low - 1e-9
    if target.bound == "ceiling":
        return actual <= target.high + 1e-9
    return actual >= target.low * (1 - tol) - 1e-9


# ---------------------------------------------------------------- the new report, indexed


@dataclass(frozen=True)
class _Sent:
    start: int
    end: int
    words: frozenset[str]
    in_plans: bool
    boilerplate: bool = False
    """A salutation, a bare heading or preamble: matched, never quoted as evidence."""
    span_years: bool = False
    """Speaks of a five-year span (从2020年…到2025年, 五年来): quoted only when nothing of the year is."""
    figures: bool = False
    """Holds a figure (a digit): preferred as evidence for a clause that promised one."""


_STOP = frozenset("""
我们 推进 加快 加强 推动 实施 深化 持续 进一步 全面 积极 大力 坚持 着力 不断 扎实 切实 强化 健全 完善 提升
提高 工作 发展 建设 开展 促进 支持 做好 抓好 有序 稳步 深入 巩固 落实 打造 构建 优化 创新 新 更 各类 重点
一批 体系 机制 能力 水平 领域 方面 等 和 与 及 的 了 在 是 为 对 把 以 将 要 更加 有效 有力 高 好 大 多 全
各位 今年 去年 全年 全省 全市 全区 全国 各级 一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 继续 努力 力争
""".split())


def _keep_word(w: str) -> bool:
    """A word that can show a plan was acted on: a content word (``similarity.is_content_word``)
    of two characters or more that is not one of the genre's all-purpose verbs (推进, 加强 ...)."""
    return len(w) >= 2 and w not in _STOP and similarity.is_content_word(w)


def content_words(folded: str) -> set[str]:
    """The words the audit matches on (``_keep_word``) in a folded text."""
    return _words(folded)


@dataclass(frozen=True)
class Background:
    """In how many regions' reports each word occurs (``compare/data/audit_background.json``,
    built by ``scripts/build_audit_background.py`` from the bundled reports)."""

    regions: int
    """Number of regions counted (all years and genres of a region are one document)."""
    df: Mapping[str, int]
    """Word -> regions whose reports use it; words used by one region only are left out."""

    def weight(self, word: str) -> float:
        """How telling a word is in the genre, 0..1: ln((R + 1) / (df + 1)) / ln(R + 1); a word
        every region uses (消费, 营商环境) weighs almost nothing, one no other region uses 1."""
        return math.log((self.regions + 1) / (self.df.get(word, 0) + 1)) / math.log(self.regions + 1)


class BackgroundDataError(CompareError):
    """The audit's word statistics are missing or unreadable."""


@functools.cache
def background() -> Background:
    """The genre's word statistics, read once per process."""
    try:
        raw = importlib.resources.files("compare").joinpath("data", "audit_background.json").read_text(
            encoding="utf-8")
        data = json.loads(raw)
        return Background(regions=int(data["regions"]), df={str(k): int(v) for k, v in data["df"].items()})
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackgroundDataError(f"compare/data/audit_background.json cannot be read ({exc}) / the audit "
                                  "weighs words by it / rebuild it with scripts/build_audit_background.py"
                                  ) from exc


_SALUTATION = re.compile(r"^(?:各位代表|各位委员|同志们|各位)[^，,。]{0,8}[：:，,]?$")
_PREAMBLE = re.compile(r"总书记[^。]{0,40}(?:视察|亲临|重要讲话|重要指示|重要论述|亲切关怀|关心关怀|回信)")
_FIVE_YEARS = re.compile(r"[从由]20\d\d年[^。；]{0,40}(?:到|至|增加到|增长到|提高到|提升到|下降到)20\d\d年|"
                         r"[五5]年来|这五年|过去五年|五年间|(?:十三五|十四五|十五五)”?(?:时期|期间|以来)|年均(?:增长|提高|下降)")


_FIVE_YEARS_LEAD = re.compile(r"\s*(?:[五5]年来|这五年|过去五年|五年间|回顾过去)")
"""A paragraph opening like this speaks of the five years in all its sentences."""


def _boilerplate(text: str, headings: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """A sentence that proves nothing: a salutation (各位代表：), a bare heading (二是全力以赴扩内需
    稳增长。), or political preamble (习近平总书记…视察)."""
    bare = text.strip().rstrip("。：:；;")
    if _SALUTATION.match(bare):
        return True
    if _PREAMBLE.search(text) and not re.search(r"\d", text):
        return True
    if len(bare) <= 30 and not re.search(r"[，,；;]", bare):
        if any(hs <= start < he or start <= hs < end for hs, he in headings):
            return True
        mark = _OPENING_MARK.match(bare)
        if mark and not re.search(r"\d", bare[mark.end():]):
            return True  # 二是全力以赴扩内需稳增长; not 1.新增营造林148万亩 (a numbered item with its figure)
    return False


_SHORTFALL = re.compile(r"(?:清醒|看到|认识到|面临|存在|还有)[^。]{0,30}(?:困难|挑战|问题|不足|短板|差距)")
"""The lead of a paragraph on what fell short (同时，我省经济社会发展还面临一些困难和挑战): no
subject of it counts as reported done."""


class _NewIndex:
    """The new report's sentences, their words, the rarity of each word, and the plan zones."""

    def __init__(self, new: Report, old: Report, *, settings: Settings) -> None:
        self.report = new
        self.indicators = report_indicators(new, settings=settings)
        self.text = new.text
        self.folded = fold(new.text)
        zones = _plan_zones(new)
        headings = [(x.heading_start, x.heading_end) for x in new.sections]
        self.sents: list[_Sent] = []
        token_spans = nlp.segment_spans(self.folded)
        tok_starts = [s for s, _ in token_spans]
        for s, e in sentence_spans(self.text):
            i = bisect.bisect_left(tok_starts, s)
            ws: set[str] = set()
            while i < len(token_spans) and token_spans[i][0] < e:
                w = self.folded[token_spans[i][0]:token_spans[i][1]].strip()
                if _keep_word(w):
                    ws.add(w)
                i += 1
            in_plans = any(zs <= s < ze for zs, ze in zones)
            stext = self.folded[s:e]
            para = self.folded[self.folded.rfind("\n", 0, s) + 1:s + 12]
            self.sents.append(_Sent(s, e, frozenset(ws), in_plans, _boilerplate(stext, headings, s, e),
                                    bool(_FIVE_YEARS.search(stext) or _FIVE_YEARS_LEAD.match(para)),
                                    bool(re.search(r"\d", stext))))
        self.starts = [x.start for x in self.sents]
        old_folded = fold(old.text)
        old_sents = [sorted(_words(old_folded[s:e])) for s, e in sentence_spans(old.text)]
        self.weights = similarity.TermWeights.learn([sorted(x.words) for x in self.sents] + old_sents,
                                                    min_weight=0.1)
        self.background = background()
        self.floor = settings.background_weight_floor

    def weight(self, w: str) -> float:
        """How telling a word is: its idf over the sentences of both reports, times its rarity in
        the genre (``Background.weight``, at least ``background_weight_floor``)."""
        return self.weights.weight(w) * max(self.floor, self.background.weight(w))

    def review(self) -> list[_Sent]:
        out = [s for s in self.sents if not s.in_plans]
        return out or self.sents

    @functools.cached_property
    def units(self) -> list[tuple[tuple[int, ...], dict[str, float]]]:
        """The review's paragraphs (its 一是… items, its （一）… subsections, its 这五年… paragraphs)
        as (indexes into ``review()``, weighted word vector): the subjects the report reviews.
        Salutations, bare headings and the text above the first heading (source line, title) are
        left out."""
        pool = self.review()
        first = min((x.heading_start for x in self.report.sections), default=0)
        groups: dict[int, list[int]] = {}
        for k, s in enumerate(pool):
            if s.boilerplate or s.start < first:
                continue
            groups.setdefault(self.text.rfind("\n", 0, s.start) + 1, []).append(k)
        return [(tuple(ks), self.weights_vector(ks)) for ks in groups.values()
                if not _SHORTFALL.search(self.folded[pool[ks[0]].start:pool[ks[0]].end])]

    def weights_vector(self, ks: Iterable[int]) -> dict[str, float]:
        """The weighted word vector ((1 + ln tf) x ``weight``) of sentences of ``review()``."""
        pool = self.review()
        bag = Counter(w for k in ks for w in pool[k].words)
        return {w: (1.0 + math.log(c)) * self.weight(w) for w, c in bag.items()}


def _words(folded: str) -> set[str]:
    return {w for w in nlp.words(folded) if _keep_word(w)}


_PLAN_HEADING = re.compile(
    r"^[ \t\u3000]*[一二三四五六七八九十]+、(?![^\n]{0,40}(?:回顾|成就|成效|进展))[^\n]{0,30}"
    r"(?:工作安排|重点工作|目标任务|总体要求|总体部署|工作部署|主要任务|工作打算|工作思路|工作计划|预期目标|下一步|下步|工作建议|努力方向|"
    r"主要安排|主要工作|工作任务)", re.M)
_TARGET_LEAD = re.compile(r"(?:预期|主要)目标[是为]?[：:]")
_LEVEL1 = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]+、", re.M)


def _plan_zones(report: Report) -> list[tuple[int, int]]:
    """Spans of the report that announce plans for the coming period (not evidence of delivery)."""
    zones: list[tuple[int, int]] = []
    if any(s.role == "plans" for s in report.sections):
        zones += [(s.start, s.end) for s in report.sections if s.level == 1 and s.role == "plans"]
    else:
        for m in _PLAN_HEADING.finditer(report.text):
            nxt = [h.start() for h in _LEVEL1.finditer(report.text, m.end())
                   if not _PLAN_HEADING.match(report.text, h.start())]
            zones.append((m.start(), nxt[0] if nxt else len(report.text)))
    for p in report.plans:
        zones.append((p.start, p.end))
    for m in _TARGET_LEAD.finditer(report.text):
        line_start = report.text.rfind("\n", 0, m.start()) + 1
        line_end = report.text.find("\n", m.end())
        zones.append((line_start, len(report.text) if line_end < 0 else line_end))
    return zones


# ---------------------------------------------------------------- numeric targets


def _sentence_quantities(index: _NewIndex, sent: _Sent) -> list[Quantity]:
    """The figures of a sentence of the new report that state what happened (its own goals left out)."""
    goal_words = _GOAL_WORDS.search(index.folded, sent.start, sent.end) is not None
    return [_from_indicator(i, sent.start) for i in index.indicators
            if sent.start <= i.start < sent.end
            and not (i.kind == "target" and (goal_words or i.qualifier in _GOAL_QUALIFIERS))]


_GOAL_WORDS = re.compile(r"目标|力争|争取|预期|确保|要求")
_GOAL_QUALIFIERS = ("左右", "以上", "以内", "以下")
"""A figure the indicator stage calls a target is taken for a goal (not an outcome) when it is
written like one: about / at least / within, or in a sentence that speaks of goals."""


def find_actual(target: Target, index: _NewIndex, *, settings: Settings) -> Actual | None:
    """The new report's figure for ``target``: the best label match among the review's figures
    in the same unit, the earliest of equals (the year's headline figure comes first)."""
    best: tuple[float, int, Actual] | None = None
    for sent in index.review():
        stext = index.folded[sent.start:sent.end]
        if sum(ch in stext for ch in set(target.label)) < min(2, len(set(target.label))):
            continue
        for q in _sentence_quantities(index, sent):
            if _UNIT_BASE.get(q.base_unit, q.base_unit) != target.base_unit:
                continue
            ctx = _clause_context(stext, q.start)
            if _SKIP_CONTEXT.search(ctx) or re.search(r"[从由][^,，]{0,6}$", ctx):
                continue
            label, idx = _list_part(_clean_label(ctx), _list_index(stext, q.start))
            if len(label) < 2:
                continue
            sim = _label_similarity(target.label, label)
            direction = _direction(ctx)
            if target.direction is not None and direction is None:
                # a level where a change is asked (生产总值5.3万亿元 for 增长5.5%)
                if target.base_unit != "%" or "率" not in label:
                    sim -= 0.3
            elif target.direction is None and direction is not None and "率" not in target.label:
                sim -= 0.3
            if target.list_index is not None and idx is None:
                sim -= 0.2
            elif target.list_index is not None and idx != target.list_index:
                continue
            value = q.value * q.scale * _UNIT_FACTOR.get(q.base_unit, 1.0)
            if target.base_unit != "%" and target.low > 0 and not 0.4 <= value / target.low <= 2.5:
                sim -= 0.3  # a five-year total (城镇新增就业6600万人) against a year's target
            if sent.span_years:
                sim -= settings.span_years_actual_penalty  # the year's own figure first
            if sim < settings.target_label_min_similarity:
                continue
            if target.direction is not None and direction is not None and direction != target.direction:
                value = -value
            clause_start = sent.start + _clause_begin(stext, q.start)
            actual = Actual(value=value, written=_tidy(index.text[clause_start:sent.start + q.end]),
                            span=Span(clause_start, sent.start + q.end), score=sim)
            if best is None or sim > best[0] + 1e-9:
                best = (sim, sent.start, actual)
    return best[2] if best else None


def _tidy(written: str) -> str:
    """A quote for a reason: white space and zero-width spaces (scraped line breaks) removed."""
    return re.sub(r"[\s\u200b]+", "", written).strip("，,；;、：:")


_CORE_EDGES = re.compile(r"^(?:新增|新认定|新引进|新培育|新建|新开工|培育|引进|认定|实施|建设|打造|完成|开工|"
                         r"国家级|国家|省级|全省|全市|全区)+|(?:企业|项目|总数|数量|总量|规模)+$|[“”\"]")


_GROUPS = ("城镇居民", "农村居民", "全体居民", "城乡居民", "城镇常住居民", "农村常住居民")


def _label_similarity(a: str, b: str) -> float:
    """How alike two labels are, 0..1: character ratio, with containment of the whole target
    label counting when the extra words are few; the same after dropping the words that only
    say how the count came about (新增, 新认定, 国家, …企业)."""
    if a == b:
        return 1.0
    if {g for g in _GROUPS if g in a} != {g for g in _GROUPS if g in b}:
        return 0.5  # 城镇居民 against 全体居民 (or none said): other people, another figure
    r = _raw_similarity(a, b)
    ca, cb = _CORE_EDGES.sub("", a), _CORE_EDGES.sub("", b)
    if len(ca) >= 3 and len(cb) >= 3 and (ca, cb) != (a, b):
        r = max(r, _raw_similarity(ca, cb) - 0.05)
    return r


def _raw_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    r = fuzz.ratio(a, b) / 100
    if a in b:
        r = max(r, 1 - 0.08 * (len(b) - len(a)))
    elif b in a and len(b) >= 3:
        r = max(r, 1 - 0.1 * (len(a) - len(b)))
    return r


_MISS_PHRASE = re.compile(r"未能实现|未实现|没有实现|未能完成|未完成|没有完成|未达到|未达预期|低于预期|"
                          r"不及预期")
_MET_PHRASE = re.compile(r"实现预期目标|完成预期目标|达到预期目标|超额完成|好于预期|高于预期")


def find_statement(target: Target, index: _NewIndex) -> tuple[bool, Span, str] | None:
    """A sentence of the new report's review that says in words whether the target was met
    (进出口总额出现下降，预期增长目标未能实现): (met, span, quote), or None."""
    for sent in index.review():
        stext = canonical_label(index.folded[sent.start:sent.end])
        if len(target.label) < 2 or target.label not in stext:
            continue
        miss = _MISS_PHRASE.search(stext)
        met = _MET_PHRASE.search(stext)
        if miss or met:
            quote = _tidy(index.text[sent.start:sent.end])
            return (miss is None, Span(sent.start, sent.end), quote)
    return None


@dataclass(frozen=True)
class _Outcome:
    """One measure of a target plan as judged: what a task about the same subject takes in."""

    target: Target
    """The measure."""
    actual: Actual
    """The figure (or statement) of the new report."""
    met: bool
    """Whether it met the target."""


def _audit_target(plan: Plan, old: Report, old_indicators: Sequence[Indicator], index: _NewIndex, *,
                  settings: Settings, outcomes: list[_Outcome] | None = None) -> Verdict | None:
    """The verdict of a target plan, every measure of it judged (met, not met, not reported); each
    judged measure is added to ``outcomes``."""
    text = old.text[plan.start:plan.end]
    targets = parse_targets(text, quantities_in(old_indicators, plan.start, plan.end))
    if not targets:
        return None
    met: list[tuple[Target, Actual]] = []
    missed: list[tuple[Target, Actual]] = []
    silent: list[Target] = []
    evidence: list[Span] = []
    actuals: list[str] = []
    for t in targets:
        a = find_actual(t, index, settings=settings)
        if a is None:
            said = find_statement(t, index)
            if said is None:
                silent.append(t)
                continue
            a = Actual(value=math.nan, written=said[2], span=said[1], score=0.6)
            evidence.append(a.span)
            actuals.append(a.written)
            (met if said[0] else missed).append((t, a))
            continue
        evidence.append(a.span)
        actuals.append(a.written)
        ok = target_met(t, a.value, settings=settings)
        (met if ok else missed).append((t, a))
    written = "；".join(t.written for t in targets)
    if not met and not missed:
        return Verdict(plan=plan.id, status="not_found", score=0.0, evidence=(), target=written,
                       reason=f"target {written}: the new report gives no figure for "
                              f"{'、'.join(t.label for t in targets)}")
    if outcomes is not None:
        outcomes += [_Outcome(t, a, True) for t, a in met] + [_Outcome(t, a, False) for t, a in missed]
    status: AuditStatus
    if missed and not met:
        status = "missed"
    elif missed or silent:
        status = "partial"  # a compound target is delivered only when every measure of it is shown met
    else:
        status = "delivered"
    parts = [f"{t.written} -> {a.written} ({'met' if (t, a) in met else 'not met'})" for t, a in met + missed]
    parts += [f"{t.written} -> no figure" for t in silent]
    score = sum(a.score for _, a in met + missed) / len(targets)
    return Verdict(plan=plan.id, status=status, score=round(min(score, 1.0), 3), evidence=tuple(evidence),
                   reason="; ".join(parts), target=written, actual="；".join(actuals))


# ---------------------------------------------------------------- tasks


_PHRASE = re.compile(r"《([^《》]{2,40})》|“([^“”]{2,20})”([\u4e00-\u9fff]{0,2})")
_QUOTES = str.maketrans("", "", "“”\"")


def distinctive_phrases(text: str) -> set[str]:
    """The named things of a plan's text: 《document titles》 and “quoted slogans”; a short quote
    keeps the two characters after it (“八五”普法 -> 八五普法), quote marks dropped."""
    out = set()
    for m in _PHRASE.finditer(fold(text)):
        if m.group(1):
            out.add(m.group(1))
        elif m.group(2):
            phrase = m.group(2) if len(m.group(2)) >= 3 else m.group(2) + (m.group(3) or "")
            out.add(phrase.translate(_QUOTES))
    return {p for p in out if len(p) >= 3}


@dataclass(frozen=True)
class _Clause:
    text: str
    words: frozenset[str]
    phrase: bool = False
    """A 《title》 or “quoted” phrase, found by fuzzy match of its text, weighed by its words."""


def _task_clauses(plan: Plan, old: Report) -> list[_Clause]:
    body = old.text[plan.start:plan.end] if plan.end > plan.start else plan.text
    folded = fold(body)
    out = []
    for s, e in sentence_spans(body):
        for part in re.split(r"[,，]", folded[s:e]):
            ws = _words(part)
            if len(ws) >= 2:
                out.append(_Clause(part, frozenset(ws)))
    return out


def _audit_task(plan: Plan, old: Report, index: _NewIndex, preferred: set[int], *,
                settings: Settings) -> tuple[Verdict, int]:
    """The verdict of a task from its points (clauses, quoted phrases) found in the new report's review,
    and the number of distinctive points found (a matched word rare in the genre)."""
    clauses = _task_clauses(plan, old)
    clauses += [_Clause(p, frozenset(_words(p)) or frozenset({p}), phrase=True)
                for p in distinctive_phrases(old.text[plan.start:plan.end] or plan.text)]
    pool = index.review()
    sent_score: dict[int, float] = {}
    sent_why: dict[int, str] = {}
    title = fold(plan.text)
    title_found = False
    found = 0
    distinct = 0
    points = 0
    weight_all = 0.0
    weight_found = 0.0
    for c in clauses:
        total = sum(index.weight(w) for w in c.words)
        if total <= 0:
            continue
        wants_figure = bool(re.search(r"\d", c.text))
        points += 1
        weight_all += total
        best_s, best_k, quote_s, quote_k = 0.0, -1, 0.0, -1
        for k, s in enumerate(pool):
            if c.phrase:
                plain = index.folded[s.start:s.end].translate(_QUOTES)
                cov = 1.0 if fuzz.partial_ratio(c.text, plain) >= settings.phrase_min_ratio else 0.0
            else:
                common = c.words & s.words
                if len(common) < 2:
                    continue
                cov = sum(index.weight(w) for w in common) / total
            if k in preferred:
                cov *= 1 + settings.aligned_section_bonus
            if cov > best_s:
                best_k, best_s = k, cov
            rank = cov * (settings.span_years_evidence_factor if s.span_years else 1.0)
            if wants_figure and s.figures:
                rank *= 1 + settings.figure_evidence_bonus
            if not s.boilerplate and rank > quote_s:
                quote_k, quote_s = k, rank
        if best_k < 0 or best_s < settings.evidence_min_score:
            continue
        found += 1
        weight_found += total * min(best_s, 1.0)
        bare = _OPENING_MARK.sub("", c.text.strip(" 。；;：:\u3000"), count=1)
        if quote_k >= 0 and not c.phrase and len(bare) >= 4 and bare in title:
            title_found = True
        common_best = c.words if c.phrase else c.words & pool[best_k].words
        if max(index.background.weight(w) for w in common_best) >= settings.distinctive_word_min_weight:
            distinct += 1
        if quote_k >= 0 and quote_s >= settings.evidence_min_score * settings.span_years_evidence_factor:
            if quote_s > sent_score.get(quote_k, 0.0):
                sent_score[quote_k] = quote_s
                sent_why[quote_k] = c.text if c.phrase else "、".join(
                    sorted(c.words & pool[quote_k].words, key=index.weight, reverse=True)[:3])
    support = weight_found / weight_all if weight_all > 0 else 0.0
    ranked = sorted(sent_score, key=lambda k: -sent_score[k])[:settings.evidence_max_spans]
    ranked.sort()
    evidence = tuple(Span(pool[k].start, pool[k].end) for k in ranked)
    status: AuditStatus
    if ((support >= settings.task_delivered_min_support and distinct >= 1)
            or (support >= settings.task_partial_min_support and distinct >= 2)
            or distinct >= settings.task_delivered_min_distinct
            or support >= settings.task_broad_support):
        status = "delivered"
    elif (support >= settings.task_partial_min_support or title_found
          or found >= settings.task_partial_min_points) and evidence:
        status = "partial"  # some of it, or its subject as titled, or several of its points are reported
    else:
        status = "not_found"
    why = "；".join(dict.fromkeys(sent_why[k] for k in ranked))
    reason = (f"{found} of {points} points of the plan found in the new report, {distinct} distinctive "
              f"({support:.0%} of their weight)" + (f": {why}" if why else ""))
    if status == "not_found":
        evidence = ()  # a stray match of common words is no evidence; the reason still names it
    return Verdict(plan=plan.id, status=status, score=round(min(support, 1.0), 3), evidence=evidence,
                   reason=reason), distinct


def _sub_targets(plan: Plan, old: Report, old_indicators: Sequence[Indicator], index: _NewIndex, *,
                 settings: Settings) -> tuple[list[tuple[Target, Actual]], list[tuple[Target, Actual]]]:
    """Figures promised in a task's body (…增长5%以上) checked against the new report: (met, missed)."""
    body = old.text[plan.start:plan.end]
    met: list[tuple[Target, Actual]] = []
    missed: list[tuple[Target, Actual]] = []
    for s, e in sentence_spans(body):
        sent = body[s:e]
        qs = quantities_in(old_indicators, plan.start + s, plan.start + e)
        if not qs:
            continue
        for t in parse_targets(sent, qs):
            a = find_actual(t, index, settings=settings)
            if a is None or a.score < settings.sub_target_min_similarity:
                continue
            (met if target_met(t, a.value, settings=settings) else missed).append((t, a))
    return met, missed


# ---------------------------------------------------------------- carried over


def _carried_over(plan: Plan, old: Report, new: Report, index: _NewIndex, *, settings: Settings) -> bool:
    mine = fold(plan.text).strip()
    if len(mine) < 4:
        return False
    cands: Iterable[str]
    if new.plans:
        cands = (fold(p.text) for p in new.plans)
    else:
        cands = (index.folded[s.start:s.end] for s in index.sents if s.in_plans)
    cut = settings.carried_over_min_ratio * 100
    figures = re.findall(_NUM, mine)
    for c in cands:
        c = c.strip()
        if not c or (figures and not all(f in c for f in figures)):
            continue
        if fuzz.ratio(mine, c) >= cut:
            return True
        if len(c) > len(mine) and fuzz.partial_ratio(mine, c) >= cut and len(mine) >= 8 and new.plans == ():
            return True
        head, other = _first_clause(mine), _first_clause(c)
        if len(head) >= 8 and len(head) >= 0.6 * len(other) and fuzz.partial_ratio(head, other) >= 95:
            return True  # the same commitment under a new lead word (聚焦担负起新时代的文化使命)
    return False


def _first_clause(text: str) -> str:
    return re.split(r"[,，;；。]", text, maxsplit=1)[0].strip()


# ---------------------------------------------------------------- the stage


def _preferred(plan: Plan, old: Report, index: _NewIndex, section_pairs: Sequence[SectionPair]) -> set[int]:
    """Indexes (into the review pool) of the new sentences inside sections paired with the plan's section."""
    if plan.section is None:
        return set()
    chain = {plan.section}
    sec = old.section(plan.section)
    while sec is not None and sec.parent is not None:
        chain.add(sec.parent)
        sec = old.section(sec.parent)
    new_ids = {p.new for p in section_pairs if p.old in chain and p.new is not None}
    spans = [(s.start, s.end) for s in index.report.sections if s.id in new_ids]
    pool = index.review()
    return {k for k, x in enumerate(pool) if any(a <= x.start < b for a, b in spans)}


def _topical(plan: Plan, old: Report, index: _NewIndex, *, settings: Settings) -> set[int]:
    """Indexes (into the review pool) of the sentences of the new review section closest in subject
    to the plan's body (tf-idf cosine of their words): where a reader would look first."""
    pool = index.review()
    leaves = [s for s in index.report.sections
              if s.level >= 2 and not any(c.parent == s.id for c in index.report.sections)]
    if not leaves:
        return set()
    body = Counter(w for c in _task_clauses(plan, old) for w in c.words)
    want = index.weights.vector(body.elements())
    best: tuple[float, int, int] | None = None
    for sec in leaves:
        bag = [w for x in pool if sec.start <= x.start < sec.end for w in x.words]
        if not bag:
            continue
        score = similarity.weighted_cosine(want, index.weights.vector(bag))
        if best is None or score > best[0]:
            best = (score, sec.start, sec.end)
    if best is None or best[0] < settings.topical_section_min_similarity:
        return set()
    return {k for k, x in enumerate(pool) if best[1] <= x.start < best[2]}


@dataclass(frozen=True)
class _Counterpart:
    """The paragraph of the new review that treats a plan's subject."""

    score: float
    """tf-idf cosine (words weighted by their rarity in the genre too) of the plan's body and the paragraph."""
    evidence: tuple[Span, ...]
    """The paragraph's sentences that share most with the plan, best first."""
    lead: str
    """The paragraph's first words, for the reason."""


def _counterpart(plan: Plan, old: Report, index: _NewIndex, *, settings: Settings) -> _Counterpart | None:
    """The new review's paragraph closest in subject to the plan's body (best match per plan), with
    the sentences of it that share most with the plan; None when the review has no paragraph."""
    body = old.text[plan.start:plan.end] if plan.end > plan.start else plan.text
    bag = Counter(w for w in nlp.words(fold(body)) if _keep_word(w))
    want = {w: (1.0 + math.log(c)) * index.weight(w) for w, c in bag.items()}
    pool = index.review()
    size = 2 * sum(bag.values())
    best: tuple[float, tuple[int, ...]] | None = None
    for ks, vec in index.units:
        windows = [(ks, vec)]
        if sum(len(pool[k].words) for k in ks) > size:  # the longer text cut to twice the shorter, as the aligner does
            windows = []
            for i in range(len(ks)):
                j, n = i, 0
                while j < len(ks) and n < size:
                    n += len(pool[ks[j]].words)
                    j += 1
                windows.append((ks[i:j], {}))
                if j == len(ks):
                    break
        for part, v in windows:
            if not v:
                v = index.weights_vector(part)
            score = similarity.weighted_cosine(want, v)
            if best is None or score > best[0]:
                best = (score, part)
    if best is None:
        return None

    def shared(k: int) -> float:
        x = pool[k]
        rank = sum(index.weight(w) for w in x.words if w in bag)
        return rank * (settings.span_years_evidence_factor if x.span_years else 1.0)

    ranked = sorted((k for k in best[1] if shared(k) > 0), key=lambda k: -shared(k))
    head = pool[best[1][0]]
    return _Counterpart(best[0], tuple(Span(pool[k].start, pool[k].end) for k in ranked),
                        index.text[head.start:min(head.end, head.start + 20)])


def _with_counterpart(v: Verdict, cp: _Counterpart | None, *, settings: Settings) -> Verdict:
    """A task whose subject has a clear counterpart paragraph in the new review (the review reports
    work on it, with real overlap of content) is ``delivered``, one with a weaker counterpart at
    least ``partial``; evidence: the paragraph's best sentences first."""
    if cp is None or v.status == "delivered" or cp.score < settings.task_counterpart_partial_similarity:
        return v
    status: AuditStatus = "delivered" if cp.score >= settings.task_counterpart_min_similarity else "partial"
    if status == v.status:
        return v
    keep = settings.evidence_max_spans
    picked = list(cp.evidence[:max(1, keep // 2)])
    for e in v.evidence:
        if len(picked) < keep and not any(o.start < e.end and e.start < o.end for o in picked):
            picked.append(e)
    for e in cp.evidence:
        if len(picked) < keep and e not in picked:
            picked.append(e)
    return replace(v, status=status, evidence=tuple(sorted(picked, key=lambda x: x.start)),
                   reason=f"{v.reason}; its subject is reviewed in the new report's paragraph "
                          f"“{cp.lead}…” (similarity {cp.score:.2f})")


def audit_plans(old: Report, new: Report, section_pairs: tuple[SectionPair, ...],
                indicator_pairs: tuple[IndicatorPair, ...], *, settings: Settings,
                overrides: Mapping[str, Mapping[str, str]] | None = None) -> tuple[Verdict, ...]:
    """One verdict per plan of ``old``, from the evidence in ``new``.

    ``overrides`` maps a plan id (p3) or a plan's text (or its first words) to a person's
    ``{"status": ..., "note": ...}``; they are kept on the verdict beside the computed one.
    """
    if not old.plans:
        return ()
    index = _NewIndex(new, old, settings=settings)
    old_indicators = report_indicators(old, settings=settings)
    outcomes: list[_Outcome] = []
    judged: dict[str, Verdict] = {}
    for plan in old.plans:
        if plan.kind == "target":
            tv = _audit_target(plan, old, old_indicators, index, settings=settings, outcomes=outcomes)
            if tv is not None:
                judged[plan.id] = tv
    verdicts: list[Verdict] = []
    for plan in old.plans:
        v: Verdict | None = judged.get(plan.id)
        if v is None:
            preferred = (_preferred(plan, old, index, section_pairs)
                         | _topical(plan, old, index, settings=settings))
            v, distinct = _audit_task(plan, old, index, preferred, settings=settings)
            v = _with_counterpart(v, _counterpart(plan, old, index, settings=settings), settings=settings)
            met, missed = _sub_targets(plan, old, old_indicators, index, settings=settings)
            if met or missed:
                sub = "; ".join([f"{t.written} -> {a.written} (not met)" for t, a in missed]
                                + [f"{t.written} -> {a.written} (met)" for t, a in met])
                v = replace(v, evidence=_merge(v.evidence, [a.span for _, a in missed + met]),
                            reason=f"{v.reason}; figures: {sub}")
                if v.status == "not_found":
                    v = replace(v, status="partial" if missed else "delivered")
                elif (v.status == "delivered" and len(missed) > len(met)
                        and v.score < settings.task_broad_support
                        and distinct < settings.task_delivered_min_distinct):
                    v = replace(v, status="partial")
            v = _take_in_targets(v, plan, outcomes)
        if _carried_over(plan, old, new, index, settings=settings):
            v = replace(v, carried_over=True)
        verdicts.append(v)
    if overrides:
        verdicts = apply_overrides(old.plans, verdicts, overrides)
    return tuple(verdicts)


_MEASURE_MODIFIERS = frozenset("""
社会 全社会 全 城乡 城乡居民 城镇 农村 居民 人均 可 支配 总额 总值 增加值 规上 规模 以上 一般 公共 调查 生产
生产总值 地区 国内 单位 全体 常住 新增 指数 涨幅 水平 总量 比重 占比 强度 投入 经费
""".split())
"""Words of a target's label that say whose or which aggregate, not the subject (社会消费品零售总额:
社会, 总额): a task is not about retail sales because its title says 社会."""


def _measure_keys(label: str) -> set[str]:
    """The subject words of a target's measure: its words (and the first two characters of the longer
    ones: 消费品 -> 消费) less ``_MEASURE_MODIFIERS``."""
    keys: set[str] = set()
    for w in nlp.words(label):
        for k in (w, w[:2]) if len(w) >= 3 else (w,):
            if k not in _MEASURE_MODIFIERS and _keep_word(k):
                keys.add(k)
    return keys


def _take_in_targets(v: Verdict, plan: Plan, outcomes: Sequence[_Outcome]) -> Verdict:
    """A task whose title names the measure of a main target (持续挖掘投资消费潜能 and 社会消费品零售总额)
    takes in that target's outcome: a missed one makes a delivered task ``partial``; when every one is
    met, the task is ``delivered``. The target's figure joins the evidence."""
    title = fold(plan.text)
    linked = [o for o in outcomes if any(k in title for k in _measure_keys(o.target.label))]
    if not linked:
        return v
    missed = [o for o in linked if not o.met]
    status = v.status
    if missed and status == "delivered":
        status = "partial"
    elif not missed and status in ("not_found", "partial"):
        status = "delivered"
    parts = "; ".join(f"{o.target.written} -> {o.actual.written} ({'met' if o.met else 'not met'})"
                      for o in linked)
    return replace(v, status=status, evidence=_merge(v.evidence, [o.actual.span for o in linked]),
                   reason=f"{v.reason}; main targets: {parts}")


def _merge(spans: Sequence[Span], more: Sequence[Span]) -> tuple[Span, ...]:
    out = list(spans)
    for s in more:
        if not any(o.start < s.end and s.start < o.end for o in out):
            out.append(s)
    return tuple(sorted(out, key=lambda s: s.start))


def _key_matches(key: str, plan: Plan) -> bool:
    if key == plan.id:
        return True
    k = fold(key).strip()
    t = fold(plan.text).strip()
    return len(k) >= 4 and (k == t or t.startswith(k) or (k.startswith(t) and len(t) >= 4))


def apply_overrides(plans: Sequence[Plan], verdicts: Sequence[Verdict],
                    overrides: Mapping[str, Mapping[str, str]]) -> list[Verdict]:
    """``verdicts`` with each person's verdict and note kept beside the computed ones.

    Raises OverridesError when a key names no plan or more than one.
    """
    out = list(verdicts)
    by_plan = {v.plan: i for i, v in enumerate(out)}
    for key, entry in overrides.items():
        hits = [p for p in plans if _key_matches(key, p)]
        if not hits:
            raise OverridesError(f"override {key!r} names no plan of the old report / keys are plan ids "
                                 f"(p1…p{len(plans)}) or a plan's text / run `yoy audit OLD NEW` to "
                                 "list them")
        if len(hits) > 1 and key not in {p.id for p in plans}:
            ids = ", ".join(p.id for p in hits)
            raise OverridesError(f"override {key!r} matches {len(hits)} plans ({ids}) / the key is ambiguous "
                                 "/ use the plan id instead")
        i = by_plan.get(hits[0].id)
        if i is None:
            continue
        status = entry.get("status")
        out[i] = replace(out[i], override_status=status if status else None,  # type: ignore[arg-type]
                         override_note=entry.get("note") or None)
    return out


# ---------------------------------------------------------------- rows for people


def audit_rows(old: Report, new: Report, verdicts: Sequence[Verdict]) -> list[dict[str, Any]]:
    """One plain dict per verdict with the plan's text and the evidence quoted, for ``yoy audit``
    (JSON list, CSV, terminal table). Keys in a stable order."""
    plans = {p.id: p for p in old.plans}
    rows = []
    for v in verdicts:
        p = plans.get(v.plan)
        rows.append({
            "plan": v.plan,
            "kind": p.kind if p else None,
            "text": p.text if p else None,
            "status": v.status,
            "score": round(v.score, 3),
            "carried_over": v.carried_over,
            "target": v.target,
            "actual": v.actual,
            "reason": v.reason,
            "override_status": v.override_status,
            "override_note": v.override_note,
            "evidence": [{"start": e.start, "end": e.end, "quote": _tidy(new.text[e.start:e.end])}
                         for e in v.evidence],
        })
    return rows


def rows_to_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    """The rows as CSV (evidence quotes joined with " | ")."""
    buf = io.StringIO()
    fields = ["plan", "kind", "text", "status", "score", "carried_over", "target", "actual",
              "override_status", "override_note", "reason", "evidence"]
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for r in rows:
        out = {k: r.get(k) for k in fields}
        out["evidence"] = " | ".join(e["quote"] for e in r.get("evidence", []))
        w.writerow(out)
    return buf.getvalue()
