"""Real reports from OUTSIDE the development corpus (``reports/unseen/``), parsed end to end.

Every file in ``reports/unseen/MANIFEST.tsv`` was taken from a public source that the engine's
authors had not used (provincial 2026 reports of provinces the corpus lacks; 法治政府建设 report
openings of new localities and years). Each file must give the manifest's region, year and kind,
and a sane outline. The per-file facts below were checked by reading the text. An assertion that
the engine fails today is a strict xfail whose reason names the bug (see
``/work/brief/UNSEEN-FINDINGS.md``): when a fix makes it pass, the mark must go.
"""

from __future__ import annotations

import csv
import functools

import pytest

from compare import pipeline
from compare.model import Comparison, Indicator, Report, Section

from .conftest import REPORTS, parsed

UNSEEN = REPORTS / "unseen"
ROWS = list(csv.DictReader((UNSEEN / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
FILES = [row["file"] for row in ROWS]

# Level-1 roles each file's text has (read by hand); the engine must give at least these.
EXPECTED_ROLES: dict[str, set[str]] = {
    "gwr/henan_2025.txt": {"achievements", "plans"},
    "gwr/beijing_2025.txt": {"achievements", "plans"},
    "gwr/qinghai_2025.txt": {"achievements", "plans"},
    "gwr/hunan_2025.txt": {"achievements", "plans"},
    "gwr/guangdong_2025.txt": {"achievements", "plans"},
    "gwr/xinjiang_2025.txt": {"achievements", "plans"},
    "gwr/chongqing_2025.txt": {"achievements", "plans"},
    "gwr/shandong_2025.txt": {"achievements", "plans"},
    "gwr/yunnan_2025.txt": {"achievements", "plans"},
    "gwr/fujian_2025.txt": {"achievements", "plans"},
    "gwr/jiangxi_2025.txt": {"achievements", "plans"},
    "gwr/ningxia_2025.txt": {"achievements", "plans"},
    "gwr/hainan_2025.txt": {"achievements", "plans"},
    "gwr/guizhou_2025.txt": {"achievements", "plans"},
    "gwr/sichuan_2025.txt": {"achievements", "plans"},
    "fazhi/tianjin-jinghai_2020.txt": {"achievements"},
    "fazhi/tianjin-jinghai_2023.txt": {"leadership"},
    "fazhi/hubei_2023.txt": {"achievements"},
    "fazhi/jiangsu-huaian_2017.txt": {"achievements"},
    "fazhi/hebei-shijiazhuang_2016.txt": {"achievements"},
    "fazhi/hunan_2021.txt": {"achievements"},
    "fazhi/hunan_2022.txt": {"achievements"},
    "fazhi/hunan_2023.txt": {"achievements"},
    "fazhi/hunan_2024.txt": {"achievements"},
    "variants/hunan_2024.trad.txt": {"achievements"},
    "fazhi/chongqing-zhongxian-jinji_2024.txt": {"achievements"},
    "fazhi/fujian-jiangle-guyong_2024.txt": {"achievements"},
    "fazhi/guangxi-liujiang-sandu_2025.txt": {"achievements"},
    "fazhi/guangdong-lianjiang-jishui_2024.txt": {"achievements"},
    "variants/hunan_2024.trad-pinyin.txt": {"achievements"},
    "fazhi/hebei-zhaoxian_2022.txt": {"achievements"},
    "fazhi/jiangxi-nanchangxian_2019.txt": {"achievements"},
}
# Files whose text reaches a plans section (the fazhi files are openings that stop before it).
HAS_PLANS = {"gwr/henan_2025.txt", "gwr/beijing_2025.txt", "gwr/qinghai_2025.txt", "gwr/hunan_2025.txt",
             "gwr/guangdong_2025.txt", "gwr/xinjiang_2025.txt", "gwr/chongqing_2025.txt",
             "gwr/shandong_2025.txt", "gwr/yunnan_2025.txt", "gwr/fujian_2025.txt",
             "gwr/jiangxi_2025.txt", "gwr/ningxia_2025.txt", "gwr/hainan_2025.txt",
             "gwr/guizhou_2025.txt", "gwr/sichuan_2025.txt"}

BUGS: dict[str, str] = {
    "inline-comma-list": (
        "segment: an inline 一是…，二是…，七是… list "
        "inside one sentence gives titles that "
        "run on into the next items (title "
        "not cut at ，X是)"
    ),
    "run-in-level1": (
        "segment: a run-in 一、 heading inside "
        "a one-line text (…保障。一、坚持党的领导，…) is "
        "missed, so the 一是 items become level "
        "1"
    ),
    "watermark-in-title": (
        "ingest/segment: a site watermark repeated "
        "inside the text (秘书之家—全网资源每日更新www.mishuzj.com)"
        " is kept in a section title"
    ),
    "title-after-watermark": (
        "ingest: no title found when the title "
        "follows a watermark on the same line"
    ),
    "standalone-heading-line": (
        "segment: standalone unnumbered heading lines ending in 。 "
        "(生态底色更加亮丽。 / 这是…的五年。) are not taken as headings"
    ),
    "label-cut-at-book-title": (
        "indicators: the label stops at a closing 》 and keeps only 等 "
        "(…和《习近平法治思想公开课》等830场次)"
    ),
    "match-label-wording": (
        "match: the same measure in consecutive years is left unpaired when the label "
        "wording differs (开展省政府常务会议法治专题讲座2次 / 举办法治专题讲座2次; "
        "16次主持召开省政府常务会 / 16次主持省政府常务会议)"
    ),
    "traditional-script": (
        "match/diff: labels and units are compared in the script of the text, so a "
        "traditional-script copy of the next report loses pairs (项目25个 / 項目15個)"
    ),
    "pinyin-gloss": (
        "ingest: pinyin glosses inside words (落實(shí), 場(chǎng)次) are kept; they cut titles, "
        "units and labels"
    ),
    "line-broken-cue": (
        "segment/plans: a line break inside the cue sentence (今年经济社会发展的\\n主要预期目标\\n是：…) "
        "makes 主要预期目标 a heading; (一)…(四) drop to level 3 and the targets are lost"
    ),
    "town-region": (
        "ingest: a town's region is the bare town name (金鸡镇, 古镛镇) although the text names "
        "its county (忠县, 将乐县); a town under a county-level city gets the prefecture "
        "(湛江市, not 廉江市吉水镇)"
    ),
    "town-region-unknown": (
        "ingest: the text names only 三都镇 and 区委/区政府, so its county cannot be found; "
        "the region should not be a bare town name either"
    ),
    "empty-label": (
        "indicators: a count that opens its sentence (57个县（市）生产总值…快于全省) gets an empty label"
    ),
    "target-cue-set-as": (
        "indicators: a five-year goal stated as 增速目标设定为年均增长5.5%—6% comes out as kind change"
    ),
    "label-drops-jiu": (
        "indicators: the label of 就地转化率达45% loses its first character (地转化率)"
    ),
    "from-to-you-wei": (
        "indicators: 由71所优化整合为47所 (from…to with an adverb before the verb) labels the new figure 优化整合, "
        "not 中职学校 (由51家整合为33家 was fixed in 38a447b)"
    ),
    "fullwidth-percent-unit": (
        "indicators: a unit written ％ (full width) is kept as ％, so it never equals %"
    ),
    "label-trailing-noun": (
        "indicators: 全网用电负荷129天超1亿千瓦考验 labels the 1亿千瓦 with the noun after it (考验)"
    ),
    "marker-split-by-newline": (
        "segment: a marker broken by a line break (（\\n三）改革开放持续深化、互促共进。) is not a heading; "
        "the review jumps from (二) to (四)"
    ),
    "level1-title-starts-with-yi": (
        "segment: a level-1 heading whose title starts with 一 (一、一年接着一年干，… / 二、一张蓝图绘到底，…) "
        "is rejected, so (一)… become level 1, no section has role plans and the report has no plans"
    ),
    "appendix-in-plans": (
        "segment/plans/indicators: the glossary appendix after the closing words (附件 / 《政府工作报告》有关内容"
        "名词注释 / 1.… 26.) is read as level-3 headings under the last plan item (八); its definitions become "
        "targets (布局20个左右重大专项, 2家世界一流企业) and the last plan item runs to the end of the file"
    ),
    "list-marker-glued-to-number": (
        "segment/indicators: a list marker glued to a number (20.2026年10件民生实事, 21.5+2就业之家) is read "
        "as a decimal: no heading 20./21., and a quantity 20.2026 年 with an empty label"
    ),
    "count-before-noun-list": (
        "indicators: in 其中20个预期性指标、8个约束性指标 the second count takes the first noun (8 labelled "
        "预期性指标)"
    ),
    "elided-unit-in-list": (
        "indicators: in 分别达1.28万亿、1.18万亿、8200亿元 the third value is labelled with the second subject "
        "(有色金属, not 装备制造业) and the first two keep the elided unit 万亿 (not 万亿元)"
    ),
    "label-drops-dui": (
        "indicators: the label of 对外贸易扩大至228个国家和地区 loses its first character (外贸易…)"
    ),
    "subjects-before-fenbie-wancheng": (
        "indicators: 城镇新增就业、新增发放创业担保贷款分别完成年计划的118.2%、248.57% gives both the label "
        "完成年计划; the subjects before 分别 are not distributed"
    ),
    "space-before-unit": (
        "indicators: a half-width space between number and unit (以全省 100 个县) loses the unit"
    ),
    "enumeration-restart": (
        "segment: a second 一是…三是 run in a later paragraph (《纲要（草案）》经大会审查通过后…一是细化实化方案) "
        "is appended to the previous run as 5th-7th items of (四)"
    ),
    "inline-semicolon-list": (
        "segment: an inline list inside one paragraph (至少有十个突出亮点：一是…；二是…；…十是…。) gives ten "
        "level-2 headings, and the five paragraph-initial 一是…五是 headings after it are appended as 11th-15th"
    ),
    "unnamed-average-growth": (
        "indicators: 地区生产总值跨越5000亿元大关，年均增长5.7% labels the 5.7 年均增长 without its measure"
    ),
    "unit-celsius": (
        "indicators: 供热标准由18℃提高到20℃ loses the unit ℃ (unit empty; the 20 is labelled ℃)"
    ),
    "unit-fang": (
        "indicators: 天然气产能达到22亿方 / 煤层气资源量2000多亿方 → unit 亿 (方 = cubic metres is dropped)"
    ),
    "unit-ji-class": (
        "indicators: a scale class 300万吨级CCUS碳捕集利用 / 100兆瓦级地下压缩空气储能 gives labels that start with 级"
    ),
    "target-word-in-review": (
        "indicators: in the review, 普通高中升学率实现3年跨进全国前列目标 gives a quantity 3年 of kind target"
    ),
    "age-bracket": (
        "indicators: age brackets in a plan (0—6岁儿童孤独症筛查, 60岁以上老年人流感疫苗接种) and numbers naming a "
        "policy (240小时过境免签政策, 土地承包到期后再延长30年试点) become targets"
    ),
    "count-before-voltage-class": (
        "indicators: 新建22个750千伏和330千伏电网工程 labels the 22 新建, not the 电网工程 it counts"
    ),
    "fenbie-long-list": (
        "indicators: 进口货值、免签入境游客、国际航行船舶进出、新增外资企业、离岛免税销售额分别增长38.9%、64%、19.6%、"
        "13%、46.8% gives all five the label 新增外资企业、离岛免税销售额增长 (five subjects are not distributed)"
    ),
    "wei-jiang": (
        "indicators: CPI微降0.1% is kind level, not a change with direction down"
    ),
    "per-denominator": (
        "indicators: 每10万人口高等教育平均在校生增长27% gives a quantity 10万 and drops 每10万人口 from the label"
    ),
    "rank-top-percent": (
        "indicators: a rank bracket ESI全球排名前1%的学科 gives a quantity 1% labelled 全球排名前"
    ),
    "fenbie-cn-numeral-subjects": (
        "indicators: 其中一二三产增加值分别增长3.5%左右、6%左右、5%左右 gives all three the label 一二三产增加值增长 "
        "(一产、二产、三产 with 、 is distributed)"
    ),
    "unit-per-month": (
        "indicators: 645元/月 keeps unit 元 (4318元/年 keeps 元/年), and in 从98元/月提高到178元/月 "
        "the 178 is labelled /月"
    ),
    "latin-unit-missed": (
        "indicators: quantities with Latin units are missed (算力规模突破160Eflops, 新能源电池产能达55GWh)"
    ),
    "duo-shi-lianyun": (
        "indicators: 打造5条多式联运示范线路 reads 多 as a qualifier ('5 or more'); 多式联运 (multimodal) is a word"
    ),
    "name-with-digits": (
        "indicators: 3人制篮球场 (3x3 basketball courts) gives a target 3人 labelled 制篮球场"
    ),
    "plan-figure-as-level": (
        "indicators: the five-year plan figures 中心城市新增人口100万、县城新增人口100万、新增旅居人口100万 "
        "come out as kind level inside the plan section"
    ),
    "fenbie-label-dup": (
        "indicators: 省外游客、入境过夜游客分别增长10%、35%以上 labels the 10 省外游客游客增长"
    ),
    "unit-mei": (
        "indicators: a unit written with 每 (PM2.5平均浓度降至28.5微克每立方米) is not read: no indicator at all"
    ),
}

# Files whose outline or plans the engine gets wrong today, with the bug key.
OUTLINE_BUGS: dict[str, str] = {}
PLAN_BUGS: dict[str, str] = {}

# Rows whose region the engine gets wrong today (the manifest holds the true locality).
REGION_BUGS = {
    "fazhi/chongqing-zhongxian-jinji_2024.txt": "town-region",
    "fazhi/fujian-jiangle-guyong_2024.txt": "town-region",
    "fazhi/guangdong-lianjiang-jishui_2024.txt": "town-region",
    "fazhi/guangxi-liujiang-sandu_2025.txt": "town-region-unknown",
}


def bug(key: str) -> pytest.MarkDecorator:
    """A strict xfail naming the engine bug (see /work/brief/UNSEEN-FINDINGS.md)."""
    return pytest.mark.xfail(strict=True, reason=BUGS[key])


def report(rel: str) -> Report:
    return parsed(f"unseen/{rel}")


def level1(r: Report) -> list[Section]:
    return [s for s in r.sections if s.level == 1]


def children(r: Report, parent: Section) -> list[Section]:
    return [s for s in r.sections if s.parent == parent.id]


def indicator_at(r: Report, quote: str, number: str) -> Indicator:
    """The indicator whose number is the first ``number`` inside the (unique) ``quote``."""
    assert r.text.count(quote) == 1, f"quote not unique in the file: {quote}"
    at = r.text.index(quote) + quote.index(number)
    hits = [i for i in r.indicators if i.start <= at < i.end]
    assert hits, f"no indicator at {number!r} in {quote!r}"
    return hits[0]


def no_indicator_inside(r: Report, quote: str) -> bool:
    at = r.text.index(quote)
    return not [i for i in r.indicators if at <= i.start < at + len(quote)]


def arabic(r: Report) -> list[tuple[float, str]]:
    """(value, unit) of the indicators written with Arabic digits, in order."""
    return [(i.value, i.unit) for i in r.indicators if any(c.isdigit() for c in r.text[i.start:i.end])]


@functools.cache
def comparison(old: str, new: str) -> Comparison:
    return pipeline.compare_reports(report(old), report(new))


def paired_titles(c: Comparison) -> set[tuple[str, str]]:
    old = {s.id: s.title for s in c.old.sections}
    new = {s.id: s.title for s in c.new.sections}
    return {(old[p.old], new[p.new]) for p in c.sections if p.old and p.new}


def paired_numbers(c: Comparison) -> set[tuple[str, str]]:
    """(old span text, new span text) of every indicator pair, e.g. ("2次", "2次")."""
    old = {i.id: c.old.text[i.start:i.end] for i in c.old.indicators}
    new = {i.id: c.new.text[i.start:i.end] for i in c.new.indicators}
    return {(old[p.old], new[p.new]) for p in c.indicators if p.old and p.new}


def pair_of(c: Comparison, old_quote: str, old_number: str, new_quote: str, new_number: str) -> bool:
    o = indicator_at(c.old, old_quote, old_number)
    n = indicator_at(c.new, new_quote, new_number)
    return any(p.old == o.id and p.new == n.id for p in c.indicators)


def plan_texts(r: Report, kind: str) -> list[str]:
    return [p.text for p in r.plans if p.kind == kind]


# ----------------------------------------------------------------------------- every file


def test_manifest_lists_every_unseen_file() -> None:
    on_disk = sorted(p.relative_to(UNSEEN).as_posix() for p in UNSEEN.glob("*/*.txt"))
    assert sorted(FILES) == on_disk
    for row in ROWS:
        assert int(row["chars"]) == len((UNSEEN / row["file"]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", ROWS, ids=FILES)
def test_year_and_kind_match_manifest(row: dict[str, str]) -> None:
    meta = report(row["file"]).meta
    assert (meta.year, meta.kind) == (int(row["year_reported"]), row["kind"])


@pytest.mark.parametrize("row", [
    pytest.param(r, marks=bug(REGION_BUGS[r["file"]])) if r["file"] in REGION_BUGS else r
    for r in ROWS], ids=FILES)
def test_region_matches_manifest(row: dict[str, str]) -> None:
    assert report(row["file"]).meta.region == row["locality"]


@pytest.mark.parametrize("rel", [
    pytest.param(f, marks=bug(OUTLINE_BUGS[f])) if f in OUTLINE_BUGS else f for f in FILES])
def test_outline_is_sane(rel: str) -> None:
    r = report(rel)
    assert r.sections
    by_id = {s.id: s for s in r.sections}
    last = -1
    for s in r.sections:
        assert s.heading_start >= last, f"{s.id} out of order"
        last = s.heading_start
        assert s.start <= s.heading_start < s.heading_end <= s.end
        assert 0 < len(s.title) <= 60, f"{s.id} title of {len(s.title)} chars"
        if s.parent is None:
            assert s.level == 1
        else:
            p = by_id[s.parent]
            assert s.level == p.level + 1
            assert p.start <= s.start
            assert s.end <= p.end
    assert EXPECTED_ROLES[rel] <= {s.role for s in level1(r)}


@pytest.mark.parametrize("rel", [
    pytest.param(f, marks=bug(PLAN_BUGS[f])) if f in PLAN_BUGS else f for f in FILES])
def test_plans_only_where_the_text_has_a_plans_section(rel: str) -> None:
    r = report(rel)
    if rel in HAS_PLANS:
        assert plan_texts(r, "task")
        assert plan_texts(r, "target")
        plan_ids = {s.id for s in r.sections if s.role == "plans"}
        assert all(p.section and p.section.split(".")[0] in plan_ids for p in r.plans)
    else:
        assert r.plans == ()


@pytest.mark.parametrize("rel", FILES)
def test_indicators_lie_inside_the_text(rel: str) -> None:
    r = report(rel)
    for i in r.indicators:
        assert 0 <= i.start < i.end <= len(r.text)
        assert any(c.isdigit() or c in "零〇一二两三四五六七八九十百千万" for c in r.text[i.start:i.end])


# ----------------------------------------------------------------------------- 河南 2026 report


HENAN = "gwr/henan_2025.txt"


def test_henan_outline() -> None:
    r = report(HENAN)
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "“十四五”时期和2025年工作回顾", "achievements"),
        ("二、", "“十五五”时期主要目标任务", "plans"),
        ("三、", "2026年重点工作安排", "plans"),
    ]
    one, _, three = level1(r)
    assert [s.marker for s in children(r, one)] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert [s.title for s in children(r, three)][:2] == [
        "纵深推进融入和服务全国统一大市场", "大力拓展内需增长新空间"]
    assert len(children(r, three)) == 10
    assert children(r, three)[-1].title == "有力有效防范化解重点领域风险"


def test_henan_targets_and_tasks() -> None:
    r = report(HENAN)
    assert plan_texts(r, "target") == [
        "经济增长5%左右", "规上工业增加值增长6.5%左右", "固定资产投资增长5%左右",
        "社会消费品零售总额增长5.5%左右", "一般公共预算收入增长4%左右", "城镇调查失业率5.5%左右",
        "城镇新增就业110万人以上", "居民消费价格涨幅2%左右", "粮食产量1300亿斤以上、力争比去年实现更多增长",
    ]
    assert len(plan_texts(r, "task")) == 10


def test_henan_indicators() -> None:
    r = report(HENAN)
    got = [
        (i.value, i.unit, i.qualifier, i.kind)
        for i in (
            indicator_at(r, "生产总值6.66万亿元", "6.66"),
            indicator_at(r, "粮食产量1350.97亿斤", "1350.97"),
            indicator_at(r, "真抓实干，生产总值增长5.6%", "5.6"),
            indicator_at(r, "中欧（亚）班列累计开行1.7万列", "1.7"),
            indicator_at(r, "城镇新增就业110万人以上", "110"),
            indicator_at(r, "城镇调查失业率5.5%左右", "5.5"),
            indicator_at(r, "亿元、增长6%。大力推进", "6"),
        )
    ]
    assert got == [
        (6.66, "万亿元", None, "level"),
        (1350.97, "亿斤", None, "level"),
        (5.6, "%", None, "change"),
        (1.7, "万列", None, "level"),
        (110, "万人", "以上", "target"),
        (5.5, "%", "左右", "target"),
        (6, "%", None, "change"),
    ]
    assert indicator_at(r, "亿元、增长6%。大力推进", "6").label.startswith("全省县级“三保”支出")


def test_henan_no_indicators_from_dates_names_and_plans_labels() -> None:
    r = report(HENAN)
    for quote in ("时间：2026-02-03", "“1+2+4+N”目标任务体系，顶压前行", "全省PM2.5浓度",
                  "推进5G-A超宽带网络", "如期实现2030年前碳达峰目标"):
        assert no_indicator_inside(r, quote), quote


def test_henan_compound_unit() -> None:
    assert indicator_at(report(HENAN), "算力总规模达到10.36百亿亿次/秒", "10.36").unit == "百亿亿次/秒"


def test_henan_label_keeps_every_character() -> None:
    label = indicator_at(report(HENAN), "11个县被认定为国家义务教育优质均衡发展县", "11").label
    assert "优质均衡" in label


def test_henan_label_keeps_leading_word() -> None:
    label = indicator_at(report(HENAN), "高等教育毛入学率提高8个百分点", "8").label
    assert label.startswith("高等教育毛入学率")


def test_henan_label_without_duration() -> None:
    label = indicator_at(report(HENAN), "粮食总产量连续9年稳定在1300亿斤以上", "1300").label
    assert "连续" not in label
    assert label.startswith("粮食总产量")


def test_henan_label_of_share_before_noun() -> None:
    label = indicator_at(report(HENAN), "推动60%以上的县级特困供养机构三级达标", "60").label
    assert "特困供养机构" in label


# ----------------------------------------------------------------------------- 北京 2026 report


BEIJING = "gwr/beijing_2025.txt"


def test_beijing_outline() -> None:
    r = report(BEIJING)
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "2025年工作回顾", "achievements"),
        ("二、", "“十四五”时期发展成就和“十五五”时期主要目标任务", "plans"),
        ("三、", "2026年重点工作", "plans"),
    ]
    one, _, three = level1(r)
    assert [s.title for s in children(r, one)] == [
        "首都功能持续优化提升", "科技创新加快引领新质生产力发展", "改革开放进一步深化",
        "美丽北京建设成效凸显", "城乡区域发展更趋协调", "民生保障持续加强",
    ]
    assert [s.marker for s in children(r, three)] == [f"（{n}）" for n in "一二三四五六七八九十"]


def test_beijing_targets() -> None:
    assert plan_texts(report(BEIJING), "target") == [
        "地区生产总值增长5%左右", "一般公共预算收入增长4%左右", "城镇调查失业率控制在5%以内",
        "居民消费价格涨幅2%左右", "细颗粒物年均浓度控制在29微克/立方米左右、争取更优水平",
    ]
    assert len(plan_texts(report(BEIJING), "task")) == 10


def test_beijing_indicators() -> None:
    r = report(BEIJING)
    gdp = indicator_at(r, "全市地区生产总值5.2万亿元、增长5.4%", "5.2")
    growth = indicator_at(r, "全市地区生产总值5.2万亿元、增长5.4%", "5.4")
    pm = indicator_at(r, "细颗粒物年均浓度27微克/立方米", "27")
    jobless = indicator_at(r, "城镇调查失业率控制在5%以内，居民消费", "5")
    assert (gdp.value, gdp.unit, gdp.kind) == (5.2, "万亿元", "level")
    assert (growth.value, growth.unit, growth.kind) == (5.4, "%", "change")
    assert (pm.value, pm.unit, pm.kind) == (27, "微克/立方米", "level")
    assert (jobless.value, jobless.qualifier, jobless.kind) == (5, "以内", "target")
    # 分别 distributes the two measures over the two numbers
    assert indicator_at(r, "食品、药品抽检合格率分别超98.5%和99%", "99").label == "药品抽检合格率"
    assert "死亡人数" in indicator_at(r, "死亡人数分别下降3.6%和1.3%", "1.3").label
    for quote in ("时间：2026-02-02", "“25·7”区域性大洪水", "轨道交通M102线", "服务业扩大开放2.0任务",
                  "0.1微克攻坚行动"):
        assert no_indicator_inside(r, quote), quote


def test_beijing_inline_comma_list_titles() -> None:
    r = report(BEIJING)
    titles = [s.title for s in children(r, level1(r)[1])]
    assert "首都功能持续提升" in titles
    assert "高质量发展迈上新台阶" in titles


def test_beijing_no_number_from_three_four_wheelers() -> None:
    assert no_indicator_inside(report(BEIJING), "违规电动三四轮车")


def test_beijing_past_five_years_not_targets() -> None:
    r = report(BEIJING)
    assert indicator_at(r, "地区生产总值年均增长5.2%", "5.2").kind == "change"
    assert indicator_at(r, "提升至83.9岁", "83.9").kind != "target"


def test_beijing_rate_unit() -> None:
    i = indicator_at(report(BEIJING), "死亡率控制在0.6人/百亿元以下", "0.6")
    assert (i.unit, i.qualifier) == ("人/百亿元", "以下")


def test_beijing_label_from_own_clause() -> None:
    assert indicator_at(report(BEIJING), "彩化率达24.2%", "24.2").label == "彩化率"


def test_beijing_label_around_inner_number() -> None:
    label = indicator_at(report(BEIJING), "公交与轨道50米内换乘比例达91%", "91").label
    assert label.startswith("公交与轨道")


# ----------------------------------------------------------------------------- 青海 2026 report


QINGHAI = "gwr/qinghai_2025.txt"


def test_qinghai_outline_and_plans() -> None:
    r = report(QINGHAI)
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "2025年和“十四五”时期工作回顾", "achievements"),
        ("二、", "“十五五”主要目标任务", "plans"),
        ("三、", "2026年重点工作任务", "plans"),
    ]
    _, two, three = level1(r)
    assert children(r, two)[0].title == "以更高标准打造生态文明高地"
    assert len(children(r, two)) == len(children(r, three)) == 6
    assert [s.title for s in children(r, three)][-1] == "聚焦民心所系，加大保障和改善民生力度"
    assert plan_texts(r, "target") == [
        "全省地区生产总值增长4.5%左右、力争更好结果", "城镇新增就业6万人以上",
        "农牧区劳动力转移就业106万人次以上", "城镇调查失业率5.5%左右", "居民消费价格涨幅2%左右",
        "粮食总产量保持在110万吨以上",
    ]
    assert len(plan_texts(r, "task")) == 6
    assert r.meta.published == "2026-01-31"


