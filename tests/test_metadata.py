"""Metadata found in the reports themselves: region, reviewed year, kind, title, publication date.

The expected values are the MANIFEST's ``locality``, ``year_reported`` and ``kind`` columns. The
rules are general (gazetteer + genre phrases); the few files where the report itself does not say
what the manifest says are listed in KNOWN_REGION_MISSES with the reason, and are strict xfails:
if a change makes one pass, the list must shrink.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.ingest import _header_lines, _is_chrome, body_range, canonical_region, find_meta, read_document
from compare.settings import Settings
from compare.textnorm import fold

from .conftest import GOLD, REPORTS
from .gate import check_floors

MANIFEST = list(csv.DictReader((REPORTS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))

KNOWN_REGION_MISSES = {
    "fazhi/guizhou-libo_2023.txt":
        "the manifest writes the bare county 荔波县 where every other county carries its province "
        "(河北省灵寿县); the rule gives 贵州省荔波县. No rule from the text tells it apart: the titles "
        "灵寿县人民政府… and 桃源县人民政府… are written the same way and their rows carry the province",
    "fazhi/hubei-zhuxi-quanxi_2023.txt":
        "the report names only 泉溪镇 (towns are not in the gazetteer) and never its county 竹溪县",
    "fazhi/tianjin-dongjiang_2025.txt":
        "the report calls itself 东疆综合保税区 and never says 天津",
}


def _params(column: str) -> list[object]:
    out: list[object] = []
    for row in MANIFEST:
        marks = []
        if column == "locality" and row["file"] in KNOWN_REGION_MISSES:
            marks.append(pytest.mark.xfail(reason=KNOWN_REGION_MISSES[row["file"]], strict=True))
        out.append(pytest.param(row["file"], row[column], marks=marks, id=row["file"]))
    return out


_cache: dict[str, object] = {}


def meta_of(rel: str):  # type: ignore[no-untyped-def]
    if rel not in _cache:
        path = REPORTS / rel
        _cache[rel] = read_document(path.read_bytes(), str(path), settings=Settings()).meta
    return _cache[rel]


@pytest.mark.parametrize(("rel", "expected"), _params("locality"))
def test_region(rel: str, expected: str) -> None:
    assert meta_of(rel).region == expected


@pytest.mark.parametrize(("rel", "expected"), _params("year_reported"))
def test_reviewed_year(rel: str, expected: str) -> None:
    assert meta_of(rel).year == int(expected)


@pytest.mark.parametrize(("rel", "expected"), _params("kind"))
def test_kind(rel: str, expected: str) -> None:
    assert meta_of(rel).kind == expected


def test_region_hit_rate() -> None:
    hits = sum(meta_of(r["file"]).region == r["locality"] for r in MANIFEST)
    assert hits == len(MANIFEST) - len(KNOWN_REGION_MISSES)


# --------------------------------------------------------------------------- rules on small texts


def meta(text: str):  # type: ignore[no-untyped-def]
    return find_meta(text, source="test")


def test_gwr_delivered_next_year_reviews_the_year_before() -> None:
    m = meta("2025年浙江省政府工作报告\n来源：浙江日报\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n")
    assert (m.region, m.year, m.kind) == ("浙江省", 2024, "gwr")
    assert m.title == "2025年浙江省政府工作报告"


def test_gwr_review_heading_gives_the_year() -> None:
    m = meta("各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n一、2024年工作回顾\n过去一年……\n")
    assert (m.year, m.kind) == (2024, "gwr")


def test_national_report() -> None:
    m = meta("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。\n"
             "一、2015年工作回顾\n")
    assert (m.region, m.year, m.kind) == ("中华人民共和国国务院", 2015, "gwr")


def test_fazhi_opening_without_title() -> None:
    m = meta("2022年西城区坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实"
             "党中央、国务院关于法治政府建设的总体部署，扎实推进依法行政各项工作。现将有关情况报告如下：\n"
             "一、主要举措和成效\n")
    assert (m.region, m.year, m.kind) == ("北京市西城区", 2022, "fazhi")


def test_fazhi_title_and_signature_date() -> None:
    m = meta("灵寿县人民政府\n关于2025年度法治政府建设情况的报告\n2025年，我县坚持依法行政。\n……\n"
             "灵寿县人民政府\n2026年2月10日\n")
    assert (m.region, m.year, m.kind) == ("河北省灵寿县", 2025, "fazhi")
    assert m.published == "2026-02-10"


def test_department_and_zone() -> None:
    assert meta("湖北省司法厅2022年法治政府建设年度报告\n2022年，省司法厅坚持……\n").region == "湖北省司法厅"
    assert meta("2025年天津经济技术开发区法治政府建设情况报告\n2025年，经开区坚持……\n").region \
        == "天津经济技术开发区"


def test_short_county_names_inside_words_are_not_places() -> None:
    # 示范县 contains 范县 (河南省); it is not a mention of that county.
    m = meta("2024年，我县坚持依法行政，创建法治政府建设示范县。制定《兴国县贯彻落实方案》。\n")
    assert m.region == "江西省兴国县"


def test_canonical_region_forms() -> None:
    assert canonical_region("330000") == "浙江省"
    assert canonical_region("350100") == "福建省福州市"
    assert canonical_region("110105") == "北京市朝阳区"
    assert canonical_region("130302") == "河北省秦皇岛市海港区"
    assert canonical_region("130126") == "河北省灵寿县"
    assert canonical_region("430682") == "湖南省临湘市"


def test_ambiguous_district_is_settled_by_context() -> None:
    m = meta("2023年，朝阳区坚持以习近平法治思想为指导，建设长春现代化都市圈。\n")
    assert m.region == "吉林省长春市朝阳区"
    m = meta("2023年，朝阳区坚持以习近平法治思想为指导，建设首都北京。\n")
    assert m.region == "北京市朝阳区"


def test_header_table_fields_give_the_date() -> None:
    m = find_meta("荔波县人民政府2023年度法治政府建设工作情况报告\n2023年以来，荔波县坚持……\n", source="x",
                  fields=(("索引号", "000014349/2024-351576"), ("生成日期", "2024-03-04")))
    assert m.published == "2024-03-04"
    assert m.fields[0] == ("索引号", "000014349/2024-351576")


# --------------------------------------------------------------------------- accuracy floors

FLOORS = Path(__file__).resolve().parent / "floors" / "metadata.json"


def _accuracy() -> dict[str, float]:
    """Share of manifest rows right, on the files as they are and on their bodies alone (title block
    cut off), the harder case of a report pasted without its heading."""
    right: dict[str, list[bool]] = {k: [] for k in ("region", "year", "kind", "body_region", "body_year",
                                                     "body_kind")}
    for row in MANIFEST:
        m = meta_of(row["file"])
        right["region"].append(m.region == row["locality"])
        right["year"].append(m.year == int(row["year_reported"]))
        right["kind"].append(m.kind == row["kind"])
        if not row["file"].endswith(".txt"):
            continue
        text = (REPORTS / row["file"]).read_text(encoding="utf-8")
        _, body_start = _header_lines(fold(text))
        b = find_meta(text[body_start:], source="body")
        right["body_region"].append(b.region == row["locality"])
        right["body_year"].append(b.year == int(row["year_reported"]))
        right["body_kind"].append(b.kind == row["kind"])
    return {k: round(sum(v) / len(v), 4) for k, v in right.items()}


def test_accuracy_meets_the_floors(request: pytest.FixtureRequest) -> None:
    check_floors(FLOORS, _accuracy(), request)


# --------------------------------------------------------------------------- web-page copies

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MANIFEST_ROW = {r["file"]: r for r in MANIFEST}
WEBPAGES = {  # fixture -> (the report it wraps, publication date on the page)
    "webpage_zhengzhou_2024": ("fazhi/henan-zhengzhou_2024.txt", "2025-03-21"),
    "webpage_shenyang_2025": ("fazhi/liaoning-shenyang_2025.txt", "2026-03-30"),
    "webpage_dalian_2024": ("fazhi/liaoning-dalian_2024.txt", "2025-03-28"),
}


def _first_line(rel: str) -> str:
    return next(ln.strip() for ln in (REPORTS / rel).read_text(encoding="utf-8").split("\n") if ln.strip())


def _read_fixture(name: str):  # type: ignore[no-untyped-def]
    path = FIXTURES / name
    return read_document(path.read_bytes(), str(path), settings=Settings())


def test_jinghai_probe_banner_date_is_neither_title_nor_year() -> None:
    doc = _read_fixture("probe_jinghai_2023.txt")
    m = doc.meta
    assert m.title == "静海区2023年度法治政府建设情况报告"
    assert (m.year, m.kind, m.region, m.published) == (2023, "fazhi", "天津市静海区", "2024-03-28")
    assert doc.text == (FIXTURES / "probe_jinghai_2023.txt").read_text(encoding="utf-8")  # text untouched


def test_ningxia_probe_title_after_breadcrumb() -> None:
    m = _read_fixture("probe_ningxia_2025.txt").meta
    assert m.title == "2026年宁夏回族自治区政府工作报告"
    assert (m.year, m.kind, m.region, m.published) == (2025, "gwr", "宁夏回族自治区", "2026-02-09")


@pytest.mark.parametrize("ext", ["txt", "html"])
@pytest.mark.parametrize("name", list(WEBPAGES))
def test_real_openings_wrapped_in_page_chrome(name: str, ext: str) -> None:
    rel, published = WEBPAGES[name]
    row = MANIFEST_ROW[rel]
    doc = _read_fixture(f"{name}.{ext}")
    m = doc.meta
    assert m.title == _first_line(rel)
    assert (m.region, m.year, m.kind) == (row["locality"], int(row["year_reported"]), row["kind"])
    assert m.published == published
    if ext == "txt":
        assert doc.text == (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(WEBPAGES))
def test_body_range_is_the_wrapped_report(name: str) -> None:
    """The range holds the report's opening paragraphs and no line of the page around them."""
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    start, end = body_range(text)
    inside = [ln.strip() for ln in text[start:end].split("\n") if ln.strip()]
    opening = [ln.strip() for ln in (REPORTS / WEBPAGES[name][0]).read_text(encoding="utf-8").split("\n")
               if ln.strip()]
    assert inside == opening[opening.index(inside[0]): opening.index(inside[0]) + len(inside)]
    assert opening.index(inside[0]) <= 1  # at most the title (written above the 来源 line) is left out
    outside = text[:start] + text[end:]
    for chrome in ("星期", "当前位置", "来源", "字体", "打印", "关闭", "扫一扫", "上一篇", "下一篇",
                   "版权所有", "ICP备", "网站标识码"):
        assert chrome not in text[start:end]
    assert any(c in outside for c in ("扫一扫", "【打印】"))


