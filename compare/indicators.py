"""Text + outline -> indicators: every figure with its label, unit, qualifier and kind.

The scan runs on ``fold(text)`` (length-preserving: full-width digits and ％（） become
ASCII, so every offset found is an offset into the original text). For each number it
reads, in order:

1. what comes before: an approximation word (近 约 超过 突破 ...) and the exclusions
   (第3次, PM2.5, 〔2023〕, a line-start marker ``1.``, a name in “…”, 4+1);
2. the number itself: Arabic digits (1,234.5) or Chinese numerals (两 五 十二, via cn2an);
3. what follows: 余/多, a magnitude (万 亿 万亿 ...), a unit (件 万元 个百分点 % 分/千瓦时
   万套（间）...), 以上/左右/以内, and a range's upper end (6.5%—7%);
4. its kind: ``change`` after a change verb (增长 下降 同比增加 ...), ``target`` in a goal
   context (主要预期目标, ...的目标, a ``plans`` section), else ``level``;
5. its label: the words before it back to the previous clause boundary, segmented by the
   shared spaCy/jieba tokenizer (``compare.nlp``) and trimmed of leading and trailing verbs
   (共 累计 达到 ...); a clause with no subject of its own (``同比增加5662件``) takes the
   subject of the figure before it, and ``A、B分别增长x%、y%`` gives each figure its part.

Years, dates, periods (2021—2025年), ordinals, names with digits (12345热线, 5G, “八五”普法,
“8+4”政策), document numbers and section numbers are not indicators.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .model import Indicator, IndicatorKind, Section, Span
from .nlp import segment_spans, words
from .segment import innermost
from .settings import Settings
from .textnorm import fold

# ---------------------------------------------------------------- vocabularies

MAGNITUDES: tuple[tuple[str, float], ...] = (
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("千", 1e3),
)
"""Magnitude prefixes folded into ``base_value`` (longest first)."""

BASE_UNITS: tuple[str, ...] = tuple(
    sorted(
        {
            # counts
            "件",
            "个",
            "次",
            "人",
            "名",
            "户",
            "台",
            "份",
            "项",
            "家",
            "条",
            "支",
            "场",
            "场次",
            "人次",
            "件次",
            "户次",
            "车次",
            "架次",
            "班次",
            "批",
            "批次",
            "所",
            "列",
            "篇",
            "部",
            "座",
            "处",
            "栋",
            "幢",
            "宗",
            "起",
            "例",
            "册",
            "本",
            "辆",
            "艘",
            "架",
            "张",
            "种",
            "套",
            "间",
            "株",
            "棵",
            "头",
            "只",
            "位",
            "门",
            "类",
            "组",
            "队",
            "片",
            "块",
            "首",
            "集",
            "期",
            "届",
            "轮",
            "号",
            "单",
            "笔",
            "元",
            "美元",
            "欧元",
            "港元",
            "亩",
            "公顷",
            "平方米",
            "平方公里",
            "立方米",
            "公里",
            "千米",
            "米",
            "吨",
            "吨标准煤",
            "标准煤",
            "千瓦",
            "千瓦时",
            "千伏",
            "兆瓦",
            "度",
            "标箱",
            "标准箱",
            "重量箱",
            "斤",
            "公斤",
            "千克",
            "克",
            "岁",
            "年",
            "天",
            "日",
            "小时",
            "分钟",
            "秒",
            "个月",
            "周",
            "倍",
            "%",
            "‰",
            "个百分点",
            "百分点",
            "分",
            "床",
            "个工作日",
            "工作日",
            "户籍",
            "家次",
            "项次",
            "人日",
            "亿斤",
            "标方",
            "升",
            "℃",
        }
        - {"户籍", "号", "日", "单", "度", "集", "首", "届", "门", "片", "块", "组", "队"},
        key=lambda u: (-len(u), u),
    )
)
"""Units that may follow a number (with or without a magnitude), longest first."""

UNIT_SUFFIX_BLOCKERS: dict[str, tuple[str, ...]] = {
    # a unit character that starts a longer ordinary word is no unit there: 3项目 is rare, 5人民 never
    "人": ("人民", "人大", "人才", "人员", "人口", "人工", "人社", "人防", "人制"),
    "个": ("个人", "个体", "个性"),
    "家": ("家庭", "家长", "家园", "家政", "家电", "家居"),
    "项": ("项目",),
    "名": ("名单", "名录", "名称", "名牌"),
    "年": ("年度", "年底", "年末", "年初", "年内", "年来", "年间", "年前", "年后", "年代"),
    "周": ("周年", "周岁", "周边"),
    "分": ("分别", "分类", "分析", "分钟", "分局", "分行", "分公司"),
    "次": ("次年",),
    "所": ("所有", "所得"),
    "部": ("部门", "部署", "部分"),
    "本": ("本级", "本地", "本年"),
    "种": ("种植", "种子", "种粮"),
    "列": ("列入",),
    "起": ("起草", "起诉", "起步", "起来"),
    "处": ("处置", "处理", "处罚", "处级", "处室"),
    "米": ("米粮",),
    "台": ("台阶", "台风", "台湾", "台账", "台区"),
    "期": ("期间", "期限", "期待", "期望", "期末", "期初"),
    "元": ("元旦",),
}
"""Unit characters that begin other words; the unit is not read when one of these follows."""

PRE_QUALIFIERS = (
    "不少于",
    "不低于",
    "不超过",
    "将近",
    "接近",
    "超过",
    "突破",
    "不足",
    "不到",
    "近",
    "约",
    "超",
    "逾",
    "达",
)
"""Approximation words written before the number (longest first). 达 is read but not kept."""
KEPT_PRE = frozenset(PRE_QUALIFIERS) - {"达"}
POST_QUALIFIERS = ("以上", "左右", "以内", "以下", "上下", "有余", "余", "多")
"""Approximation words written after the number or its unit."""
MIDDLE_QUALIFIERS = ("余", "多")
"""Approximation words written between the number and its magnitude or unit (60余万元, 4万多亿元)."""

CHANGE_VERBS: tuple[tuple[str, Literal["up", "down"]], ...] = (
    ("增长", "up"),
    ("增加", "up"),
    ("上升", "up"),
    ("上涨", "up"),
    ("提高", "up"),
    ("提升", "up"),
    ("增幅", "up"),
    ("扩大", "up"),
    ("多增", "up"),
    ("回升", "up"),
    ("攀升", "up"),
    ("增", "up"),
    ("下降", "down"),
    ("减少", "down"),
    ("降低", "down"),
    ("回落", "down"),
    ("下滑", "down"),
    ("压减", "down"),
    ("精简", "down"),
    ("缩减", "down"),
    ("压缩", "down"),
    ("削减", "down"),
    ("缩短", "down"),
    ("降幅", "down"),
    ("减", "down"),
    ("降", "down"),
)
"""Words that make the figure right after them a stated change, with its direction."""
CHANGE_ADVERBS = (
    "分别",
    "同比",
    "环比",
    "较上年",
    "比上年",
    "年均",
    "平均",
    "实际",
    "名义",
    "累计",
    "又",
    "均",
    "各",
    "再",
    "共",
    "约",
    "了",
    "达",
    "超",
)
"""Words that may stand between a change verb and its figure (增长了, 分别增长, 同比增加)."""

TARGET_INTRO = re.compile(
    r"(?:预期目标|主要目标|目标任务|发展目标|预期性指标|约束性指标|目标)(?:是|为|定为|定在|设定为|确定为|:|：)"
)
"""A paragraph that introduces goals (主要预期目标是：…): its figures after the cue are targets."""
TARGET_AFTER = re.compile(r"^[^，。；,;]{0,6}(?:的)?(?:预期)?目标")
"""A figure followed closely by ...的预期目标 is a target (低于13%左右的预期目标)."""

LABEL_LEAD = (
    "其中",
    "全年",
    "共计",
    "共有",
    "累计",
    "总计",
    "合计",
    "共",
    "并",
    "还",
    "已",
    "同时",
    "另外",
    "此外",
    "年内",
    "年末",
    "年底",
    "截至目前",
    "目前",
    "当年",
    "本年度",
    "全县",
    "全区",
    "全市",
    "我区",
    "我市",
    "我省",
    "我县",
    "实现",
    "力争",
    "确保",
    "今年",
    "去年",
    "先后",
    "对",
    "让",
    "向",
    "全部",
    "都",
    "等",
)
"""Words trimmed from the start of a label (the measure, not the narration)."""
LABEL_TRAIL = (
    "平均为",
    "由上年",
    "从上年",
    "从上半年",
    "比上年末",
    "等",
    "分别为",
    "分别达到",
    "分别达",
    "分别",
    "均为",
    "均达到",
    "均达",
    "共计",
    "共有",
    "累计",
    "总计",
    "合计",
    "达到",
    "达",
    "为",
    "是",
    "共",
    "约",
    "已",
    "均",
    "又",
    "再",
    "从",
    "由",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "上升到",
    "上升至",
    "增加到",
    "增加至",
    "增长到",
    "降低到",
    "降低至",
    "下降到",
    "下降至",
    "降到",
    "降至",
    "缩小到",
    "缩小至",
    "跃升到",
    "跃升至",
    "扩大到",
    "扩大至",
    "达到了",
    "突破",
    "超过",
    "超",
    "近",
    "逾",
    "预计",
    "的",
    "了",
    "实现",
    "保持",
    "稳定在",
    "控制在",
    "在",
    "到",
    "至",
    "有",
    "计",
    "提高",
    "提升",
    "增加",
    "缩小",
    "跃升",
    "上升",
    "下降",
    "降低",
    "扩大",
    "对",
    "向",
    "就",
    "和",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "同比",
    "环比",
)
"""Words trimmed from the end of a label (the verb that leads to the figure)."""

RATE_DENOMINATORS = ("月", "季度", "日")
"""Denominators of a rate that are no unit of their own (元/月, 次/日)."""
LATIN_UNITS = re.compile(
    r"(?:[kMGT]Wh?|[EPT](?:FLOPS|[Ff]lops)|[KMGT]bps|[GTPE]B)(?![A-Za-z])"
)
"""Latin units written right after a number (55GWh, 160Eflops, 10Gbps); other letters make a name."""
FANG_NOT = "面案式向法针位便阵形圆言舱"
"""After a magnitude, 方 is cubic metres of gas or earth (22亿方) unless it starts one of these words."""
POST_DUO_WORDS = ("多样", "多式", "多元", "多种", "多层", "多点", "多方", "多措", "多维", "多边", "多功能",
                  "多渠道", "多领域", "多部门", "多主体", "多重", "多语", "多规", "多跨", "多级")
"""Words that start with 多: after a count they are the noun, not the approximation (5条多式联运)."""

CN_DIGITS = "零〇一二两三四五六七八九十百千万"
CN_UNITS = ("个", "次", "项", "件", "家", "名", "场", "批", "支", "轮", "所", "位", "条")
"""Measure words after which a Chinese numeral is read as a quantity (两次, 五个专班)."""

_CLAUSE_STOP = set("，。；：！？,;:!?\n()“”《》〈〉【】[]")
_SENT_STOP = set("。！？!?\n；;")
_NUM = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?")
_CN_NUM = re.compile(f"[{CN_DIGITS}]+")
_DATE_WORDS = re.compile(r"\d{1,2}月\d{1,2}[日号]|\d{1,2}日(?=[\u4e00-\u9fff])")
_YEAR_WORDS = re.compile(
    r"(?:从|由|到|至)?\d{4}年(?:底|末|初|度)?(?:的)?|(?:从|由)?\d{1,2}月(?:份|底)?(?:的)?"
)
_LATIN = re.compile(r"[A-Za-zⅠ-Ⅻ]")


@dataclass(frozen=True)
class _Raw:
    """A quantity found by the scan, before labels and kinds are settled."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str
    qualifier: str | None
    range_high: float | None
    chinese: bool


