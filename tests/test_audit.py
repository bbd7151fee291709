"""The plan audit: targets read and judged, evidence found in the new report, overrides kept, `yoy audit`."""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import audit, indicators
from compare.cli import cli
from compare.errors import OverridesError
from compare.model import Plan, Report, Verdict
from compare.overrides import parse_overrides
from compare.settings import Settings
from compare.textnorm import fold

from .conftest import REPORTS, parsed

S = Settings()
Audited = tuple[Report, Report, tuple[Verdict, ...]]


def targets(text: str) -> list[audit.Target]:
    """The targets of a target plan's text, read with the indicator stage's figures."""
    found = indicators.extract_indicators(text, (), settings=S)
    return audit.parse_targets(text, audit.quantities_in(found, 0, len(text)))


def one(text: str) -> audit.Target:
    got = targets(text)
    assert len(got) == 1, got
    return got[0]


# ---------------------------------------------------------------- reading targets


@pytest.mark.parametrize(("text", "label", "direction", "bound", "lower_is_better"), [
    ("国内生产总值增长6.5%－7%", "生产总值", "up", "range", False),
    ("生产总值增长5.5%左右", "生产总值", "up", "approx", False),
    ("城镇新增就业1200万人以上", "城镇新增就业", None, "floor", False),
    ("城镇调查失业率控制在5%以内", "城镇调查失业率", None, "ceiling", True),
    ("居民消费价格涨幅3%左右", "居民消费价格", "up", "ceiling", True),
    ("城镇登记失业率低于4.6%", "城镇登记失业率", None, "ceiling", True),
    ("单位国内生产总值能耗下降3.4%以上", "单位生产总值能耗", "down", "floor", False),
    ("经济增长6％左右", "生产总值", "up", "approx", False),
])
def test_target_is_read(text: str, label: str, direction: str | None, bound: str,
                        lower_is_better: bool) -> None:
    t = one(text)
    assert (t.label, t.direction, t.bound, t.lower_is_better) == (label, direction, bound, lower_is_better)


def test_range_and_magnitudes_are_in_base_units() -> None:
    r = one("国内生产总值增长6.5%－7%")
    assert (r.low, r.high, r.base_unit) == (6.5, 7.0, "%")
    jobs = one("城镇新增就业1000万人以上")
    assert (jobs.low, jobs.base_unit) == (1e7, "人")
    grain = one("粮食产量稳定在252亿斤以上")
    assert grain.base_unit == "吨"  # 斤 compared in 吨
    assert grain.low == pytest.approx(1.26e7)


def test_aspiration_gives_way_to_the_firm_figure() -> None:
    got = targets("地区生产总值增长7%以上、力争达到8%")
    assert [(t.label, t.low) for t in got] == [("生产总值", 7.0)]


def test_a_list_of_labels_with_fenbie_gives_each_figure_its_label() -> None:
    got = targets("城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内")
    assert [(t.label, t.high, t.bound) for t in got] == [("城镇调查失业率", 5.0, "ceiling"),
                                                         ("居民消费价格", 3.0, "ceiling")]


# ---------------------------------------------------------------- judging targets


@pytest.mark.parametrize(("text", "actual", "met"), [
    ("国内生产总值增长5%左右", 5.0, True),              # the brief: 增长5%左右 vs 增长5%
    ("生产总值增长5%左右", 4.8, True),                  # within the 左右 tolerance
    ("生产总值增长5%左右", 4.2, False),
    ("生产总值增长5%左右", 7.0, True),                  # above a growth target is fine
    ("城镇新增就业1200万人以上", 1256e4, True),
    ("城镇新增就业1200万人以上", 1150e4, False),        # a floor missed when below
    ("居民消费价格涨幅3%左右", 0.2, True),              # a ceiling
    ("居民消费价格涨幅3%左右", 4.5, False),
    ("居民消费价格涨幅2%左右", -0.3, True),             # prices fell: under the ceiling
    ("城镇调查失业率控制在5%以内", 4.6, True),
    ("城镇调查失业率控制在5%以内", 5.2, False),
    ("国内生产总值增长6.5%－7%", 6.7, True),           # inside the range
    ("国内生产总值增长6.5%－7%", 6.3, False),
    ("单位国内生产总值能耗下降3.4%以上", 5.0, True),    # a bigger fall is better
    ("单位国内生产总值能耗下降3.4%以上", 2.0, False),
])
def test_target_met(text: str, actual: float, met: bool) -> None:
    assert audit.target_met(one(text), actual, settings=S) is met


