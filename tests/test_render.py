"""The report page (compare/render.py, compare/pages.py, templates/): html, md, csv.

The comparisons here are built by hand from two real reports (beijing-xicheng 2023 and 2024):
their headings cut into Section objects, a few of their figures as Indicator objects, plans
and verdicts pointing at real sentences, so that the renderer is tested whatever the
segmenter, aligner, matcher and auditor do.
"""

from __future__ import annotations

import base64
import csv
import dataclasses
import hashlib
import io
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import render
from compare.cli import cli
from compare.errors import RenderError
from compare.model import (
    Comparison,
    Indicator,
    IndicatorPair,
    Plan,
    Report,
    Section,
    SectionPair,
    Span,
    Verdict,
)
from compare.pages import build_page
from compare.settings import Settings

from .conftest import REPORTS, ROOT, parsed

OLD = "fazhi/beijing-xicheng_2023.txt"
NEW = "fazhi/beijing-xicheng_2024.txt"
NUM = "一二三四五六七八九十"
HEADING = re.compile(rf"^[ \u3000]*(?:([{NUM}]+、)|(\([{NUM}]+\)|\d+\.))([^。\n]*)", re.M)


def outline(text: str) -> tuple[Section, ...]:
    """Sections for the 一、 / (一) / 1. headings of a short real report (a test's own tiny segmenter)."""
    found = []
    for m in HEADING.finditer(text):
        level = 1 if m.group(1) else 2
        marker = m.group(1) or m.group(2)
        found.append((level, marker, m.group(3), m.start(1) if m.group(1) else m.start(2), m.end(3)))
    sections: list[Section] = []
    top = 0
    for k, (level, marker, title, start, hend) in enumerate(found):
        end = len(text)
        for level2, _, _, start2, _ in found[k + 1:]:
            if level2 <= level:
                end = start2
                break
        if level == 1:
            top += 1
            sid, parent, sub = f"s{top}", None, 0
        else:
            sub += 1
            sid, parent = f"s{top}.{sub}", f"s{top}"
        sections.append(Section(id=sid, parent=parent, level=level, marker=marker, title=title,
                                role="achievements" if level == 1 else None, heading_start=start,
                                heading_end=hend, start=start, end=end))
    return tuple(sections)


def indicator(report_text: str, ident: str, quote: str, number: str, unit: str, label: str) -> Indicator:
    """An indicator at ``number + unit`` inside the (unique) ``quote`` of the text."""
    at = report_text.index(quote)
    start = at + quote.index(number + unit)
    value = float(number)
    return Indicator(id=ident, label=label, value=value, unit=unit, qualifier=None, kind="level", start=start,
                     end=start + len(number + unit), section=None, base_value=value, base_unit=unit)


def span(text: str, quote: str) -> Span:
    at = text.index(quote)
    return Span(at, at + len(quote))