# ---------------------------------------------------------------- number and unit reading


def parse_number(s: str) -> float:
    """``1,234.5`` -> 1234.5; Chinese numerals (两, 十二, 三百) via cn2an."""
    s = unicodedata.normalize("NFKC", s).replace(",", "")
    if _NUM.fullmatch(s):
        return float(s)
    import cn2an

    return float(cn2an.cn2an(s, "smart"))


def base_of(value: float, unit: str) -> tuple[float, str]:
    """Fold the magnitude into the value: (60, 万元) -> (600000, 元); (3.4, 亿) stays (3.4, 亿)."""
    u = unicodedata.normalize("NFKC", unit).strip()
    for prefix, mult in MAGNITUDES:
        if u.startswith(prefix) and len(u) > len(prefix):
            return value * mult, u[len(prefix) :]
    return value, u


def _blocked(f: str, pos: int, unit: str) -> bool:
    for word in UNIT_SUFFIX_BLOCKERS.get(unit, ()):
        if f.startswith(word, pos) and len(word) > len(unit):
            return True
    return False


def _rate_tail(f: str, end: int) -> int | None:
    """End of the denominator of a rate unit written from ``end`` on (/月, /百亿元, 每立方米), or None.

    ``每`` counts as ``/`` only when the denominator closes the figure (no word runs on after it).
    """
    if end >= len(f) or f[end] not in "/每":
        return None
    den = end + 1
    for mag in ("百亿", "亿", "万", "百", "千"):
        if f.startswith(mag, den) and any(f.startswith(v, den + len(mag)) for v in BASE_UNITS):
            den += len(mag)
            break
    v = next((v for v in (*BASE_UNITS, *RATE_DENOMINATORS) if f.startswith(v, den)), None)
    if v is None:
        return None
    stop = den + len(v)
    if f[end] == "每" and not re.match(r"$|[^\u4e00-\u9fff]|以上|以下|以内|左右|的", f[stop : stop + 2]):
        return None
    return stop


def _read_base_unit(f: str, pos: int) -> str | None:
    for u in BASE_UNITS:
        if f.startswith(u, pos) and not _blocked(f, pos, u):
            end = pos + len(u)
            # compound units: 分/千瓦时, 微克/立方米, 元/吨, 元/月, 微克每立方米 (written as 微克/立方米)
            stop = _rate_tail(f, end)
            if stop is not None:
                return f[pos:end] + "/" + f[end + 1 : stop]
            # 万套(间), 万台(套)
            m = re.match(r"\((?:[^()\s]{1,2})\)", f[end : end + 4])
            if m and any(m.group(0)[1:-1] == v for v in BASE_UNITS):
                return f[pos : end + len(m.group(0))]
            return u
    # units that are not in the list but written as X/Y of listed ones (微克/立方米)
    m = re.match(r"(微克|毫克|克)[/每](立方米|升)", f[pos : pos + 8])
    if m:
        return m.group(1) + "/" + m.group(2)
    return None


def _read_unit(f: str, pos: int) -> tuple[str, str | None, int]:
    """(unit as written minus 余/多, qualifier, end) for what follows a number at ``pos``."""
    qual: str | None = None
    p = pos
    for q in MIDDLE_QUALIFIERS:
        if f.startswith(q, p) and not f.startswith(q + "元化", p):
            qual, p = q, p + len(q)
            break
    unit = ""
    for mag, _ in MAGNITUDES:
        if f.startswith(mag, p):
            rest = _read_base_unit(f, p + len(mag))
            # 千瓦 after 万 (2200万千瓦): the longest reading wins
            if mag == "千" and rest is None and _read_base_unit(f, p) is not None:
                break
            unit, p = mag, p + len(mag)
            if qual is None:
                for q in MIDDLE_QUALIFIERS:
                    if f.startswith(q, p):
                        qual, p = q, p + len(q)
                        break
            if unit in ("万", "千") and f.startswith("亿", p):  # 4万多亿元 = 4 万亿元 多
                unit, p = unit + "亿", p + 1
            elif f.startswith("亿", p) and _read_base_unit(f, p + 1) is not None:  # 10.36百亿亿次/秒
                unit, p = unit + "亿", p + 1
            if f.startswith("度", p) and not f.startswith(("度假", "度过"), p):  # 345亿度 (kWh)
                unit, p = unit + "度", p + 1
                return unit, qual, p
            if f.startswith("方", p) and (p + 1 >= len(f) or f[p + 1] not in FANG_NOT):  # 22亿方 (m³)
                return unit + "方", qual, p + 1
            break
    if unit and unit in dict(MAGNITUDES):
        latin = re.match(r"[A-Za-z]{1,5}(?:/[A-Za-z]{1,3})?(?![A-Za-z])", f[p : p + 9])
        if latin:  # 智能算力1.6万P: a Latin unit after a magnitude
            return unit + latin.group(0), qual, p + latin.end()
    base = _read_base_unit(f, p)
    if base is not None:
        unit, p = unit + base, p + len(base)
    elif not unit:
        latin_unit = LATIN_UNITS.match(f, p)
        if latin_unit:  # 55GWh, 160Eflops
            unit, p = latin_unit.group(0), latin_unit.end()
    if qual is None:
        for q in POST_QUALIFIERS:
            if (
                f.startswith(q, p)
                and not (q == "多" and f.startswith(POST_DUO_WORDS, p))
                and not (q in ("余", "多") and not unit)
            ):
                qual, p = q, p + len(q)
                break
    return unit, qual, p


