"""The segmenter: pinned outlines of real report passages, false-marker traps, properties.

The passages are copied from the bundled reports (``reports/``), trimmed; where the corpus has
no instance of a marker kind or a trap (①, （1）, 1、, 统一是, a year list at a line start) a real
sentence is given that marker or trap.
"""

from __future__ import annotations

import csv
import functools
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import ingest
from compare.model import HeadingHint, Section
from compare.plans import find_plans
from compare.segment import appendix_start, cn_number, glossary_start, segment
from compare.settings import Settings
from compare.textnorm import fold

from .conftest import REPORTS

SETTINGS = Settings()


def outline(text: str, hints: tuple[HeadingHint, ...] = ()) -> list[tuple[str, str, int]]:
    """(marker, title, level) of every heading."""
    return [(s.marker, s.title, s.level) for s in segment(text, kind=None, hints=hints, settings=SETTINGS)]


def check_outline(text: str, sections: tuple[Section, ...]) -> None:
    """The invariants every outline keeps: document order, nesting, no overlap, consistent ids."""
    by_id = {s.id: s for s in sections}
    assert len(by_id) == len(sections), "ids are unique"
    for prev, s in itertools.pairwise(sections):
        assert prev.start < s.start, f"document order: {prev.id} then {s.id}"
    for s in sections:
        assert s.start == s.heading_start <= s.heading_end <= s.end <= len(text), s
        assert text[s.heading_start:s.heading_end].endswith(s.title), s
        assert s.marker in "".join(text[s.heading_start:s.heading_end].split()), s
        assert len(s.title) <= SETTINGS.max_title_chars, s
        if s.parent is None:
            assert s.level == 1, s
            assert s.role is not None, s
            assert "." not in s.id, s
        else:
            p = by_id[s.parent]
            assert s.level == p.level + 1, s
            assert s.role is None, s
            assert s.id.startswith(p.id + "."), s
            assert p.start < s.start, f"{s.id} nests in {p.id}"
            assert s.end <= p.end, f"{s.id} nests in {p.id}"
    for a in sections:
        for b in sections:
            if a.start < b.start < a.end:
                assert b.end <= a.end, f"{b.id} overlaps the end of {a.id}"


# ---------------------------------------------------------------- pinned passages, each marker kind

LIBO_REVIEW = (
    "一、2023年推进法治政府建设的主要举措和成效\n"
    "(一)以法治思维推动发展,保障政府职能全面正确履行。\n"
    "一是持续深化“放管服”改革。深入推进“一网一窗通办”改革,围绕全项无差别受理目标,推动人社、医保、公积金业务从“小一窗”"
    "向“大一窗”融合。\n"
    "二是深入推进规范公正文明执法。大力推进“一支队伍管执法”改革,构建明晰的执法职责体系,全面梳理执法事项清单。\n")

LIBO_PROBLEMS = (
    "二、2023年推进法治政府建设存在的不足和原因\n"
    "一是各部门、各乡(镇、街道)虽逐步重视依法行政工作,但具体抓什么、怎么抓的工作思路还不够清晰。"
    "二是行政执法规范性、严格性不足,部分执法单位在执法过程中存在程序瑕疵、文书不规范等问题。"
    "三是“两降一升” 工作存在不稳定性,行政执法不规范问题依然突出。\n")

LIBO_RUN_IN = (
    "三、2023年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况\n"
    "(一)谋篇部署、高位推动,法治建设有力有序推进。坚持把习近平法治思想学习作为增强依法行政能力的务实举措,全年县委常委会、"
    "县委理论学习中心组集体学法6次。\n"
    "(二)压紧压实责任,推动法治建设任务落实。制定《荔波县2023年法治政府建设工作要点》等文件制度。\n")


def test_dun_paren_and_shi_lines_nest_by_depth() -> None:
    assert outline(LIBO_REVIEW) == [
        ("一、", "2023年推进法治政府建设的主要举措和成效", 1),
        ("(一)", "以法治思维推动发展,保障政府职能全面正确履行", 2),
        ("一是", "持续深化“放管服”改革", 3),
        ("二是", "深入推进规范公正文明执法", 3),
    ]


def test_inline_enumeration_in_one_paragraph_is_reported() -> None:
    assert outline(LIBO_PROBLEMS) == [
        ("二、", "2023年推进法治政府建设存在的不足和原因", 1),
        ("一是", "各部门、各乡(镇、街道)虽逐步重视依法行政工作,但具体抓什么、怎么抓的工作思路还不够清晰", 2),
        ("二是", "行政执法规范性、严格性不足,部分执法单位在执法过程中存在程序瑕疵、文书不规范等问题", 2),
        ("三是", "“两降一升” 工作存在不稳定性,行政执法不规范问题依然突出", 2),
    ]


def test_last_inline_item_ends_with_its_paragraph() -> None:
    text = LIBO_PROBLEMS + "三、2023年党政主要负责人履行推进法治建设第一责任人职责\n"
    sections = segment(text, kind="fazhi", hints=(), settings=SETTINGS)
    last = sections[3]
    assert last.marker == "三是"
    assert text[last.end - 3:last.end] == "突出。"


def test_run_in_heading_title_stops_at_the_first_full_stop() -> None:
    result = outline(LIBO_RUN_IN)
    assert result[1] == ("(一)", "谋篇部署、高位推动,法治建设有力有序推进", 2)
    assert result[2] == ("(二)", "压紧压实责任,推动法治建设任务落实", 2)