def test_body_range_of_the_probes() -> None:
    ningxia = (FIXTURES / "probe_ningxia_2025.txt").read_text(encoding="utf-8")
    start, end = body_range(ningxia)
    # 发表时间 2026-02-09 09:45:30 and the photo caption are out
    assert ningxia[start:].startswith("各位代表：")
    assert ningxia[:end].rstrip().endswith("共圆伟大中国梦而团结奋斗！")
    assert ningxia[end:].split() == ["扫一扫在手机打开当前页", "【", "打印本页", "】", "【", "关闭窗口", "】"]
    jinghai = (FIXTURES / "probe_jinghai_2023.txt").read_text(encoding="utf-8")
    start, end = body_range(jinghai)
    assert jinghai[start:].lstrip().startswith("静海区2023年度法治政府建设情况报告\n")
    assert "2019年" not in jinghai[start:end]
    assert "09:18" not in jinghai[start:end]
    assert end == len(jinghai)


@pytest.mark.parametrize("rel", [r["file"] for r in MANIFEST if r["file"].endswith(".txt")])
def test_body_range_of_a_bundled_report_keeps_all_its_text(rel: str) -> None:
    """No bundled report has a page footer, and what the range leaves out above is title and
    source lines only (no paragraph, no heading)."""
    text = (REPORTS / rel).read_text(encoding="utf-8")
    start, end = body_range(text)
    assert end == len(text)
    for line in text[:start].split("\n"):
        assert len(line.strip()) <= 70
        assert not re.match(r"\s*[一二三四五六七八九十]+、", line)