@given(st.floats(min_value=0.1, max_value=50), st.floats(min_value=-10, max_value=60),
       st.floats(min_value=0, max_value=20))
@settings(max_examples=200, deadline=None)
def test_more_is_never_worse_for_a_growth_target_and_never_better_for_a_ceiling(
        target: float, actual: float, more: float) -> None:
    bounds: tuple[audit.Bound, ...] = ("floor", "approx", "range", "exact")
    for bound in bounds:
        t = audit.Target(label="x", direction="up", low=target, high=target, base_unit="%", bound=bound,
                         lower_is_better=False, written="x")
        if audit.target_met(t, actual, settings=S):
            assert audit.target_met(t, actual + more, settings=S)
    c = audit.Target(label="x", direction=None, low=target, high=target, base_unit="%", bound="ceiling",
                     lower_is_better=True, written="x")
    if audit.target_met(c, actual, settings=S):
        assert audit.target_met(c, actual - more, settings=S)


# ---------------------------------------------------------------- sentences


def test_a_scraped_line_break_inside_a_figure_does_not_end_the_sentence() -> None:
    first = "——经济运行缓中趋稳。"
    second = "国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%，名列世界前茅。"
    third = "居民消费价格上涨2%。"
    text = first + second + third
    assert [text[s:e] for s, e in audit.sentence_spans(text)] == [first, second, third]


@given(st.text(alphabet="增长国内生产总值5%。；，\n ", max_size=80))
def test_sentences_are_ordered_disjoint_and_trimmed(text: str) -> None:
    spans = audit.sentence_spans(text)
    for (s, e), nxt in zip(spans, [*spans[1:], (len(text), len(text))], strict=False):
        assert 0 <= s < e <= nxt[0]
        assert not text[s].isspace()
        assert not text[e - 1].isspace()
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, ch in enumerate(text) if ch in "。；")


# ---------------------------------------------------------------- the stage on real reports


@pytest.fixture(scope="module")
def zhejiang() -> Audited:
    old, new = parsed("gwr/zhejiang_2024.txt"), parsed("gwr/zhejiang_2025.txt")
    return old, new, audit.audit_plans(old, new, (), (), settings=S)


def test_one_verdict_per_plan_with_evidence_in_the_new_text(zhejiang: Audited) -> None:
    old, new, verdicts = zhejiang
    assert len(old.plans) >= 10
    assert [v.plan for v in verdicts] == [p.id for p in old.plans]
    for v in verdicts:
        assert 0.0 <= v.score <= 1.0
        assert v.reason
        assert all(0 <= e.start < e.end <= len(new.text) for e in v.evidence)
        assert (v.status == "not_found") == (not v.evidence)


def test_numeric_targets_show_target_and_actual(zhejiang: Audited) -> None:
    old, new, verdicts = zhejiang
    by_text = {p.text: v for p, v in zip(old.plans, verdicts, strict=True)}
    gdp = by_text["生产总值增长5.5%左右"]
    assert gdp.status == "delivered"
    assert gdp.target == "生产总值增长5.5%左右"
    assert gdp.actual == "全省生产总值增长5.5%"
    assert any(new.text[e.start:e.end] == "全省生产总值增长5.5%" for e in gdp.evidence)
    cpi = by_text["居民消费价格涨幅2%左右"]
    assert cpi.status == "not_found"
    assert cpi.target
    assert "no figure" in cpi.reason
    assert cpi.carried_over  # the new report sets the same 2% CPI goal again


def test_a_missed_figure_in_a_task_body_makes_it_partial(zhejiang: Audited) -> None:
    old, _, verdicts = zhejiang
    v = next(v for p, v in zip(old.plans, verdicts, strict=True) if p.text.startswith("提振和扩大消费"))
    assert v.status == "partial"
    assert "社会消费品零售总额增长5%以上 -> 全省社会消费品零售总额增长4% (not met)" in v.reason


