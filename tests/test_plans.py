"""Plan items: the year's task items of the plans sections and the clauses of the target sentence."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import ingest
from compare.model import Plan, Section
from compare.plans import find_plans
from compare.segment import segment
from compare.settings import Settings

from .conftest import REPORTS
from .test_segment import ALL_REPORTS, FULL_REPORTS

SETTINGS = Settings()


def plans_of_text(text: str) -> tuple[tuple[Section, ...], tuple[Plan, ...]]:
    sections = segment(text, kind=None, hints=(), settings=SETTINGS)
    return sections, find_plans(text, sections, kind=None, settings=SETTINGS)


@functools.cache
def plans_of(relpath: str) -> tuple[str, tuple[Section, ...], tuple[Plan, ...]]:
    path = REPORTS / relpath
    doc = ingest.read_document(path.read_bytes(), str(path), settings=SETTINGS)
    sections = segment(doc.text, kind=doc.meta.kind, hints=doc.heading_hints, settings=SETTINGS)
    return doc.text, sections, find_plans(doc.text, sections, kind=doc.meta.kind, settings=SETTINGS)


def test_fazhi_plans_are_the_items_of_the_plans_section() -> None:
    text, sections, plans = plans_of("fazhi/guizhou-libo_2023.txt")
    assert [(p.id, p.kind, p.text, p.section) for p in plans] == [
        ("p1", "task", "持续强化依法行政工作保障", "s4.1"),
        ("p2", "task", "持续加强行政执法监督工作", "s4.2"),
        ("p3", "task", "进一步落实普法工作责任制", "s4.3"),
        ("p4", "task", "推动基层法治保障提升", "s4.4"),
        ("p5", "task", "持续加强重大行政决策学习贯彻", "s4.5"),
    ]
    by_id = {s.id: s for s in sections}
    for p in plans:
        assert (p.start, p.end) == (by_id[p.section or ""].heading_start, by_id[p.section or ""].end)
    assert text[plans[-1].end - 6:plans[-1].end] == "法治化水平。"


def test_each_target_clause_with_a_figure_is_a_target() -> None:
    text, _, plans = plans_of("gwr/zhejiang_2024.txt")
    targets = [p for p in plans if p.kind == "target"]
    assert [p.text for p in targets] == [
        "生产总值增长5.5%左右", "城镇调查失业率控制在5%以内", "居民消费价格涨幅2%左右"]
    assert all(text[p.start:p.end] == p.text for p in targets)
    assert all(p.section == "s2" for p in targets)
    tasks = [p.text[:10] for p in plans if p.kind == "task"]
    assert tasks[:2] == ["发挥政策引导保障支撑", "提振和扩大消费，切实"]


def test_targets_run_on_into_the_next_sentence_with_figures() -> None:
    _, _, plans = plans_of("gwr/china-national_2015.txt")
    targets = [p.text for p in plans if p.kind == "target"]
    assert targets == ["国内生产总值增长6.5%－7%", "居民消费价格涨幅3%左右", "城镇新增就业1000万人以上",
                       "城镇登记失业率4.5%以内", "单位国内生产总值能耗下降3.4%以上"]


def test_five_year_and_frame_sections_give_no_tasks() -> None:
    _, _, plans = plans_of("gwr/china-national_2015.txt")
    tasks = [p for p in plans if p.kind == "task"]
    assert len(tasks) == 8
    assert {p.section[:2] for p in tasks if p.section} == {"s3"}
    _, _sections, plans = plans_of("gwr/china-national_2016.txt")
    tasks = [p for p in plans if p.kind == "task"]
    assert [p.section for p in tasks] == [f"s3.{i}" for i in range(1, 10)]
    assert [p.section for p in plans if p.kind == "target"] == ["s2"] * 5


def test_principles_beside_numbered_items_are_not_tasks() -> None:
    _, sections, plans = plans_of("gwr/xizang_2024.txt")
    assert any(s.marker == "一要" and s.parent == "s2" for s in sections)
    tasks = [p.text for p in plans if p.kind == "task"]
    assert len(tasks) == 9
    assert tasks[0] == "坚决维护社会和谐稳定"


def test_two_measures_joined_by_a_dun_comma_are_two_targets() -> None:
    _, _, plans = plans_of("gwr/liaoning_2024.txt")
    targets = [p.text for p in plans if p.kind == "target"]
    assert "城镇新增就业47万人左右" in targets
    assert "城镇调查失业率5.5%左右" in targets


def test_one_measure_with_two_figures_stays_whole() -> None:
    _, _, plans = plans_of("gwr/gansu_2025.txt")
    targets = [p.text for p in plans if p.kind == "target"]
    assert "城乡居民人均可支配收入分别增长5%、6.5%左右" in targets
    assert not any(t.startswith("6.5%") for t in targets)


def test_targets_one_to_a_line_below_the_colon() -> None:
    text = ("一、2024年工作回顾\n一年来，我们坚持稳中求进工作总基调，经济运行总体平稳。\n二、2025年工作安排\n"
            "今年经济社会发展的主要预期目标确定为：\n地区生产总值增长6%左右；\n城镇新增就业30万人以上；\n"
            "居民消费价格涨幅2%左右。\n今年要重点做好以下工作。\n（一）扩大内需。全面落实。\n")
    _, plans = plans_of_text(text)
    assert [(p.kind, p.text) for p in plans] == [
        ("target", "地区生产总值增长6%左右"), ("target", "城镇新增就业30万人以上"),
        ("target", "居民消费价格涨幅2%左右"), ("task", "扩大内需")]


def test_a_plans_section_without_items_gives_its_lead_phrases() -> None:
    text = ("一、2024年工作回顾\n一年来，我们坚持稳中求进工作总基调，经济运行总体平稳。\n"
            "二、2025年工作安排\n"
            "加快落实中央一揽子经济政策。全面落实国家更加积极的财政政策和适度宽松的货币政策。\n"
            "促进消费扩量提质。深入实施提振消费专项行动，推动以旧换新。\n"
            "改革是发展的动力。我们要坚定不移推进改革。\n"
            "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围。\n")
    _, plans = plans_of_text(text)
    assert [p.text for p in plans] == ["加快落实中央一揽子经济政策", "促进消费扩量提质"]
    assert plans[0].end == plans[1].start


def test_a_report_without_plans_section_has_no_plans() -> None:
    assert plans_of("fazhi/beijing_2023.txt")[2] == ()
    assert plans_of_text("")[1] == ()


@pytest.mark.parametrize("relpath", ALL_REPORTS)
def test_plans_are_ordered_and_inside_their_sections(relpath: str) -> None:
    text, sections, plans = plans_of(relpath)
    by_id = {s.id: s for s in sections}
    assert [p.id for p in plans] == [f"p{i}" for i in range(1, len(plans) + 1)]
    assert [p.start for p in plans] == sorted(p.start for p in plans)
    plan_sections = {s.id for s in sections if s.level == 1 and s.role == "plans"}
    for p in plans:
        sec = by_id[p.section or ""]
        assert sec.start <= p.start < p.end <= sec.end <= len(text), p
        assert p.section is not None, p
        assert p.section.split(".")[0] in plan_sections, p
        if p.kind == "target":
            assert text[p.start:p.end] == p.text, p
            assert any(ch.isdigit() for ch in p.text), p
        else:
            assert 0 < len(p.text) <= SETTINGS.max_title_chars, p


@pytest.mark.parametrize("relpath", [r for r in FULL_REPORTS if r.startswith(("gwr/", "docx/"))])
def test_work_reports_have_targets_and_tasks(relpath: str) -> None:
    _, _, plans = plans_of(relpath)
    assert sum(p.kind == "target" for p in plans) >= 3
    assert sum(p.kind == "task" for p in plans) >= 4


MEASURES = ["地区生产总值增长", "城镇新增就业", "居民消费价格涨幅", "城镇调查失业率", "粮食产量"]


UNITS = ["%左右", "万人以上", "%以内"]


@given(st.lists(st.tuples(st.sampled_from(MEASURES), st.integers(1, 999), st.sampled_from(UNITS),
                          st.sampled_from(["，", "；", "、"])), min_size=1, max_size=6),
       st.sampled_from(["进出口回稳向好", "居民收入增长和经济增长基本同步"]))
@settings(max_examples=80, deadline=None)
def test_every_generated_target_clause_is_found(clauses: list[tuple[str, int, str, str]], vague: str) -> None:
    sentence = "".join(f"{m}{n / 10:g}{u}{sep}" for m, n, u, sep in clauses) + vague + "。"
    text = ("一、2024年工作回顾\n一年来，我们坚持稳中求进工作总基调，经济运行总体平稳。\n"
            f"二、2025年目标任务和重点工作\n主要预期目标为：{sentence}\n"
            "（一）发挥政策引导保障支撑作用。全面落实国家更加积极的财政政策。\n")
    _, plans = plans_of_text(text)
    targets = [p.text for p in plans if p.kind == "target"]
    assert targets == [f"{m}{n / 10:g}{u}" for m, n, u, _ in clauses]
    assert [p.text for p in plans if p.kind == "task"] == ["发挥政策引导保障支撑作用"]