# ---------------------------------------------------------------- exclusions


def _line_start(f: str, pos: int) -> int:
    i = f.rfind("\n", 0, pos)
    return i + 1


def _inside(f: str, pos: int, opener: str, closer: str, limit: int) -> bool:
    """Is ``pos`` inside opener...closer with the pair at most ``limit`` characters long?"""
    o = f.rfind(opener, max(0, pos - limit), pos)
    if o < 0:
        return False
    c = f.find(closer, pos, o + limit + 1)
    if c < 0:
        return False
    between_close = f.rfind(closer, o, pos)
    return between_close < 0


def _excluded(f: str, text: str, a: int, b: int, unit: str, *, signed: bool = False) -> bool:
    """Years, dates, ordinals, markers, names and document numbers: not indicators."""
    digits = text[a:b]
    if any(ch.isdigit() and not ch.isdecimal() for ch in digits):  # ① ² ...
        return True
    before = f[a - 1] if a > 0 else "\0"  # never "" : "" is `in` every string
    after = f[b] if b < len(f) else "\0"
    if before == "第" or f[max(0, a - 2) : a] in ("排名", "前第", "第 "):
        return True
    if before == "每":  # 每10万人口: a denominator, not a quantity
        return True
    # ranks: 全球排名前1%, 进入ESI世界学科排名前1％
    if before == "前" and re.search(r"排名|排行|位次", f[max(0, a - 12) : a]):
        return True
    if (
        _LATIN.match(before)
        or (_LATIN.match(after) and not unit)
        or (before in "+×*#№-_" and not signed)
        or after in "+×*#"
    ):
        return True
    # a number cut by a crawl's elision: 20 (略) 委 (略)
    if re.match(r"\s*[(（]略[)）]|\s*…", f[b : b + 6]):
        return True
    # a name: 株洲608所AES100发动机 (a count never runs into Latin letters)
    if unit and re.match(r"[A-Za-z]{2,}", f[b + len(unit) : b + len(unit) + 2]):
        return True
    # ratios: 三次产业比重为4.0∶37.7∶58.3
    if (
        (before in "∶:" and a > 1 and f[a - 2].isdigit())
        or after in "∶"
        or (after == ":" and f[b + 1 : b + 2].isdigit())
    ):
        return True
    # fractions and clock times: 1/3, 09:20
    if (
        before == "/"
        or (before == ":" and a > 1 and f[a - 2].isdigit())
        or (after == ":" and f[b + 1 : b + 2].isdigit())
    ):
        return True
    # rankings: 全国排名53位、提升3位, 居全国前10位
    if unit == "位" and (
        before == "前" or re.search(r"排名|位次|位居|居全国|居全省", f[max(0, a - 30) : a].split("。")[-1])
    ):
        return True
    if before == "." or (after == "." and b + 1 < len(f) and f[b + 1].isdigit()):
        return True
    if f.startswith("·", b) or before == "·":
        return True
    # years and periods: 2023年, 2021—2025年, 2023-2024
    num = f[a:b]
    if re.fullmatch(r"(19|20)\d{2}", num):
        if unit in ("年", "年度") or after in "年—-~～/" or f.startswith("学年", b):
            return True
        if before in "—-~～/" or (
            f[max(0, a - 2) : a].endswith(("至", "到"))
            and re.search(r"(19|20)\d{2}$", f[max(0, a - 8) : a - 1])
        ):
            return True
    if re.fullmatch(r"(19|20)\d{2}", num) and not unit:
        return True
    # dates: 9月26日, 3月, 15日, 号
    if (after in "月日号时" and unit in ("", "日", "号") and not f.startswith("月份", b)) or (
        f.startswith("月", b) and not f.startswith("个月", b)
    ):
        return True
    if before == "月" and after in "日号":
        return True
    # document numbers 〔2023〕5号 and bracketed references
    if before in "〔[【" or after in "〕]】":
        return True
    if _inside(f, a, "〔", "〕", 8):
        return True
    # line-start markers: 1. 1、 (1) ①
    ls = _line_start(f, a)
    if f[ls:a].strip() in ("", "(", "（") and (
        (after in ".、．)）" and not unit) or (after == "、" and unit == "")
    ):
        return True
    if before in "(（" and after in ")）" and not unit:
        return True
    # names: 12345热线, 30强, “415X”: a number followed by a word that is no unit
    # (but 收入倍差从1.96缩小至1.81: a figure after 从/由 is followed by its verb)
    if (
        not unit
        and after
        and ("\u4e00" <= after <= "\u9fff")
        and after not in "余多以左约近"
        and before not in "从由"
    ):
        return True
    # identifiers: 000014349/2024-00012, 3/4 of a document number
    if (len(num) > 1 and num[0] == "0" and num[1] != ".") or (after == "/" and f[b + 1 : b + 2].isdigit()):
        return True
    # names inside short quotes or titles: “8+4”政策, “15分钟生活圈”, 《...2023...》
    if _inside(f, a, "“", "”", 20) or _inside(f, a, "《", "》", 40) or _inside(f, a, '"', '"', 20):
        return True
    # headings numbered with digits alone: "3" as a line
    return bool(f[ls:a].strip() == "" and f[b : b + 1] in ("\n", ""))


# ---------------------------------------------------------------- the scan


def _scan(text: str, f: str) -> list[_Raw]:
    found: list[_Raw] = []
    taken_until = -1
    # thousands are grouped with an ASCII comma only: 约占全国1/10，4386万名 is two figures
    g = f if "，" not in text else "".join("，" if t == "，" else c for c, t in zip(f, text, strict=True))
    candidates: list[tuple[int, int, bool]] = [(m.start(), m.end(), False) for m in _NUM.finditer(g)]
    candidates += [(m.start(), m.end(), True) for m in _CN_NUM.finditer(f)]
    candidates.sort()
    ordinal_end = -1
    for a, b, chinese in candidates:
        if a < taken_until:
            continue
        if chinese:
            raw = _read_chinese(f, a, b)
        else:
            raw = _read_arabic(text, f, a, b)
        if a > 0 and f[a - 1] == "第":
            ordinal_end = b
        if ordinal_end >= 0 and f[ordinal_end:a].lstrip("次个届号位名期批轮") in (
            "、",
            "和",
            "至",
            "到",
            "-",
            "—",
        ):
            # 第51次、53次、55次常务会议: the whole list is ordinals
            ordinal_end = b
            continue
        if raw is None:
            continue
        found.append(raw)
        taken_until = raw.end
    return found


def _pre_qualifier(f: str, a: int) -> tuple[str | None, int]:
    for q in PRE_QUALIFIERS:
        if f.endswith(q, 0, a):
            return q, a - len(q)
    return None, a


_BROKEN_LINE = re.compile(r"[ \t]*\n[ \n]{0,3}")


def _read_arabic(text: str, f: str, a: int, b: int) -> _Raw | None:
    unit, qual, end = _read_unit(f, b)
    if not unit and qual is None:
        # web pages cut a figure from its unit: "74.4\n\u200b\n万亿元"
        m = _BROKEN_LINE.match(f, b)
        if m and f[_line_start(f, a) : a].strip():
            unit2, qual2, end2 = _read_unit(f, m.end())
            if unit2:
                unit, qual, end = unit2, qual2, end2
    if not unit and qual is None and f.startswith(" ", b) and a > 1 and f[a - 1] == " " and f[a - 2] != "第":
        # a number padded with spaces on both sides: 以全省 100 个县
        unit2, qual2, end2 = _read_unit(f, b + 1)
        if unit2 and unit2 not in dict(MAGNITUDES):
            unit, qual, end = unit2, qual2, end2
    # a minus sign: 增长-3.5% (not a range 6.5%-7%, not a code 2024-001)
    minus = a > 1 and f[a - 1] == "-" and "\u4e00" <= f[a - 2] <= "\u9fff"
    if _excluded(f, text, a, b, unit, signed=minus):
        return None
    value = parse_number(f[a:b])
    if minus:
        value = -value
        a_signed = a - 1
    else:
        a_signed = a
    pre, start = _pre_qualifier(f, a_signed)
    if pre is not None and pre not in KEPT_PRE:
        pre, start = None, a_signed
    # range: 6.5%—7%, 5%—5.5%, 6.5%-7%
    high: float | None = None
    m = re.match(r"(?:—|-|~|～|－)\s?(\d+(?:\.\d+)?)", f[end : end + 12])
    if m and not re.fullmatch(r"(19|20)\d{2}", f[a:b]):
        hb = end + m.end()
        hunit, hqual, hend = _read_unit(f, hb)
        if hunit == unit or (not unit and hunit):
            high = parse_number(m.group(1))
            if not unit:
                unit = hunit
            qual = hqual or qual
            end = hend
    qualifier = pre if pre is not None else qual
    if pre is not None and qual is not None:
        qualifier = qual
    return _Raw(
        start=start,
        end=end,
        num_start=a,
        num_end=b,
        value=value,
        unit=_as_written(text, f, b, end, unit),
        qualifier=qualifier,
        range_high=high,
        chinese=False,
    )


