"""The word-level diff (compare/diff.py): rebuilds both sides, splits Chinese into words, finds moves."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.diff import Segment, cross_moves, diff_texts, sentences, tokens
from compare.settings import Settings

from .conftest import REPORTS

# Characters of real reports: common words, digits, punctuation that ends sentences, line breaks.
CJK = "法治政府建设推进完善工作年度报告区县市省全面深化改革开放发展经济社会一二三四五的了和"
ALPHABET = CJK + "0123456789.%，。；、：“”（）()\n 　"
XICHENG_OLD = (REPORTS / "fazhi/beijing-xicheng_2023.txt").read_text(encoding="utf-8")
XICHENG_NEW = (REPORTS / "fazhi/beijing-xicheng_2024.txt").read_text(encoding="utf-8")


def old_side(segs: tuple[Segment, ...]) -> str:
    return "".join(s.old for s in segs)


def new_side(segs: tuple[Segment, ...]) -> str:
    return "".join(s.new for s in segs)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120), st.text(alphabet=ALPHABET, max_size=120))
def test_segments_rebuild_both_sides(a: str, b: str) -> None:
    segs = diff_texts(a, b).segments
    assert old_side(segs) == a
    assert new_side(segs) == b
    for s in segs:
        assert (s.kind == "equal") == (s.old != "" and s.new != "")
        if s.kind == "equal":
            assert s.old == s.new


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_text_diffed_with_itself_has_no_changes(t: str) -> None:
    d = diff_texts(t, t)
    assert all(s.kind == "equal" for s in d.segments)
    assert not d.stats.changed


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sentences(XICHENG_OLD)), max_size=12),
       st.lists(st.sampled_from(sentences(XICHENG_NEW)), max_size=12))
def test_real_sentences_rebuild(olds: list[str], news: list[str]) -> None:
    a, b = "".join(olds), "".join(news)
    segs = diff_texts(a, b).segments
    assert (old_side(segs), new_side(segs)) == (a, b)


def test_sentences_cover_the_text() -> None:
    parts = sentences(XICHENG_OLD)
    assert "".join(parts) == XICHENG_OLD
    assert parts[1] == "现将有关情况报告如下。\n"
    assert parts[2] == "一、2023年主要举措和成效\n"


def test_chinese_is_split_into_words_never_one_token() -> None:
    text = "全面贯彻党的二十大和二十届二中全会精神"
    toks = tokens(text)
    assert "".join(toks) == text
    # the reviewed jieba output, pinned (a jieba upgrade that changes it fails here)
    assert toks == ["全面", "贯彻", "党", "的", "二十大", "和", "二十", "届", "二中全会", "精神"]


def test_giant_tokens_are_cut_into_characters() -> None:
    run = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    toks = tokens(f"编号{run}的文件", settings=Settings(diff_max_token_chars=8))
    assert "".join(toks) == f"编号{run}的文件"
    assert max(len(t) for t in toks) <= 8


def test_real_edit_is_marked_word_by_word() -> None:
    a, b = XICHENG_OLD.splitlines()[0], XICHENG_NEW.splitlines()[2].strip()
    segs = diff_texts(a, b).segments
    deleted = [s.old for s in segs if s.kind == "delete"]
    inserted = [s.new for s in segs if s.kind == "insert"]
    assert "二中全会" in deleted
    assert "三中全会" in inserted
    kept = "".join(s.old for s in segs if s.kind == "equal")
    assert "深入学习贯彻习近平法治思想" in kept
    # no change run swallows the whole sentence
    assert max(len(x) for x in deleted) < len(a) // 2


def test_moved_sentence_is_a_move_not_delete_plus_insert() -> None:
    para = XICHENG_OLD.splitlines()[4]  # (三)提升行政决策法治化水平。...
    parts = sentences(para)
    moved = parts[1]  # 扎实做好政府重大行政决策和行政规范性文件合法性审核及文件备案工作。
    new = "".join([parts[0], *parts[2:]]).rstrip("\n") + moved
    d = diff_texts(para, new)
    froms = [s for s in d.segments if s.kind == "move_from"]
    tos = [s for s in d.segments if s.kind == "move_to"]
    assert [s.old for s in froms] == [moved]
    assert [s.new for s in tos] == [moved]
    assert froms[0].move == tos[0].move
    assert not any(moved in s.old for s in d.segments if s.kind == "delete")
    assert not any(moved in s.new for s in d.segments if s.kind == "insert")
    assert (old_side(d.segments), new_side(d.segments)) == (para, new)


def test_edited_move_is_still_a_move() -> None:
    para = XICHENG_OLD.splitlines()[4]
    parts = sentences(para)
    moved = parts[1]
    edited = moved.replace("扎实做好", "认真做好")
    new = "".join([parts[0], *parts[2:]]).rstrip("\n") + edited
    tos = [s for s in diff_texts(para, new).segments if s.kind == "move_to"]
    assert len(tos) == 1
    assert tos[0].new == edited
    assert tos[0].rewrite


def test_stats_count_carried_rewritten_new() -> None:
    a = "推进重点执法任务实施。开展行政规范性文件后评估工作。"
    b = "推进重点执法任务实施。开展行政规范性文件清理工作。新增一项全新的工作安排。"
    st_ = diff_texts(a, b).stats
    assert st_.carried >= len("推进重点执法任务实施。开展行政规范性文件")
    assert st_.rewritten > 0
    assert st_.new_total == sum(1 for c in b if not c.isspace())


def test_sentence_moved_to_another_section_is_a_move() -> None:
    """A sentence dropped from one aligned passage and added to another is shown as moved."""
    lines = XICHENG_OLD.splitlines()
    sec3, sec2 = lines[4], lines[3]
    moved = sentences(sec3)[2]  # 接受区属部门备案行政规范性文件19件。
    d1 = diff_texts(sec3, sec3.replace(moved, ""))
    d2 = diff_texts(sec2, sec2 + moved)
    out = cross_moves([d1, d2])
    froms = [s for s in out[0].segments if s.kind == "move_from"]
    tos = [s for s in out[1].segments if s.kind == "move_to"]
    assert [s.old for s in froms] == [moved]
    assert [s.new for s in tos] == [moved]
    assert froms[0].move == tos[0].move
    assert (old_side(out[0].segments), new_side(out[0].segments)) == (sec3, sec3.replace(moved, ""))
    assert (old_side(out[1].segments), new_side(out[1].segments)) == (sec2, sec2 + moved)
    assert out[1].stats.moved == len(moved)
    assert out[1].stats.added == 0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(sentences(XICHENG_OLD)), max_size=5),
                          st.lists(st.sampled_from(sentences(XICHENG_OLD)), max_size=5)), max_size=4))
def test_cross_moves_keep_every_diff_rebuilding(passages: list[tuple[list[str], list[str]]]) -> None:
    pairs = [("".join(a), "".join(b)) for a, b in passages]
    out = cross_moves([diff_texts(a, b) for a, b in pairs])
    assert [(old_side(d.segments), new_side(d.segments)) for d in out] == pairs
    ends = [(s.kind, s.move) for d in out for s in d.segments if s.move is not None]
    for kind, move in ends:  # every move has both its ends
        other = "move_to" if kind == "move_from" else "move_from"
        assert (other, move) in ends


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=CJK + "ABCXYZ0123456789", min_size=1, max_size=80))
def test_no_token_is_longer_than_the_limit(t: str) -> None:
    toks = tokens(t, settings=Settings(diff_max_token_chars=4))
    assert "".join(toks) == t
    assert max(len(x) for x in toks) <= 4