def test_qinghai_indicators() -> None:
    r = report(QINGHAI)
    got = [
        (i.value, i.unit, i.qualifier, i.kind)
        for i in (
            indicator_at(r, "地区生产总值增长4.1%", "4.1"),
            indicator_at(r, "城镇调查失业率5.4%", "5.4"),
            indicator_at(r, "粮食总产量119.3万吨", "119.3"),
            indicator_at(r, "算力规模超2.2万P", "2.2"),
            indicator_at(r, "城镇新增就业6万人以上", "6"),
            indicator_at(r, "常住人口城镇化率提升至67%左右", "67"),
        )
    ]
    assert got == [
        (4.1, "%", None, "change"),
        (5.4, "%", None, "level"),
        (119.3, "万吨", None, "level"),
        (2.2, "万P", "超", "level"),
        (6, "万人", "以上", "target"),
        (67, "%", "左右", "target"),
    ]
    one_two = indicator_at(r, "做大做强1—2个主导产业", "1")
    assert (one_two.value, one_two.range_high, one_two.unit) == (1, 2, "个")
    for quote in ("2026-01-31 07:00:44", "到二三五年", "“8·22”重大垮塌", "“北驾祁连·9号公路”", "“青海湖1号”"):
        assert no_indicator_inside(r, quote), quote