def test_plan_zone_of_the_new_report_is_never_evidence(zhejiang: Audited) -> None:
    _, new, verdicts = zhejiang
    plans_start = min(s.start for s in new.sections if s.level == 1 and s.role == "plans")
    assert all(e.start < plans_start for v in verdicts for e in v.evidence)


def test_a_target_the_new_report_says_was_not_reached_is_missed() -> None:
    old, new = parsed("gwr/china-national_2014.txt"), parsed("gwr/china-national_2015.txt")
    start = old.text.index("进出口增长6%左右")
    plan = Plan(id="t1", text="进出口增长6%左右", kind="target", start=start, end=start + 9, section=None)
    (v,) = audit.audit_plans(dataclasses.replace(old, plans=(plan,)), new, (), (), settings=S)
    assert v.status == "missed"
    assert "预期增长目标未能实现" in (v.actual or "")


def test_an_unrelated_report_gives_nothing_for_the_tasks() -> None:
    old, other = parsed("gwr/zhejiang_2024.txt"), parsed("fazhi/shanghai_2023.txt")
    verdicts = audit.audit_plans(old, other, (), (), settings=S)
    assert sum(v.status == "not_found" for v in verdicts) >= len(verdicts) - 2


@pytest.fixture(scope="module")
def xizang() -> Audited:
    old, new = parsed("gwr/xizang_2024.txt"), parsed("gwr/xizang_2025.txt")
    return old, new, audit.audit_plans(old, new, (), (), settings=S)


@pytest.fixture(scope="module")
def hebei() -> Audited:
    old, new = parsed("gwr/hebei_2024.txt"), parsed("gwr/hebei_2025.txt")
    return old, new, audit.audit_plans(old, new, (), (), settings=S)


def _verdict(audited: Audited, start: str) -> Verdict:
    old, _, verdicts = audited
    return next(v for p, v in zip(old.plans, verdicts, strict=True) if fold(start) in fold(p.text))


def test_a_compound_target_with_a_measure_unreported_is_partial(xizang: Audited) -> None:
    v = _verdict(xizang, "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内")
    assert v.status == "partial"
    assert "(met)" in v.reason
    assert "3%以内 -> no figure" in v.reason  # the CPI: not given for the year


def test_a_task_takes_in_the_main_target_that_measures_it(xizang: Audited, hebei: Audited) -> None:
    _, new, _ = xizang
    v = _verdict(xizang, "持续挖掘投资消费潜能")
    assert v.status == "partial"  # investment met, retail sales 4.4% against 8%: missed
    assert "main targets" in v.reason
    assert "社会消费品零售总额增长4.4%" in [audit._tidy(new.text[e.start:e.end]) for e in v.evidence]
    _, new_h, _ = hebei
    h = _verdict(hebei, "聚力抓投资促消费")
    assert h.status == "delivered"  # both targets met (6.1% vs 5.5%, 5.6% vs 5%)
    quotes = [audit._tidy(new_h.text[e.start:e.end]) for e in h.evidence]
    assert "固定资产投资增长6.1%" in quotes
    assert "社会消费品零售总额增长5.6%" in quotes


NO_COUNTERPART = Settings(task_counterpart_min_similarity=9.0, task_counterpart_partial_similarity=9.0)


@pytest.mark.parametrize(("pair", "task", "lead"), [
    ("jiangsu", "持续提高人民生活品质", "（四）在发展中增进民生福祉"),
    ("shanxi", "聚焦促进共同富裕，加快发展民生社会事业", "居民收入增速高于经济增速"),
])
def test_a_task_whose_subject_the_review_reports_is_delivered(pair: str, task: str, lead: str) -> None:
    old, new = parsed(f"gwr/{pair}_2024.txt"), parsed(f"gwr/{pair}_2025.txt")
    (plan,) = [p for p in old.plans if p.text.startswith(task)]
    one_plan = dataclasses.replace(old, plans=(plan,))
    (without,) = audit.audit_plans(one_plan, new, (), (), settings=NO_COUNTERPART)
    assert without.status == "partial"  # few of its points are told apart from the genre's words
    (v,) = audit.audit_plans(one_plan, new, (), (), settings=S)
    assert v.status == "delivered"
    assert f"paragraph “{lead}" in v.reason
    para_start = new.text.index(lead)
    para_end = new.text.index("\n", para_start)
    assert any(para_start <= e.start < para_end for e in v.evidence)  # the counterpart's sentences are quoted