def _narrow(c: str) -> str:
    """A full-width character as its half-width form (％ -> %); ℃ (NFKC °C, two characters) stays."""
    n = unicodedata.normalize("NFKC", c)
    return n if len(n) == 1 else c


def _as_written(text: str, f: str, b: int, end: int, unit: str) -> str:
    """The unit as it stands in the original text (full-width brackets kept), 余/多 left out."""
    seg = f[b:end]
    i = seg.find(unit) if unit else -1
    if i >= 0:
        written = text[b + i : b + i + len(unit)]
        # only the width is folded (％ -> %): brackets and the script stay as written
        return "".join(c if c in "（）" else _narrow(c) for c in written)
    return unit


CN_NOT_AFTER = (
    "全会",
    "会议",
    "党代会",
    "代表大会",
    "规定",
    "大",
    "“",
    '"',
    "届",
    "中全会",
    "产业",
    "积极性",
)
"""What may not follow a Chinese-numeral count: sessions (八次全会), names (八项规定, 三个“一号工程”)."""


def _read_chinese(f: str, a: int, b: int) -> _Raw | None:
    """A count in Chinese numerals with its measure word (两次, 五个专班), or None."""
    s = f[a:b]
    if s in ("一", "二", "〇", "零", "万", "千", "百") or s.startswith(("万", "千", "百")):
        return None
    if len(s) > 1 and not any(c in s for c in "十百千万"):
        return None  # 三四轮车, 五六年: two digits side by side are a range or a name, not a number
    if a > 0 and f[a - 1] in "第前后每逐这那哪几某各同单唯十届":
        return None
    if re.match(r"[^，。；：,;:]{0,14}?(?:全会|会议|党代会)", f[b : b + 20]) and f.startswith("次", b):
        return None  # 十一届七次、八次、九次全会: session numbers
    if _inside(f, a, "“", "”", 14) or _inside(f, a, "《", "》", 40):
        return None
    unit = next((u for u in CN_UNITS if f.startswith(u, b)), None)
    if unit is None:
        return None
    end = b + len(unit)
    if f.startswith(("个人", "个体"), b) or f.startswith(CN_NOT_AFTER, end):
        return None
    # only a numeral that jieba reads as a word of its own, ending by the measure word, is a count:
    # 统一 / 进一步 / 八项规定 / 三级公立医院 are words, 两次 / 五个 are not
    lo = max(0, a - 6)
    spans = [(lo + x, lo + y) for x, y in segment_spans(f[lo : end + 4])]
    token = next(((x, y) for x, y in spans if x == a), None)
    if token is None or token[1] > end:
        return None
    try:
        value = parse_number(s)
    except (ValueError, KeyError, TypeError):
        return None
    return _Raw(
        start=a,
        end=end,
        num_start=a,
        num_end=b,
        value=value,
        unit=unit,
        qualifier=None,
        range_high=None,
        chinese=True,
    )


# ---------------------------------------------------------------- kind


def _target_context(f: str, a: int, end: int, para_start: int) -> bool:
    if TARGET_INTRO.search(f[para_start:a]):
        return True
    return bool(TARGET_AFTER.match(f[end : end + 14]))


# ---------------------------------------------------------------- labels


EMPTY_SUBJECTS = frozenset(
    (
        "同比",
        "比上年",
        "较上年",
        "环比",
        "力争",
        "确保",
        "努力",
        "争取",
        "预计",
        "计划",
        *(v for v, _ in CHANGE_VERBS),
    )
)
"""What is left of a clause that names no measure (力争达到8%, 削减至326项)."""


def _strip_words(label: str) -> str:
    label = _YEAR_WORDS.sub("", _DATE_WORDS.sub("", label))
    label = _RUN_IN_MARKER.sub("", label)  # 一是全区经济增长速度: the outline's marker is no part of the row
    changed = True
    while changed and label:
        changed = False
        for w in LABEL_LEAD:
            if label.startswith(w) and len(label) > len(w) and not label.startswith(("对外", "对口", "对象")):
                label, changed = label[len(w) :], True
                break
        for w in LABEL_TRAIL:
            if label.endswith(w) and not label.endswith(
                ("年均", "平均", "人均", "成为", "应对", "针对", "面对", "核对", "比对", "相对", "绝对")
            ):
                label, changed = label[: -len(w)], True
                break
    label = label.strip(" 、")
    if "等" in label:
        cut = -1
        for m in _LIST_DENG.finditer(label):  # 等 closing a list, not inside 高等 / 平等 / 等级
            if label.count("“", 0, m.start()) > label.count("”", 0, m.start()):
                continue  # “立等可取”事项: inside a name
            rest = len(label) - m.end()
            if rest >= 4 or (rest >= 2 and "、" in label[: m.start()] and label[m.end() :] not in _BARE_NOUNS):
                cut = m.end()
        if cut > 0:
            # 台州…、长三角大飞机等国家先进制造业集群 -> 国家先进制造业集群; the verb before the list
            # stays: 引进华为智能生活馆、砂之船奥莱等首店 -> 引进首店
            first = label[:cut].split("、")[0]
            lead = next((w for w in reversed(_tokens(first)) if w in LEAD_VERBS and len(w) < len(first)), "")
            if lead or len(label) - cut >= 4:  # 带动汽车、家电等销售: 销售 alone names nothing
                label = lead + label[cut:]
    if len(label) > 3 and "了" in label[1:-1]:
        label = label.replace("了", "", 1)  # 完成了目录化 -> 完成目录化
    return label


_BARE_NOUNS = frozenset(("方面", "领域", "地区", "行业", "环节", "类型", "问题"))
"""Nouns that say nothing without the list before them (首发经济、会展经济等方面)."""
_LIST_DENG = re.compile(
    r"(?<![高平同对均初中上次特优劣何相一二三四头])等(?![级待候同额于次第量价])"
)
"""等 that closes a list of examples (A、B等), not the 等 of 高等, 平等, 等级, 等于."""


_RUN_IN_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十])(?=[\u4e00-\u9fff“])")
"""A run-in outline marker at a label's start (一是…, 其三…)."""


VERB_WORDS = (
    "应办结",
    "已办结",
    "办结",
    "受理",
    "结案",
    "败诉",
    "胜诉",
    "办理",
    "完成",
    "整改",
    "审核",
    "审查",
    "备案",
    "发生",
    "收到",
    "开展",
    "组织",
    "建成",
    "建设",
    "新增",
    "新建",
    "实现",
    "推出",
    "发布",
    "制定",
    "修订",
    "修改",
    "废止",
    "提请",
    "审议",
    "接收",
    "反映",
    "签收",
    "出具",
    "参与",
    "培育",
    "申报",
    "申请",
    "检查",
    "核查",
    "调处",
    "调解",
    "化解",
    "清理",
    "取消",
    "下放",
    "公布",
    "继续有效",
    "正在办理",
    "应",
    "已",
    "累计",
    "建立",
    "设立",
    "组织",
)
"""Verbs of the genre: a short label that starts with one (办结12件) takes the topic of the figure before."""
COUNT_UNITS = frozenset(
    (
        "件",
        "个",
        "次",
        "人",
        "名",
        "户",
        "台",
        "份",
        "项",
        "家",
        "条",
        "支",
        "场",
        "所",
        "列",
        "篇",
        "部",
        "座",
        "处",
        "批",
        "辆",
        "艘",
        "张",
        "种",
        "套",
        "间",
        "位",
        "类",
        "人次",
        "万",
        "亿",
        "万人",
        "万户",
        "万家",
        "万名",
        "万个",
        "亿人",
    )
)
"""Units after which a noun may follow the figure (216个“两重”项目): the label is read after it."""


AFTER_VERBS = tuple(
    sorted(
        {v for v, _ in CHANGE_VERBS if len(v) > 1}
        | {w for w in LABEL_TRAIL if len(w) > 1}
        | {"至", "到", "为", "达"},
        key=len,
        reverse=True,
    )
)
"""Words that, right after a figure, say it is a level or a change (削减至, 增长到): no noun follows."""