def test_body_range_covers_every_gold_item() -> None:
    """Every heading, indicator and plan quote of the dev and held-out gold lies inside the range."""
    missed = []
    for gold in sorted([*GOLD.glob("*.report.json"), *(GOLD.parent / "gold_heldout").glob("*.report.json")]):
        data = json.loads(gold.read_text(encoding="utf-8"))
        text = (REPORTS / data["file"]).read_text(encoding="utf-8")
        start, end = body_range(text)
        for key in ("headings", "indicators", "plans", "optional", "optional_headings"):
            for item in data.get(key, []):
                at = text.find(item["quote"])
                if not start <= at <= end - len(item["quote"]):
                    missed.append((gold.name, item["quote"]))
    assert not missed


@pytest.mark.parametrize("line", [
    "天津市静海区人民政府 2019年12月3日星期二", "今天是:2019年10月31日 星期三 农历十月初七",
    "无障碍 简体| 繁体",
    "当前位置：首页 > 政务公开 > 法治政府建设", "首页", ">", "【字体：大 中 小】", "【字体：", "小", "】",
    "来源:静海区人民政府办公室 发布时间:2024-03-28 09:18", "发表时间：", "2026-02-09 09:45:30", "阅读量：",
    "扫一扫在手机打开当前页", "打印本页", "【打印】【关闭】", "关闭窗口", "上一篇：关于印发工作要点的通知",
    "版权所有：天津市静海区人民政府办公室", "网站标识码：1200000001  津ICP备05001234号-1",
    "宁夏日报记者 王鼎 摄", "分享到：",
])
def test_chrome_lines(line: str) -> None:
    assert _is_chrome(fold(line), header=True)