def test_a_paragraph_on_what_fell_short_is_no_counterpart(hebei: Audited) -> None:
    _, new, _ = hebei
    index = audit._NewIndex(new, new, settings=S)
    pool = index.review()
    leads = [new.text[pool[ks[0]].start:pool[ks[0]].end] for ks, _ in index.units]
    assert any(x.startswith("这五年，民生保障扎实稳固") for x in leads)
    assert not any("困难和挑战" in x for x in leads)
    assert not any(x.startswith(("各位代表", "2026年河北省政府工作报告")) for x in leads)


def test_a_counterpart_does_not_lift_a_task_whose_main_target_was_missed(xizang: Audited) -> None:
    v = _verdict(xizang, "持续挖掘投资消费潜能")
    assert v.status == "partial"


@pytest.mark.parametrize(("label", "has", "lacks"), [
    ("社会消费品零售总额", "消费", "社会"),
    ("固定资产投资", "投资", "全社会"),
    ("规上工业", "工业", "规上"),
    ("城乡居民人均可支配收入", "收入", "城乡"),
    ("研究与试验发展经费投入强度", "研究", "发展"),
])
def test_the_subject_words_of_a_measure(label: str, has: str, lacks: str) -> None:
    keys = audit._measure_keys(label)
    assert has in keys
    assert lacks not in keys
    assert not audit._measure_keys("生产总值")  # GDP measures every task: it feeds none


@pytest.mark.parametrize(("sentence", "boiler"), [
    ("各位代表：", True),
    ("各位代表！", True),
    ("二是全力以赴扩内需稳增长。", True),
    ("（三）持续挖掘投资消费潜能", True),
    ("习近平总书记再次亲临西藏视察，为我们指明了前进方向。", True),
    ("固定资产投资增长6.1%。", False),
    ("重点项目完成投资2125亿元。", False),
    ("首批智慧边防项目建成投运。", False),
    ("1.新增营造林148万亩。", False),
])
def test_boilerplate_is_never_evidence(sentence: str, boiler: bool) -> None:
    assert audit._boilerplate(fold(sentence), [], 0, len(sentence)) is boiler


def test_evidence_holds_no_salutation_heading_or_preamble(xizang: Audited, hebei: Audited) -> None:
    for _, new, verdicts in (xizang, hebei):
        quotes = [audit._tidy(new.text[e.start:e.end]) for v in verdicts for e in v.evidence]
        assert quotes
        assert not [q for q in quotes if q.startswith("各位代表") or ("总书记" in q and "视察" in q)
                    or q in ("二是全力以赴扩内需稳增长。", "二是全力以赴扩内需稳增长")]
        titles = {audit._tidy(s.title) for s in new.sections}
        assert not titles & set(quotes)


def test_a_five_year_sentence_is_quoted_only_after_the_years_own(hebei: Audited) -> None:
    _, new, _ = hebei
    v = _verdict(hebei, "聚力抓投资促消费")
    assert not [e for e in v.evidence if "从2020年" in new.text[e.start:e.end]]


def test_a_five_year_figure_is_not_the_years_actual() -> None:
    old, new = parsed("gwr/china-national_2016.txt"), parsed("gwr/china-national_2017.txt")
    start = old.text.index("单位国内生产总值能耗下降3.4%以上")
    plan = Plan(id="t1", text="单位国内生产总值能耗下降3.4%以上", kind="target", start=start, end=start + 18,
                section=None)
    (v,) = audit.audit_plans(dataclasses.replace(old, plans=(plan,)), new, (), (), settings=S)
    assert v.status == "not_found"  # the new report gives only 五年来…下降20%以上