def test_run_in_level_one_heading() -> None:
    text = ("一、学习贯彻习近平法治思想走深走实。深入开展学习贯彻习近平新时代中国特色社会主义思想主题教育。\n"
            "二、法治建设第一责任人职责压紧压实。省政府主要负责同志坚决扛牢推进法治建设第一责任人职责。\n")
    sections = segment(text, kind="fazhi", hints=(), settings=SETTINGS)
    assert [(s.title, s.role) for s in sections] == [
        ("学习贯彻习近平法治思想走深走实", "achievements"), ("法治建设第一责任人职责压紧压实", "leadership")]


def test_full_width_paren_after_an_ideographic_indent() -> None:
    text = ("\u3000\u3000二、2025年目标任务和重点工作\n"
            "\u3000\u3000认真抓好11方面重点工作：\n"
            "\u3000\u3000（一）发挥政策引导保障支撑作用，最大程度把政策红利转化为发展动力。全面落实国家更加积极的财政政策。\n"
            "\u3000\u3000（二）提振和扩大消费，切实增强消费促发展基础性作用。深入实施提振消费专项行动。\n")
    assert outline(text) == [
        ("二、", "2025年目标任务和重点工作", 1),
        ("（一）", "发挥政策引导保障支撑作用，最大程度把政策红利转化为发展动力", 2),
        ("（二）", "提振和扩大消费，切实增强消费促发展基础性作用", 2),
    ]


def test_chinese_numeral_with_a_full_stop_dot() -> None:
    text = ("一．主要举措和成效\n(一)强化组织领导。成立领导小组。\n"
            "二．存在的不足和原因\n工作思路还不够清晰。\n")
    assert outline(text) == [("一．", "主要举措和成效", 1), ("(一)", "强化组织领导", 2),
                             ("二．", "存在的不足和原因", 1)]


def test_parts_above_numbered_sections() -> None:
    text = ("第一部分 2024年工作回顾\n一年来，我们坚持稳中求进工作总基调。\n"
            "(一)稳住经济基本盘。地区生产总值增长5%。\n"
            "第二部分 2025年工作安排\n(一)扩大有效需求。全面落实政策。\n")
    assert outline(text) == [("第一部分", "2024年工作回顾", 1), ("(一)", "稳住经济基本盘", 2),
                             ("第二部分", "2025年工作安排", 1), ("(一)", "扩大有效需求", 2)]


def test_arabic_dot_items() -> None:
    text = ("  一、2024年推进法治政府建设主要举措和成效\n\n"
            "  1.进一步完善法治政府建设顶层设计。制发《2024年西城区法治政府建设工作要点》。\n\n"
            "  2.深入推进政府职能转变优化。调整优化社区职责事项清单。\n")
    assert outline(text) == [("一、", "2024年推进法治政府建设主要举措和成效", 1),
                             ("1.", "进一步完善法治政府建设顶层设计", 2),
                             ("2.", "深入推进政府职能转变优化", 2)]


@pytest.mark.parametrize(("first", "second"),
                         [("1、", "2、"), ("（1）", "（2）"), ("①", "②"), ("1．", "2．")])
def test_other_item_markers(first: str, second: str) -> None:
    text = ("(一)坚持政治引领,扛牢法治政府建设责任。\n"
            f"{first}强化理论学习。深入学习习近平法治思想,始终坚持把学习贯彻习近平法治思想作为首要政治任务。\n"
            f"{second}抓实关键少数。压实各级党政主要负责人履行推进法治建设第一责任人职责。\n")
    assert outline(text) == [("(一)", "坚持政治引领,扛牢法治政府建设责任", 1),
                             (first, "强化理论学习", 2), (second, "抓实关键少数", 2)]


def test_di_yi_items() -> None:
    text = ("二、2014年工作总体部署\n\n实现今年经济社会发展的目标任务，要把握好以下原则和政策取向。\n\n"
            "第一，向深化改革要动力。改革是最大的红利。\n\n"
            "第二，保持经济运行处在合理区间。完善宏观调控政策框架。\n")
    assert outline(text) == [("二、", "2014年工作总体部署", 1), ("第一，", "向深化改革要动力", 2),
                             ("第二，", "保持经济运行处在合理区间", 2)]


def test_yi_yao_enumeration_under_a_paren_heading() -> None:
    text = ("（五）推进新一轮高水平对外开放，着力实现合作共赢。\n\n"
            "促进外贸创新发展。面对外需持续低迷的严峻形势，要多措并举，遏制进出口下滑势头。一要加快落实和完善政策。"
            "优化出口退税率结构。二要鼓励商业模式创新。扩大跨境电子商务试点。\n")
    assert outline(text) == [("（五）", "推进新一轮高水平对外开放，着力实现合作共赢", 1),
                             ("一要", "加快落实和完善政策", 2), ("二要", "鼓励商业模式创新", 2)]