@pytest.mark.parametrize("line", [
    "静海区2023年度法治政府建设情况报告", "2026年宁夏回族自治区政府工作报告", "政府工作报告", "各位代表：",
    "——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上", "灵寿县人民政府", "2026年2月10日",
    "一、2025年工作总结和“十四五”发展成就", "中共岳阳市委、岳阳市人民政府:", "宁政发〔2021〕8号",
])
def test_report_lines_are_not_chrome(line: str) -> None:
    assert not _is_chrome(fold(line), header=True)


def test_year_never_comes_from_page_chrome() -> None:
    """A title without a year: the reviewed year is the opening's, not the banner's or the footer's."""
    m = meta("天津市静海区人民政府 2019年12月3日星期二\n无障碍 简体| 繁体\n静海区法治政府建设情况报告\n"
             "时间：2024年3月28日\n2023年,静海区坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻习近平法治思想,"
             "加快构建职责明确、依法行政的政府治理体系。\n一、主要举措和成效\n……\n扫一扫在手机打开当前页\n"
             "【打印】【关闭】\n版权所有 2019-2024 天津市静海区人民政府\n")
    assert (m.year, m.kind, m.published) == (2023, "fazhi", "2024-03-28")
    assert m.title == "静海区法治政府建设情况报告"
    gwr = meta("当前位置：\n首页\n>\n政务信息\n2026年宁夏回族自治区政府工作报告\n发布日期：2026年2月9日\n"
               "各位代表：\n现在，我代表自治区人民政府，向大会报告工作，请予审议。\n")
    assert (gwr.title, gwr.year, gwr.published) == ("2026年宁夏回族自治区政府工作报告", 2025, "2026-02-09")


