"""Report text -> outline: every heading at every level, its span, its section's span, its role.

The segmenter reads the report the way a person skims it:

1. **Candidates.** Each paragraph (one line of the text) is looked at from its first visible
   character. A numbering marker there (一、 (一) （一） 1. 1、 （1） ① 一是 一要 第一，) makes a
   *line-start* candidate. Inside paragraphs, 一是/一要/第一， at a sentence start (after 。；：！？，)
   make *run-in* candidates, and so do 二、 (二) 2. right after a 。 (a heading whose line break
   was lost: kept only where it continues or opens a sequence). A short line without sentence
   punctuation that names a part of a report (……工作回顾, ……重点工作) makes an *unnumbered*
   candidate, and so does a paragraph the source format styled as a heading
   (``Document.heading_hints``). A short line inside a sentence broken over lines (…发展的 /
   主要预期目标 / 是：…) is none. A series of at least three standalone one-sentence lines
   (生态底色更加亮丽。), each followed by a long paragraph, in a section without numbered headings,
   is a heading level. A marker broken after its bracket (（ / 三）…) is one heading; 20.2026年…
   after 19. is item 20; 一、一年接着一年干 is a heading (a numeral that does not count on), 一、二季度
   is not. In a text that lost its line breaks, a run-in 一、 heading a 一是…二是 list is kept.
2. **Sequences.** Run-in enumerations are kept only when they count up (一是 then 二是 …); a lone
   run-in 一是 is kept only at a line start or at the very end of a cut-off text. That discards
   统一是, 唯一是, 第一要务 and list fragments in running text. A run-in 一是 restarting in a later
   paragraph after a heading whose own paragraph held a whole run is no heading (text of the section).
3. **Tree.** A stack of open marker *families*: a heading whose family is already open closes
   everything below that entry and becomes its sibling; a new family opens one level deeper. A
   structural heading (一、 (一) 1. …) never nests under a run-in 一是 item. So the level is the
   depth in the outline, whatever the marker.
4. **Spans.** A heading spans marker + title (the title runs to the first 。/；/！/？ or the line end,
   never into the next heading; one too long for ``Settings.max_title_chars`` is its first clause);
   a glossary appendix after the closing words (附件 / 名词注释) is outside the outline; its
   section runs to the next heading of the same or a higher level, or to its parent's end. The
   last item of a run-in enumeration ends with its paragraph.
5. **Roles** of level-1 sections from their titles (回顾/成效 → achievements, 不足/问题 → problems,
   第一责任人 → leadership, 安排/打算/重点工作/目标任务 → plans). A title that names no role
   (一鼓作气勇争先，…) takes it from the section's opening words in a government work report
   (一年来/收官之年 → achievements; 今年/开局之年/主要预期目标 → plans), else from its position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import HeadingHint, ReportKind, Role, Section
from .settings import Settings
from .textnorm import fold

_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Markers at the first visible character of a paragraph, matched on the folded text
# (fold turns （）．，： into ().,:). Order matters: the first that matches wins.
_LINE_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"第([{_CN}]{{1,3}})部分[、.,:]?")),
    ("dun", re.compile(rf"([{_CN}]{{1,3}})(?:、|\.(?!\d))")),
    ("paren", re.compile(rf"\(([{_CN}]{{1,3}})\)")),
    ("arparen", re.compile(r"\((\d{1,2})\)(?![\d.%])")),
    ("ardot", re.compile(r"(\d{1,2})(?:\.|、)(?![\d.%])")),
    ("di", re.compile(rf"第([{_CN}]{{1,3}})(?:,|、)(?![{_CN}\d])")),
    ("shi", re.compile(rf"([{_CN}]{{1,3}})是")),
    ("yao", re.compile(rf"([{_CN}]{{1,3}})要(?!求|素|件|点|务)")),
)
# Run-in enumeration markers inside a paragraph.
_RUNIN = re.compile(rf"(?:([{_CN}]{{1,3}})(是|要(?!求|素|件|点|务))|第([{_CN}]{{1,3}}),)")
# What may stand right before a run-in marker (after skipping spaces): a sentence or clause end.
_RUNIN_BEFORE = set("。;:!?,")
_SENTENCE_END = re.compile(r"[。!?]")
_CLOSERS = set("”’\")】")
_ENUM_FAMILIES = frozenset({"shi", "yao", "di"})
# Where a title stops.
_TITLE_STOP = set("。;!?\n")
_TITLE_TRIM = " ,:;、。\u3000"
# Sentence punctuation that an unnumbered heading line never contains.
_SENTENCE_PUNCT = re.compile(r"[。,;:!?]")
# Words that make a short line a heading: the names of a report's parts.
_PLAIN_HEADING_WORDS = re.compile(
    r"回顾|成效|成就|成绩|举措|情况|任务|目标|安排|打算|计划|要求|部署|思路|问题|不足|困难|考虑|展望|"
    r"重点工作|主要工作")
# Lines that are never headings: title, source, byline, salutation, signature, attachments.
_NOT_HEADING = re.compile(
    r"报告|来源|时间|日期|索引号|发布|主席|省长|市长|区长|县长|代表|同志|委员|主任|附件|附表|"
    r"^[—-]|(人民政府|办公室|委员会|司法局|司法厅|局|厅)$|\d{4}年\d{1,2}月\d{1,2}日")


@dataclass(frozen=True)
class _Candidate:
    """A place that may be a heading, before the sequence checks."""

    start: int
    """Start of the marker (of the line's text for an unnumbered heading)."""
    body: int
    """Start of the title (after the marker and any spaces)."""
    family: str
    """Marker family: part 第一部分, dun 一、, paren (一), arparen (1), ardot 1., circled ①, di 第一，,
    shi 一是, yao 一要, plain (unnumbered line), line (a series of standalone one-sentence lines),
    hint<N> (a styled paragraph of outline level N)."""
    number: int
    """The marker's number (1 for 一是, 3 for (三)); 0 when unnumbered."""
    line_start: bool
    """The marker stands at the start of a paragraph (not run-in)."""
    para: tuple[int, int]
    """The paragraph holding the candidate: start and end of its visible text."""

    @property
    def structural(self) -> bool:
        """A heading of the document's own structure, as opposed to a run-in enumeration item."""
        return self.family not in _ENUM_FAMILIES


def cn_number(s: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23; None if ``s`` is not such a numeral."""
    if not s:
        return None
    if s == "十":
        return 10
    if len(s) == 1:
        return _CN_DIGIT.get(s)
    if s[0] == "十" and len(s) == 2:
        d = _CN_DIGIT.get(s[1])
        return None if d is None else 10 + d
    if len(s) >= 2 and s[1] == "十":
        tens = _CN_DIGIT.get(s[0])
        if tens is None:
            return None
        if len(s) == 2:
            return tens * 10
        unit = _CN_DIGIT.get(s[2]) if len(s) == 3 else None
        return None if unit is None else tens * 10 + unit
    return None


def _paragraphs(text: str, folded: str) -> list[tuple[int, int]]:
    """(start, end) of the visible text of every non-blank line."""
    out = []
    pos = 0
    for line in folded.splitlines(keepends=True):
        a, b = pos, pos + len(line)
        while a < b and folded[a].isspace():
            a += 1
        while b > a and folded[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        pos += len(line)
    return out


def _line_marker(text: str, folded: str, a: int, b: int) -> tuple[str, int, int] | None:
    """(family, number, marker end) of the marker opening the paragraph [a, b), if any."""
    if text[a] in _CIRCLED:
        return "circled", _CIRCLED.index(text[a]) + 1, a + 1
    line = folded[a:b]
    for family, rx in _LINE_MARKERS:
        m = rx.match(line)
        if m is None:
            continue
        raw = m.group(1)
        number = int(raw) if raw.isdigit() else cn_number(raw)
        if number is None or number == 0 or number > 30:
            return None
        if family == "dun" and _counts_on(line[m.end():], number):
            return None
        return family, number, a + m.end()
    return None


def _counts_on(rest: str, number: int) -> bool:
    """``rest`` opens with the next numeral or another list item: 一、二季度 or 一、二、三 is a range or
    a list, not a heading.

    A title may start with a numeral that does not count on (一、一年接着一年干, 二、一张蓝图绘到底,
    二、十五五时期主要目标任务)."""
    m = re.match(rf"([{_CN}]{{1,3}})(、?)", rest)
    if m is None:
        return False
    return bool(m.group(2)) or cn_number(m.group(1)[:1]) == number + 1


def _skip_spaces(folded: str, i: int, end: int) -> int:
    while i < end and folded[i].isspace():
        i += 1
    return i


def _has_title(folded: str, body: int, end: int) -> bool:
    """At least two characters of words follow the marker."""
    return sum(1 for ch in folded[body:min(end, body + 6)] if ch.isalnum()) >= 2


def _runin_candidates(folded: str, a: int, b: int) -> list[_Candidate]:
    """Run-in 一是/一要/第一， markers at sentence starts inside the paragraph [a, b)."""
    out = []
    for m in _RUNIN.finditer(folded, a, b):
        i = m.start()
        if i == a:
            continue
        j = i - 1
        while j > a and folded[j].isspace():
            j -= 1
        prev = folded[j]
        if prev in _CLOSERS and j > a:
            prev = folded[j - 1] if folded[j - 1] in "。!?" else ""
        if prev not in _RUNIN_BEFORE:
            continue
        if m.group(3) is not None:
            family, number = "di", cn_number(m.group(3))
        else:
            family, number = ("shi" if m.group(2) == "是" else "yao"), cn_number(m.group(1))
        if number is None:
            continue
        body = _skip_spaces(folded, m.end(), b)
        if not _has_title(folded, body, b):
            continue
        out.append(_Candidate(i, body, family, number, False, (a, b)))
    return out


def _midline_candidates(text: str, folded: str, a: int, b: int) -> list[_Candidate]:
    """Structural markers (二、 (二) 2.) right after a full stop inside a paragraph: headings whose
    line break was lost. They are kept only where they continue or open a sequence (_check_sequences)."""
    out = []
    for m in _SENTENCE_END.finditer(folded, a, b):
        i = _skip_spaces(folded, m.end(), b)
        if i >= b:
            continue
        found = _line_marker(text, folded, i, b)
        if found is None or found[0] in _ENUM_FAMILIES:
            continue
        family, number, mend = found
        body = _skip_spaces(folded, mend, b)
        if _has_title(folded, body, b):
            out.append(_Candidate(i, body, family, number, False, (a, b)))
    return out


def _is_plain_heading(text: str, folded: str, a: int, b: int, settings: Settings) -> bool:
    """An unnumbered heading line: short, no sentence punctuation, names a part of a report."""
    line = folded[a:b]
    if not 4 <= b - a <= settings.max_plain_heading_chars:
        return False
    if _SENTENCE_PUNCT.search(line) or _NOT_HEADING.search(line):
        return False
    return _PLAIN_HEADING_WORDS.search(line) is not None


# A line that goes on into the next (…发展的 / 主要预期目标 / 是：…) or a line that continues the one
# before it: a line break inside a sentence (web pages break lines around bold words).
_ENDS_MID_SENTENCE = re.compile(r"[的和与及在把对将向从了之]$")
_GOES_ON = re.compile(r"^[是为,、:;。)]")


# An Arabic list marker glued to a number (20.2026年10件民生实事): read as a decimal unless it
# continues the list of the lines before (19.…).
_GLUED_ARDOT = re.compile(r"(\d{1,2})\.\d")


_PAREN_REST = re.compile(rf"([{_CN}]{{1,3}})\)")


def _split_paren(folded: str, paras: list[tuple[int, int]], idx: int) -> _Candidate | None:
    """A (三) marker broken by a line break after its bracket (（ / 三）改革开放持续深化…): one heading."""
    a, b = paras[idx]
    if folded[a:b] != "(" or idx + 1 >= len(paras):
        return None
    na, nb = paras[idx + 1]
    m = _PAREN_REST.match(folded, na, nb)
    number = cn_number(m.group(1)) if m is not None else None
    if m is None or number is None:
        return None
    body = _skip_spaces(folded, m.end(), nb)
    return _Candidate(a, body, "paren", number, True, (a, nb)) if _has_title(folded, body, nb) else None


def _inside_a_sentence(folded: str, paras: list[tuple[int, int]], idx: int) -> bool:
    """The paragraph paras[idx] is a piece of a sentence broken over lines, not a line of its own."""
    nxt = paras[idx + 1] if idx + 1 < len(paras) else None
    if nxt is not None and _GOES_ON.match(folded[nxt[0]:nxt[1]]):
        return True
    prev = paras[idx - 1] if idx > 0 else None
    return prev is not None and _ENDS_MID_SENTENCE.search(folded[prev[0]:prev[1]]) is not None


def _candidates(text: str, folded: str, hints: tuple[HeadingHint, ...],
                settings: Settings) -> list[_Candidate]:
    paras = _paragraphs(text, folded)
    hinted: dict[int, int | None] = {}
    for h in hints:
        for a, b in paras:
            if a < h.end and h.start < b:
                hinted[a] = h.level
                break
    out: list[_Candidate] = []
    seen_body = False  # a real paragraph has been read: headers and titles are behind us
    last_ardot = 0
    for idx, (a, b) in enumerate(paras):
        found = _line_marker(text, folded, a, b)
        glued = _GLUED_ARDOT.match(folded, a, b)
        if found is None and glued is not None and last_ardot > 1 and int(glued.group(1)) == last_ardot + 1:
            found = ("ardot", last_ardot + 1, glued.end(1) + 1)  # 20.2026年… after 19.…: item 20
        if found is not None and found[0] == "ardot":
            last_ardot = found[1]
        split = _split_paren(folded, paras, idx)
        if split is not None:
            out.append(split)
        elif found is not None:
            family, number, mend = found
            body = _skip_spaces(folded, mend, b)
            if _has_title(folded, body, b):
                out.append(_Candidate(a, body, family, number, True, (a, b)))
        elif a in hinted and idx > 0 and b - a <= settings.max_title_chars \
                and not _NOT_HEADING.search(folded[a:b]):
            level = hinted[a]
            out.append(_Candidate(a, a, "plain" if level is None else f"hint{level}", 0, True, (a, b)))
        elif seen_body and idx + 1 < len(paras) and _is_plain_heading(text, folded, a, b, settings) \
                and not _inside_a_sentence(folded, paras, idx):
            out.append(_Candidate(a, a, "plain", 0, True, (a, b)))
        out.extend(_runin_candidates(folded, a, b))
        out.extend(_midline_candidates(text, folded, a, b))
        if (b - a >= 40 and "。" in folded[a:b]) or folded[a:b].startswith("各位代表"):
            seen_body = True
    out.extend(_standalone_series(folded, paras, out, settings))
    out.sort(key=lambda c: c.start)
    return out


# A standalone line of one short sentence (生态底色更加亮丽。 / 这是生态文明建设取得显著成效的五年。).
_ONE_SENTENCE = re.compile(r"[^。!?;,:\s]{4,}。")
_SERIES_MIN = 3
_PARAGRAPH_RATIO = 3


def _standalone_series(folded: str, paras: list[tuple[int, int]], cands: list[_Candidate],
                       settings: Settings) -> list[_Candidate]:
    """Short one-sentence lines, each followed by a long paragraph, that organise a section without
    numbers: a heading series. Taken when at least three stand in a section that has no numbered
    line-start heading of its own (a section numbered 一是…六是 keeps its numbers as its outline)."""
    starts = sorted(c.start for c in cands if c.line_start)
    tops = [c for c in cands if c.line_start and c.structural]
    members: list[int] = []
    for k in range(len(paras) - 1):
        a, b = paras[k]
        na, nb = paras[k + 1]
        line = folded[a:b]
        if b - a <= settings.max_plain_heading_chars and _ONE_SENTENCE.fullmatch(line) \
                and not _NOT_HEADING.search(line) and nb - na >= max(_PARAGRAPH_RATIO * (b - a), 80) \
                and a not in starts:
            members.append(k)
    out: list[_Candidate] = []
    groups: dict[int, list[int]] = {}
    for k in members:
        owner = max((i for i, c in enumerate(tops) if c.start < paras[k][0]), default=-1)
        if owner >= 0:
            groups.setdefault(owner, []).append(k)
    for owner, ks in groups.items():
        head = tops[owner]
        nxt = next((c.start for c in tops[owner + 1:] if c.family == head.family), len(folded))
        if len(ks) < _SERIES_MIN or any(head.start < st < nxt for st in starts):
            continue
        out.extend(_Candidate(paras[k][0], paras[k][0], "line", 0, True, paras[k]) for k in ks)
    return out


@dataclass(frozen=True)
class _Runs:
    """Run-in enumerations kept: for each item, its run and its place in it."""

    of: dict[int, tuple[int, int]]
    """Item start -> (run number, index in the run)."""
    members: list[list[int]]
    """Run number -> starts of its items."""


def _check_sequences(cands: list[_Candidate], text_len: int,
                     settings: Settings) -> tuple[list[_Candidate], _Runs]:
    """Keep structural headings; keep run-in enumerations that count up (see the module docstring).

    Runs of one family may nest (一是…七是 paragraphs, a 一是…十是 list inside 七是, then 八是): each
    family keeps a stack of open runs, and an item continues the innermost run it follows.
    """
    kept: list[_Candidate] = []
    runs: list[list[_Candidate]] = []
    open_runs: dict[str, list[list[_Candidate]]] = {}

    def close_all() -> None:
        for stack in open_runs.values():
            runs.extend(stack)
        open_runs.clear()

    last_number: dict[str, int] = {}
    # A text that lost its line breaks (a reprint on one line): no heading stands at a line start.
    unbroken = not any(c.line_start and c.structural for c in cands)
    for k, c in enumerate(cands):
        if c.structural:
            if not c.line_start and not (
                    last_number.get(c.family) == c.number - 1 or (c.number == 1 and _next_is_two(cands, k))
                    or (unbroken and c.number == 1 and _enumeration_follows(cands, k))):
                continue
            close_all()
            kept.append(c)
            last_number[c.family] = c.number
            continue
        stack = open_runs.setdefault(c.family, [])
        if c.number == 1:
            stack.append([c])
            continue
        k = len(stack) - 1
        while k >= 0 and stack[k][-1].number != c.number - 1:
            k -= 1
        if k >= 0:
            while len(stack) > k + 1:
                runs.append(stack.pop())
            stack[k].append(c)
        elif c.line_start:
            stack.append([c])
    close_all()
    last_start = cands[-1].start if cands else 0
    good: list[list[_Candidate]] = []
    for run in sorted(runs, key=lambda r: r[0].start):
        first = run[0]
        if _restarts_after_heading_run(first, kept, good):
            continue
        if len(run) >= 2 or first.line_start or (
                first.start == last_start and text_len - first.start <= settings.lone_item_tail_chars):
            good.append(run)
            kept.extend(run)
    good.sort(key=lambda r: r[0].start)
    info = _Runs({c.start: (i, j) for i, run in enumerate(good) for j, c in enumerate(run)},
                 [[c.start for c in run] for run in good])
    kept.sort(key=lambda c: c.start)
    # The same heading line twice in a row (a copy-paste slip) is one heading.
    deduped: list[_Candidate] = []
    for c in kept:
        if deduped and c.line_start and deduped[-1].line_start and c.family == deduped[-1].family \
                and c.number == deduped[-1].number and c.para[1] - c.para[0] == deduped[-1].para[1] - \
                deduped[-1].para[0] and not _between_has_text(deduped[-1], c):
            continue
        deduped.append(c)
    return deduped, info


def _restarts_after_heading_run(first: _Candidate, kept: list[_Candidate], good: list[list[_Candidate]]) -> bool:
    """A run-in 一是 in a later paragraph restarts the enumeration of a heading whose own paragraph held
    a whole run ((四)关于…。一是…四是… / 《纲要（草案）》经大会审查通过后…一是…三是): it is no item of
    that heading, and no heading of the outline."""
    if first.line_start:
        return False
    heads = [c for c in kept if c.structural and c.start < first.start]
    if not heads:
        return False
    head = heads[-1]
    return first.para != head.para and any(
        r[0].family == first.family and all(c.para == head.para for c in r) and r[0].start > head.start
        for r in good)


def _enumeration_follows(cands: list[_Candidate], k: int) -> bool:
    """A run-in 一是 … 二是 follows cands[k] in its paragraph: a run-in 一、 that heads a list of items
    (…提供了有力法治保障。一、坚持党的领导…一是深学笃行…二是…)."""
    after = [c for c in cands[k + 1:] if c.para == cands[k].para and not c.structural]
    return any(c.number == 1 for c in after) and any(c.number == 2 for c in after)


def _next_is_two(cands: list[_Candidate], k: int) -> bool:
    """The next candidate of the same family as cands[k], in its paragraph, is numbered 2."""
    nxt = next((c for c in cands[k + 1:] if c.family == cands[k].family), None)
    return nxt is not None and nxt.number == 2 and nxt.para == cands[k].para


def _between_has_text(a: _Candidate, b: _Candidate) -> bool:
    return b.para[0] > a.para[1] + 2


@dataclass
class _Node:
    cand: _Candidate
    parent: _Node | None
    level: int
    children: list[_Node]
    title_end: int = 0
    end: int = 0
    last_in_run: bool = False


def _hint_level(family: str) -> int | None:
    return int(family[4:]) if family.startswith("hint") and family[4:].isdigit() else None


def _build_tree(cands: list[_Candidate], runs: _Runs) -> list[_Node]:
    """Nodes in document order, each with its parent and level (see the module docstring)."""
    nodes: list[_Node] = []
    stack: list[_Node] = []
    for c in cands:
        if c.structural:
            while stack and not stack[-1].cand.structural:
                stack.pop()
        hl = _hint_level(c.family)
        if hl is not None:
            while stack and not ((h := _hint_level(stack[-1].cand.family)) is not None and h < hl):
                stack.pop()
        elif c.start in runs.of:
            _place_item(c, stack, runs)
        elif any(n.cand.family == c.family for n in stack):
            while stack[-1].cand.family != c.family:
                stack.pop()
            stack.pop()
        parent = stack[-1] if stack else None
        node = _Node(c, parent, len(stack) + 1, [])
        if parent is not None:
            parent.children.append(node)
        stack.append(node)
        nodes.append(node)
    return nodes


def _place_item(c: _Candidate, stack: list[_Node], runs: _Runs) -> None:
    """Pop ``stack`` so that its top is the parent of the enumeration item ``c``."""
    run, index = runs.of[c.start]
    if index > 0:
        prev = runs.members[run][index - 1]
        if any(n.cand.start == prev for n in stack):
            while stack[-1].cand.start != prev:
                stack.pop()
            stack.pop()
        return
    same = [k for k, n in enumerate(stack) if n.cand.family == c.family]
    if not same:
        return
    outer = stack[same[-1]]
    outer_run = runs.of.get(outer.cand.start)
    if outer_run is not None and runs.members[outer_run[0]][-1] > c.start:
        return  # the outer enumeration goes on after this one: this one nests inside it
    del stack[same[-1]:]


_MIN_CLAUSE = 4


def _title_end(folded: str, c: _Candidate, settings: Settings, next_start: int | None = None) -> int:
    """End of the title: the first 。；！？, the line end or max_title_chars; trailing punctuation off."""
    end = c.para[1]
    i = c.body
    limit = min(end, c.body + settings.max_title_chars)
    while i < limit and folded[i] not in _TITLE_STOP:
        i += 1
    if i == limit < end and folded[i] not in _TITLE_STOP:
        # too long to be a title to its full stop: the title is its first clause
        comma = folded.find(",", c.body + _MIN_CLAUSE, i)
        i = comma if comma >= 0 else i
    if next_start is not None and c.body < next_start < i:
        i = next_start  # 一是首都功能持续提升，二是…: a title never runs into the next heading
    while i > c.body and folded[i - 1] in _TITLE_TRIM:
        i -= 1
    return max(i, c.body)


# The signature closing a report: the issuing body and the date, each on a line of its own.
_SIGNATURE = re.compile(
    r"(\d{4}|[〇一二三四五六七八九零]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日|"
    r"^.{2,25}(人民政府|办公室|委员会|司法局|司法厅|政府)$")


def _body_end(folded: str, nodes: list[_Node]) -> int:
    """End of the report's body: the text end, less trailing blanks and a closing signature."""
    paras = _paragraphs(folded, folded)
    end = paras[-1][1] if paras else 0
    last_heading = nodes[-1].cand.para[0] if nodes else -1
    for k in range(len(paras) - 1, max(len(paras) - 4, 0), -1):
        a, b = paras[k]
        if b - a > 30 or a <= last_heading or not _SIGNATURE.search(folded[a:b]):
            break
        end = paras[k - 1][1]
    return end


def _spans(folded: str, nodes: list[_Node], settings: Settings) -> None:
    end_trim = _body_end(folded, nodes)
    for i, node in enumerate(nodes):
        node.title_end = _title_end(folded, node.cand, settings,
                                    nodes[i + 1].cand.start if i + 1 < len(nodes) else None)
        end = node.parent.end if node.parent is not None else end_trim
        for later in nodes[i + 1:]:
            if later.level <= node.level:
                end = min(end, later.cand.start)
                break
        if not node.cand.line_start and node.cand.family in _ENUM_FAMILIES:
            siblings = node.parent.children if node.parent is not None else []
            k = next((j for j, s in enumerate(siblings) if s is node), -1)
            nxt = siblings[k + 1] if 0 <= k < len(siblings) - 1 else None
            if nxt is None or nxt.cand.family != node.cand.family or nxt.cand.number != node.cand.number + 1:
                end = min(end, node.cand.para[1])
        while end > node.cand.start + 1 and folded[end - 1].isspace():
            end -= 1
        node.end = max(end, node.title_end)


# ---------------------------------------------------------------- end of the body

# A line that opens an appendix after the closing words: 附件 / 注释 / 《政府工作报告》有关内容名词注释.
_APPENDIX_HEAD = re.compile(
    r"^(?:附件|附录|附表|注释|名词解释|名词注释)\s*\d{0,2}\s*:?$|^.{0,30}(?:名词解释|名词注释)$")
# The closing words before it: an appeal (…作出新的更大贡献！), 特此报告。, or a signature line.
_CLOSING = re.compile(r"[!！]$|让我们|特此报告")


def appendix_start(text: str) -> int | None:
    """Where an appendix after the report's closing words begins (附件 / 注释 / 名词解释 and a
    glossary or a list of 民生实事), or None."""
    folded = fold(text)
    paras = _paragraphs(text, folded)
    for k in range(1, len(paras)):
        a, b = paras[k]
        if a < len(text) // 2 or not _APPENDIX_HEAD.match(folded[a:b].replace(" ", "")):
            continue
        pa, pb = paras[k - 1]
        prev = folded[pa:pb]
        if _CLOSING.search(prev) or _SIGNATURE.search(prev):
            return a
    return None


def glossary_start(text: str) -> int | None:
    """Where a glossary appendix (注释 / 名词解释: definitions of the report's terms, whose figures are
    no figures of the report) begins after the closing words, or None. A glossary is no part of
    the outline; an appendix listing the year's 民生实事 still is (its figures are commitments)."""
    at = appendix_start(text)
    if at is None:
        return None
    head = fold(text[at:at + 60]).split("\n")
    named = " ".join(line for line in head[:2])
    return at if re.search(r"注释|解释", named) else None


# ---------------------------------------------------------------- roles

_PROBLEMS = re.compile(r"不足|存在的?(主要)?问题|困难和问题|问题和困难|困难和挑战|问题与困难|薄弱环节")
_LEADERSHIP = re.compile(r"第一责任人|主要负责人")
_REVIEW = re.compile(r"回顾|成效|成就|成绩|成果|进展|情况|做法|总结|开展|主要工作和")
_PLAN = re.compile(
    r"安排|打算|计划|思路|设想|重点工作|工作重点|重点任务|工作任务|主要任务|目标任务|主要目标|预期目标|总体要求|"
    r"努力方向|下步|"
    r"总体部署|工作部署|政策取向|建议|考虑|下一步|下一年|下年度|明年|今后|重要要求|展望")
_FIVE_YEAR_FUTURE = re.compile(
    r"十[一二三四五六七八九]五.{0,6}(目标|任务|举措|要求|规划|考虑|思路)|五年规划|规划纲要|规划建议")
_OTHER = re.compile(r"^(附件|附录|附表|名词解释|注释|说明)")
_YEAR = re.compile(r"(20\d\d)年")
# What the opening words of a section say when its title names no part of a report (slogan titles:
# 一年接着一年干，… / 一鼓作气勇争先，…): a review of the past year(s) or the work ahead.
_BODY_REVIEW = re.compile(r"一年来|过去一年|过去五年|五年来|收官之年|初步统计|回顾")
_BODY_PLAN = re.compile(
    r"开局之年|今年|明年|主要预期目标|主要目标是|总体要求是|重点抓好|重点做好|我们将|"
    r"十[一二三四五六七八九]五”?时期是")
_LEAD_CHARS = 300


def _body_role(lead: str) -> Role | None:
    """The role the opening words of a section give: the first review or plan signal in them."""
    review = _BODY_REVIEW.search(lead)
    plan = _BODY_PLAN.search(lead)
    if review is None and plan is None:
        return None
    if plan is None or (review is not None and review.start() < plan.start()):
        return "achievements"
    return "plans"


def _role(title: str, index: int, previous: list[Role], first_year: int | None,
          kind: ReportKind | None, lead: str = "") -> Role:
    t = fold(title).replace(" ", "")
    if _OTHER.search(t):
        return "other"
    if _PROBLEMS.search(t) and not _PLAN.search(t):
        return "problems"
    if _LEADERSHIP.search(t):
        return "leadership"
    years = [int(y) for y in _YEAR.findall(t)]
    future_year = first_year is not None and any(y > first_year for y in years)
    review = _REVIEW.search(t) is not None
    plan = _PLAN.search(t) is not None or _FIVE_YEAR_FUTURE.search(t) is not None or (
        future_year and not review)
    if review and not plan:
        return "achievements"
    if plan and not review:
        return "plans"
    if plan and review:
        return "achievements" if index == 0 else "plans"
    if _PROBLEMS.search(t):
        return "problems"
    from_body = _body_role(fold(lead)) if kind != "fazhi" else None  # a fazhi report reviews its year
    if from_body is not None:
        return from_body
    prev = previous[-1] if previous else None
    if prev in ("plans", "achievements"):
        return prev
    if prev == "problems":
        return "plans"
    return "achievements"


def _roles(text: str, level1: list[_Node], kind: ReportKind | None) -> list[Role]:
    titles = [text[n.cand.body:n.title_end] for n in level1]
    first_year = None
    for t in titles:
        ys = [int(y) for y in _YEAR.findall(fold(t))]
        if ys:
            first_year = min(ys)
            break
    roles: list[Role] = []
    for i, t in enumerate(titles):
        roles.append(_role(t, i, roles, first_year, kind, _lead(text, level1[i])))
    return roles


def _lead(text: str, node: _Node) -> str:
    """The opening words of a section: after its title, before its first sub-heading."""
    end = node.children[0].cand.start if node.children else node.end
    return text[node.title_end:min(end, node.title_end + _LEAD_CHARS)]


# ---------------------------------------------------------------- entry point

def innermost(sections: Sequence[Section], pos: int) -> Section | None:
    """The deepest section of an outline whose span holds offset ``pos`` (None outside every section)."""
    best: Section | None = None
    for s in sections:
        if s.start <= pos < s.end and (
            best is None or s.level > best.level or (s.end - s.start) < (best.end - best.start)
        ):
            best = s
    return best


def segment(text: str, *, kind: ReportKind | None, hints: tuple[HeadingHint, ...],
            settings: Settings) -> tuple[Section, ...]:
    """The report's outline in document order (parents before children); see the module docstring."""
    cut = glossary_start(text)
    if cut is not None:
        text = text[:cut]
    if not text:
        return ()
    folded = fold(text)
    cands, runs = _check_sequences(_candidates(text, folded, hints, settings), len(text), settings)
    nodes = _build_tree(cands, runs)
    _spans(folded, nodes, settings)
    level1 = [n for n in nodes if n.parent is None]
    roles = dict(zip((id(n) for n in level1), _roles(text, level1, kind), strict=True))
    ids: dict[int, str] = {}
    counters: dict[int, int] = {}
    out: list[Section] = []
    for node in nodes:
        key = id(node.parent) if node.parent is not None else 0
        counters[key] = counters.get(key, 0) + 1
        pid = ids[id(node.parent)] if node.parent is not None else None
        sid = f"{pid}.{counters[key]}" if pid is not None else f"s{counters[key]}"
        ids[id(node)] = sid
        c = node.cand
        out.append(Section(
            id=sid, parent=pid, level=node.level, marker="".join(text[c.start:c.body].split()),
            title=text[c.body:node.title_end], role=roles.get(id(node)),
            heading_start=c.start, heading_end=node.title_end, start=c.start, end=node.end))
    return tuple(out)