def test_unnumbered_heading_lines_are_the_top_level() -> None:
    text = ("2025年西藏政府工作报告\n来源：西藏日报\n各位代表：\n"
            "现在，我代表自治区人民政府，向大会报告政府工作，请予审议，并请各位政协委员和其他列席人员提出意见。\n"
            "2024年工作回顾\n"
            "2024年是新中国成立75周年，是实现“十四五”规划目标任务的关键之年。我们坚持稳中求进工作总基调。\n"
            "一是稳定态势持续向好。牢固树立总体国家安全观。\n"
            "二是发展动能不断增强。完成重点项目投资1700亿元以上。\n"
            "2025年工作安排\n"
            "今年是“十四五”规划收官之年，是自治区成立60周年，也是本届政府全面完成各项目标任务的收官之年。\n"
            "(一)坚决维护社会和谐稳定。扎实推进中华民族共同体建设。\n")
    sections = segment(text, kind="gwr", hints=(), settings=SETTINGS)
    assert [(s.marker, s.title, s.level, s.role) for s in sections] == [
        ("", "2024年工作回顾", 1, "achievements"),
        ("一是", "稳定态势持续向好", 2, None),
        ("二是", "发展动能不断增强", 2, None),
        ("", "2025年工作安排", 1, "plans"),
        ("(一)", "坚决维护社会和谐稳定", 2, None),
    ]


def test_a_report_whose_top_level_is_paren_has_it_at_level_one() -> None:
    text = ("青岛市2019年政府工作报告(全文)\n\n各位代表:\n\n"
            "2018年,是青岛历史上极不平凡的一年。一年来,全市上下坚持以习近平新时代中国特色社会主义思想为指导。主要做了以下工作:\n\n"
            "(一)团结一心众志成城,峰会服务保障任务圆满完成。我们以最高标准、最严要求、最实作风。\n\n"
            "(二)扎实推进新旧动能转换,经济发展质量不断提升。\n")
    assert [level for _, _, level in outline(text)] == [1, 1]


def test_an_enumeration_inside_an_item_of_the_same_family_nests() -> None:
    text = ("三、2025年重点工作\n"
            "七是坚持民生至上，更大力度增进群众福祉\n"
            "今年，将继续办好群众普遍需求、可感可及的10件实事。一是继续实施中小学“强县中增学位”工程，支持20所县属高中改善办学"
            "条件。二是继续支持1万名未就业普通高校毕业生到基层就业，城镇新增就业30万人。\n"
            "八是深化主动创安创稳，以高水平安全保障高质量发展\n")
    assert [(m, level) for m, _, level in outline(text)] == [
        ("三、", 1), ("七是", 2), ("一是", 3), ("二是", 3), ("八是", 2)]


def test_a_second_enumeration_after_a_finished_one_is_a_sibling() -> None:
    text = ("一、2015年工作回顾\n\n一年来，我们主要做了以下工作：\n\n"
            "一是着力稳增长调结构防风险，创新宏观调控方式。为应对持续加大的经济下行压力，我们实施定向调控。\n\n"
            "二是围绕激发市场活力，加大改革开放力度。我们不搞“大水漫灌”式的强刺激。\n\n"
            "2015年是“十二五”收官之年。“十二五”规划确定的主要目标任务全面完成。一是经济持续较快发展。国内生产总值年均增长7.8%。"
            "二是结构调整取得标志性进展。服务业成为第一大产业。\n")
    assert [(m, level) for m, _, level in outline(text)] == [
        ("一、", 1), ("一是", 2), ("二是", 2), ("一是", 2), ("二是", 2)]


def test_heading_hints_make_unnumbered_paragraphs_headings() -> None:
    text = ("政府工作报告\n各位代表：\n"
            "现在，我代表省人民政府，向大会报告政府工作，请予审议，并请各位政协委员和其他列席人员提出意见。\n"
            "过去一年的主要工作\n一年来，我们坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。\n"
            "稳住经济基本盘\n全省地区生产总值增长5.8%，固定资产投资增长4%。\n"
            "今年的主要任务\n今年是“十四五”规划收官之年。\n")
    hints = []
    for line, level in (("过去一年的主要工作", 1), ("稳住经济基本盘", 2), ("今年的主要任务", 1)):
        at = text.index(line)
        hints.append(HeadingHint(at, at + len(line), level))
    sections = segment(text, kind="gwr", hints=tuple(hints), settings=SETTINGS)
    assert [(s.title, s.level, s.role) for s in sections] == [
        ("过去一年的主要工作", 1, "achievements"), ("稳住经济基本盘", 2, None),
        ("今年的主要任务", 1, "plans")]


def test_a_heading_whose_line_break_was_lost_continues_its_sequence() -> None:
    text = ("一、主要举措和成效\n"
            "(一)强化组织领导,夯实法治基础。成立以镇党委书记为组长的法治政府建设领导小组。"
            "(二)加强法治教育,营造法治氛围。狠抓领导干部这个关键少数。(四)一处跳号的编号。\n"
            "二、存在的不足和原因\n工作思路还不够清晰。三、下一步工作打算。持续加强行政执法监督工作。\n")
    assert [(m, level) for m, _, level in outline(text)] == [
        ("一、", 1), ("(一)", 2), ("(二)", 2), ("二、", 1), ("三、", 1)]


def test_a_numbered_list_run_into_one_paragraph() -> None:
    text = ("(一)坚持政治引领,扛牢法治政府建设责任。主要做了三方面工作。"
            "1.强化理论学习。深入学习习近平法治思想。"
            "2.抓实关键少数。压实各级党政主要负责人职责。3.压紧责任链条。召开全市法治政府建设推进会。\n")
    assert [(m, level) for m, _, level in outline(text)] == [("(一)", 1), ("1.", 2), ("2.", 2), ("3.", 2)]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2029"])