_HEAD_CHROME = [
    ["天津市静海区人民政府 2019年12月3日星期二"], ["今天是:2019年10月31日 星期三 农历十月初七"],
    ["无障碍 简体| 繁体"],
    ["当前位置：", "首页", ">", "政务信息", ">", "宁夏要闻"], ["您所在的位置：首页 > 政务公开 > 工作报告"],
    ["来源:静海区人民政府办公室 发布时间:2024-03-28 09:18"], ["发表时间：", "2026-02-09 09:45:30"],
    ["来源：", "宁夏日报客户端"], ["阅读量："], ["【字体：", "小", "中", "大", "】"], ["【字体：大 中 小】"],
    ["时间:2018-05-03  浏览次数:"], ["分享到："],
]
_FOOT_CHROME = [
    ["扫一扫在手机打开当前页"], ["【", "打印本页", "】", "【", "关闭窗口", "】"], ["【打印】【关闭】"],
    ["上一篇：静海区人民政府关于印发2024年重点工作的通知"], ["下一篇：关于做好2024年春节期间安全工作的通知"],
    ["版权所有：天津市静海区人民政府办公室  主办单位：天津市静海区人民政府办公室"],
    ["网站标识码：1200000001  津ICP备05001234号-1"], ["津公网安备 12011802000123号"],
]
_OPENINGS = ["fazhi/henan-zhengzhou_2024.txt", "fazhi/liaoning-dalian_2024.txt", "fazhi/shaanxi_2025.txt",
             "fazhi/fujian-fuzhou_2025.txt", "fazhi/guangdong-shenzhen_2025.txt"]


@settings(max_examples=60, deadline=None)
@given(rel=st.sampled_from(_OPENINGS),
       head=st.lists(st.sampled_from(_HEAD_CHROME), min_size=1, max_size=6),
       foot=st.lists(st.sampled_from(_FOOT_CHROME), max_size=5),
       blank=st.booleans())
def test_any_page_chrome_around_a_real_opening(rel: str, head: list[list[str]], foot: list[list[str]],
                                               blank: bool) -> None:
    """Whatever chrome a portal puts around the report, the range is the report and the metadata is
    the report's own: its title, its year, its place."""
    opening = [ln.strip() for ln in (REPORTS / rel).read_text(encoding="utf-8").split("\n") if ln.strip()][:6]
    sep = "\n\n" if blank else "\n"
    lines = [*(ln for block in head for ln in block), *opening, *(ln for block in foot for ln in block)]
    text = sep.join(lines) + "\n"
    start, end = body_range(text)
    assert [ln.strip() for ln in text[start:end].split("\n") if ln.strip()] == opening
    m = find_meta(text, source="page")
    row = MANIFEST_ROW[rel]
    assert m.title == opening[0]
    assert (m.year, m.region, m.kind) == (int(row["year_reported"]), row["locality"], row["kind"])


def test_a_site_section_name_above_the_breadcrumb_is_not_title() -> None:
    """The opening of the 石家庄 2016 report as a portal saved it: section name, breadcrumb with →."""
    m = meta("法制查询\n \n 首页→ 网站公告\n \n \n石家庄市人民政府关于2016年度法治政府建设情况的报告\n"
             "发布时间:2017年02月28日\n \n\n    2016年以来,在省委、省政府和市委的正确领导下,在省政府法制办的"
             "有力指导下,我市认真贯彻落实党的十八届四中、五中、六中全会精神,深入推进依法行政。\n")
    assert m.title == "石家庄市人民政府关于2016年度法治政府建设情况的报告"
    assert (m.region, m.year, m.published) == ("河北省石家庄市", 2016, "2017-02-28")