def test_genre_words_weigh_little_and_a_regions_own_words_much() -> None:
    bg = audit.background()
    assert bg.regions >= 40
    assert all(1 <= c <= bg.regions for c in bg.df.values())
    assert bg.weight("营商") < 0.3
    assert bg.weight("法治") < 0.1
    assert bg.weight("雄安") > 2 * bg.weight("消费")
    assert bg.weight("格桑花") == 1.0  # one region's own programme
    assert all(0.0 <= bg.weight(w) <= 1.0 for w in list(bg.df)[:500])


def _build_script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_audit_background", Path(__file__).resolve().parent.parent / "scripts" / "build_audit_background.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_background_counts_regions_not_files(tmp_path: Path) -> None:
    (tmp_path / "hebei_2023.txt").write_text("推进雄安新区建设，营造一流营商环境。", encoding="utf-8")
    (tmp_path / "hebei_2024.txt").write_text("雄安新区建设取得进展。", encoding="utf-8")
    (tmp_path / "xizang_2024.txt").write_text("营造一流营商环境，实施格桑花行动。", encoding="utf-8")
    n, df = _build_script().region_frequencies(sorted(tmp_path.glob("*.txt")))
    assert n == 2
    assert df.get("营商") == 2
    assert "雄安" not in df  # one region, however many of its years use it
    assert "格桑花" not in df


@given(st.integers(min_value=2, max_value=200), st.integers(min_value=0, max_value=200))
def test_a_word_used_by_more_regions_never_weighs_more(regions: int, df: int) -> None:
    df = min(df, regions - 1)
    bg = audit.Background(regions=regions, df={"a": df, "b": df + 1})
    assert 0.0 <= bg.weight("b") < bg.weight("a") <= 1.0
    assert bg.weight("unseen") == 1.0


def test_raw_text_without_outline_or_plans_audits_nothing() -> None:
    old = dataclasses.replace(parsed("gwr/zhejiang_2024.txt"), plans=())
    assert audit.audit_plans(old, parsed("gwr/zhejiang_2025.txt"), (), (), settings=S) == ()


# ---------------------------------------------------------------- overrides


def test_overrides_yaml_by_id_and_by_text() -> None:
    got = parse_overrides("p4:\n  status: partial\n  note: 零售 4% 对 5%\n"
                          "发挥政策引导保障支撑作用: delivered\np9: {note: 核对过}\n", "audit.yaml")
    assert got == {"p4": {"status": "partial", "note": "零售 4% 对 5%"},
                   "发挥政策引导保障支撑作用": {"status": "delivered"}, "p9": {"note": "核对过"}}


def test_overrides_json_list_form() -> None:
    items = [{"plan": "p1", "status": "missed", "note": "n"}, {"text": "提振和扩大消费", "status": "partial"}]
    data = json.dumps({"overrides": items})
    assert parse_overrides(data.encode(), "a.json") == {"p1": {"status": "missed", "note": "n"},
                                                        "提振和扩大消费": {"status": "partial"}}


@pytest.mark.parametrize(("content", "name", "words"), [
    ("p1: done\n", "a.yaml", "status 'done'"),
    ("p1: {status: delivered, reviewer: me}\n", "a.yaml", "unknown field(s) reviewer"),
    ("p1: [delivered\n", "a.yaml", "not valid YAML"),
    ('{"p1": }', "a.json", "not valid JSON"),
    ("- delivered\n", "a.yaml", "item 1"),
    ("p1: {}\n", "a.yaml", "neither status nor note"),
    ("[1, 2]", "a.json", "item 1"),
    ("just text", "a.yaml", "not a mapping"),
])
def test_bad_overrides_are_one_clear_error(content: str, name: str, words: str) -> None:
    with pytest.raises(OverridesError) as exc:
        parse_overrides(content, name)
    msg = str(exc.value)
    assert msg.startswith(name)
    assert words in msg
    assert "\n" not in msg


