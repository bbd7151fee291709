"""Section alignment (``compare.align``) and the similarity helpers it is built on (``compare.similarity``).

Real reports from ``reports/``, with outlines from the gold annotations (``tests/gold_outline.py``)
where a test is about the aligner alone, and from the segmenter where it is about the whole chain.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.align import align_sections, base_year
from compare.model import Meta, Report, Role, Section, SectionPair
from compare.settings import Settings
from compare.similarity import (
    TermWeights,
    best_assignment,
    char_bigrams,
    containment,
    content_words,
    kept_share,
    normalize_years,
    title_similarity,
    weighted_cosine,
    weighted_overlap,
)

from .conftest import parsed
from .gold_outline import gold_report

SETTINGS = Settings()


# ---------------------------------------------------------------- similarity helpers


def test_content_words_leave_out_numbers_years_and_punctuation() -> None:
    assert content_words("2023年，精简行政许可事项140项，90%以上") == ["精简", "行政许可", "事项", "以上"]


def test_content_words_fold_traditional_and_full_width() -> None:
    assert content_words("發展ＡＩ產業") == content_words("发展AI产业")


def test_years_relative_to_the_report_year_compare_equal() -> None:
    assert normalize_years("2024年工作回顾", 2024) == normalize_years("2025年工作回顾", 2025)
    assert normalize_years("2025年重点工作", 2024) == normalize_years("2026年重点工作", 2025)
    assert normalize_years("2024年工作回顾", 2024) != normalize_years("2025年重点工作", 2024)
    # without a base year every year is the same token
    assert normalize_years("2019年工作", None) == normalize_years("2023年工作", None)
    # numbers that are not years are left alone
    assert normalize_years("新增就业120万人", 2024) == "新增就业120万人"


def test_title_similarity_ignores_word_order_and_punctuation() -> None:
    assert title_similarity("持续优化营商环境", "营商环境持续优化") > 0.6
    assert title_similarity("牵头抓总全面依法治区工作,持续统筹", "牵头抓总全面依法治区工作持续统筹") == 1.0
    assert title_similarity("加强政府自身建设", "加强政府自身建设") == 1.0
    assert title_similarity("繁荣发展文化事业文化产业", "切实筑牢安全防线") < 0.2
    assert title_similarity("", "切实筑牢安全防线") == 0.0


def test_year_alone_does_not_make_titles_alike() -> None:
    a = normalize_years("2024年工作回顾", 2024)
    b = normalize_years("2025年重点工作", 2024)
    assert title_similarity(a, b) < title_similarity(a, normalize_years("2025年工作回顾", 2025))


def test_four_character_words_meet_their_halves() -> None:
    # jieba keeps 扩大内需 whole but cuts 扩大 / 内需 apart elsewhere
    assert title_similarity("扩大内需", "提振内需、扩大投资") >= 0.5


def test_char_bigrams_bridge_different_segmentations() -> None:
    assert "扩大" in char_bigrams("千方百计扩大内需")
    assert weighted_overlap(char_bigrams("扩大内需"), char_bigrams("扩大有效投资")) > 0


def test_weighted_measures() -> None:
    w = TermWeights.learn([["推进", "医保"], ["推进", "营商环境"], ["推进", "就业"]])
    assert w.weight("推进") < w.weight("医保") < w.weight("没见过")
    a, b = w.vector(["推进", "医保", "医保"]), w.vector(["推进", "医保"])
    assert weighted_cosine(a, b) == pytest.approx(weighted_cosine(b, a))
    assert weighted_cosine(a, a) == pytest.approx(1.0)
    assert weighted_cosine(a, {}) == 0.0
    # sharing only a common word counts for little
    assert weighted_overlap(["推进", "医保"], ["推进", "就业"], w) < 0.2
    assert containment(["医保"], ["推进", "医保"], w) == 1.0
    assert containment([], ["推进"], w) == 0.0


def test_lead_vector_weighs_the_start_of_a_passage() -> None:
    w = TermWeights.learn([["医保"], ["就业"], ["推进"]])
    words = ["医保"] * 3 + ["就业"] * 30
    assert w.lead_vector(words, 0) == w.vector(words)
    assert w.lead_vector(words[:3], 10) == w.vector(words[:3])
    lead = w.lead_vector(words, 3)
    assert lead["就业"] / lead["医保"] < w.vector(words)["就业"] / w.vector(words)["医保"]
    # the tail still counts, only less
    assert lead["就业"] > 0


def test_kept_share() -> None:
    assert kept_share(["a", "b", "c"], ["a", "b", "c"]) == 1.0
    assert kept_share([], []) == 1.0
    assert kept_share(["a", "b"], ["c", "d"]) == 0.0
    assert kept_share(["a", "b", "c", "d"], ["a", "b"]) == pytest.approx(2 * 2 / 6)


def _brute_force(w: list[list[float]]) -> float:
    rows, cols = len(w), len(w[0])
    best = 0.0
    for k in range(min(rows, cols) + 1):
        for rs in itertools.combinations(range(rows), k):
            for cs in itertools.permutations(range(cols), k):
                best = max(best, sum(max(0.0, w[r][c]) for r, c in zip(rs, cs, strict=True)))
    return best


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 4).flatmap(lambda r: st.integers(1, 4).flatmap(lambda c: st.lists(
    st.lists(st.sampled_from([-1.0, 0.0, 0.1, 0.25, 0.5, 0.7, 1.0]), min_size=c, max_size=c),
    min_size=r, max_size=r))))
def test_best_assignment_matches_brute_force(w: list[list[float]]) -> None:
    pairs = best_assignment(w)
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert all(w[r][c] > 0 for r, c in pairs)
    assert sum(w[r][c] for r, c in pairs) == pytest.approx(_brute_force(w))


def test_best_assignment_is_global_not_greedy() -> None:
    # greedy would take (0, 0) = 0.9 and leave row 1 with 0.1; the best total pairs crosswise
    assert best_assignment([[0.9, 0.8], [0.85, 0.1]]) == [(0, 1), (1, 0)]
    assert best_assignment([]) == []
    assert best_assignment([[0.0, -1.0]]) == []


# ---------------------------------------------------------------- aligning real reports


def _by_title(report: Report, pairs: tuple[SectionPair, ...], old_title: str) -> list[SectionPair]:
    ids = {s.id for s in report.sections if s.title.startswith(old_title)}
    return [p for p in pairs if p.old in ids]


def _title(report: Report, sid: str | None) -> str | None:
    s = report.section(sid)
    return s.title if s is not None else None


@functools.cache
def _aligned(old: str, new: str) -> tuple[Report, Report, tuple[SectionPair, ...]]:
    o, n = gold_report(old), gold_report(new)
    return o, n, align_sections(o, n, settings=SETTINGS)


def test_identical_headings_are_same() -> None:
    old, new, pairs = _aligned("beijing-xicheng_2023", "beijing-xicheng_2024")
    both = [p for p in pairs if p.old and p.new]
    assert len(both) == len(old.sections) == len(new.sections)
    level2 = [p for p in both if "." in (p.old or "")]
    assert level2
    assert all(p.relation == "same" and p.old == p.new for p in level2)
    top = next(p for p in both if p.old == "s1")
    assert top.new == "s1"
    assert top.relation == "renamed"


def test_reworded_and_reordered_sections_are_found() -> None:
    old, new, pairs = _aligned("zhejiang_2024", "zhejiang_2025")
    found = {(_title(old, p.old), _title(new, p.new)) for p in pairs if p.old and p.new}
    expected = [
        ("2024年工作回顾", "2025年主要工作和“十四五”发展成就"),
        ("2025年目标任务和重点工作", "2026年重点工作"),
        ("推进高水平创新型省份建设，新质生产力发展势头良好", "强化创新驱动发展，创新浙江建设成效明显"),
        ("保障和改善民生，增强人民群众获得感", "着力增强群众获得感幸福感安全感"),
        ("统筹高质量发展和高水平安全，建设更高水平平安浙江法治浙江",
         "着力促进高质量发展和高水平安全良性互动"),
    ]
    for o, n in expected:
        assert any(fo is not None and fn is not None and fo.startswith(o) and fn.startswith(n)
                   for fo, fn in found), (o, n)


def test_a_section_moved_to_another_parent_is_found_as_moved() -> None:
    old, new, pairs = _aligned("zhejiang_2024", "zhejiang_2025")
    [p] = _by_title(old, pairs, "担负起新时代的文化使命")
    assert p.relation == "moved"
    assert (_title(new, p.new) or "").startswith("聚焦担负起新时代的文化使命")
    o, n = old.section(p.old), new.section(p.new)
    assert o is not None
    assert n is not None
    assert old.section(o.parent) is not None
    assert _title(old, o.parent) == "2025年目标任务和重点工作"
    assert _title(new, n.parent) == "“十五五”时期的主要目标任务"


def test_sections_without_counterpart_are_left_unpaired() -> None:
    old, new, pairs = _aligned("china-national_2015", "china-national_2016")
    removed = {_title(old, p.old) for p in pairs if p.relation == "removed"}
    added = {_title(new, p.new) for p in pairs if p.relation == "added"}
    assert "“十三五”时期主要目标任务和重大举措" in removed
    assert "2017年工作总体部署" in added
    assert {p.score for p in pairs if p.relation in ("added", "removed")} == {0.0}


def test_review_is_never_paired_with_plans() -> None:
    for old_name, new_name in [("china-national_2015", "china-national_2016"),
                               ("zhejiang_2024", "zhejiang_2025")]:
        old, new, pairs = _aligned(old_name, new_name)
        for p in pairs:
            o, n = old.section(p.old), new.section(p.new)
            if o is not None and n is not None and o.level == 1:
                assert o.role == n.role, (o.title, n.title)


def test_level3_pairs_stay_inside_paired_parents() -> None:
    old, new = parsed("gwr/gansu_2024.txt"), parsed("gwr/gansu_2025.txt")
    pairs = align_sections(old, new, settings=SETTINGS)
    paired = {p.old: p.new for p in pairs if p.old and p.new and p.relation not in ("split", "merged")}
    deep = [p for p in pairs if p.old and p.new and p.old.count(".") >= 2]
    assert len(deep) >= 5  # the 民生实事 items of the plans, renumbered
    for p in deep:
        o, n = old.section(p.old), new.section(p.new)
        assert o is not None
        assert n is not None
        assert paired.get(o.parent or "") == n.parent
    titles = {(_title(old, p.old), _title(new, p.new)) for p in deep}
    assert any((o or "").startswith("继续实施万名老年人白内障复明工程")
               and (n or "").startswith("免费实施1万名") for o, n in titles)
    _check_contract(old, new, pairs)


def test_similarity_is_the_share_of_text_kept() -> None:
    _old, _new, pairs = _aligned("zhejiang_2024", "zhejiang_2025")
    for p in pairs:
        if p.old and p.new:
            assert p.similarity is not None
            assert 0.0 <= p.similarity <= 1.0
            assert 0.0 < p.score <= 1.0
        else:
            assert p.similarity is None
    same = _aligned("beijing-xicheng_2023", "beijing-xicheng_2024")[2]
    assert max(p.similarity or 0.0 for p in same) > max(p.similarity or 0.0 for p in pairs if p.old and p.new)


def test_output_follows_the_new_report() -> None:
    old, new, pairs = _aligned("china-national_2015", "china-national_2016")
    new_order = [p.new for p in pairs if p.new is not None]
    assert new_order == [s.id for s in new.sections]
    # a dropped old section comes right after the pair of the old section before it
    i = next(k for k, p in enumerate(pairs) if _title(old, p.old) == "“十三五”时期主要目标任务和重大举措")
    assert pairs[i - 1].old is not None
    assert (pairs[i - 1].old or "").startswith("s1")


def test_base_year_from_meta_or_text() -> None:
    r = gold_report("zhejiang_2024")
    assert base_year(r) == 2024
    assert base_year(r, trust_meta=False) == 2024  # from 一、2024年工作回顾
    no_year = replace(r, meta=replace(r.meta, year=None))
    assert base_year(no_year) == 2024
    no_outline = replace(no_year, sections=())
    assert base_year(no_outline) in (2024, 2025)  # the year most written in the first third
    assert base_year(replace(no_outline, text="没有年份")) is None


def test_alignment_without_report_years() -> None:
    old, new, pairs = _aligned("zhejiang_2024", "zhejiang_2025")
    undated = align_sections(replace(old, meta=replace(old.meta, year=None)), new, settings=SETTINGS)
    assert {(p.old, p.new) for p in undated} == {(p.old, p.new) for p in pairs}


def test_without_outline_there_is_nothing_to_pair() -> None:
    r = gold_report("beijing_2022")
    empty = replace(r, sections=())
    assert align_sections(empty, empty, settings=SETTINGS) == ()
    pairs = align_sections(empty, r, settings=SETTINGS)
    assert [p.new for p in pairs] == [s.id for s in r.sections]
    assert all(p.relation == "added" for p in pairs)


def test_segmenter_output_end_to_end() -> None:
    old, new = parsed("gwr/zhejiang_2024.txt"), parsed("gwr/zhejiang_2025.txt")
    pairs = align_sections(old, new, settings=SETTINGS)
    top = {(_title(old, p.old), _title(new, p.new))
           for p in pairs if p.old and p.new and "." not in (p.old or "")}
    assert ("2024年工作回顾", "2025年主要工作和“十四五”发展成就") in top
    assert ("2025年目标任务和重点工作", "2026年重点工作") in top
    _check_contract(old, new, pairs)


# ---------------------------------------------------------------- split and merge


def _report(outline: list[tuple[str, Role | None, str, list[tuple[str, str]]]], year: int) -> Report:
    """A report from (title, role, body, [(child title, child body)]) with 一、 and （一） markers."""
    nums = "一二三四五六七八九十"
    parts: list[str] = []
    sections: list[Section] = []
    at = 0

    def add(text: str) -> int:
        nonlocal at
        parts.append(text)
        start = at
        at += len(text)
        return start

    for i, (title, role, body, children) in enumerate(outline):
        marker = f"{nums[i % 10]}、"
        start = add(marker)
        add(title)
        head_end = at
        add("\n" + body + "\n")
        kids: list[Section] = []
        for j, (ctitle, cbody) in enumerate(children):
            cmarker = f"（{nums[j % 10]}）"
            cstart = add(cmarker)
            add(ctitle)
            chead_end = at
            add("。" + cbody + "\n")
            kids.append(Section(f"s{i + 1}.{j + 1}", f"s{i + 1}", 2, cmarker, ctitle, None, cstart, chead_end,
                                cstart, at))
        sections.append(Section(f"s{i + 1}", None, 1, marker, title, role, start, head_end, start, at))
        sections.extend(kids)
    meta = Meta(title=None, region=None, year=year, kind="gwr", published=None, source="-")
    return Report(meta=meta, text="".join(parts), sections=tuple(sections), indicators=(), plans=())


ECO = ("深入打好蓝天碧水净土保卫战，细颗粒物平均浓度下降，地表水国控断面水质优良比例提高，"
       "推进重点流域生态保护修复，完成国土绿化任务，生态环境质量持续改善")
SAFE = ("深化安全生产治本攻坚，开展重点行业领域隐患排查整治，道路交通、建筑施工、危险化学品事故起数下降，"
        "健全应急指挥体系，提升防汛抗旱和森林防火能力")
JOBS = "实施就业优先战略，城镇新增就业持续扩大，高校毕业生就业保持稳定，零就业家庭动态清零，落实援企稳岗政策"


def test_a_section_split_in_two_is_shown_as_split() -> None:
    old = _report([("2024年工作回顾", "achievements", "过去一年。",
                    [("加强生态环境保护和安全生产", ECO + "。" + SAFE), ("稳定扩大就业", JOBS)])], 2024)
    new = _report([("2025年工作回顾", "achievements", "过去一年。",
                    [("加强生态环境保护", ECO), ("加强安全生产", SAFE), ("稳定扩大就业", JOBS)])], 2025)
    pairs = align_sections(old, new, settings=SETTINGS)
    by_new = {p.new: p for p in pairs}
    assert by_new["s1"].old == "s1"
    assert by_new["s1"].relation == "same"
    assert by_new["s1.3"].old == "s1.2"
    assert by_new["s1.3"].relation == "same"
    assert {by_new["s1.1"].old, by_new["s1.2"].old} == {"s1.1"}
    assert sorted(by_new[k].relation for k in ("s1.1", "s1.2")) == ["renamed", "split"]
    _check_contract(old, new, pairs)


def test_two_sections_merged_into_one_are_shown_as_merged() -> None:
    old = _report([("2024年工作回顾", "achievements", "过去一年。",
                    [("加强生态环境保护", ECO), ("加强安全生产", SAFE), ("稳定扩大就业", JOBS)])], 2024)
    new = _report([("2025年工作回顾", "achievements", "过去一年。",
                    [("加强生态环境保护和安全生产", ECO + "。" + SAFE), ("稳定扩大就业", JOBS)])], 2025)
    pairs = align_sections(old, new, settings=SETTINGS)
    merged = [p for p in pairs if p.relation == "merged"]
    assert len(merged) == 1
    assert merged[0].new == "s1.1"
    assert {p.old for p in pairs if p.new == "s1.1"} == {"s1.1", "s1.2"}
    _check_contract(old, new, pairs)


def test_unrelated_sections_are_not_paired() -> None:
    old = _report([("2024年工作回顾", "achievements", "过去一年。", [("加强生态环境保护", ECO)])], 2024)
    new = _report([("2025年工作回顾", "achievements", "过去一年。", [("稳定扩大就业", JOBS)])], 2025)
    pairs = align_sections(old, new, settings=SETTINGS)
    assert ("s1.1", None) in {(p.old, p.new) for p in pairs}
    assert (None, "s1.1") in {(p.old, p.new) for p in pairs}


# ---------------------------------------------------------------- properties


def _check_contract(old: Report, new: Report, pairs: tuple[SectionPair, ...]) -> None:
    """Every section of both reports appears; one-to-one for same/renamed/moved; extra pairs point
    at a section that is paired one-to-one; scores in 0..1."""
    assert {p.old for p in pairs if p.old} == {s.id for s in old.sections}
    assert {p.new for p in pairs if p.new} == {s.id for s in new.sections}
    main = [p for p in pairs if p.relation in ("same", "renamed", "moved")]
    assert len({p.old for p in main}) == len(main) == len({p.new for p in main})
    assert all(p.old is not None and p.new is not None for p in main)
    main_old = {p.old for p in main}
    main_new = {p.new for p in main}
    for p in pairs:
        assert 0.0 <= p.score <= 1.0
        if p.relation == "split":
            assert p.old in main_old
            assert p.new not in main_new
        elif p.relation == "merged":
            assert p.new in main_new
            assert p.old not in main_old
        elif p.relation == "added":
            assert p.old is None
            assert p.new not in main_new
        elif p.relation == "removed":
            assert p.new is None
            assert p.old not in main_old


@functools.cache
def _pool() -> tuple[list[str], list[str]]:
    """Real headings and sentences to build random reports from."""
    r = gold_report("zhejiang_2024")
    titles = list(dict.fromkeys(s.title for s in r.sections if len(s.title) >= 4))
    sentences = [x for x in re.split(r"[。\n]", r.text) if 10 <= len(x) <= 120]
    return titles, sentences


@st.composite
def outlines(draw: st.DrawFn) -> Report:
    titles, sentences = _pool()
    n_top = draw(st.integers(1, 3))
    picked = draw(st.lists(st.sampled_from(range(len(titles))), min_size=n_top * 4, max_size=n_top * 4,
                           unique=True))
    roles: list[Role | None] = ["achievements", "plans", "problems", None]
    outline = []
    k = 0
    for _ in range(n_top):
        n_kids = draw(st.integers(0, 3))
        kids: list[tuple[str, str]] = []
        for _ in range(n_kids):
            body = "。".join(draw(st.lists(st.sampled_from(sentences), min_size=0, max_size=3)))
            kids.append((titles[picked[k + 1 + len(kids)]], body))
        body = "。".join(draw(st.lists(st.sampled_from(sentences), min_size=0, max_size=2)))
        outline.append((titles[picked[k]], draw(st.sampled_from(roles)), body, kids))
        k += 4
    return _report(outline, draw(st.sampled_from([2023, 2024])))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines())
def test_a_report_compared_with_itself_pairs_every_section_with_itself(report: Report) -> None:
    pairs = align_sections(report, report, settings=SETTINGS)
    assert len(pairs) == len(report.sections)
    for p in pairs:
        assert p.old == p.new
        assert p.old is not None
        assert p.score == 1.0
        assert p.relation == "same"
        assert p.similarity == 1.0
    _check_contract(report, report, pairs)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), outlines())
def test_any_two_reports_give_a_complete_one_to_one_pairing(old: Report, new: Report) -> None:
    _check_contract(old, new, align_sections(old, new, settings=SETTINGS))


@pytest.mark.parametrize(("province", "old_title", "new_title"), [
    # slogan headings sharing no words; the same measures (重点项目投资, 以旧换新, 社会消费品零售总额...)
    # reported in both bodies say they are one subject
    ("xizang", "持续挖掘投资消费潜能", "立足扩大内需"),
    ("xizang", "安全屏障更加稳固", "生态优先筑高地守底线"),
    ("hebei", "聚力办好民生实事", "切实增进百姓福祉"),
])
def test_measures_reported_in_both_sections_pair_them(province: str, old_title: str, new_title: str) -> None:
    old, new = parsed(f"gwr/{province}_2024.txt"), parsed(f"gwr/{province}_2025.txt")
    pairs = align_sections(old, new, settings=SETTINGS)
    [p] = [p for p in _by_title(old, pairs, old_title) if p.new is not None]
    assert (_title(new, p.new) or "").startswith(new_title)