def build(old: Report, new: Report) -> Comparison:
    """A hand-made comparison of the two xicheng reports."""
    old = dataclasses.replace(old, sections=outline(old.text), indicators=(
        indicator(old.text, "i1", "接受区属部门备案行政规范性文件19件", "19", "件", "备案行政规范性文件"),
        indicator(old.text, "i2", "主动公开信息22432条", "22432", "条", "主动公开信息"),
        indicator(old.text, "i3", "公开征集意见21件", "21", "件", "政策性文件草案公开征集意见"),
        indicator(old.text, "i4", "重点领域信息公开1364条", "1364", "条", "重点领域信息公开"),
    ), plans=(
        Plan(id="p1", text="提升行政决策法治化水平", kind="task", start=0, end=10, section="s1.3"),
        Plan(id="p2", text="深入推进严格规范公正文明执法", kind="task", start=0, end=10, section="s1.4"),
        Plan(id="p3", text="扎实做好第三批全国法治政府建设单项示范项目创建活动申报工作", kind="task", start=0,
             end=10, section="s1.1"),
    ))
    new = dataclasses.replace(new, sections=outline(new.text), indicators=(
        indicator(new.text, "i1", "备案部门文件13件", "13", "件", "备案部门文件"),
        indicator(new.text, "i2", "主动公开政府信息24509条", "24509", "条", "主动公开政府信息"),
        indicator(new.text, "i3", "就14件政策性文件草案", "14", "件", "政策性文件草案公开征集意见"),
        indicator(new.text, "i4", "全年共审核决策、文件等295件次", "295", "件次", "审核决策、文件"),
    ))
    pairs = (
        SectionPair("s1", "s1", 0.8, "renamed", 0.5),
        SectionPair("s1.1", "s1.1", 0.9, "same", 0.6),
        SectionPair("s1.2", "s1.2", 0.9, "same", 0.3),
        SectionPair("s1.3", "s1.3", 0.9, "same", 0.3),
        SectionPair("s1.4", None, 0.0, "removed"),
        SectionPair(None, "s1.4", 0.0, "added"),
    )
    ipairs = (
        IndicatorPair("i1", "i1", 0.7, -6.0, -6 / 19),
        IndicatorPair("i2", "i2", 0.9, 2077.0, 2077 / 22432, "consistent", "22432 -> 24509"),
        IndicatorPair("i3", "i3", 0.8, -7.0, -7 / 21, "inconsistent", "stated rise but 21 -> 14"),
        IndicatorPair(None, "i4", 0.0),
        IndicatorPair("i4", None, 0.0),
    )
    audit = (
        Verdict("p1", "delivered", 0.82,
                (span(new.text, "主动公开政府信息24509条"), span(new.text, "落实重大行政决策程序")),
                "政务公开、决策程序均有落实"),
        Verdict("p2", "partial", 0.41, (span(new.text, "深入推进严格规范公正文明执法"),), "只见标题",
                override_status="delivered", override_note="执法部分篇幅被截断，人工确认已落实"),
        Verdict("p3", "not_found", 0.1, (), "新报告未提及示范项目申报"),
    )
    return Comparison(old=old, new=new, sections=pairs, indicators=ipairs, audit=audit)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return build(parsed(OLD), parsed(NEW))


@pytest.fixture(scope="module")
def html(comparison: Comparison) -> str:
    return render.render(comparison, "html")


@pytest.fixture(scope="module")
def soup(html: str) -> BeautifulSoup:
    return parse(html)


# BeautifulSoup turns a white-space-only string into "\n" except inside these; the diff columns
# show every character (white-space: pre-wrap), so keep them as written.
KEEP_SPACE = {"div", "span", "del", "ins", "mark", "b", "pre"}


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser", preserve_whitespace_tags=KEEP_SPACE)


def column_text(col: Tag, *, side: str) -> str:
    """The text a column shows side by side: the new column without its (hidden) deletions."""
    col = parse(str(col))
    if side == "new":
        for d in col.select("del"):
            d.decompose()
    return col.get_text()


def test_every_character_of_both_reports_is_shown_once(soup: BeautifulSoup, comparison: Comparison) -> None:
    blocks = soup.select("section.blk")
    old = "".join(column_text(b.select_one(".col.old"), side="old") for b in blocks)  # type: ignore[arg-type]
    new = "".join(column_text(b.select_one(".col.new"), side="new") for b in blocks)  # type: ignore[arg-type]
    # blocks follow the new report's order; the removed (四) comes after its old neighbour (三)
    assert old == comparison.old.text
    assert new == comparison.new.text


def test_blocks_carry_relation_and_titles(soup: BeautifulSoup) -> None:
    blocks = soup.select("section.blk")
    rels = [b["data-rel"] for b in blocks]
    assert rels == ["preamble", "renamed", "same", "same", "same", "removed", "added"]
    renamed = blocks[1]
    assert renamed.select_one(".bh h3").get_text() == "一、2024年推进法治政府建设主要举措和成效"  # type: ignore[union-attr]
    assert "原：一、2023年主要举措和成效" in renamed.select_one(".bh").get_text()  # type: ignore[union-attr]
    removed, added = blocks[5], blocks[6]
    assert column_text(removed.select_one(".col.new"), side="new") == ""  # type: ignore[arg-type]
    assert removed.select_one(".col.old").get_text().startswith("(四)深入推进严格规范")  # type: ignore[union-attr]
    assert added.select_one(".col.old").get_text() == ""  # type: ignore[union-attr]
    assert added.select(".col.new ins")  # wholly new text is marked inserted