def test_qinghai_standalone_heading_lines() -> None:
    r = report(QINGHAI)
    titles = [s.title for s in children(r, level1(r)[0])]
    assert titles[:2] == ["生态底色更加亮丽", "经济运行持续向好"]


def test_qinghai_unit_du() -> None:
    assert indicator_at(report(QINGHAI), "输出345亿度", "345").unit == "亿度"


def test_qinghai_voltage_class() -> None:
    r = report(QINGHAI)
    assert not [i for i in r.indicators if i.label.startswith("伏")]
    at = r.text.index("330千伏果洛玉树")
    assert all(i.unit == "千伏" for i in r.indicators if i.start == at)


# ----------------------------------------------------------------------------- 广东 2026 report (first half)


GUANGDONG = "gwr/guangdong_2025.txt"


def test_guangdong_outline() -> None:
    r = report(GUANGDONG)
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "2025年和“十四五”时期工作回顾", "achievements"),
        ("二、", "“十五五”时期的主要目标和重点任务", "plans"),
        ("三、", "2026年工作安排", "plans"),
    ]
    assert [s.title for s in children(r, level1(r)[0])] == [
        "联合港澳承办十五运会和残特奥会", "推动全省经济运行稳中有进、稳中向好",
        "加快推进科技创新和产业创新深度融合", "持续优化提升营商环境",
        "“百县千镇万村高质量发展工程”实现三年初见成效", "全力保障和改善民生",
    ]