def test_overrides_are_kept_beside_the_computed_verdict(zhejiang: Audited) -> None:
    old, _, verdicts = zhejiang
    got = audit.apply_overrides(old.plans, verdicts, {"p1": {"status": "missed", "note": "我不同意"},
                                                      "发挥政策引导保障支撑作用": {"note": "核对过"}})
    assert (got[0].status, got[0].override_status, got[0].override_note) == (verdicts[0].status, "missed",
                                                                            "我不同意")
    p4 = next(i for i, p in enumerate(old.plans) if p.text.startswith("发挥政策引导保障支撑作用"))
    assert (got[p4].override_status, got[p4].override_note) == (None, "核对过")


def test_an_override_naming_no_plan_is_an_error(zhejiang: Audited) -> None:
    old, _, verdicts = zhejiang
    with pytest.raises(OverridesError, match="names no plan"):
        audit.apply_overrides(old.plans, verdicts, {"p99": {"status": "delivered"}})


# ---------------------------------------------------------------- the command


def test_yoy_audit_json_and_csv(runner: CliRunner, tmp_path: Path) -> None:
    ov = tmp_path / "audit.yaml"
    ov.write_text("p1: {status: partial, note: 看法不同}\n", encoding="utf-8")
    old, new = str(REPORTS / "gwr/china-national_2015.txt"), str(REPORTS / "gwr/china-national_2016.txt")
    args = ["audit", old, new, "--overrides", str(ov)]
    r = runner.invoke(cli, [*args, "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert (rows[0]["plan"], rows[0]["status"]) == ("p1", "delivered")
    assert (rows[0]["override_status"], rows[0]["override_note"]) == ("partial", "看法不同")
    assert rows[0]["target"] == "国内生产总值增长6.5%－7%"
    assert "6.7%" in rows[0]["actual"]
    assert all(e["quote"] for row in rows for e in row["evidence"])
    out = tmp_path / "audit.csv"
    r = runner.invoke(cli, [*args, "--format", "csv", "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [t["plan"] for t in table] == [row["plan"] for row in rows]
    r = runner.invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 0
    assert "delivered (partial)" in r.stdout
    assert "note: 看法不同" in r.stdout
    assert "plans:" in r.stdout


def test_yoy_audit_bad_overrides_is_an_error_line(runner: CliRunner, tmp_path: Path) -> None:
    ov = tmp_path / "audit.yaml"
    ov.write_text("p1: finished\n", encoding="utf-8")
    old, new = str(REPORTS / "gwr/zhejiang_2024.txt"), str(REPORTS / "gwr/zhejiang_2025.txt")
    r = runner.invoke(cli, ["audit", old, new, "--overrides", str(ov)])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith("Error: ")
    assert "finished" in r.stderr
    assert r.stderr.count("\n") == 1
    r = runner.invoke(cli, ["compare", old, new, "--overrides", str(tmp_path / "none.yaml")])
    assert r.exit_code == 1
    assert "no such overrides file" in r.stderr


def test_distinctive_phrases_of_a_plan() -> None:
    got = audit.distinctive_phrases("深入开展“八五”普法，贯彻《中华人民共和国行政复议法》，"
                                    "推进“千万工程”和“8+4”政策")
    assert got == {"八五普法", "中华人民共和国行政复议法", "千万工程", "8+4"}


def test_urban_and_rural_figures_of_a_fenbie_list_are_told_apart() -> None:
    got = targets("城乡居民人均可支配收入分别增长5%和7%左右")
    assert [(t.label, t.low) for t in got] == [("城镇居民人均可支配收入", 5.0),
                                               ("农村居民人均可支配收入", 7.0)]
    cut = S.target_label_min_similarity
    assert audit._label_similarity("城镇居民人均可支配收入", "全体居民人均可支配收入") < cut
    assert audit._label_similarity("城镇调查失业率", "调查失业率") >= S.target_label_min_similarity


@given(st.text(alphabet="城镇新增就业居民消费价格涨幅生产总值增长下降控制在以内以上左右分别和、，。0123456789.%万亿人－",
               max_size=60))
@settings(max_examples=60, deadline=None)
def test_reading_targets_never_fails_and_stays_inside_the_text(text: str) -> None:
    for t in targets(text):
        assert t.low <= t.high
        assert len(t.label) >= 2
        assert t.written.strip()
        assert t.written in text