def test_any_line_break_separates_paragraphs(newline: str) -> None:
    text = LIBO_PROBLEMS.replace("\n", newline)
    assert [level for _, _, level in outline(text)] == [1, 2, 2, 2]


# ---------------------------------------------------------------- false-marker traps

@pytest.mark.parametrize(("body", "why"), [
    ("坚持全市一盘棋,执法标准统一是前提,程序唯一是要求,严格落实行政执法“三项制度”。", "统一是, 唯一是"),
    ("一是牢牢抓住发展第一要务不放松。发展是硬道理。二是大力推进结构性改革。当前矛盾和问题。", "第一要务"),
    ("全年组织学法考试,\n1.5万名干部参加学法考试,合格率100%。", "1.5万 at a line start"),
    ("重点城市细颗粒物（PM\n2.5\n）年均浓度下降9.1%。", "a bare 2.5 line"),
    ("2023、2024年连续两年获评法治政府建设示范单位。", "a year list at a line start"),
    ("审核的事项主要包括：（1）行政许可事项；（2）行政处罚事项；（3）行政强制事项。", "(1) in a sentence"),
    ("一、二、三产业增加值分别增长4.2%、5%、5.4%。", "一、二、三产业 at a line start"),
    ("规上工业增加值增长7.7%。二是高于全国1.8个百分点,增速排全国第五。", "a lone 二是"),
])
def test_false_markers_are_not_headings(body: str, why: str) -> None:
    text = "(一)统筹推进法治政府建设。\n" + body + "\n(二)深入推进依法行政。加强行政执法监督工作。\n"
    found = [(m, level) for m, _, level in outline(text)]
    wanted = [("(一)", 1), ("(二)", 1)]
    if why == "第一要务":
        wanted = [("(一)", 1), ("一是", 2), ("二是", 2), ("(二)", 1)]
    assert found == wanted, why


def test_title_metadata_salutation_and_signature_are_not_headings() -> None:
    text = ("荔波县人民政府2023年度法治政府建设工作情况报告\n"
            "索 引 号: | 000014349/2024-351576 | 信息分类: | 其他公告 |\n"
            "发布机构: | 生成日期: | 2024-03-04 | |\n"
            "各位代表：\n"
            "2023年以来,在州委、州政府和县委、县人大的坚强领导下,荔波县始终坚持以习近平新时代中国特色社会主义思想为指引。\n"
            "一、2023年推进法治政府建设的主要举措和成效\n(一)以法治思维推动发展。深入推进“一网一窗通办”改革。\n"
            "荔波县人民政府\n2024年3月1日\n")
    assert [m for m, _, _ in outline(text)] == ["一、", "(一)"]


def test_a_lone_inline_first_item_is_kept_only_at_the_end_of_a_cut_text() -> None:
    head = "(一)法治政府建设统筹推进更加有力。市委、市政府主要负责同志切实履行推进法治建设第一责任人职责。"
    cut = head + "一是强化思想政治引领。召开市委全面依法治市委员会会议"
    assert [m for m, _, _ in outline(cut)] == ["(一)", "一是"]
    full = cut + "。" + "坚持以习近平法治思想为指导,全面推进依法行政。" * 40
    full += "\n(二)行政决策质量不断提升。\n"
    assert [m for m, _, _ in outline(full)] == ["(一)", "(二)"]


def test_a_heading_line_repeated_by_mistake_counts_once() -> None:
    text = ("2025年,在市委、市政府和县委的坚强领导下,我县深入学习贯彻习近平法治思想,取得新成效。\n"
            "一、强化党的领导,夯实法治建设根基\n一、强化党的领导,夯实法治建设根基\n"
            "一是加强政治引领,把牢正确方向。始终坚持党对法治政府建设的全面领导。\n"
            "二是深化理论武装,夯实思想基础。坚持把学习贯彻习近平法治思想作为首要政治任务。\n")
    assert [(m, level) for m, _, level in outline(text)] == [("一、", 1), ("一是", 2), ("二是", 2)]


@pytest.mark.parametrize(("numeral", "value"), [("一", 1), ("十", 10), ("十一", 11), ("二十", 20),
                                                ("二十三", 23), ("三四", None), ("", None), ("百", None)])
def test_chinese_numerals(numeral: str, value: int | None) -> None:
    assert cn_number(numeral) == value


# ---------------------------------------------------------------- roles

@pytest.mark.parametrize(("title", "role"), [
    ("2023年推进法治政府建设的主要举措和成效", "achievements"),
    ("2023年推进法治政府建设存在的不足和原因", "problems"),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", "leadership"),
    ("2024年推进法治政府建设的主要安排", "plans"),
    ("下一步工作打算", "plans"),
    ("2025年工作总体要求和预期目标", "plans"),
    ("“十三五”时期主要目标任务和重大举措", "plans"),
    ("2026年重点工作", "plans"),
    ("存在问题", "problems"),
    ("存在的困难和问题", "problems"),
    ("2024年工作重点", "plans"),
    ("下步工作设想", "plans"),
    ("关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》的说明", "plans"),
])
def test_roles_from_titles_whatever_the_order(title: str, role: str) -> None:
    for first in ("党政主要负责人履行推进法治建设第一责任人职责情况", "主要举措和成效"):
        text = f"一、{first}\n正文一段，内容从略。\n二、{title}\n正文一段，内容从略。\n"
        sections = segment(text, kind=None, hints=(), settings=SETTINGS)
        assert sections[1].role == role, (first, title)


