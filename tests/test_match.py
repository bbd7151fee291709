"""Indicator pairing across years, the consistency check, the tables and ``yoy indicators``."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from compare import tables
from compare.cli import cli
from compare.indicators import extract_indicators, multi_year_zones
from compare.match import check_consistency, compatible, match_indicators, shared_words
from compare.model import Indicator, IndicatorPair, Meta, Report
from compare.settings import Settings

from .conftest import REPORTS, parsed

S = Settings()


def report(text: str, year: int) -> Report:
    meta = Meta(title=None, region=None, year=year, kind="gwr", published=None, source=f"{year}.txt")
    return Report(
        meta=meta, text=text, sections=(), indicators=extract_indicators(text, (), settings=S), plans=()
    )


def by_number(rep: Report, number: str, occurrence: int = 0) -> Indicator:
    pos = -1
    for _ in range(occurrence + 1):
        pos = rep.text.index(number, pos + 1)
    return next(i for i in rep.indicators if i.start <= pos < i.end)


def in_context(rep: Report, context: str, number: str) -> Indicator:
    """The indicator at ``number`` inside the first occurrence of ``context``."""
    pos = rep.text.index(context) + context.index(number)
    return next(i for i in rep.indicators if i.start <= pos < i.end)


def pair_of(pairs: tuple[IndicatorPair, ...], new_id: str) -> IndicatorPair:
    return next(p for p in pairs if p.new == new_id)


# ---------------------------------------------------------------- compatibility


def test_units_and_kinds_that_can_pair() -> None:
    old = report("争取设备更新资金95亿元，制造业投资增长3.3%，审核决策文件295件。", 2024)
    new = report("争取设备更新政策资金1541000万元，制造业投资增长6.5%，审核决策文件300件，新增企业5%。", 2025)
    yuan_old, yuan_new = by_number(old, "95"), by_number(new, "1541000")
    assert compatible(yuan_old, yuan_new)  # 亿元 with 万元
    assert not compatible(yuan_old, by_number(new, "300"))  # 元 never with 件
    assert not compatible(by_number(old, "3.3"), by_number(new, "5%", 1))  # a change never with a level


def test_bare_magnitude_pairs_with_a_count() -> None:
    old = report("农村贫困人口减少1442万人。", 2015)
    new = report("农村贫困人口减少1240万，易地扶贫搬迁人口超过240万。", 2016)
    pairs = match_indicators(old, new, (), settings=S)
    p = pair_of(pairs, by_number(new, "1240").id)
    assert p.old == by_number(old, "1442").id
    assert p.delta == pytest.approx(-2_020_000)


# ---------------------------------------------------------------- real pairs


@pytest.fixture(scope="module")
def zhejiang() -> tuple[Report, Report, tuple[IndicatorPair, ...]]:
    old, new = parsed("gwr/zhejiang_2024.txt"), parsed("gwr/zhejiang_2025.txt")
    return old, new, match_indicators(old, new, (), settings=S)


def test_same_measures_are_paired_with_their_change(
    zhejiang: tuple[Report, Report, tuple[IndicatorPair, ...]],
) -> None:
    old, new, pairs = zhejiang
    jobs_old = by_number(old, "118.3")
    jobs_new = by_number(new, "115.8")
    p = pair_of(pairs, jobs_new.id)
    assert p.old == jobs_old.id
    assert p.delta == pytest.approx(-25_000)
    assert p.ratio == pytest.approx(-2.5 / 118.3)
    assert 0.75 <= p.score <= 1.0
    gdp = pair_of(pairs, in_context(new, "全省生产总值增长5.5%", "5.5").id)
    assert gdp.old == in_context(old, "全省生产总值增长5.5%", "5.5").id
    assert gdp.delta == 0


def test_pairs_are_one_to_one_and_cover_both_reports(
    zhejiang: tuple[Report, Report, tuple[IndicatorPair, ...]],
) -> None:
    old, new, pairs = zhejiang
    olds = [p.old for p in pairs if p.old is not None]
    news = [p.new for p in pairs if p.new is not None]
    assert len(olds) == len(set(olds))
    assert len(news) == len(set(news))
    assert set(olds) == {i.id for i in old.indicators}
    assert set(news) == {i.id for i in new.indicators}
    assert any(p.old is None for p in pairs)
    assert any(p.new is None for p in pairs)  # new and dropped
    by_old = {i.id: i for i in old.indicators}
    by_new = {i.id: i for i in new.indicators}
    for p in pairs:
        if p.old and p.new:
            assert by_old[p.old].kind == by_new[p.new].kind
            assert compatible(by_old[p.old], by_new[p.new])


def test_a_several_years_review_is_not_last_years_change() -> None:
    text = (REPORTS / "gwr/zhejiang_2025.txt").read_text(encoding="utf-8")
    zones = multi_year_zones(text)
    five_year = text.index("分别下降49.9%")
    assert any(a <= five_year < b for a, b in zones)
    assert not any(a <= text.index("全省生产总值增长5.5%") < b for a, b in zones)


def test_section_pairs_are_used_as_context() -> None:
    old, new = parsed("gwr/zhejiang_2024.txt"), parsed("gwr/zhejiang_2025.txt")
    from compare.align import align_sections

    with_sections = match_indicators(old, new, align_sections(old, new, settings=S), settings=S)
    assert sum(p.old is not None and p.new is not None for p in with_sections) >= 40


# ---------------------------------------------------------------- consistency


def test_stated_change_agrees_with_last_years_level(
    zhejiang: tuple[Report, Report, tuple[IndicatorPair, ...]],
) -> None:
    old, new, pairs = zhejiang
    # 全省经营主体达1095.2万户 (2024) -> 达1163.7万户、增长6.3% (2025): 6.25% rounds to 6.3%
    p = pair_of(pairs, by_number(new, "1163.7").id)
    assert p.old == by_number(old, "1095.2").id
    assert p.consistency == "consistent"
    assert p.note is not None
    assert "6.3" in p.note


def test_a_stated_change_that_does_not_agree_is_flagged() -> None:
    old = report("全省经营主体达1095.2万户，其中企业380.8万户。", 2024)
    new = report("全省经营主体达1163.7万户、增长9.3%，其中企业410.1万户、同比增加29.3万户。", 2025)
    pairs = match_indicators(old, new, (), settings=S)
    total = pair_of(pairs, by_number(new, "1163.7").id)
    firms = pair_of(pairs, by_number(new, "410.1").id)
    assert total.consistency == "inconsistent"
    assert "+6.25%" in (total.note or "")
    assert firms.consistency == "consistent"  # 410.1 - 380.8 = 29.3


def test_consistency_ignores_a_change_with_its_own_subject() -> None:
    old = report("培育重点传统制造业17个。", 2024)
    new = report("17个重点传统制造业增加值增长5.3%。", 2025)
    checks = check_consistency(old, new, {by_number(new, "17").id: by_number(old, "17").id}, settings=S)
    assert checks == {}


# ---------------------------------------------------------------- tables and CLI


def test_one_report_table() -> None:
    rep = parsed("fazhi/guizhou-libo_2023.txt")
    df = tables.indicator_table([rep], settings=S)
    assert list(df.columns) == list(tables.SINGLE_COLUMNS)
    assert len(df) == len(rep.indicators)
    row = df[df["label"] == "调解成功率"].iloc[0]
    assert (row["value"], row["unit"], row["kind"]) == (97.87, "%", "level")


def test_years_side_by_side() -> None:
    old, new = parsed("fazhi/beijing-xicheng_2023.txt"), parsed("fazhi/beijing-xicheng_2024.txt")
    df = tables.indicator_table([new, old], settings=S)  # given out of order: sorted by year
    assert list(df.columns[:5]) == ["label", "kind", "base_unit", "2023", "2024"]
    row = df[df["label"] == "政策性文件草案向社会公开征集意见"].iloc[0]
    assert (row["2023"], row["2024"]) == ("21件", "14件")
    assert (row["2023 base"], row["2024 base"]) == (21, 14)
    assert df["2023"].notna().sum() == len(old.indicators)
    assert df["2024"].notna().sum() == len(new.indicators)


def test_years_table_carries_the_consistency_checks() -> None:
    df = tables.indicator_table(
        [parsed("gwr/zhejiang_2024.txt"), parsed("gwr/zhejiang_2025.txt")], settings=S
    )
    checked = df[df["checks"].notna()]
    assert len(checked) >= 2
    row = checked[checked["2025"] == "1163.7万户"].iloc[0]
    assert row["2024"] == "1095.2万户"
    assert row["checks"].startswith("2025: consistent")


def test_same_year_twice_is_an_error() -> None:
    rep = parsed("fazhi/beijing-xicheng_2023.txt")
    with pytest.raises(tables.TableError, match="same year"):
        tables.indicator_table([rep, rep], settings=S)


def test_exports() -> None:
    import pandas as pd

    df = tables.indicator_table([parsed("fazhi/beijing-xicheng_2023.txt")], settings=S)
    csv_text = tables.export_table(df, "csv")
    assert isinstance(csv_text, str)
    assert csv_text.startswith("\ufeffid,label")
    assert "主动公开信息" in csv_text
    records = json.loads(tables.export_table(df, "json"))
    assert records[0]["label"] == df.iloc[0]["label"]
    xlsx = tables.export_table(df, "xlsx")
    assert isinstance(xlsx, bytes)
    back = pd.read_excel(io.BytesIO(xlsx))
    assert list(back["label"]) == list(df["label"])


def test_cli_indicators_json_and_csv(runner: CliRunner) -> None:
    one = str(REPORTS / "fazhi/beijing-xicheng_2023.txt")
    two = str(REPORTS / "fazhi/beijing-xicheng_2024.txt")
    r = runner.invoke(cli, ["indicators", one, "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0
    assert r.stderr == ""
    assert json.loads(r.stdout)[0]["label"] == "接受区属部门备案行政规范性文件"
    r2 = runner.invoke(cli, ["indicators", one, two], catch_exceptions=False)
    assert r2.exit_code == 0
    assert r2.stdout.splitlines()[0].endswith("label,kind,base_unit,2023,2024,2023 base,2024 base,checks")


def test_cli_indicators_xlsx(runner: CliRunner, tmp_path: object) -> None:
    one = str(REPORTS / "fazhi/beijing-xicheng_2023.txt")
    r = runner.invoke(cli, ["indicators", one, "--format", "xlsx"])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith("Error: xlsx")
    out = f"{tmp_path}/t.xlsx"
    r2 = runner.invoke(cli, ["indicators", one, "--format", "xlsx", "-o", out], catch_exceptions=False)
    assert r2.exit_code == 0
    assert r2.stderr.startswith("wrote ")
    with open(out, "rb") as fh:
        assert fh.read(2) == b"PK"


def test_cli_indicators_missing_file(runner: CliRunner) -> None:
    r = runner.invoke(cli, ["indicators", "no/such.txt"])
    assert r.exit_code == 1
    assert r.stderr.startswith("Error: no/such.txt")


def test_shared_words_of_reworded_labels() -> None:
    assert shared_words("开展省政府常务会议法治专题讲座", "举办法治专题讲座") >= 0.6
    assert shared_words("主持省政府常务会议研究政府立法",
                        "省政府主要负责同志主持召开省政府常务会等会议研究法治政府建设重大事项") >= 0.6
    assert shared_words("城镇新增就业", "粮食播种面积") == 0.0
    assert shared_words("举办法治专题讲座", "开展法律顾问聘任") == 0.0  # one word in common is not enough