def _after_text(f: str, end: int, limit: int, unit: str, before: str) -> tuple[str, int]:
    """The noun phrase right after a count (``216个“两重”项目全部开工建设`` -> ``“两重”项目开工建设``)."""
    if end >= len(f) or (
        unit not in COUNT_UNITS and not before.endswith("的") and len(_strip_words(before)) > 2
    ):
        return "", end
    scale = f[end] == "级" and bool(unit)
    if scale:
        end += 1  # 300万吨级CCUS碳捕集利用: a scale class, the noun follows it
        if end >= len(f):
            return "", end
    ch = f[end]
    if unit in COUNT_UNITS and _VOLTAGE_CLASS.match(f, end):
        ch = "\u4e00"  # 22个750千伏和330千伏电网工程: the noun opens with its voltage class
    if scale and ch.isascii() and ch.isalpha():
        ch = "\u4e00"  # a Latin name may open the noun after a scale class (CCUS)
    if ch == "的" and unit in ("%", "‰") and len(_strip_words(before)) <= 2:
        end += 1  # 推动60%以上的县级特困供养机构三级达标: the share of the noun after 的
        ch = f[end] if end < len(f) else ""
    if not (ch == "“" or "\u4e00" <= ch <= "\u9fff") or (
        ch in "余多以左约近等的" and not f.startswith(("约束", *POST_DUO_WORDS), end)
    ):
        return "", end
    if f.startswith(AFTER_VERBS, end):
        return "", end  # 3.68万亿元增长到… / 799项削减至: a verb, not the noun the figure counts
    i = end
    depth = 0
    while i < min(limit, len(f)):
        c = f[i]
        if c in "“(":
            depth += 1  # 57个县(市)生产总值: quotes and brackets belong to the noun
        elif c in "”)":
            depth = max(0, depth - 1)
        elif depth == 0 and c.isdigit() and (m := _VOLTAGE_CLASS.match(f, i)):
            i = m.end()  # 22个750千伏和330千伏电网工程: the class is part of the noun counted
            continue
        elif depth == 0 and (c in _CLAUSE_STOP or c == "、" or c.isdigit()):
            break
        i += 1
    phrase = f[end:i]
    rank = re.search(r"中?(?:位居|排名|名列|位列|居于|排在)第", phrase)
    if rank:
        phrase = phrase[: rank.start()]  # 在100个城市中位居第一: the ranking is not the measure
    judged = re.search(r"(?:得到|得以|受到)", phrase)
    if judged and judged.start() >= 4:
        phrase = phrase[: judged.start()]  # 203项…管理权限得到较为全面的履行: how it went is no part of it
    # adverbs as words of their own (全部开工建设), never a character inside a word (优质均衡)
    phrase = (
        "".join(w for w in _tokens(phrase) if w not in ("全部", "均", "已", "都", "全面", "正式")) or phrase
    )
    phrase = phrase.rstrip("和及与、")  # 3个候选地区和6个…: the conjunction belongs to the list
    return (phrase, i) if len(phrase) >= 2 else ("", end)


LEAD_VERBS = frozenset(
    (
        "组织",
        "设立",
        "建立",
        "开展",
        "举办",
        "推出",
        "发布",
        "实现",
        "办理",
        "审核",
        "审议",
        "提请",
        "收到",
        "接收",
        "化解",
        "调处",
        "培育",
        "建成",
        "新建",
        "争取",
        "安排",
        "出台",
        "制定",
        "修订",
        "选任",
        "选派",
        "聘请",
        "认定",
        "评选",
        "创建",
        "打造",
        "完成",
        "引进",
        "新增",
        "组建",
        "成立",
        "招引",
        "实施",
    )
)
"""Verbs that open the measured phrase of a long label (…等地设立基层法治观测点 -> 设立基层法治观测点)."""
MAX_LABEL_CHARS = 16
"""Labels longer than this are cut back to their last verb phrase (a table row name, not a sentence)."""


def _shorten(label: str) -> str:
    """A long label cut back to the phrase opened by its last genre verb (at least 4 characters kept)."""
    if len(label) <= MAX_LABEL_CHARS:
        return label
    toks = _tokens(label)
    pos = 0
    cut = -1
    for k, w in enumerate(toks):
        # never inside a list of measures (A、新增B分别…): the list is what the figures distribute over
        if k > 0 and w in LEAD_VERBS and len(label) - pos >= 4 and label[pos - 1] != "、" and "分别" not in label:
            cut = pos
        pos += len(w)
    return label[cut:] if cut > 0 else label


def _topic(label: str) -> tuple[str, bool]:
    """What a label is about, and whether it is an object (办结民生类诉求 -> 民生类诉求, True)."""
    t = label
    is_object = False
    changed = True
    while changed:
        changed = False
        for v in VERB_WORDS:
            if t.startswith(v) and len(t) > len(v) + 1:
                t, changed, is_object = t[len(v) :], True, True
                break
    trimmed = t
    for suffix in ("率",):
        if trimmed.endswith(suffix):
            trimmed = trimmed[:-1]
    changed = True
    while changed:
        changed = False
        for v in VERB_WORDS:
            if trimmed.endswith(v) and len(trimmed) > len(v) + 1:
                trimmed, changed = trimmed[: -len(v)], True
                break
    return trimmed, is_object and trimmed == t


INTRANSITIVE = frozenset(
    ("结案", "败诉", "胜诉", "撤诉", "正在办理", "调解成功", "调处成功", "整改完成", "办结率")
)
"""Short labels said of their topic (案件…结案), never followed by it."""


def _with_topic(label: str, topic_now: str, previous: str) -> str:
    """A short label (办结, 签收率) completed with the topic of the figures before it in the sentence."""
    if not previous or len(label) > (5 if label.endswith("率") else 4):
        return label
    starts_verb = any(label.startswith(v) for v in VERB_WORDS)
    rest = label
    for v in VERB_WORDS:
        rest = rest.replace(v, "")
    if label in ("总数", "总量", "总额", "总计", "合计", "总规模", "余额"):
        # 国家先进制造业集群4个、总数达到8个: the total of the figure before
        t = topic_now or _topic(previous)[0]
        return t + label if t and len(t) <= 12 else label
    if label.endswith("率"):
        if not topic_now or len(label) > 3 or len(topic_now) > 12:
            return label
        return topic_now + label
    if not (starts_verb and len(rest) <= 1):
        return label
    topic, is_object = _topic(previous)
    if topic_now and (not topic or len(topic) <= 2 or topic_now in previous):
        topic = topic_now
        is_object = previous.endswith(topic_now) and not previous.startswith(topic_now)
    if not topic or topic == label or len(topic) > 12:
        return label
    if starts_verb and is_object and not label.endswith("率") and label not in INTRANSITIVE:
        return label + topic
    return topic + label


def _tokens(s: str) -> list[str]:
    return words(s) if s else []


def _clause_start(f: str, a: int, floor: int) -> int:
    """Start of the clause ending at ``a``: back to a comma or stop, over “quoted” and (bracketed) words."""
    i = a - 1
    quote = paren = 0
    while i >= floor:
        c = f[i]
        if c in "”》":
            quote += 1
        elif c in "“《":
            if quote == 0:
                break
            quote -= 1
        elif c == ")":
            paren += 1
        elif c == "(":
            if paren == 0:
                break  # 执法辅助设备631台(执法记录仪473台: an open bracket starts the clause
            paren -= 1
        elif quote == 0 and paren == 0 and (c in _CLAUSE_STOP or c == "、"):
            break
        i -= 1
    return i + 1


def _list_clause_start(f: str, cstart: int, floor: int) -> int:
    """For 新能源汽车、集成电路、工业机器人产量分别增长...: back over 、-separated words without figures."""
    while cstart - 1 > floor and f[cstart - 1] == "、":
        prev = _clause_start(f, cstart - 1, floor)
        if any(ch.isdigit() for ch in f[prev : cstart - 1]):
            break
        cstart = prev
    return cstart


def _is_measure_word(w: str) -> bool:
    return w.endswith(
        (
            "人次",
            "花费",
            "营收",
            "里程",
            "销量",
            "数",
            "量",
            "额",
            "值",
            "率",
            "收入",
            "比重",
            "占比",
            "规模",
            "指数",
            "面积",
            "产量",
            "人数",
            "浓度",
            "价格",
            "水平",
            "强度",
            "利润",
            "投资",
            "消费",
            "支出",
            "总额",
            "余额",
            "增加值",
        )
    )