def test_topical_sections_after_a_plans_section_are_plans() -> None:
    text = ("一、2014年工作回顾\n正文。\n二、2015年工作总体部署\n正文。\n三、把改革开放扎实推向纵深\n正文。\n"
            "六、切实加强政府自身建设\n正文。\n")
    roles = [s.role for s in segment(text, kind="gwr", hints=(), settings=SETTINGS)]
    assert roles == ["achievements", "plans", "plans", "plans"]


# ---------------------------------------------------------------- properties: generated reports

TITLES = ["持续深化“放管服”改革", "强化组织领导", "加强法治教育,营造法治氛围", "提升行政决策公信力",
          "稳定和完善宏观经济政策", "扩大高水平对外开放", "保障和改善民生", "严格规范公正文明执法",
          "推进科技创新和产业创新深度融合", "加快建设现代化产业体系"]
SENTENCES = ["深入推进“一网一窗通办”改革,推动人社、医保业务融合。", "全年审核重大行政执法决定136件。",
             "坚持全市一盘棋,标准统一是前提。", "发展是执政兴国的第一要务。", "共协调到位资金60余万元。",
             "全市政务服务事项100%实现网上可办,好评率99.99%。", "主要包括：（1）行政许可;（2）行政处罚。",
             "地区生产总值增长5.5%左右,城镇新增就业1.5万人。"]
SCHEMES = [("dun", "paren", "shi"), ("dun", "ardot", "shi"), ("dun", "shi"), ("paren", "yao"),
           ("dun", "fparen", "ardot", "shi"), ("dun", "arparen")]
_CN_NUM = "一二三四五六七八九十"


def marker(family: str, n: int) -> str:
    cn = _CN_NUM[n - 1] if n <= 10 else "十" + _CN_NUM[n - 11]
    return {"dun": f"{cn}、", "paren": f"({cn})", "fparen": f"（{cn}）", "ardot": f"{n}.",
            "arparen": f"（{n}）", "shi": f"{cn}是", "yao": f"{cn}要"}[family]