def test_guangdong_indicators() -> None:
    r = report(GUANGDONG)
    got = [
        (i.value, i.unit, i.qualifier, i.kind)
        for i in (
            indicator_at(r, "地区生产总值增长3.9%", "3.9"),
            indicator_at(r, "货物进出口总额9.5万亿元", "9.5"),
            indicator_at(r, "城镇调查失业率平均值为5.0%", "5.0"),
            indicator_at(r, "相关报道总点击量超610亿次", "610"),
            indicator_at(r, "社会消费品零售总额增长5%左右", "5"),
        )
    ]
    assert got == [
        (3.9, "%", None, "change"),
        (9.5, "万亿元", None, "level"),
        (5.0, "%", None, "level"),
        (610, "亿次", "超", "level"),
        (5, "%", "左右", "target"),
    ]
    gdp = indicator_at(r, "地区生产总值增长4.5%—5%", "4.5")
    assert (gdp.value, gdp.range_high, gdp.kind) == (4.5, 5, "target")
    assert no_indicator_inside(r, "PM\n2.5\n年平均浓度")


def test_guangdong_plan_items_under_a_broken_cue_line() -> None:
    r = report(GUANGDONG)
    three = level1(r)[2]
    assert [s.marker for s in children(r, three)] == ["（一）", "（二）", "（三）", "（四）"]
    targets = plan_texts(r, "target")
    assert any(t.startswith("地区生产总值增长4.5%—5%") for t in targets)
    assert any(t.startswith("地方一般公共预算收入增长3%左右") for t in targets)


def test_guangdong_number_after_fraction() -> None:
    assert indicator_at(report(GUANGDONG), "4386万名异地务工人员", "4386").value == 4386


def test_guangdong_ratio_labels() -> None:
    assert not [i for i in report(GUANGDONG).indicators if i.label in ("∶", ":")]


def test_guangdong_count_before_noun_has_a_label() -> None:
    label = indicator_at(report(GUANGDONG), "57个县（市）生产总值近3年年均增速快于全省", "57").label
    assert "县" in label


# ----------------------------------------------------------------------------- 新疆 2026 report


XINJIANG = "gwr/xinjiang_2025.txt"


def test_xinjiang_outline_and_plans() -> None:
    r = report(XINJIANG)
    assert [(s.marker, s.title) for s in level1(r)] == [
        ("一、", "“十四五”时期和2025年工作回顾"), ("二、", "“十五五”时期经济社会发展的主要目标和战略举措"),
        ("三、", "2026年重点工作"), ("四、", "坚持和加强党的全面领导，全力建设让人民更加满意的政府"),
    ]
    assert [s.role for s in level1(r)][:3] == ["achievements", "plans", "plans"]
    one, _, three, _ = level1(r)
    assert len(children(r, one)) == 8
    assert len(children(r, three)) == 10
    # the target sentence goes on after a full stop (…更好结果。规模以上工业增加值增长7.5%左右，…)
    assert plan_texts(r, "target") == [
        "地区生产总值增长5.5%—6%", "规模以上工业增加值增长7.5%左右", "固定资产投资增长8%左右",
        "社会消费品零售总额增长6%左右", "外贸进出口总额增长10%左右", "一般公共预算收入增长10%左右",
        "城镇居民人均可支配收入增长7%左右", "农村居民人均可支配收入增长8%左右", "居民消费价格指数涨幅2%左右",
        "城镇新增就业47万人以上", "城镇调查失业率控制在5.5%以内",
    ]


def test_xinjiang_indicators() -> None:
    r = report(XINJIANG)
    gdp = indicator_at(r, "全年地区生产总值2.15万亿元、增长5.5%", "2.15")
    rural = indicator_at(r, "达到20793元", "20793")
    assert (gdp.value, gdp.unit, gdp.kind) == (2.15, "万亿元", "level")
    assert (rural.value, rural.unit) == (20793, "元")
    town, country = (indicator_at(r, "可支配收入分别增长5.3%、7%", n) for n in ("5.3", "7"))
    assert town.label.startswith("城镇")
    assert country.label.startswith("农村")
    target = indicator_at(r, "目标是：地区生产总值增长5.5%—6%", "5.5")
    assert (target.kind, target.range_high) == ("target", 6)
    for quote in ("时间：2026-02-12", "G679线乌拉斯台", "中国共产党成立105周年",
                  "自治区成立70周年庆祝活动隆重"):
        assert no_indicator_inside(r, quote), quote


def test_xinjiang_five_year_goal_is_a_target() -> None:
    assert indicator_at(report(XINJIANG), "目标设定为年均增长5.5%—6%", "5.5").kind == "target"


def test_xinjiang_label_keeps_jiu() -> None:
    assert indicator_at(report(XINJIANG), "就地转化率达45%", "45").label.startswith("就地转化率")


# ----------------------------------------------------------------------------- 重庆 2026 report


CHONGQING = "gwr/chongqing_2025.txt"


def test_chongqing_outline_and_plans() -> None:
    r = report(CHONGQING)
    assert [s.marker for s in level1(r)] == ["一、", "二、", "三、", "四、"]
    assert [s.role for s in level1(r)][:3] == ["achievements", "plans", "plans"]
    one, two, three, _ = level1(r)
    assert (len(children(r, one)), len(children(r, two)), len(children(r, three))) == (9, 4, 11)
    assert children(r, three)[-1].marker == "（十一）"
    assert plan_texts(r, "target") == [
        "地区生产总值增长5%以上", "规上工业增加值增长6%", "固定资产投资增长3%",
        "社会消费品零售总额增长4%以上", "进出口总值增长5%", "城镇新增就业65万人以上",
        "一般公共预算收入增长3%", "单位地区生产总值二氧化碳排放下降3.8%",
    ]
    assert plan_texts(r, "task")[:2] == ["多措并举扩大内需", "加快构建以先进制造业为骨干的现代化产业体系"]


def test_chongqing_indicators() -> None:
    r = report(CHONGQING)
    gdp = indicator_at(r, "全市地区生产总值达到33757.93亿元", "33757.93")
    goal = indicator_at(r, "力争到2030年，全市地区生产总值迈上4万亿元新台阶", "4")
    trains = indicator_at(r, "年开行量保持在4800列以上", "4800")
    assert (gdp.value, gdp.unit, gdp.kind) == (33757.93, "亿元", "level")
    assert (goal.value, goal.unit, goal.kind) == (4, "万亿元", "target")
    assert (trains.value, trains.qualifier, trains.kind) == (4800, "以上", "target")
    for quote in ("时间：2026-02-03", "“33618”现代制造业集群体系", "江北国际机场T3B航站楼", "“40桥24隧”"):
        assert no_indicator_inside(r, quote), quote


def test_chongqing_from_to_label() -> None:
    assert indicator_at(report(CHONGQING), "由51家整合为33家", "33").label.startswith("市属重点国企")


def test_chongqing_units_are_folded() -> None:
    assert not [i for i in report(CHONGQING).indicators if "％" in i.unit]


# ----------------------------------------------------------------------------- 山东 2026 report


SHANDONG = "gwr/shandong_2025.txt"


def test_shandong_outline_and_plans() -> None:
    r = report(SHANDONG)
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "2025年及“十四五”时期工作回顾", "achievements"),
        ("二、", "“十五五”时期经济社会发展目标任务", "plans"),
        ("三、", "2026年重点工作", "plans"),
    ]
    one, _, three = level1(r)
    assert len(children(r, one)) == 6
    assert [s.title for s in children(r, three)][:2] == [
        "奋力推进全方位扩大内需", "奋力推进因地制宜发展新质生产力"]
    # the cue is 主要预期目标为： (not 是：)
    assert plan_texts(r, "target") == [
        "地区生产总值增长5%以上", "一般公共预算收入增长2%", "城镇调查失业率控制在5.5%左右",
        "城镇新增就业110万人以上"]
    assert len(plan_texts(r, "task")) == 10


def test_shandong_indicators() -> None:
    r = report(SHANDONG)
    gdp = indicator_at(r, "达到10.3万亿元", "10.3")
    rail_old, rail_new = (indicator_at(r, "高铁里程由2110公里增至3055公里", n) for n in ("2110", "3055"))
    assert (gdp.value, gdp.unit) == (10.3, "万亿元")
    assert rail_old.label.startswith("高铁里程")
    assert rail_new.label.startswith("高铁里程")
    for quote in ("“96178”省长直通车", "“2115”接诉即办", "“1313”实验室体系", "“1+9”行动",
                  "第26届省运会"):
        assert no_indicator_inside(r, quote), quote


@bug("standalone-heading-line")
def test_shandong_standalone_lead_lines_in_plans() -> None:
    r = report(SHANDONG)
    two = children(r, level1(r)[2])[1]
    assert [s.title for s in children(r, two)] == ["做强科技创新核心驱动", "做强现代化产业体系重要载体",
                                                   "做强要素创新性配置支撑保障"]


@bug("label-trailing-noun")
def test_shandong_label_not_trailing_noun() -> None:
    assert "用电负荷" in indicator_at(report(SHANDONG), "天超1亿千瓦考验", "1").label


# ----------------------------------------------------------------------------- 云南 2026 report