def test_word_changes_are_marked(soup: BeautifulSoup) -> None:
    pre = soup.select("section.blk")[0]
    assert "二中全会" in [d.get_text() for d in pre.select(".col.old del")]
    assert "三中全会" in [i.get_text() for i in pre.select(".col.new ins")]
    # deletions show in the new column only for the inline view, never insertions in the old column
    assert not soup.select(".col.old ins")
    same = soup.select("section.blk")[2]  # (一) / 1. 进一步完善法治政府建设顶层设计
    kept = same.select_one(".col.new").get_text()  # type: ignore[union-attr]
    assert "《西城区推进法治政府建设率先突破两年行动计划(2024-2025年)》" in kept
    assert [d.get_text() for d in same.select(".col.old del") if d.get_text() == "2022"] == ["2022"]


def test_headings_are_bold_in_the_text(soup: BeautifulSoup) -> None:
    heads = [h.get_text() for h in soup.select(".col.new .hd")]
    assert any("深入推进政府职能转变优化" in h for h in heads)


def test_summary_counts_and_rate(soup: BeautifulSoup) -> None:
    counts = {dd["data-count"]: dd.get_text() for dd in soup.select("#sum-indicators dd")}
    assert counts == {"up": "1", "down": "2", "flat": "0", "new": "1", "dropped": "1", "inconsistent": "1"}
    # p2 is overridden to delivered: 2 of 3 delivered
    assert soup.select_one("#delivery-rate").get_text() == "66.7%"  # type: ignore[union-attr]
    meta = soup.select_one("table.meta").get_text()  # type: ignore[union-attr]
    assert "2023" in meta
    assert "2024" in meta
    assert "beijing-xicheng_2024.txt" in meta
    rows = soup.select(".sections-table tbody tr")
    assert len(rows) == len(soup.select("section.blk"))
    assert rows[1].select_one("a")["href"] == "#" + soup.select("section.blk")[1]["id"]  # type: ignore[index]


def test_indicator_table_rows(soup: BeautifulSoup) -> None:
    rows = soup.select("#ind-table tbody tr")
    assert len(rows) == 5
    by_label = {r.select("td")[0].get_text(" ", strip=True).split(" ")[0]: r for r in rows}
    up = by_label["主动公开政府信息"]
    cells = [td.get_text(" ", strip=True) for td in up.select("td")]
    assert cells[1:5] == ["22432条", "24509条", "▲ +2,077条", "+9.3%"]
    assert "up" in up["data-tags"]
    bad = by_label["政策性文件草案公开征集意见"]
    assert "inconsistent" in bad["data-tags"]
    assert bad.select_one(".flag")
    assert by_label["审核决策、文件"]["data-tags"] == "new"
    assert by_label["重点领域信息公开"]["data-tags"] == "dropped"
    assert by_label["重点领域信息公开"].select("td")[2].get_text() == "—"
    # sort keys are the numbers themselves
    assert up.select("td")[3]["data-v"] == "2077.0"