def _distribute(subject: str, n: int) -> list[str] | None:
    """``城镇和农村居民人均可支配收入``, 2 -> [城镇居民人均可支配收入, 农村居民人均可支配收入]."""
    parts, cur = [], ""
    for w in _tokens(subject):  # split on conjunction words only: 普及率 holds 及 but is one word
        if w in ("、", "和", "及", "与", "以及"):
            parts.append(cur)
            cur = ""
        else:
            cur += w
    parts = [p for p in [*parts, cur] if p]
    if len(parts) == 1 and n == 2 and subject.startswith("城乡"):
        # 城乡居民人均可支配收入分别增长6.8%和8.3%: 城乡 is 城镇 and 农村
        rest = subject[2:]
        return ["城镇" + rest, "农村" + rest]
    m = re.match(r"([一二三四五六七八九]+)([\u4e00-\u9fff])", subject)
    if len(parts) == 1 and m and len(m.group(1)) == n >= 2:
        # 一二三产增加值分别增长3.5%、6%、5%: 一产…, 二产…, 三产…
        rest = subject[len(m.group(1)) :]
        return [d + rest for d in m.group(1)]
    if len(parts) != n or n < 2:
        return None
    first, last = parts[0], parts[-1]
    first_words, last_words = _tokens(first), _tokens(last)
    out = list(parts)
    verbs_in_both = {w for w in first_words if w in LEAD_VERBS or w in VERB_WORDS} & set(last_words)
    if not _is_measure_word(first) and len(last_words) > 1 and not verbs_in_both:
        # (城镇新增就业、新增发放创业担保贷款: both parts say their verb, each is whole)
        # shared tail: drop from the last part the words standing for the first part
        # (城镇|农村居民人均可支配收入: 农村 stands for 城镇, even inside jieba's 农村居民)
        bounds, pos = [], 0
        for w in last_words[:-1]:
            if len(w) == 4 and pos + 2 == len(first):
                bounds.append(pos + 2)
            pos += len(w)
            bounds.append(pos)
        cut = min(bounds, key=lambda x: (abs(x - len(first)), -x))
        tail = last[cut:]
        # (省外游客|入境过夜游客: 游客 is already there, no 省外游客游客)
        out = [p + tail if i < n - 1 and not p.endswith(tail) else p for i, p in enumerate(parts)]
    elif (
        _is_measure_word(first)
        and len(first_words) > 2
        and len(last) <= 4
        and not any(last.startswith(w) for w in first_words[:1])
    ):
        # shared head: 生产安全事故起数和死亡人数
        head = "".join(first_words[:-1])
        out = [p if i == 0 else head + p for i, p in enumerate(parts)]
    return out


# ---------------------------------------------------------------- assembly


_MULTI_YEAR_CUE = re.compile(
    r"五年来|过去五年|五年间|五年中|“十[一二三四五六]五”(?:时期|期间|的五年|以来)|十[一二三四五六]五时期|这五年"
)
_FUTURE_CUE = re.compile(r"目标(?:是|为|：|:)|今后|未来|展望|关键时期|开局|基本实现|将要|将会")


