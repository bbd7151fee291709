"""Metadata found in the reports themselves: region, reviewed year, kind, title, publication date.

The expected values are the MANIFEST's ``locality``, ``year_reported`` and ``kind`` columns. The
rules are general (gazetteer + genre phrases); the few files where the report itself does not say
what the manifest says are listed in KNOWN_REGION_MISSES with the reason, and are strict xfails:
if a change makes one pass, the list must shrink.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from compare.ingest import _header_lines, canonical_region, find_meta, read_document
from compare.settings import Settings
from compare.textnorm import fold

from .conftest import REPORTS

MANIFEST = list(csv.DictReader((REPORTS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))

KNOWN_REGION_MISSES = {
    "fazhi/guizhou-libo_2023.txt":
        "the manifest writes the bare county 荔波县 where every other county carries its province "
        "(河北省灵寿县); the rule gives 贵州省荔波县",
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
    figures = _accuracy()
    floors: dict[str, float] = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    if request.config.getoption("--update-golden"):
        lowered = {k: (floors[k], v) for k, v in figures.items() if k in floors and v < floors[k]}
        if lowered and not request.config.getoption("--allow-regression"):
            pytest.fail(f"--update-golden would lower floors {lowered}; add --allow-regression if intended")
        FLOORS.parent.mkdir(exist_ok=True)
        FLOORS.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        floors = figures
    assert floors, f"{FLOORS} is missing: run pytest {__file__} --update-golden once"
    below = {k: (v, figures.get(k)) for k, v in floors.items() if figures.get(k, 0.0) < v}
    assert not below, f"below the pinned floor (floor, now): {below}"