def test_plan_audit_badges_override_and_evidence_anchors(soup: BeautifulSoup, comparison: Comparison) -> None:
    plans = soup.select("#audit li.plan")
    assert [p["data-status"] for p in plans] == ["delivered", "delivered", "not_found"]
    assert plans[0].select_one(".badge").get_text() == "已落实"  # type: ignore[union-attr]
    over = plans[1]
    assert over.select_one(".badge.override").get_text() == "已落实"  # type: ignore[union-attr]
    assert over.select_one(".badge.struck").get_text() == "部分落实"  # type: ignore[union-attr]
    assert "人工确认已落实" in over.select_one("div.override").get_text()  # type: ignore[union-attr]
    links = plans[0].select("a.evl")
    assert len(links) == 2
    for link in links:
        target = soup.find(id=str(link["href"])[1:])
        assert isinstance(target, Tag)
        assert target.name == "mark"
        assert target.find_parent(class_="col").get("data-side") == "new"  # type: ignore[union-attr]
        # the whole evidence span is marked (it may run over several diff runs)
        ident = str(link["href"])[1:]
        marked = "".join(m.get_text() for m in soup.select(f".col.new mark.{ident}"))
        assert marked == link.get_text()
    assert plans[0].select_one("a.evl").get_text() == "主动公开政府信息24509条"  # type: ignore[union-attr]
    assert not plans[2].select("a.evl")


def test_report_content_is_escaped(comparison: Comparison) -> None:
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    old = dataclasses.replace(comparison.old, text=comparison.old.text + evil,
                              meta=dataclasses.replace(comparison.old.meta, title="标题" + evil))
    new = dataclasses.replace(comparison.new, text=comparison.new.text + "\n" + evil)
    c = dataclasses.replace(comparison, old=old, new=new)
    out = render.render(c, "html")
    soup = parse(out)
    assert len(soup.find_all("script")) == 1  # ours only
    assert not soup.find_all("img")
    assert evil in soup.get_text()
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in out


def test_csp_allows_only_our_inline_script(soup: BeautifulSoup, html: str) -> None:
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert isinstance(csp, Tag)
    policy = str(csp["content"])
    assert "default-src 'none'" in policy
    script = soup.find("script")
    assert isinstance(script, Tag)
    digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()  # type: ignore[union-attr]
    assert f"'sha256-{digest}'" in policy
    # no network: nothing loaded from anywhere
    assert not soup.select("[src], link[href]")
    assert "http://" not in html
    assert "https://" not in html


def test_markdown(comparison: Comparison) -> None:
    md = render.render(comparison, "md")
    assert md.startswith("# ")
    assert "~~二中全会~~**三中全会**" in md
    assert "| 主动公开政府信息 | 22432条 | 24509条 | +2,077条 | +9.3% | 对应 | 一致 |" in md
    assert "计划落实率：66.7%" in md
    assert "| 提升行政决策法治化水平 | 已落实 | 0.82 |" in md


def test_markdown_escapes_markup(comparison: Comparison) -> None:
    new = dataclasses.replace(comparison.new, text=comparison.new.text + "\n*重点*|`code`")
    md = render.render(dataclasses.replace(comparison, new=new), "md")
    assert r"\*重点\*\|\`code\`" in md


def test_csv_one_row_per_indicator_pair(comparison: Comparison) -> None:
    rows = list(csv.DictReader(io.StringIO(render.render(comparison, "csv"))))
    assert tuple(rows[0]) == render.CSV_COLUMNS
    assert len(rows) == len(comparison.indicators)
    first = rows[0]
    assert (first["status"], first["old_as_written"], first["new_as_written"], first["change"]) == \
        ("paired", "19件", "13件", "-6.0")
    assert [r["status"] for r in rows[-2:]] == ["new", "dropped"]


def test_csv_guards_against_formulas(comparison: Comparison) -> None:
    ind = dataclasses.replace(comparison.new.indicators[3], label="=HYPERLINK(1)")
    new = dataclasses.replace(comparison.new, indicators=(*comparison.new.indicators[:3], ind))
    out = render.render(dataclasses.replace(comparison, new=new), "csv")
    assert "'=HYPERLINK(1)" in out


def test_unknown_format_is_a_render_error(comparison: Comparison) -> None:
    with pytest.raises(RenderError, match="unknown output format"):
        render.render(comparison, "pdf")


def test_filters() -> None:
    env = render.environment()
    assert env.filters["pct"](0.5234) == "52.3%"
    assert env.filters["pct"](-0.05, 1, True) == "−5%"
    assert env.filters["signed"](1234.5) == "+1,234.5"
    assert env.filters["signed"](0.0) == "0"
    assert env.filters["num"](None) == "—"
    assert env.filters["num"](2.50) == "2.5"