YUNNAN = "gwr/yunnan_2025.txt"


def test_yunnan_meta_outline_and_plans() -> None:
    r = report(YUNNAN)
    # the title names no province; the region comes from the body
    assert (r.meta.title, r.meta.region, r.meta.published) == ("2026年政府工作报告", "云南省", "2026-02-03")
    assert [(s.marker, s.role) for s in level1(r)] == [
        ("一、", "achievements"), ("二、", "plans"), ("三、", "plans")]
    _, two, three = level1(r)
    assert len(children(r, two)) == 5
    assert len(children(r, three)) == 9
    assert plan_texts(r, "target") == [
        "地区生产总值增长4.5%左右", "产业投资占比保持在50%以上", "地方一般公共预算收入增长2%",
        "城镇调查失业率5.5%以内", "城镇新增就业50万人以上", "粮食总产量稳定在1955万吨以上",
    ]


def test_yunnan_indicators() -> None:
    r = report(YUNNAN)
    gdp = indicator_at(r, "完成地区生产总值32765亿元", "32765")
    growth = indicator_at(r, "32765亿元、增长4.1%", "4.1")
    assert (gdp.value, gdp.unit, gdp.kind) == (32765, "亿元", "level")
    assert (growth.value, growth.kind) == (4.1, "change")
    for quote in ("2026-02-03 09:02:33", "漾濞6.4级地震", "缅甸7.9级地震", "“3个95%”", "“1262”预警叫应",
                  "“2+3+N”园区", "沪滇“16+16”", "“9+1”法规体系", "“3815”战略"):
        assert no_indicator_inside(r, quote), quote


def test_yunnan_marker_split_by_newline() -> None:
    r = report(YUNNAN)
    assert "改革开放持续深化、互促共进" in [s.title for s in children(r, level1(r)[0])]


# ----------------------------------------------------------------------------- 福建 2026 report


FUJIAN = "gwr/fujian_2025.txt"


def test_fujian_level1_titles_starting_with_yi() -> None:
    r = report(FUJIAN)
    assert [(s.marker, s.title[:6]) for s in level1(r)] == [
        ("一、", "一年接着一年"), ("二、", "一张蓝图绘到"), ("三、", "一鼓作气勇争"), ("四、", "一以贯之转作")]
    assert [s.role for s in level1(r)][:3] == ["achievements", "plans", "plans"]


def test_fujian_targets() -> None:
    targets = plan_texts(report(FUJIAN), "target")
    assert targets[:2] == ["全省地区生产总值增长5%左右", "城镇调查失业率控制在5%左右"]


def test_fujian_indicators() -> None:
    r = report(FUJIAN)
    gdp = indicator_at(r, "全省地区生产总值60199.45亿元", "60199.45")
    invest = indicator_at(r, "固定资产投资下降3.3%", "3.3")
    assert (gdp.value, gdp.unit, gdp.kind) == (60199.45, "亿元", "level")
    assert (invest.value, invest.kind, invest.direction) == (3.3, "change", "down")
    for quote in ("民营经济“77789”贡献格局", "“211”交通圈", "“555X”产业发展格局", "“1131”数字政府",
                  "新时代“漳州110”先进事迹", "PM_2.5平均浓度"):
        assert no_indicator_inside(r, quote), quote


# ----------------------------------------------------------------------------- 湖南 2026 report


HUNAN = "gwr/hunan_2025.txt"


def test_hunan_outline() -> None:
    r = report(HUNAN)
    assert [(s.marker, s.title) for s in level1(r)] == [
        ("一、", "2025年和“十四五”时期工作回顾"), ("二、", "“十五五”时期主要目标任务"),
        ("三、", "关于2026年工作"), ("四、", "全面加强政府自身建设"),
    ]
    assert [s.role for s in level1(r)][:3] == ["achievements", "plans", "plans"]
    one, two, three, _ = level1(r)
    assert [s.marker for s in children(r, one)] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert children(r, one)[0].title == "全力挖掘内需增长新潜能"
    assert len(children(r, two)) == 8
    assert children(r, two)[0].title == "持续用力打造“三个高地”，推动高质量发展实现新突破"
    # a (一) heading with its lead sentence on the same line: the title stops at the 。
    assert [s.title for s in children(r, three)][:2] == ["全力推动经济稳定增长", "加快建设现代化产业体系"]
    assert len(children(r, three)) == 10


def test_hunan_targets() -> None:
    assert plan_texts(report(HUNAN), "target") == [
        "地区生产总值增长5%左右", "地方一般公共预算收入增长1.5%左右", "规模工业增加值增长6%",
        "社会消费品零售总额增长4.5%以上", "进出口总额增长3%", "城镇新增就业70万人",
        "居民消费价格涨幅2%左右", "粮食产量615亿斤左右",
    ]


def test_hunan_indicators() -> None:
    r = report(HUNAN)
    got = [
        (i.value, i.unit, i.qualifier, i.kind)
        for i in (
            indicator_at(r, "全省地区生产总值达到5.53万亿元", "5.53"),
            indicator_at(r, "全体居民人均可支配收入达39545元", "39545"),
            indicator_at(r, "粮食产量突破620亿斤", "620"),
            indicator_at(r, "总算力突破1.3万PF、增长20倍", "20"),
            indicator_at(r, "城镇新增就业70万人；", "70"),
            indicator_at(r, "力争PM2.5浓度下降到33微克/立方米左右", "33"),
        )
    ]
    assert got == [
        (5.53, "万亿元", None, "level"),
        (39545, "元", None, "level"),
        (620, "亿斤", "突破", "level"),
        (20, "倍", None, "change"),
        (70, "万人", None, "target"),
        (33, "微克/立方米", "左右", "target"),
    ]
    three = [indicator_at(r, "产值分别增长9.2%、8.2%、12%", n).label for n in ("9.2", "8.2", "12")]
    assert three[0].startswith("新一代信息技术")
    assert three[1].startswith("新能源")
    assert three[2].startswith("输变电装备")
    for quote in ("时间：2026-02-24", "“1+2”国家实验室", "“4×4”现代化产业体系", "“5+5”先进制造业集群",
                  "“321”工作机制", "“四小时航空经济圈”"):
        assert no_indicator_inside(r, quote), quote


def test_hunan_unit_not_from_next_noun() -> None:
    assert indicator_at(report(HUNAN), "迈上5万亿台阶", "5").unit == "万亿"


def test_hunan_fenbie_with_enumeration_comma() -> None:
    r = report(HUNAN)
    quote = "农村供电可靠率、自来水普及率分别达99.9%、94.5%"
    first, second = (indicator_at(r, quote, n).label for n in ("99.9", "94.5"))
    assert "自来水" not in first
    assert "供电" not in second


def test_hunan_unnamed_change_label() -> None:
    label = indicator_at(report(HUNAN), "稳居全国前十强、增长4.8%", "4.8").label
    assert label.startswith("全省地区生产总值") or label.startswith("地区生产总值")


def test_hunan_institute_number_is_a_name() -> None:
    assert no_indicator_inside(report(HUNAN), "株洲608所AES100发动机")


# ----------------------------------------------------------------------------- fazhi openings


def test_jinghai_2020_banner_date_is_not_the_year() -> None:
    r = report("fazhi/tianjin-jinghai_2020.txt")
    assert (r.meta.title, r.meta.year, r.meta.published) == (
        "2020年静海区法治政府建设情况报告", 2020, "2021-03-29")
    assert [(s.level, s.marker) for s in r.sections] == [
        (1, "一、"), (2, "(一)"), (3, "1."), (3, "2."), (2, "(二)"), (3, "3."), (4, "一是")]
    assert arabic(r)[:5] == [(31, "个"), (515, "项"), (218, "项"), (297, "项"), (18, "项")]
    assert no_indicator_inside(r, "更新时间:2021/03/29 11:30:01")


def test_jinghai_2023_header() -> None:
    r = report("fazhi/tianjin-jinghai_2023.txt")
    assert (r.meta.title, r.meta.published) == ("静海区2023年度法治政府建设情况报告", "2024-03-28")
    assert [(s.marker, s.role) for s in r.sections] == [("一、", "leadership")]
    assert no_indicator_inside(r, "发布时间:2024-03-28 09:18")
    assert no_indicator_inside(r, "(20212025年)")


def test_hubei_run_in_level1_heading() -> None:
    r = report("fazhi/hubei_2023.txt")
    assert [(s.level, s.marker) for s in r.sections] == [(1, "一、"), (2, "一是"), (2, "二是"), (2, "三是")]


@bug("watermark-in-title")
def test_hubei_watermark_not_in_titles() -> None:
    assert all("www." not in s.title for s in report("fazhi/hubei_2023.txt").sections)


@bug("title-after-watermark")
def test_hubei_title() -> None:
    assert report("fazhi/hubei_2023.txt").meta.title == "湖北省人民政府关于2023年度法治政府建设情况的报告"


def test_hubei_indicator() -> None:
    i = indicator_at(report("fazhi/hubei_2023.txt"), "先后研究法治政府建设工作30余次", "30")
    assert (i.value, i.unit, i.qualifier) == (30, "次", "余")


def test_huaian_opening() -> None:
    r = report("fazhi/jiangsu-huaian_2017.txt")
    assert (r.meta.title, r.meta.published) == (
        "淮安市人民政府关于2017年度法治政府建设情况的报告", "2018-05-03")
    assert [(s.level, s.marker) for s in r.sections] == [(1, "一、"), (2, "(一)"), (2, "(二)")]
    assert no_indicator_inside(r, "八届第14次常务会议")


def test_shijiazhuang_title_without_chrome() -> None:
    # the short chrome lines before the title (法制查询 / 首页→ 网站公告) were joined into it until 324c14a
    title = report("fazhi/hebei-shijiazhuang_2016.txt").meta.title
    assert title == "石家庄市人民政府关于2016年度法治政府建设情况的报告"