@st.composite
def report_texts(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A report-like text and the (start, level) of every heading it was built with."""
    scheme = draw(st.sampled_from(SCHEMES))
    parts: list[str] = ["某市人民政府2023年度法治政府建设情况报告\n",
                        draw(st.sampled_from(SENTENCES)) * 2 + "现将有关情况报告如下。\n"]
    expected: list[tuple[int, int]] = []

    def body() -> str:
        return "".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))

    def emit(depth: int) -> None:
        family = scheme[depth]
        n_items = draw(st.integers(min_value=1, max_value=4))
        inline = family in ("shi", "yao") and n_items >= 2 and draw(st.booleans())
        if inline:
            parts.append(body())
        for n in range(1, n_items + 1):
            pos = sum(map(len, parts))
            head = marker(family, n) + draw(st.sampled_from(TITLES))
            expected.append((pos, depth + 1))
            if inline:
                parts.append(head + "。" + body())
                continue
            run_in = draw(st.booleans())
            parts.append(head + ("。" + body() + "\n" if run_in else "\n"))
            if depth + 1 < len(scheme) and draw(st.booleans()):
                emit(depth + 1)
            elif not run_in:
                parts.append(body() + "\n")
        if inline:
            parts.append("\n")

    emit(0)
    if draw(st.booleans()):
        parts.append("特此报告。\n某市人民政府\n2024年3月1日\n")
    return "".join(parts), expected


@given(report_texts())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_reports_give_back_their_outline(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, expected = case
    sections = segment(text, kind=None, hints=(), settings=SETTINGS)
    check_outline(text, sections)
    assert [(s.heading_start, s.level) for s in sections] == expected


@given(st.lists(st.sampled_from([*"一二三是要、()（）1.。;：\n 第，统工作回顾年2", "一、", "(一)", "二是"]),
               max_size=120).map("".join))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_well_formed_outline(text: str) -> None:
    check_outline(text, segment(text, kind=None, hints=(), settings=SETTINGS))


# ---------------------------------------------------------------- the bundled reports

@functools.cache
def manifest() -> list[dict[str, str]]:
    with (REPORTS / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@functools.cache
def outline_of(relpath: str) -> tuple[str, tuple[Section, ...]]:
    path = REPORTS / relpath
    doc = ingest.read_document(path.read_bytes(), str(path), settings=SETTINGS)
    return doc.text, segment(doc.text, kind=doc.meta.kind, hints=doc.heading_hints, settings=SETTINGS)


ALL_REPORTS = [row["file"] for row in manifest()]
FULL_REPORTS = [row["file"] for row in manifest() if row["completeness"] == "full"]


@pytest.mark.parametrize("relpath", ALL_REPORTS)
def test_every_bundled_report_has_a_sane_outline(relpath: str) -> None:
    text, sections = outline_of(relpath)
    assert sections, "no sections found"
    check_outline(text, sections)
    assert all(len(s.title) >= 2 for s in sections)
    top = [s for s in sections if s.level == 1]
    if relpath in FULL_REPORTS:
        assert len(top) >= 2, "a whole report has more than one part"
        for s in top:
            assert s.end - s.start < 0.85 * len(text), f"{s.id} {s.title} spans the whole report"


@pytest.mark.parametrize("relpath", FULL_REPORTS)
def test_whole_reports_review_a_year_and_plan_the_next(relpath: str) -> None:
    _, sections = outline_of(relpath)
    roles = [s.role for s in sections if s.level == 1]
    assert roles[0] in ("achievements", "leadership"), roles
    assert "plans" in roles, roles
    assert roles.index("plans") > roles.index("achievements"), roles


@given(st.sampled_from(ALL_REPORTS), st.floats(min_value=0.05, max_value=1.0))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_reports_cut_anywhere_keep_a_well_formed_outline(relpath: str, share: float) -> None:
    text, _ = outline_of(relpath)
    cut = text[:int(len(text) * share)]
    check_outline(cut, segment(cut, kind=None, hints=(), settings=SETTINGS))


@given(st.sampled_from(FULL_REPORTS[:3] + [r for r in ALL_REPORTS if r.startswith("fazhi/")][:20]),
       st.sampled_from(["", "\u3000\u3000", "    "]), st.booleans())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_outline_ignores_indentation_and_bracket_width(relpath: str, indent: str, wide: bool) -> None:
    text, sections = outline_of(relpath)
    lines = [indent + line.strip(" \u3000\u2003\xa0") for line in text.split("\n")]
    variant = "\n".join(lines)
    if wide:
        variant = variant.replace("(", "（").replace(")", "）")
    else:
        variant = variant.replace("（", "(").replace("）", ")")
    again = segment(variant, kind=None, hints=(), settings=SETTINGS)
    assert [(s.level, s.role, fold(s.title)) for s in again] == \
        [(s.level, s.role, fold(s.title)) for s in sections]


def test_docx_and_txt_of_one_report_give_the_same_outline() -> None:
    _t_txt, s_txt = outline_of("gwr/zhejiang_2024.txt")
    _t_docx, s_docx = outline_of("docx/zhejiang_2024.docx")
    assert [(s.marker, s.title, s.level, s.role) for s in s_txt] == \
        [(s.marker, s.title, s.level, s.role) for s in s_docx]


# ---------------------------------------------------------------- real passages from reports/unseen

def test_level_one_titles_that_start_with_yi() -> None:
    # 2026 福建 report (reports/unseen/gwr/fujian_2025.txt), trimmed: slogan titles starting with 一
    text = ("各位代表：\n"
            "一、一年接着一年干，新福建建设持续取得新进展新成效\n"
            "2025年是“十四五”收官之年。一年来，我们坚持以习近平新时代中国特色社会主义思想为指导。\n"
            "（一）着力推进向新向优发展，产业转型升级步伐加快。全省规上工业增加值增长5.6%。\n"
            "二、一张蓝图绘到底，奋力谱写中国式现代化福建篇章\n"
            "“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期。\n"
            "（一）始终锚定机制活，持续深化改革开放，激发奋勇争先的动力活力。\n"
            "三、一鼓作气勇争先，全力推动“十五五”开好局、起好步\n"
            "2026年是“十五五”开局之年，也是福建在中国式现代化建设中奋勇争先的关键一年。\n"
            "今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右，在实际工作中努力争取更好结果；"
            "城镇调查失业率控制在5%左右。\n"
            "（一）壮大实体经济，推动高质量发展。\n（二）深挖内需潜力，畅通高效率循环。\n")
    sections = segment(text, kind="gwr", hints=(), settings=SETTINGS)
    assert [(s.marker, s.title[:7], s.level, s.role) for s in sections if s.level == 1] == [
        ("一、", "一年接着一年干", 1, "achievements"), ("二、", "一张蓝图绘到底", 1, "plans"),
        ("三、", "一鼓作气勇争先", 1, "plans")]
    plans = find_plans(text, sections, kind="gwr", settings=SETTINGS)
    assert [(p.kind, p.text) for p in plans] == [
        ("target", "全省地区生产总值增长5%左右"), ("target", "城镇调查失业率控制在5%左右"),
        ("task", "壮大实体经济，推动高质量发展"), ("task", "深挖内需潜力，畅通高效率循环")]


@pytest.mark.parametrize("line", ["一、二季度全市地区生产总值增长5.1%。", "一、二、三产业增加值分别增长4.2%、5%。",
                                  "三、四月份开展专项检查。"])
def test_a_numeral_that_counts_on_is_a_range_not_a_title(line: str) -> None:
    text = "(一)统筹推进法治政府建设。\n" + line + "\n(二)深入推进依法行政。\n"
    assert [m for m, _, _ in outline(text)] == ["(一)", "(二)"]


def test_a_title_may_open_with_a_numeral_that_does_not_count_on() -> None:
    text = ("一、2025年工作回顾\n正文一段，内容从略。\n二、十五五时期主要目标任务\n正文一段，内容从略。\n"
            "三、十件民生实事\n正文一段，内容从略。\n")
    assert [t for _, t, _ in outline(text)] == ["2025年工作回顾", "十五五时期主要目标任务", "十件民生实事"]


def test_a_line_break_inside_the_cue_sentence_is_no_heading() -> None:
    # 2026 广东 report (reports/unseen/gwr/guangdong_2025.txt), trimmed: bold words on lines of their own
    text = ("各位代表：\n"
            "一、2025年和“十四五”时期工作回顾\n"
            "2025年是中国式现代化进程中具有重要意义的一年，也是广东改革发展历程中极不平凡的一年。\n"
            "三、2026年工作安排\n"
            "2026年是“十五五”第一年，开好局起好步十分重要。今年经济社会发展的\n"
            "主要预期目标\n"
            "是：地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果；地方一般公共预算收入增长3%左右；"
            "居民收入增长与经济增长同步。重点抓好以下14个方面的工作：\n"
            "（一）久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群。\n"
            "服务“一国两制”大局，紧扣新发展格局的战略支点。\n"
            "（二）坚持实体经济为本、制造业当家，加快构建更加强大的现代化产业体系。\n")
    sections = segment(text, kind="gwr", hints=(), settings=SETTINGS)
    assert [(s.marker, s.level) for s in sections] == [("一、", 1), ("三、", 1), ("（一）", 2), ("（二）", 2)]
    plans = find_plans(text, sections, kind="gwr", settings=SETTINGS)
    assert [(p.kind, p.text[:10]) for p in plans] == [
        ("target", "地区生产总值增长4."), ("target", "地方一般公共预算收入"),
        ("task", "久久为功推动粤港澳大"), ("task", "坚持实体经济为本、制")]
    assert plans[0].text == "地区生产总值增长4.5%—5%"


def test_a_glossary_after_the_closing_words_is_no_part_of_the_outline() -> None:
    # 2026 江西 report (reports/unseen/gwr/jiangxi_2025.txt), trimmed: a 名词注释 appendix after the appeal
    body = ("三、2026年工作安排\n"
            "（八）聚焦建设更高水平平安江西，加强安全体系和能力建设。深入推进社会治理创新。\n"
            "各位代表！大道至简，实干为要。让我们更加紧密地团结在以习近平同志为核心的党中央周围，"
            "为奋力谱写中国式现代化江西篇章作出新的更大贡献！\n")
    glossary = ("附件\n《政府工作报告》有关内容名词注释\n"
                "1.“2030启航计划”：面向2030年及长远发展，发挥有组织基础研究先导与源头作用的科技专项计划。\n"
                "2.“四级三类”国土空间规划：“四级”为省、市、县、乡，“三类”指总体规划、详细规划和专项规划。\n")
    text = "各位代表：\n" + "现在，我代表省人民政府，向大会报告工作。" * 8 + "\n" + body + glossary
    assert glossary_start(text) == text.index("附件")
    sections = segment(text, kind="gwr", hints=(), settings=SETTINGS)
    assert [(s.marker, s.level) for s in sections] == [("三、", 1), ("（八）", 2)]
    assert sections[-1].end <= text.index("附件")
    # a 特此报告。 letter with its attachment named on the same line keeps it (no appendix)
    letter = "特此报告。\n附件:浦东新区司法局2023年度法治政府建设情况报告\n"
    assert appendix_start("各位代表：\n" + "正文。" * 40 + "\n" + letter) is None


def test_a_list_marker_glued_to_a_number_continues_its_list() -> None:
    # 2026 江西 report, glossary entries 19.-21. (20.2026年…, 21.5+2…)
    text = ("一、有关内容\n18.“十五五”规划：内容从略。\n19.“1+N”常态化帮扶政策体系：“1”指省委和省政府制定出台的政策。\n"
            "20.2026年10件民生实事：加大重点群体就业创业支持力度。\n21.5+2就业之家：覆盖省、市、县、街道（乡镇）、社区（村）。\n")
    assert [(m, level) for m, _, level in outline(text)] == [
        ("一、", 1), ("18.", 2), ("19.", 2), ("20.", 2), ("21.", 2)]
    assert [t for _, t, _ in outline(text)][3] == "2026年10件民生实事：加大重点群体就业创业支持力度"


def test_a_marker_broken_after_its_bracket_is_one_heading() -> None:
    # 2026 云南 report (reports/unseen/gwr/yunnan_2025.txt), trimmed: （ / 三）改革开放… on two lines
    text = ("一、“十四五”时期和2025年工作回顾\n"
            "（二）产业发展提质增效、转型加快。\n非烟非能工业增加值增长8.1%。\n"
            "（\n三）改革开放持续深化、互促共进。\n“云南方案”成为全国开展市场准入效能评估的参考。\n"
            "（四）城乡发展齐头并进、更趋协调。\n新型城镇化加快推进。\n")
    assert outline(text) == [("一、", "“十四五”时期和2025年工作回顾", 1), ("（二）", "产业发展提质增效、转型加快", 2),
                             ("（三）", "改革开放持续深化、互促共进", 2), ("（四）", "城乡发展齐头并进、更趋协调", 2)]


def test_a_series_of_standalone_one_sentence_lines_is_a_heading_level() -> None:
    # 2026 青海 report (reports/unseen/gwr/qinghai_2025.txt), trimmed: the review is organised by
    # standalone lines ending in 。, each followed by its paragraph
    para = "始终坚持生态优先、绿色发展，统筹推进山水林田湖草沙冰一体化保护和系统治理，生态环境质量持续改善。" * 2
    text = ("一、2025年和“十四五”时期工作回顾\n"
            "2025年是“十四五”收官之年，也是我省发展历程中极不平凡的一年。\n"
            "生态底色更加亮丽。\n" + para + "\n经济运行持续向好。\n" + para + "\n"
            "特色产业向新向优。\n" + para + "\n"
            "二、“十五五”主要目标任务\n（一）以更高标准打造生态文明高地。\n" + para + "\n")
    assert outline(text) == [
        ("一、", "2025年和“十四五”时期工作回顾", 1), ("", "生态底色更加亮丽", 2), ("", "经济运行持续向好", 2),
        ("", "特色产业向新向优", 2), ("二、", "“十五五”主要目标任务", 1), ("（一）", "以更高标准打造生态文明高地", 2)]
    # two such lines are no series; nor are they in a section numbered 一是…三是 (its numbers are its outline)
    two = text.replace("特色产业向新向优。\n" + para + "\n", "")
    assert [m for m, _, _ in outline(two)] == ["一、", "二、", "（一）"]
    numbered = text.replace("2025年是“十四五”收官之年", "一是办好全运会。\n" + para + "\n二是稳住经济。\n" + para
                            + "\n2025年是“十四五”收官之年")
    assert [m for m, _, _ in outline(numbered)][:3] == ["一、", "一是", "二是"]
    assert "" not in [m for m, _, _ in outline(numbered)]


def test_inline_comma_list_titles_stop_at_the_next_item() -> None:
    # 2026 北京 report (reports/unseen/gwr/beijing_2025.txt), section 二, trimmed
    text = ("二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
            "编制过程中，我们把握了以下几点：一是注重对标对表，认真贯彻落实习近平总书记对北京重要讲话精神和党中央部署的"
            "各项重点任务，紧密对接落实城市总体规划、市委“十五五”规划建议，科学安排发展目标，系统谋划重大项目、关键改革、"
            "政策举措，把中央和市委确定的路线图转化为施工图。二是牢记职责使命，紧紧围绕“建设一个什么样的首都、怎样建设首都”进行谋划。\n"
            "《纲要草案》明确了今后五年的发展目标：一是首都功能持续提升，二是高质量发展迈上新台阶，三是全面深化改革取得新突破，"
            "四是群众生活品质不断提高。\n")
    assert [t for _, t, _ in outline(text)] == [
        "“十四五”时期发展成就和“十五五”时期主要目标任务", "注重对标对表",
        "牢记职责使命，紧紧围绕“建设一个什么样的首都、怎样建设首都”进行谋划",
        "首都功能持续提升", "高质量发展迈上新台阶", "全面深化改革取得新突破", "群众生活品质不断提高"]


def test_a_restarted_enumeration_in_a_later_paragraph_is_no_item_of_the_heading() -> None:
    # 2026 江西 report (reports/unseen/gwr/jiangxi_2025.txt), section 二, trimmed
    text = ("二、“十五五”时期发展的主要考虑\n"
            "（四）关于“十五五”时期发展的重点任务。《纲要（草案）》围绕实现发展目标，提出了重点任务。一是突出了高质量发展要求。"
            "二是注重强化江西在发展全局中的定位和作用。三是充分体现以人民为中心的发展思想。"
            "四是更好统筹高质量发展、高水平安全和高标准保护。\n"
            "《纲要（草案）》经大会审查通过后，省政府将全力组织实施。一是细化实化方案。以务实管用的工作举措，抓好任务分解。"
            "二是强化要素保障。统筹用好各类资源。三是加强监测评估。健全规划实施监测评估机制。\n"
            "三、2026年工作安排\n")
    assert [(m, level) for m, _, level in outline(text)] == [
        ("二、", 1), ("（四）", 2), ("一是", 3), ("二是", 3), ("三是", 3), ("四是", 3), ("三、", 1)]


def test_a_run_in_first_heading_in_a_text_without_line_breaks() -> None:
    # a reprint of the 2023 湖北 report (reports/unseen/fazhi/hubei_2023.txt): the page is one line
    text = ("湖北省人民政府关于2023年度法治政府建设情况的报告2023年,省政府坚持以习近平新时代中国特色社会主义思想为指导,"
            "为加快建设全国构建新发展格局先行区提供了有力法治保障。一、坚持党的领导,坚决扛牢法治政府建设政治责任"
            "坚持“思想引领、学习在先”,以习近平法治思想武装头脑。一是深学笃行习近平法治思想。省政府常务会议专题学习。"
            "二是扛牢法治建设第一责任人职责。先后研究法治政府建设工作30余次。三是优化法治政府建设推进机制。")
    assert [(m, level) for m, _, level in outline(text)] == [("一、", 1), ("一是", 2), ("二是", 2), ("三是", 2)]
    # with line-start headings elsewhere, a run-in 一、 without a 二、 after it stays text
    broken = "一、总体情况\n" + text + "\n"
    assert [m for m, _, _ in outline(broken)][:2] == ["一、", "一是"]


def test_a_fazhi_section_that_names_no_role_keeps_the_review_role() -> None:
    # 四川 2024 fazhi report (reports/fazhi/sichuan_2024.txt): 制定…年度重点工作安排 in a review paragraph
    text = ("四川省人民政府2024年度法治政府建设工作情况\n"
            "2024年,省政府坚定以习近平新时代中国特色社会主义思想为指导,全面贯彻习近平法治思想。\n"
            "一、坚持以习近平法治思想为指引,统筹推进法治政府建设\n"
            "省政府主要领导认真履行推进法治建设第一责任人职责,主持召开四川省法治政府建设工作会议,"
            "制定全省法治政府建设年度重点工作安排。\n")
    assert [s.role for s in segment(text, kind="fazhi", hints=(), settings=SETTINGS)] == ["achievements"]