def test_template_dir_prefers_the_installed_package(tmp_path: Path) -> None:
    pkg, repo = tmp_path / "pkg", tmp_path / "repo"
    for d in (pkg, repo):
        d.mkdir()
        (d / "report.html").write_text("x", encoding="utf-8")
    assert render.template_dir(pkg, repo) == pkg
    (pkg / "report.html").unlink()
    assert render.template_dir(pkg, repo) == repo
    (repo / "report.html").unlink()
    with pytest.raises(RenderError, match="templates not found"):
        render.template_dir(pkg, repo)
    assert render.template_dir() == ROOT / "templates"  # this checkout (editable install)


def test_wheel_carries_the_templates(tmp_path: Path) -> None:
    """A non-editable install finds them: the wheel has compare/templates/report.html."""
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                            str(ROOT)], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        pytest.skip(f"cannot build a wheel here (no hatchling, offline): {r.stderr.strip()[-200:]}")
    wheel = next(tmp_path.glob("yoy-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"compare/templates/{p.name}" for p in (ROOT / "templates").iterdir() if p.is_file()}
    assert "compare/templates/report.html" in names
    assert expected <= names


def test_cli_compare_writes_html_md_csv(runner: CliRunner, tmp_path: Path) -> None:
    old, new = str(REPORTS / OLD), str(REPORTS / NEW)
    out = tmp_path / "out" / "report.html"
    r = runner.invoke(cli, ["compare", old, new, "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    page = parse(out.read_text(encoding="utf-8"))
    assert page.select_one("html")["lang"] == "zh-CN"  # type: ignore[index]
    assert page.select("section.blk")
    assert page.select_one("#summary")
    new_text = "".join(column_text(c, side="new") for c in page.select(".col.new"))
    assert new_text == (REPORTS / NEW).read_text(encoding="utf-8")
    for fmt in ("md", "csv"):
        r = runner.invoke(cli, ["compare", old, new, "--format", fmt], catch_exceptions=False)
        assert r.exit_code == 0, r.stderr
        assert r.stdout.startswith("# " if fmt == "md" else ",".join(render.CSV_COLUMNS))


@pytest.mark.parametrize("relation", ["split", "merged"])
def test_split_and_merged_sections_are_one_block(comparison: Comparison, relation: str) -> None:
    if relation == "split":  # old (二) became new 2. and 3.; old (三) dropped
        pairs = (SectionPair("s1.2", "s1.2", 0.7, "split"), SectionPair("s1.2", "s1.3", 0.6, "split"),
                 SectionPair("s1.3", None, 0.0, "removed"))
    else:  # old (二) and (三) became new 2.; new 3. added
        pairs = (SectionPair("s1.2", "s1.2", 0.7, "merged"), SectionPair("s1.3", "s1.2", 0.6, "merged"),
                 SectionPair(None, "s1.3", 0.0, "added"))
    pairs = (SectionPair("s1", "s1", 0.8, "renamed"), SectionPair("s1.1", "s1.1", 0.9), *pairs,
             SectionPair("s1.4", "s1.4", 0.5))
    soup = parse(render.render(dataclasses.replace(comparison, sections=pairs), "html"))
    blocks = soup.select("section.blk")
    joint = [b for b in blocks if b["data-rel"] == relation]
    assert len(joint) == 1
    title = joint[0].select_one(".bh h3").get_text()  # type: ignore[union-attr]
    if relation == "split":
        assert title == "2.深入推进政府职能转变优化 ／ 3.提升行政决策法治化水平"
        assert column_text(joint[0].select_one(".col.old"), side="old").startswith("(二)")  # type: ignore[arg-type]
    else:
        assert "原：(二)深入推进政府职能转变优化 ／ (三)提升行政决策法治化水平" in joint[0].get_text()
    assert joint[0].select_one(".rel").get_text() == {"split": "拆分", "merged": "合并"}[relation]  # type: ignore[union-attr]
    new = "".join(column_text(b.select_one(".col.new"), side="new") for b in blocks)  # type: ignore[arg-type]
    old = "".join(column_text(b.select_one(".col.old"), side="old") for b in blocks)  # type: ignore[arg-type]
    assert new == comparison.new.text
    assert old == comparison.old.text


MOVED = "接受区属部门备案行政规范性文件19件。"


def with_moved_sentence(comparison: Comparison) -> Comparison:
    """The comparison with a sentence of old (三) put into new 1. instead."""
    at = comparison.new.text.index("完成全区首次司法所")
    text = comparison.new.text[:at] + MOVED + comparison.new.text[at:]
    shift = len(MOVED)
    new = dataclasses.replace(comparison.new, text=text, sections=outline(text), indicators=tuple(
        dataclasses.replace(i, start=i.start + shift, end=i.end + shift) for i in comparison.new.indicators))
    return dataclasses.replace(comparison, new=new, audit=())


def test_moved_sentence_links_both_ends(comparison: Comparison) -> None:
    """A sentence of old (三) that the new report puts in 1. instead is marked moved at both ends."""
    moved = MOVED
    soup = parse(render.render(with_moved_sentence(comparison), "html"))
    froms = soup.select(".col.old del.mv")
    tos = soup.select(".col.new ins.mv")
    assert [f.get_text() for f in froms] == [moved]
    assert [t.get_text() for t in tos] == [moved]
    assert froms[0]["data-mv"] == tos[0]["data-mv"]
    assert froms[0].find_parent("section")["id"] != tos[0].find_parent("section")["id"]  # type: ignore[index]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_pairing_shows_every_character_once(comparison: Comparison, data: st.DataObject) -> None:
    """Whatever the aligner pairs (any subset, any nesting), each column set shows its text once."""
    old_ids = [s.id for s in comparison.old.sections]
    new_ids = [s.id for s in comparison.new.sections]
    pair = st.tuples(st.sampled_from([None, *old_ids]), st.sampled_from([None, *new_ids]))
    pairs = data.draw(st.lists(pair, max_size=8))
    c = dataclasses.replace(comparison, sections=tuple(
        SectionPair(o, n, 0.5, "same" if o and n else "added" if n else "removed") for o, n in pairs))
    page = build_page(c)
    old = "".join(p.text for b in page.blocks for p in b.old_pieces)
    new = "".join(p.text for b in page.blocks for p in b.new_pieces if p.kind not in ("delete", "move_from"))
    assert Counter(old) == Counter(comparison.old.text)
    assert Counter(new) == Counter(comparison.new.text)
    anchors = [a for b in page.blocks for p in b.new_pieces for a in p.anchors]
    assert len(anchors) == len(set(anchors))
    linked = {e.anchor for p in page.plans for e in p.evidence if e.anchor}
    assert linked <= set(anchors)


def test_context_setting_cuts_long_unchanged_runs(comparison: Comparison) -> None:
    short = parse(render.render(comparison, "html", settings=Settings(diff_context_chars=6)))
    full = parse(render.render(comparison, "html"))
    assert not full.select(".elided")
    cut = short.select(".col.new .elided")
    assert cut
    assert all(int(re.sub(r"\D", "", str(e["title"]))) > 0 for e in cut)
    assert len(short.select_one(".col.new").get_text()) < len(full.select_one(".col.new").get_text())  # type: ignore[union-attr]
    # evidence is never cut away: every link still has its target
    for link in short.select("a.evl"):
        assert short.find(id=str(link["href"])[1:]) is not None


def test_header_fields_are_shown(comparison: Comparison) -> None:
    fields = (("索引号", "11J000/2025-00012"), ("发布机构", "西城区政府"))
    meta = dataclasses.replace(comparison.new.meta, fields=fields)
    c = dataclasses.replace(comparison, new=dataclasses.replace(comparison.new, meta=meta))
    row = parse(render.render(c, "html")).select("table.meta tbody tr")[-2]
    assert row.select("td")[1].get_text() == "索引号：11J000/2025-00012；发布机构：西城区政府"