def test_shijiazhuang_opening() -> None:
    r = report("fazhi/hebei-shijiazhuang_2016.txt")
    assert r.meta.published == "2017-02-28"
    assert arabic(r) == [(7, "个"), (58, "项")]
    assert no_indicator_inside(r, "(石发〔2016〕23号)")


def test_hunan_2021_outline_and_counts() -> None:
    r = report("fazhi/hunan_2021.txt")
    assert r.meta.title is None
    assert [(s.level, s.marker, s.title) for s in r.sections][:2] == [
        (1, "一、", "2021年主要工作"), (2, "(一)", "深入学习贯彻习近平法治思想,法治政府建设责任落实更加到位")]
    assert [s.marker for s in r.sections[2:]] == ["1.", "2.", "3."]
    assert arabic(r) == [(2, "次"), (2, "个"), (4, "个"), (42, "个"), (15, "个")]


def test_zhaoxian_outline() -> None:
    r = report("fazhi/hebei-zhaoxian_2022.txt")
    assert r.meta.title == "赵县人民政府2022年度法治政府建设情况报告"
    assert [(s.level, s.marker, s.title) for s in r.sections] == [
        (1, "一、", "坚持以法治思想为统领,党对法治政府建设的领导更加坚强有力"),
        (2, "一是", "全面加强领导"), (2, "二是", "压实法治责任")]
    assert indicator_at(r, "委员会会议1次", "1").value == 1
    assert indicator_at(r, "常务会议2次", "2").unit == "次"


def test_zhaoxian_no_number_cut_by_elision() -> None:
    assert no_indicator_inside(report("fazhi/hebei-zhaoxian_2022.txt"), "先进单位,20 (略)")


def test_nanchangxian_outline_and_dates() -> None:
    r = report("fazhi/jiangxi-nanchangxian_2019.txt")
    assert [(s.level, s.marker) for s in r.sections] == [
        (1, "一、"), (2, "(一)"), (3, "1."), (3, "2."), (3, "3.")]
    assert no_indicator_inside(r, "2019年1月7日审议通过")
    assert arabic(r) == [(15, "家"), (23, "家"), (3, "家"), (27, "个"), (278, "项")]


def test_nanchangxian_label_without_date() -> None:
    label = indicator_at(report("fazhi/jiangxi-nanchangxian_2019.txt"), "印发了15家单位", "15").label
    assert "29日" not in label


# ----------------------------------------------------------------------------- 湖南 fazhi series


H21, H22, H23, H24 = (f"fazhi/hunan_{y}.txt" for y in (2021, 2022, 2023, 2024))


def test_hunan_fazhi_section_pairs() -> None:
    assert {("坚持党对法治政府建设的领导", "加强党对法治政府建设的领导"),
            ("完善法治政府建设推进机制", "完善法治政府建设推进机制")} <= paired_titles(comparison(H21, H22))
    # renumbered: 2022's 1. (the governor's first-responsibility duty) is 2023's 2., its 2. is 2023's 3.
    pairs = paired_titles(comparison(H22, H23))
    assert ("加强党对法治政府建设的领导", "切实履行推进法治建设第一责任人职责") in pairs
    assert ("完善法治政府建设推进机制", "落实法治政府建设推进机制") in pairs
    assert "深入学习贯彻习近平法治思想" not in {new for _, new in pairs}
    assert {("深入学习贯彻习近平法治思想", "坚持习近平法治思想引领"),
            ("切实履行推进法治建设第一责任人职责", "切实履行法治建设“第一责任人”职责"),
            ("落实法治政府建设推进机制", "完善法治政府建设推进机制")} <= paired_titles(comparison(H23, H24))


def test_hunan_fazhi_indicator_pairs() -> None:
    assert pair_of(comparison(H21, H22), "法治专题讲座2次,省政府新任命", "2", "法治专题讲座2次。各市州", "2")
    assert pair_of(comparison(H23, H24), "“法治为民办实事”项目25个", "25",
                   "“法治为民办实事”省级项目15个", "15")


def test_hunan_fazhi_same_measure_other_words() -> None:
    assert pair_of(comparison(H22, H23), "法治专题讲座2次。各市州", "2", "举办法治专题讲座2次", "2")
    assert pair_of(comparison(H23, H24), "主要负责同志16次主持召开", "16", "批示,16次主持省政府", "16")


def test_hunan_2024_label_before_book_title() -> None:
    assert indicator_at(report(H24), "《习近平法治思想公开课》等830场次", "830").label != "等"


# ----------------------------------------------------------------------------- script variants


TRAD, PINYIN = "variants/hunan_2024.trad.txt", "variants/hunan_2024.trad-pinyin.txt"


def test_traditional_copy_parses_like_the_simplified_one() -> None:
    simp, trad = report(H24), report(TRAD)
    assert [(s.level, s.marker) for s in trad.sections] == [(s.level, s.marker) for s in simp.sections]
    assert [i.value for i in trad.indicators] == [i.value for i in simp.indicators]
    pair = ("切实履行推进法治建设第一责任人职责", "切實履行法治建設“第一責任人”職責")
    assert pair in paired_titles(comparison(H23, TRAD))


def test_traditional_copy_keeps_indicator_pairs() -> None:
    assert pair_of(comparison(H23, TRAD), "“法治为民办实事”项目25个", "25",
                   "“法治為民辦實事”省級項目15個", "15")


def test_pinyin_copy_outline_and_values() -> None:
    r = report(PINYIN)
    assert [(s.level, s.marker) for s in r.sections] == [
        (1, "一、"), (2, "(一)"), (3, "1."), (3, "2."), (3, "3.")]
    assert [i.value for i in r.indicators] == [830, 13, 253, 46, 16, 60]


@bug("pinyin-gloss")
def test_pinyin_glosses_dropped() -> None:
    r = report(PINYIN)
    assert r.sections[1].title == "堅持黨的領導,法治政府建設責任扛牢壓實"
    assert r.indicators[0].unit == "場次"


# ----------------------------------------------------------------------------- town-level openings


def test_town_openings() -> None:
    jinji = report("fazhi/chongqing-zhongxian-jinji_2024.txt")
    assert [(s.level, s.marker) for s in jinji.sections] == [
        (1, "一、"), (2, "(一)"), (2, "(二)"), (3, "1."), (4, "一是")]
    assert no_indicator_inside(jinji, "(忠府办发〔2024〕28号)")
    guyong = report("fazhi/fujian-jiangle-guyong_2024.txt")
    assert [s.title for s in level1(guyong)] == ["2024年度推进法治政府建设的主要举措和成效"]
    assert arabic(guyong) == [(13, "次"), (11, "次")]
    assert no_indicator_inside(guyong, "sm09901-1800-2025-00003")
    jishui = report("fazhi/guangdong-lianjiang-jishui_2024.txt")
    assert (jishui.meta.title, jishui.meta.published) == ("吉水镇2024年法治政府建设年度报告", "2025-01-07")
    assert [s.marker for s in jishui.sections] == ["一、", "(一)", "(二)", "(三)", "一是"]
    sandu = report("fazhi/guangxi-liujiang-sandu_2025.txt")
    assert arabic(sandu)[:3] == [(3, "次"), (200, "人"), (1, "次")]


# ----------------------------------------------------------------------------- 江西 2026 report


JIANGXI = "gwr/jiangxi_2025.txt"
JIANGXI_APPENDIX = "附件\n《政府工作报告》有关内容名词注释"


def test_jiangxi_meta_and_outline() -> None:
    r = report(JIANGXI)
    assert r.meta.published == "2026-02-05"
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "2025年工作及“十四五”时期发展回顾", "achievements"),
        ("二、", "“十五五”时期发展的主要考虑", "plans"),
        ("三、", "2026年工作安排", "plans"),
    ]
    one, two, three = level1(r)
    assert [s.title for s in children(r, one)] == [
        "经济增长好于预期", "产业发展向新图强", "改革开放蹄疾步稳", "区域城乡协调发展", "民生福祉持续增进",
        "社会大局保持稳定"]
    assert [s.marker for s in children(r, two)] == ["（一）", "（二）", "（三）", "（四）"]
    assert [s.marker for s in children(r, three)] == [f"（{n}）" for n in "一二三四五六七八"]
    assert children(r, three)[0].title == "聚焦服务和融入构建新发展格局，充分挖掘释放内需潜力"


def test_jiangxi_targets_and_tasks() -> None:
    r = report(JIANGXI)
    assert plan_texts(r, "target") == [
        "地区生产总值增长5%-5.5%", "规模以上工业增加值增长7.3%以上", "固定资产投资增长3.5%左右",
        "社会消费品零售总额增长4.5%以上", "城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右",
        "居民消费价格涨幅2%左右", "城镇调查失业率控制在5.5%左右",
    ]
    tasks = plan_texts(r, "task")
    assert len(tasks) == 8
    assert tasks[-1] == "聚焦建设更高水平平安江西，加强安全体系和能力建设"


def test_jiangxi_indicators() -> None:
    r = report(JIANGXI)
    gdp = indicator_at(r, "地区生产总值增长5.2%", "5.2")
    size = indicator_at(r, "达3.6万亿元，人均", "3.6")
    grain = indicator_at(r, "粮食总产达446.1亿斤", "446.1")
    pm = indicator_at(r, "PM2.5平均浓度27.4微克/立方米", "27.4")
    target = indicator_at(r, "目标是：地区生产总值增长5%-5.5%", "5")
    deaths = indicator_at(r, "分别下降9.62%、10.47%", "10.47")
    assert (gdp.value, gdp.unit, gdp.kind) == (5.2, "%", "change")
    assert (size.value, size.unit, size.kind) == (3.6, "万亿元", "level")
    assert (grain.value, grain.unit) == (446.1, "亿斤")
    assert (pm.value, pm.unit, pm.label) == (27.4, "微克/立方米", "全省PM2.5平均浓度")
    assert (target.kind, target.range_high) == ("target", 5.5)
    assert (deaths.value, deaths.direction) == (10.47, "down")
    for quote in ("时间：2026-02-05", "由8.7∶41.2∶50.1调整为7.4∶39.6∶53", "新余“1·24”特别重大火灾",
                  "深化实施“1269”行动计划", "飞行器AR-E3000成功首飞", "5G-A、算力"):
        assert no_indicator_inside(r, quote), quote