def multi_year_zones(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that review several past years (五年来…, 这五年…, and the ——bullets after).

    Figures there (年均增长5.9%, 从518家增加到731家) are not last year's, and not goals even in a
    section that also sets the next plan's targets. A cue whose sentence looks ahead (“十五五”时期是…
    关键时期, 今后五年的目标) opens no zone.
    """
    zones: list[tuple[int, int]] = []
    pos = 0
    open_zone: int | None = None
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if open_zone is not None and not body.startswith("——") and body:
            zones.append((open_zone, pos))
            open_zone = None
        if open_zone is None:
            m = _MULTI_YEAR_CUE.search(line)
            if m:
                sentence = re.split(r"[。；;]", line[m.start() :], maxsplit=1)[0]
                if not _FUTURE_CUE.search(sentence):
                    open_zone = pos + m.start()
        pos += len(line)
    if open_zone is not None:
        zones.append((open_zone, pos))
    return zones


def _plans_section(sections: Sequence[Section], pos: int) -> bool:
    by_id = {s.id: s for s in sections}
    s = innermost(sections, pos)
    while s is not None:
        if s.role is not None:
            return s.role == "plans"
        s = by_id.get(s.parent) if s.parent else None
    return False


@dataclass
class _ListState:
    """The figures of one enumeration (分别增长4.3%、5.5%): they share subject, kind and verb."""

    sentence: int
    subject: str
    unit: str
    kind: IndicatorKind
    direction: Literal["up", "down"] | None
    verb: str
    last_end: int
    parts: list[str] | None
    index: int


def _strip_adverbs(seg: str) -> str:
    changed = True
    while changed:
        changed = False
        for adv in CHANGE_ADVERBS:
            if seg.endswith(adv) and len(seg) > len(adv):
                seg, changed = seg[: -len(adv)], True
                break
    return seg


def _verb_before(clause: str) -> tuple[str, int]:
    """The change verb ending ``clause`` (adverbs after it allowed) and where it starts."""
    seg = _strip_adverbs(clause)
    for verb, _ in CHANGE_VERBS:
        if seg.endswith(verb):
            return verb, len(seg) - len(verb)
    return "", len(clause)


def _list_length(raws: Sequence[_Raw], i: int, f: str) -> int:
    n = 1
    while i + n < len(raws):
        prev, cur = raws[i + n - 1], raws[i + n]
        if f[prev.end : cur.start] not in ("、", "和", "及", "与"):
            break
        n += 1
    return n


PREDICATE_VERBS = (
    "荣获",
    "获得",
    "获评",
    "获批",
    "获",
    "入选",
    "实现",
    "完成",
    "提交",
    "参与",
    "参加",
    "通过",
    "开展",
    "建成",
    "被",
    "在",
    "向",
    "纳入",
    "列入",
    "公布",
    "开通",
    "上线",
    "落地",
    "达到",
    "进驻",
    "接入",
    "办理",
)
"""Verbs that open the predicate shared by coordinated counts (14个集体、15名个人荣获…表彰)."""
_COUNT_GAP = re.compile(r"[^\d，。；：,;:!?！？\n]{1,12}?[、和及与]?")


PERSON_PREDICATES = ("向", "参加", "参与", "出庭", "旁听", "接受", "报名", "通过", "取得", "获得", "完成")
"""How a predicate said of people counted after their noun opens (负责人共936人向…述法)."""
OTHER_VERBS = frozenset(("实现", "通过", "开展", "推进", "完成", "带动", "提出", "得到", "要", "将"))
"""Verbs that, met first after a counted noun, say the predicate is not one that names it."""
SINGLE_PREDICATE_VERBS = (
    "荣获",
    "获评",
    "获批",
    "获准",
    "入选",
    "上榜",
    "获得",
    "参与",
    "参加",
    "提交",
    "纳入",
    "列入",
    "公布",
    "喝上",
    "用上",
    "享受",
    "完成",
)
"""Verbs that open the predicate said of one counted noun (5个垂直大模型获准开放应用)."""


def _predicate_first(before: str, after: str) -> str:
    """``获准开放应用的垂直大模型`` for 垂直大模型获准开放应用: the predicate, 的, the counted noun ("" if none)."""
    toks = _tokens(after)
    pos = 0
    for w in toks:
        if pos >= 2 and w not in SINGLE_PREDICATE_VERBS and (w in OTHER_VERBS or w in LEAD_VERBS):
            break  # 329个…事项实现申请材料免提交: the first verb is not one that names the counted noun
        if pos >= 2 and w in SINGLE_PREDICATE_VERBS:
            noun, predicate = after[:pos], after[pos:]
            noun = re.sub(r"(?:首次|全部|新|再|又|均|已|也|都|还)$", "", noun)  # 2个品牌新入选: an adverb
            if any(ch in noun for ch in "、和及与并") or not _strip_words(noun):
                return ""
            return f"{predicate}的{_strip_words(before) if len(before) >= 2 else ''}{noun}"
        pos += len(w)
    head = toks[0] if toks else ""
    rest = after[len(head) :]
    if (
        head in GENERIC_COUNTED
        and len(rest) >= 3
        and ("\u4e00" <= rest[0] <= "\u9fff" or rest[0] == "“")
        and not rest.startswith(("的", "和", "及", "与", "中"))
    ):
        # 8个领域共商共建共联 -> 共商共建共联的领域: a bare 领域 / 部门 names no row without its predicate
        return f"{rest}的{head}"
    return ""


GENERIC_COUNTED = frozenset(("部门", "单位", "集体", "人员", "领域", "场景", "行业", "个人", "机构", "主体"))
"""Counted nouns too bare to name a row: the predicate after them says which ones are counted."""


def _holder_label(clause: str, held: str, holder: str) -> str:
    """``公布行政审批中介服务事项清单的部门`` for 公布了…等16个部门84项行政审批中介服务事项清单 ("" if no verb).

    The verb is the clause's first word (公布了, 取消了) or closes what the second count counts
    (3507项行政职权在市政府门户网站公布).
    """
    if not held:
        return ""
    toks = _tokens(clause)
    verb = toks[0] if toks and (toks[0] in LEAD_VERBS or toks[0] in VERB_WORDS or toks[0] == "取消") else ""
    noun = held
    if not verb:
        m = re.search(r"(?:在|于|向|经)?[^在于向经]*?(" + "|".join(SINGLE_PREDICATE_VERBS) + r")$", held)
        if m is None or m.start() < 2:
            return ""
        verb, noun = m.group(1), held[: m.start()]
    if len(verb) < 2 or len(noun) < 2:
        return ""
    return f"{verb}{noun}的{holder}"


def _coordinated_labels(f: str, raws: Sequence[_Raw]) -> dict[int, str]:
    """Labels for counts that share one predicate: 14个集体、15名个人荣获党中央、国务院表彰 ->
    荣获党中央、国务院表彰的集体 / 荣获党中央、国务院表彰的个人 (raw index -> label)."""
    out: dict[int, str] = {}
    i = 0
    while i < len(raws):
        chain = [i]
        while chain[-1] + 1 < len(raws):
            cur, nxt = raws[chain[-1]], raws[chain[-1] + 1]
            gap = f[cur.end : nxt.start]
            if (
                cur.unit not in COUNT_UNITS
                or not _COUNT_GAP.fullmatch(gap)
                or any(v in gap for v in PREDICATE_VERBS)
            ):
                break
            chain.append(chain[-1] + 1)
        last = raws[chain[-1]]
        if len(chain) >= 2 and last.unit in COUNT_UNITS:
            stop = re.search(r"[，。；：,;:!?！？\n(]", f[last.end : last.end + 60])
            window = f[last.end : last.end + 60]
            tail = window[: stop.start()] if stop else window
            cut = min((k for k in (tail.find(v) for v in PREDICATE_VERBS) if k > 0), default=-1)
            if cut > 0 and len(tail) - cut >= 2:
                predicate = tail[cut:].replace("了", "", 1)
                nouns = [f[raws[k].end : raws[k + 1].start].rstrip("、和及与") for k in chain[:-1]]
                nouns.append(re.sub(r"(?:分别|全部|均|都|也)$", "", tail[:cut]))  # 4个项目分别被命名为…
                for k, noun in zip(chain, nouns, strict=True):
                    if noun:
                        out[k] = f"{predicate}的{noun}"
        i = chain[-1] + 1
    return out


_VOLTAGE_CLASS = re.compile(r"\d+千伏(?:(?:和|及|与|、)\d+千伏)*(?=[\u4e00-\u9fff])(?!以上|以下|左右|及以上)")
"""A voltage class before its noun (750千伏和330千伏电网工程, 500千伏变电站): part of a name, no figure."""


def _elided_units(f: str, raws: list[_Raw]) -> list[_Raw]:
    """分别达1.28万亿、1.18万亿、8200亿元: a bare magnitude in a 、-list takes the unit written last."""
    out = list(raws)
    mags = dict(MAGNITUDES)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and f[out[j].end : out[j + 1].num_start] in ("、", "和", "及", "与"):
            j += 1
        last = out[j]
        tail = base_of(1.0, last.unit)[1]
        if j > i and last.unit not in mags and tail and last.unit[: len(last.unit) - len(tail)] in mags:
            for k in range(i, j):
                if out[k].unit in mags:
                    out[k] = dataclasses.replace(out[k], unit=out[k].unit + tail)
        i = j + 1
    return out


def extract_indicators(
    text: str, sections: tuple[Section, ...], *, settings: Settings
) -> tuple[Indicator, ...]:
    """Every quantity of ``text`` in document order, with label, unit, qualifier, kind and section."""
    f = fold(text)
    raws = [r for r in _elided_units(f, _scan(text, f)) if not _VOLTAGE_CLASS.match(f, r.num_start)]
    f = f.replace("\n \n", "   ")  # "74.4\n\u200b\n万亿元": one sentence, not three (same length)
    if not settings.indicator_chinese_numerals:
        raws = [r for r in raws if not r.chinese]
    out: list[Indicator] = []
    coordinated = _coordinated_labels(f, raws)
    groups: list[list[int]] = []  # indexes into out of the figures of one list (5%和3%以内)
    review_zones = multi_year_zones(text) if sections else []
    last_subject: dict[int, str] = {}  # sentence start -> subject of its last figure
    last_label: dict[int, str] = {}  # sentence start -> label of its last figure
    after_end = -1  # where the last label read after its figure stopped
    topics: dict[int, str] = {}  # sentence start -> what its figures are about (民生类诉求)
    state: _ListState | None = None
    open_parent: tuple[str, int] | None = None  # (id of a total, end of its parenthesis)
    for n, r in enumerate(raws):
        sent_start = max(f.rfind(ch, 0, r.start) for ch in _SENT_STOP) + 1
        ends = [i for i in (f.find(ch, r.end) for ch in _SENT_STOP) if i >= 0]
        sent_end = min(ends) if ends else len(f)
        para_start = f.rfind("\n", 0, r.start) + 1
        cstart = _clause_start(f, r.start, sent_start)
        if (
            n > 0
            and cstart <= raws[n - 1].end <= r.start
            and not f.startswith(("内", "以内", "以上", "以下", "范围内", "外"), raws[n - 1].end)
        ):
            # 占全国份额从14%提升到15.5%: the clause of 15.5 starts after 14%
            # (but 公交与轨道50米内换乘比例: a threshold inside the measured noun keeps the clause whole)
            cstart = raws[n - 1].end + (1 if f.startswith("级", raws[n - 1].end) else 0)  # 300万吨级CCUS
        if (f[r.end : r.end + 1] in ("、", "和") and "分别" in f[cstart : r.start]) or (
            cstart > 0
            and f[cstart - 1] == "、"
            and _strip_words(f[cstart : r.start][: _verb_before(f[cstart : r.start])[1]])
            not in ("", *EMPTY_SUBJECTS)
        ):
            # 引进央企二、三级子公司332家 / 新能源汽车、集成电路…产量分别增长: coordinated words
            cstart = _list_clause_start(f, cstart, sent_start)
        clause = f[cstart : r.start]
        if r.start > 0 and f[r.start - 1] in "、和及与" and r.start - 1 < cstart:
            clause = ""
        gap = f[state.last_end : r.num_start] if state is not None else None
        continues = (
            state is not None
            and state.sentence == sent_start
            and gap in ("、", "和", "及", "与")
            and base_of(1.0, r.unit)[1] == base_of(1.0, state.unit)[1]
        )
        if continues:
            groups[-1].append(len(out))
        else:
            groups.append([len(out)])
        if continues and state is not None:
            kind, direction = state.kind, state.direction
            if state.parts is not None and state.index < len(state.parts):
                subject = state.parts[state.index]
                state.index += 1
            else:
                subject = state.subject
            label = subject + (state.verb if direction is not None else "")
            state.last_end = r.end
        else:
            verb, vpos = _verb_before(clause)
            direction = None
            if verb:
                direction = dict(CHANGE_VERBS)[verb]
                if len(verb) == 1 and not _one_char_verb_ok(clause[:vpos]):
                    verb, vpos, direction = "", len(clause), None
            kind = "change" if direction is not None else "level"
            if _target_context(f, r.start, r.end, para_start) or (
                _plans_section(sections, r.start) and not any(a <= r.start < b for a, b in review_zones)
            ):
                kind = "target"
            if kind == "target" and _policy_parameter(f, r):
                kind = "level"
            subject = _strip_words(clause[:vpos])
            nxt = raws[n + 1].num_start if n + 1 < len(raws) else len(f)
            after, stop = _after_text(f, r.end, nxt, r.unit, clause) if direction is None else ("", r.end)
            if clause.rstrip().endswith(("由", "从")) and re.match(r"[\u4e00-\u9fff]{0,5}(?:为|到|至)", after):
                after = ""  # 市属重点国企由51家整合为33家: 51 is where the change starts, 整合为 leads to 33
            if (
                n > 0
                and re.fullmatch(r"[\u4e00-\u9fff]{1,5}(?:为|到|至|成)", clause)
                and f[max(0, raws[n - 1].start - 1) : raws[n - 1].start] in ("由", "从")
            ):
                subject = ""  # 整合为33家: what is measured is what 由51家 was said of
            if after:
                before = _strip_words(clause[:vpos])
                if before in LABEL_LEAD:
                    before = ""  # 其中20个预期性指标
                relative = clause.rstrip().endswith("的") and r.unit in COUNT_UNITS and after_end != r.start
                if relative:
                    # 赋予陬市镇的203项县级经济社会管理权限: the 的-phrase is said of the counted noun
                    before = _strip_words(clause.rstrip().removesuffix("的").split("在")[-1])
                    before = before + "的" if 2 <= len(before) <= 10 else ""
                elif clause.rstrip().endswith(("等", "的")) or len(before) < 2 or after_end == r.start:
                    before = ""  # 36个行政审批单位200项…: the words before are the last figure's
                subject = _shorten(before) + after
                if kind == "level" and not (stop < len(f) and f[stop].isdigit()):
                    # 5个垂直大模型获准开放应用 -> 获准开放应用的垂直大模型: the row names the counted noun
                    # (but 1299个重大项目完成投资1.4万亿元: that predicate is the next figure's measure)
                    listed = before.endswith("等") or ("、" in before and before.count("、") + 1 == r.value)
                    if listed and len(after) >= 3 and not after.startswith(tuple(_BARE_NOUNS)):
                        # 宁夏现代煤化工、中科生物制造2个平台: the list names the counted items
                        lead = next((w for w in _tokens(before)[:1] if w in LEAD_VERBS and len(w) < len(before)), "")
                        before, subject = "", lead + after
                    subject = _predicate_first(before, after) or subject
                    if r.unit in ("人", "名", "位") and after.startswith(PERSON_PREDICATES) and len(before) >= 4:
                        # 各级党政主要负责人共936人向依法治市、县委员会述法: the people counted are the subject
                        # before the figure, the predicate after it says which of them
                        whole = re.match(r"[^，。；：,;:!?！？\n\d]*", f[r.end : r.end + 40])
                        predicate = whole.group(0) if whole and len(whole.group(0)) <= 25 else after
                        subject = f"{predicate}的{before.removeprefix('各级')}"
                elif kind == "level":
                    nr = raws[n + 1] if n + 1 < len(raws) else None
                    if nr is not None and nr.start == stop and nr.unit in COUNT_UNITS and f[stop - 1] not in "和及与、":
                        # 公布了县发改局等16个部门84项…事项清单 -> 公布…事项清单的部门: the first count
                        # counts who holds the second
                        limit = raws[n + 2].num_start if n + 2 < len(raws) else len(f)
                        held, _ = _after_text(f, nr.end, limit, nr.unit, "")
                        subject = _holder_label(clause, held, after) or subject
                after_end = stop
            elif subject.startswith("占") and last_subject.get(sent_start):
                # 建立联合双随机任务441项,占计划任务总数的69.45%: a share of what came before
                subject = _topic(last_subject[sent_start])[0] + subject
            elif not subject or subject in EMPTY_SUBJECTS or (subject in ("年均", "平均") and direction is not None):
                # 同比增加5662件 / 力争达到8% / 从799项削减至326项: the figure before says what is measured
                # (地区生产总值跨越5000亿元大关，年均增长5.7%: 年均 is how, not what)
                how = subject if subject in ("年均", "平均") else ""
                if kind == "target" and last_label.get(sent_start):
                    subject = last_label[sent_start]
                else:
                    subject = last_subject.get(sent_start, "")
                if how:  # 全省生产总值连续跨越…三个大台阶，年均增长5.9%: the measure, not its milestone verb
                    cut = re.sub(r"(?:首次|连续)?(?:连跨|跨越|跨过|突破|迈上|站上|超过|达到|达).*$", "", subject)
                    subject = (cut if len(cut) >= 2 else subject).removesuffix("首次")
                subject = subject + how if subject else how
                subject = subject.removesuffix("连续")  # 粮食总产量连续9年稳定在1300亿斤: not the duration
                if not subject and cstart - 1 > sent_start and f[cstart - 1] in "，,、":
                    # 光伏产品出口表现突出、增长77.6%: no figure before, the clause before names the measure
                    pstart = _list_clause_start(f, _clause_start(f, cstart - 1, sent_start), sent_start)
                    before = f[pstart : cstart - 1]
                    if not any(ch.isdigit() for ch in before):
                        subject = _shorten(_strip_words(before))
            else:
                subject = _shorten(subject)
                composed = _with_topic(subject, topics.get(sent_start, ""), last_subject.get(sent_start, ""))
                if composed != subject:
                    subject = composed
                elif len(subject) >= 5 and not subject.endswith("率"):
                    topics[sent_start] = _topic(subject)[0]
                elif len(subject) >= 6 and topics.get(sent_start, "") not in subject:
                    topics[sent_start] = ""  # a measure of its own: the topic before no longer holds
            parts: list[str] | None = None
            if f[r.end : r.end + 1] in ("、", "和", "及", "与"):
                count = _list_length(raws, n, f)
                head, sep, tail = subject.partition("分别")
                if sep and head and tail:
                    # 城镇新增就业、新增发放创业担保贷款分别完成年计划的118.2%、248.57%
                    split = _distribute(head, count)
                    parts = [p + _strip_words(tail) for p in split] if split else None
                else:
                    parts = _distribute(subject, count)
            label = (parts[0] if parts else subject) + (verb if direction is not None else "")
            state = _ListState(
                sentence=sent_start,
                subject=subject,
                unit=r.unit,
                kind=kind,
                direction=direction,
                verb=verb,
                last_end=r.end,
                parts=parts,
                index=1,
            )
        last_subject[sent_start] = (
            label[: len(label) - len(state.verb)] if state.verb and label.endswith(state.verb) else label
        )
        if n in coordinated and kind == "level":
            label = coordinated[n]
        last_label[sent_start] = label
        iid = f"i{n + 1}"
        parent: str | None = None
        if open_parent is not None and r.start < open_parent[1]:
            parent = open_parent[0]
        elif clause.startswith("其中") and out:
            parent = out[-1].parent or out[-1].id
        if f[r.end : r.end + 1] == "(":
            close = f.find(")", r.end, r.end + 200)
            if close > 0:
                open_parent = (iid, close)
        if label in ("其他", "其它") and parent is not None:
            label += next((o.label for o in out if o.id == parent), "")
        k = f.rfind(label, sent_start, r.end + 80) if label else -1
        if k >= 0:
            label = text[k : k + len(label)]  # as written: full-width brackets, traditional characters
        bv, bu = base_of(r.value, fold(r.unit))  # 個 and 个 are one unit (the text keeps its script)
        sec = innermost(sections, r.start)
        out.append(
            Indicator(
                id=iid,
                label=label,
                value=r.value,
                unit=r.unit,
                qualifier=r.qualifier,
                kind=kind,
                start=r.start,
                end=r.end,
                section=sec.id if sec else None,
                base_value=bv,
                base_unit=bu,
                direction=direction if kind != "level" else None,
                parent=parent,
                range_high=r.range_high,
                sentence=Span(sent_start, sent_end),
            )
        )
    # 分别控制在5%和3%以内: the qualifier written once after the list holds for every figure of it
    for group in groups:
        last_q = out[group[-1]].qualifier
        if len(group) > 1 and last_q in ("以内", "以上", "以下", "左右"):
            for k in group[:-1]:
                if out[k].qualifier is None:
                    out[k] = dataclasses.replace(out[k], qualifier=last_q)
    return tuple(out)


POLICY_DURATIONS = ("小时", "天", "年", "个月", "日")
"""Units of a duration that, written before a noun, is a term of a policy (240小时过境免签, 再延长30年试点).

An age (岁) before its noun is such a parameter too (60岁以上老年人)."""


def _policy_parameter(f: str, r: _Raw) -> bool:
    """An age (0—6岁儿童, 满3岁即入园) or a policy's duration before its noun: a parameter, no target."""
    # an age or a duration written before a noun or a verb qualifies it: 0—6岁儿童, 满3岁即入园, 30年试点
    # (人均预期寿命80岁以上, 压缩至5个工作日 end their clause: measures, kept as targets)
    nxt = f[r.end : r.end + 1]
    return r.unit in (*POLICY_DURATIONS, "岁") and "\u4e00" <= nxt <= "\u9fff" and nxt not in "内的以左前后来间"


def _one_char_verb_ok(before: str) -> bool:
    """增/降/减 alone count as a change verb only after 同比/比上年/... or at a clause start."""
    return not before or before.endswith(("同比", "比上年", "较上年", "环比", "年均", "平均", "微"))