def test_jiangxi_glossary_appendix_is_not_plans() -> None:
    r = report(JIANGXI)
    appendix = r.text.index(JIANGXI_APPENDIX)
    assert all(s.heading_start < appendix for s in r.sections)
    assert all(p.end <= appendix for p in r.plans)
    assert not [i for i in r.indicators if i.start >= appendix and i.kind == "target"]


def test_jiangxi_list_marker_glued_to_number() -> None:
    assert not [i for i in report(JIANGXI).indicators if i.value == 20.2026]


def test_jiangxi_count_list_labels() -> None:
    assert "约束性指标" in indicator_at(report(JIANGXI), "、8个约束性指标", "8").label


def test_jiangxi_elided_unit_in_list() -> None:
    r = report(JIANGXI)
    assert indicator_at(r, "、8200亿元。开展", "8200").label.startswith("装备制造")
    assert indicator_at(r, "分别达1.28万亿、", "1.28").unit == "万亿元"


def test_jiangxi_label_keeps_dui() -> None:
    assert indicator_at(report(JIANGXI), "对外贸易扩大至228个", "228").label.startswith("对外贸易")


def test_jiangxi_subjects_before_fenbie() -> None:
    r = report(JIANGXI)
    assert "就业" in indicator_at(r, "完成年计划的118.2%", "118.2").label
    assert "创业担保贷款" in indicator_at(r, "、248.57%", "248.57").label


@bug("space-before-unit")
def test_jiangxi_space_before_unit() -> None:
    assert indicator_at(report(JIANGXI), "以全省 100 个县", "100").unit == "个"


def test_jiangxi_second_enumeration_is_not_appended() -> None:
    r = report(JIANGXI)
    four = children(r, level1(r)[1])[3]
    assert [s.marker for s in children(r, four)] == ["一是", "二是", "三是", "四是"]


# ----------------------------------------------------------------------------- 宁夏 2026 report


NINGXIA = "gwr/ningxia_2025.txt"


def test_ningxia_meta_outline_and_plans() -> None:
    r = report(NINGXIA)
    assert (r.meta.title, r.meta.published) == ("2026年宁夏回族自治区政府工作报告", "2026-02-09")
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "2025年工作总结和“十四五”发展成就", "achievements"),
        ("二、", "“十五五”时期主要任务", "plans"),
        ("三、", "2026年重点工作", "plans"),
    ]
    _, two, three = level1(r)
    assert [s.marker for s in children(r, two)] == [f"{n}是" for n in "一二三四五六七八九十"]
    assert children(r, two)[0].title == "经济综合实力显著提升，加快建设物质富足的现代化宁夏"
    assert [s.marker for s in children(r, three)] == [f"（{n}）" for n in "一二三四五六"]
    first = children(r, three)[0]
    assert [s.title for s in children(r, first)][:2] == [
        "坚定实施扩大内需战略，在加快推动消费投资增长上实现新突破",
        "坚定实施产业兴区战略，在加快发展特色优势产业上实现新突破"]
    # the cue sentence goes on after a full stop (…力争取得更好结果。一产、二产、三产增加值分别增长…)
    assert plan_texts(r, "target") == [
        "地区生产总值增长5%左右", "一产、二产、三产增加值分别增长5%左右、5%以上、5%左右",
        "规模以上工业增加值增长6%左右", "固定资产投资增长5%左右", "社会消费品零售总额增长3%左右",
        "地方一般公共预算收入增长3%左右", "全体居民人均可支配收入增长5%以上", "城镇调查失业率控制在5.5%左右",
        "居民消费价格涨幅2%左右",
    ]
    assert len(plan_texts(r, "task")) == 6


@bug("inline-semicolon-list")
def test_ningxia_highlights_are_not_headings() -> None:
    r = report(NINGXIA)
    one = level1(r)[0]
    assert [s.marker for s in children(r, one)] == ["一是", "二是", "三是", "四是", "五是"]
    assert children(r, one)[0].title == "突出打好“六个攻坚战”，经济高质量发展跃上新台阶"


def test_ningxia_indicators() -> None:
    r = report(NINGXIA)
    gdp = indicator_at(r, "全年实现地区生产总值5696亿元", "5696")
    second = indicator_at(r, "分别增长6%、5.2%、5.2%", "5.2")
    pop = indicator_at(r, "由上年729万人增加到732万人", "732")
    pm = indicator_at(r, "PM_2.5浓度为25.9微克/立方米", "25.9")
    times = indicator_at(r, "分别增长2.5倍、3倍", "2.5")
    power = indicator_at(r, "双双超过1000亿度", "1000")
    jobs = indicator_at(r, "城镇新增就业8.2万人以上", "8.2")
    assert (gdp.value, gdp.unit, gdp.kind) == (5696, "亿元", "level")
    assert (second.label, second.kind) == ("二产增加值增长", "change")
    assert (pop.value, pop.unit, pop.label) == (732, "万人", "常住人口")
    assert (pm.value, pm.unit) == (25.9, "微克/立方米")
    assert (times.unit, times.label) == ("倍", "游客人次增长")
    assert (power.unit, power.qualifier) == ("亿度", "超过")
    assert (jobs.value, jobs.unit, jobs.qualifier, jobs.kind) == (8.2, "万人", "以上", "target")
    for quote in ("2026-02-09 09:45:30", "调整为8.3∶41.4∶50.3", "明确“1235577”总体发展思路", "“11228”开放体系",
                  "加快构建“1351”防灾体系", "“1+1+10”系列政策措施"):
        assert no_indicator_inside(r, quote), quote


def test_ningxia_average_growth_has_its_measure() -> None:
    r = report(NINGXIA)
    assert indicator_at(r, "5000亿元大关，年均增长5.7%", "5.7").label.startswith("地区生产总值")
    assert indicator_at(r, "突破500亿元，年均增长5.2%", "5.2").label.startswith("地方一般公共预算收入")


def test_ningxia_unit_celsius() -> None:
    r = report(NINGXIA)
    assert indicator_at(r, "由18℃提高到20℃", "20").unit == "℃"


def test_ningxia_unit_fang() -> None:
    assert indicator_at(report(NINGXIA), "天然气产能达到22亿方", "22").unit == "亿方"


def test_ningxia_scale_class_labels() -> None:
    assert not [i for i in report(NINGXIA).indicators if i.label.startswith("级")]


def test_ningxia_no_target_in_review() -> None:
    r = report(NINGXIA)
    plans_start = level1(r)[1].start
    assert not [i for i in r.indicators if i.start < plans_start and i.kind == "target"]


def test_ningxia_age_brackets_are_not_targets() -> None:
    r = report(NINGXIA)
    for quote in ("0—6岁儿童孤独症筛查", "60岁以上老年人流感疫苗接种", "推进240小时过境免签"):
        assert not [i for i in r.indicators if i.kind == "target" and r.text.index(quote) <= i.start
                    < r.text.index(quote) + len(quote)], quote


def test_ningxia_count_of_grid_projects() -> None:
    assert "电网工程" in indicator_at(report(NINGXIA), "新建22个750千伏", "22").label


# ----------------------------------------------------------------------------- 海南 2026 report


HAINAN = "gwr/hainan_2025.txt"
HAINAN_NOTES = "注释\n［1］一降三减："


def test_hainan_outline_and_plans() -> None:
    r = report(HAINAN)
    assert (r.meta.region, r.meta.title) == ("海南省", "政府工作报告")
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "2025年和“十四五”时期工作回顾", "achievements"),
        ("二、", "“十五五”时期主要目标任务", "plans"),
        ("三、", "2026年主要工作", "plans"),
        ("四、", "加强政府自身建设", "plans"),
    ]
    three = level1(r)[2]
    # (一)… headings without final punctuation, on lines of their own
    assert [s.title for s in children(r, three)][:2] == ["聚力促进更高水平开放", "聚力释放有效需求潜力"]
    assert children(r, three)[-1].marker == "（十）"
    assert plan_texts(r, "target") == [
        "地区生产总值增长6%左右", "固定资产投资增长7%左右", "社会消费品零售总额增长6%左右",
        "城镇调查失业率控制在5.5%左右", "居民消费价格增长2%左右",
    ]
    assert plan_texts(r, "task")[:10] == [s.title for s in children(r, three)]


def test_hainan_standalone_heading_lines() -> None:
    r = report(HAINAN)
    first = children(r, level1(r)[2])[0]
    assert [s.title for s in children(r, first)] == [
        "推动自由贸易港政策红利加速释放", "稳步扩大制度型开放", "激发经营主体活力"]
    assert [s.title for s in children(r, level1(r)[3])] == [
        "旗帜鲜明讲政治", "依法行政强法治", "履职尽责抓落实", "担当作为强作风"]


def test_hainan_notes_are_not_plans() -> None:
    r = report(HAINAN)
    notes = r.text.index(HAINAN_NOTES)
    assert all(p.end <= notes for p in r.plans)
    assert not [i for i in r.indicators if i.start >= notes and i.kind == "target"]


def test_hainan_indicators() -> None:
    r = report(HAINAN)
    share = indicator_at(r, "税目比例由21%提升至74%", "74")
    gdp = indicator_at(r, "地区生产总值增长4%，", "4")
    pm = indicator_at(r, "PM2.5浓度11.8微克/立方米", "11.8")
    rural = indicator_at(r, "分别增长3.4%、5.2%", "5.2")
    jobs = indicator_at(r, "城镇新增就业17万人左右", "17")
    range_ = indicator_at(r, "旅游休闲街区2-3家", "2")
    assert (share.value, share.unit, share.label) == (74, "%", "进口“零关税”商品税目比例")
    assert (gdp.value, gdp.kind) == (4, "change")
    assert (pm.value, pm.unit) == (11.8, "微克/立方米")
    assert rural.label == "农村居民人均可支配收入增长"
    assert (jobs.value, jobs.unit, jobs.qualifier, jobs.kind) == (17, "万人", "左右", "target")
    assert (range_.value, range_.range_high, range_.kind) == (2, 3, "target")
    for quote in ("“45432”发展架构", "“11431”基层治理体系", "南山港服务科考船2152航次", "“1+5+N”［8］",
                  "“一降三减”［1］", "G9812高速延长线", "G225乐东至三亚段"):
        assert no_indicator_inside(r, quote), quote


def test_hainan_five_subjects_distributed() -> None:
    r = report(HAINAN)
    assert indicator_at(r, "分别增长38.9%", "38.9").label.startswith("进口货值")
    assert indicator_at(r, "、46.8%", "46.8").label.startswith("离岛免税销售额")


def test_hainan_slight_fall_is_a_change() -> None:
    cpi = indicator_at(report(HAINAN), "CPI微降0.1%", "0.1")
    assert (cpi.kind, cpi.direction) == ("change", "down")


def test_hainan_per_denominator() -> None:
    r = report(HAINAN)
    assert no_indicator_inside(r, "每10万人口")
    assert "每10万人口" in indicator_at(r, "平均在校生增长27%", "27").label


def test_hainan_rank_bracket() -> None:
    assert no_indicator_inside(report(HAINAN), "全球排名前1%")


def test_hainan_from_to_with_adverb() -> None:
    assert indicator_at(report(HAINAN), "由71所优化整合为47所", "47").label.startswith("中职学校")


def test_hainan_label_keeps_dui() -> None:
    assert "应热带" not in indicator_at(report(HAINAN), "有效应对50个热带气旋", "50").label


def test_hainan_elided_unit_in_list() -> None:
    r = report(HAINAN)
    first = indicator_at(r, "分别惠及3500万、2300万人次", "3500")
    second = indicator_at(r, "、2300万人次", "2300")
    assert (first.unit, second.label.startswith("全民健身")) == ("万人次", True)


def test_hainan_policy_term_is_not_a_target() -> None:
    assert indicator_at(report(HAINAN), "再延长30年试点", "30").kind != "target"


# ----------------------------------------------------------------------------- 贵州 2026 report


GUIZHOU = "gwr/guizhou_2025.txt"


def test_guizhou_meta_outline_and_plans() -> None:
    r = report(GUIZHOU)
    # the first line is a photo caption (政府工作报告。 贵州日报天眼新闻记者 李森 摄); the subtitle is in （…）
    assert (r.meta.title, r.meta.region, r.meta.published) == ("政府工作报告", "贵州省", "2026-01-27")
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "2025年和“十四五”时期工作回顾", "achievements"),
        ("二、", "“十五五”时期主要目标任务", "plans"),
        ("三、", "2026年工作安排", "plans"),
    ]
    one, _, three = level1(r)
    assert [s.title for s in children(r, one)][:2] == ["全面转向高质量发展新阶段", "加快构建高质量发展政策体系"]
    assert len(children(r, one)) == 10
    assert [s.marker for s in children(r, three)] == [f"（{n}）" for n in "一二三四五六七八"]
    assert plan_texts(r, "target") == [
        "地区生产总值增长5%左右", "其中一二三产增加值分别增长3.5%左右、6%左右、5%左右",
        "规模以上工业增加值增长7.5%左右", "固定资产投资增长3%左右", "社会消费品零售总额增长4%左右",
        "一般公共预算收入增长2%左右", "城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右",
        "城镇新增就业60万人左右", "城镇调查失业率5.5%左右", "居民消费价格涨幅2%左右", "常住人口城镇化率达59%左右",
    ]
    assert len(plan_texts(r, "task")) == 8


def test_guizhou_indicators() -> None:
    r = report(GUIZHOU)
    gdp = indicator_at(r, "达到23562亿元", "23562")
    rural = indicator_at(r, "分别增长3.9%和5.7%", "5.7")
    share = indicator_at(r, "比重从17.9%提升到35.5%", "35.5")
    land = indicator_at(r, "耕地保有量不少于5028.04万亩", "5028.04")
    energy = indicator_at(r, "能源综合生产能力达2.3亿吨标准煤左右", "2.3")
    pm = indicator_at(r, "年平均浓度不高于23微克/立方米", "23")
    assert (gdp.value, gdp.unit, gdp.kind) == (23562, "亿元", "level")
    assert (rural.label, rural.kind) == ("农村常住居民人均可支配收入增长", "change")
    assert (share.value, share.label) == (35.5, "工业投资占固定资产投资比重")
    assert (land.value, land.qualifier, land.kind) == (5028.04, "不少于", "target")
    assert (energy.unit, energy.qualifier) == ("亿吨标准煤", "左右")
    assert (pm.unit, pm.kind) == ("微克/立方米", "target")
    for quote in ("一、二季度经济平稳增长", "“5+3”工作机制", "“8+5”任务抓手", "“3+1”保障成果",
                  "“1+9”国家级开放创新平台", "到二〇三五年"):
        assert no_indicator_inside(r, quote), quote


def test_guizhou_cn_numeral_subjects_distributed() -> None:
    r = report(GUIZHOU)
    assert indicator_at(r, "其中一二三产增加值分别增长3.5%左右", "3.5").label.startswith("一产")
    assert indicator_at(r, "分别增长3.5%左右、6%左右、5%左右。规模以上", "6").label.startswith("二产")


def test_guizhou_unit_per_month() -> None:
    r = report(GUIZHOU)
    assert indicator_at(r, "2020年的645元/月", "645").unit == "元/月"
    assert indicator_at(r, "提高到178元/月", "178").label.startswith("城乡居民基础养老金")


def test_guizhou_latin_units() -> None:
    r = report(GUIZHOU)
    assert indicator_at(r, "算力规模突破160Eflops", "160").value == 160
    assert indicator_at(r, "新能源电池产能达55GWh", "55").value == 55


def test_guizhou_multimodal_is_a_word() -> None:
    i = indicator_at(report(GUIZHOU), "打造5条多式联运示范线路", "5")
    assert (i.qualifier, "多式联运" in i.label) == (None, True)


def test_guizhou_three_a_side_courts() -> None:
    assert no_indicator_inside(report(GUIZHOU), "3人制篮球场")


@bug("plan-figure-as-level")
def test_guizhou_five_year_plan_figures_are_targets() -> None:
    assert indicator_at(report(GUIZHOU), "县城新增人口100万", "100").kind == "target"


def test_guizhou_label_not_doubled() -> None:
    assert indicator_at(report(GUIZHOU), "分别增长10%、35%以上", "10").label == "省外游客增长"


# ----------------------------------------------------------------------------- 四川 2026 report


SICHUAN = "gwr/sichuan_2025.txt"
SICHUAN_GLOSSARY = "名词解释\n1.“两重”"


def test_sichuan_meta_outline_and_plans() -> None:
    r = report(SICHUAN)
    assert (r.meta.title, r.meta.region, r.meta.published) == ("2026年四川省人民政府工作报告", "四川省", "2026-02-03")
    assert [(s.marker, s.title, s.role) for s in level1(r)] == [
        ("一、", "2025年工作回顾和“十四五”发展主要成绩", "achievements"),
        ("二、", "“十五五”发展的主要考虑", "plans"),
        ("三、", "2026年工作安排", "plans"),
    ]
    one, _, three = level1(r)
    assert [s.marker for s in children(r, one)] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert children(r, one)[0].title == "着力扩内需稳增长，推动经济持续向新向优量质齐升"
    assert [s.marker for s in children(r, three)][-1] == "（十）"
    assert plan_texts(r, "target") == [
        "地区生产总值增长5.5%左右", "城镇新增就业85万人", "城镇调查失业率5.5%左右", "居民消费价格涨幅2%左右",
        "地方一般公共预算收入增长2%", "粮食产量730亿斤以上",
    ]
    assert plan_texts(r, "task")[0] == "突出扩大内需战略基点，更大力度统筹促消费扩投资"


def test_sichuan_indicators() -> None:
    r = report(SICHUAN)
    gdp = indicator_at(r, "实现地区生产总值67665亿元", "67665")
    rural = indicator_at(r, "分别增长4.4%、5.6%", "5.6")
    pension = indicator_at(r, "分别提高84%、40%、59%", "84")
    subjects = indicator_at(r, "经营主体从689万户增至951万户", "951")
    assert (gdp.value, gdp.unit, gdp.kind) == (67665, "亿元", "level")
    assert rural.label == "农村居民人均可支配收入增长"
    assert (pension.label, pension.kind) == ("城乡居民基础养老金标准提高", "change")
    assert (subjects.value, subjects.unit) == (951, "万户")
    for quote in ("2026年02月10日 07时41分", "京东方第8.6代线", "“365天不落幕的科技博览会”", "国道318川藏线",
                  "abcd39f1fb7f426d9dfb6bd0fa1f2146"):
        assert no_indicator_inside(r, quote), quote


@bug("enumeration-restart")
def test_sichuan_inline_considerations_are_not_headings() -> None:
    r = report(SICHUAN)
    assert [s.title for s in children(r, level1(r)[1])] == [
        "聚力在发展新质生产力上取得新突破", "聚力在深化改革开放上取得新突破", "聚力在增进民生福祉上取得新突破",
        "聚力在筑牢安全基石上取得新突破"]


def test_sichuan_glossary_is_not_plans() -> None:
    r = report(SICHUAN)
    glossary = r.text.index(SICHUAN_GLOSSARY)
    assert all(s.heading_start < glossary for s in r.sections)
    assert all(p.end <= glossary for p in r.plans)
    assert not [i for i in r.indicators if i.start >= glossary and i.kind == "target"]


def test_sichuan_unit_with_mei() -> None:
    assert indicator_at(report(SICHUAN), "降至28.5微克每立方米", "28.5").value == 28.5


def test_sichuan_age_is_not_a_target() -> None:
    assert indicator_at(report(SICHUAN), "满3岁即入园", "3").kind != "target"
