"""Reading reports: every bundled format and encoding, on the real reports in ``reports/``."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from opencc import OpenCC

from compare.cli import cli
from compare.errors import NeedsOCRError, ReportEncodingError
from compare.ingest import read_document
from compare.model import Document
from compare.settings import Settings

from .conftest import REPORTS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SETTINGS = Settings()
MANIFEST = list(csv.DictReader((REPORTS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
TXT = [r["file"] for r in MANIFEST if r["file"].endswith(".txt")]
DOCX = sorted(p.name for p in (REPORTS / "docx").glob("*.docx"))
LIBO = REPORTS / "fazhi/guizhou-libo_2023.txt"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read(path: Path, name: str | None = None, **kw: str) -> Document:
    return read_document(path.read_bytes(), name or str(path), settings=SETTINGS, **kw)


# --------------------------------------------------------------------------- plain text


@pytest.mark.parametrize("rel", TXT)
def test_utf8_txt_text_is_the_file_content(rel: str) -> None:
    path = REPORTS / rel
    doc = read(path)
    assert doc.format == "txt"
    assert doc.encoding == "utf-8"
    assert doc.text == path.read_text(encoding="utf-8")


def test_bom_is_dropped_and_newlines_are_read_text_newlines(tmp_path: Path) -> None:
    text = LIBO.read_text(encoding="utf-8")
    f = tmp_path / "bom_crlf.txt"
    f.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    doc = read(f)
    assert doc.text == text
    assert doc.text == f.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("rel", ["fazhi/guizhou-libo_2023.txt", "gwr/zhejiang_2024.txt"])
def test_gb18030_copy_of_a_real_report_is_detected(tmp_path: Path, rel: str) -> None:
    text = (REPORTS / rel).read_text(encoding="utf-8")
    f = tmp_path / "report_gbk.txt"
    f.write_bytes(text.encode("gb18030"))
    doc = read(f)
    assert doc.encoding == "gb18030"
    assert doc.text == text


@pytest.mark.parametrize("rel", ["fazhi/guizhou-libo_2023.txt", "gwr/zhejiang_2024.txt"])
@pytest.mark.parametrize(("codec", "bom"), [("utf-16", b""), ("utf-16-le", b""), ("utf-16-be", b""),
                                            ("utf-16-le", b"\xff\xfe"), ("utf-32", b"")])
def test_utf16_copy_of_a_real_report_is_detected(tmp_path: Path, rel: str, codec: str, bom: bytes) -> None:
    text = (REPORTS / rel).read_text(encoding="utf-8")
    f = tmp_path / "report_utf16.txt"
    f.write_bytes(bom + text.encode(codec))
    doc = read(f)
    assert doc.encoding is not None
    assert doc.encoding.startswith(codec[:6])
    assert doc.text == text


def test_forced_encoding_is_used(tmp_path: Path) -> None:
    text = LIBO.read_text(encoding="utf-8")
    f = tmp_path / "report.txt"
    f.write_bytes(text.encode("gb18030"))
    assert read(f, encoding="gb18030").text == text
    with pytest.raises(ReportEncodingError, match="--encoding"):
        read(f, encoding="utf-8")
    with pytest.raises(ReportEncodingError, match="unknown encoding"):
        read(f, encoding="no-such-codec")


def test_unsure_detection_asks_for_encoding(tmp_path: Path) -> None:
    # A few bytes that are valid GB18030 and Big5 and Latin-1 alike, but mean nothing: detection
    # cannot be sure, and says so instead of guessing.
    f = tmp_path / "short.txt"
    f.write_bytes(bytes([0xB0, 0xA1, 0xC4, 0xE3, 0xE9, 0xF4, 0xA4, 0x40]))
    with pytest.raises(ReportEncodingError) as exc:
        read(f)
    assert "--encoding" in str(exc.value)
    assert "\n" not in str(exc.value)


def test_traditional_characters_are_kept_and_understood(tmp_path: Path) -> None:
    text = LIBO.read_text(encoding="utf-8")
    traditional = OpenCC("s2t").convert(text)
    assert traditional != text
    f = tmp_path / "libo_trad.txt"
    f.write_text(traditional, encoding="utf-8")
    doc = read(f)
    assert doc.text == traditional
    assert doc.meta.title == traditional.split("\n", 1)[0]
    assert (doc.meta.year, doc.meta.kind) == (2023, "fazhi")
    assert doc.meta.region is not None
    assert doc.meta.region.endswith("荔波县")
    big5 = tmp_path / "libo_big5.txt"
    big5.write_bytes(traditional.encode("big5", errors="ignore"))
    assert read(big5).encoding in ("big5", "big5hkscs")


# --------------------------------------------------------------------------- docx


@pytest.mark.parametrize("name", DOCX)
def test_docx_gives_the_same_text_as_the_txt(name: str) -> None:
    doc = read(REPORTS / "docx" / name)
    txt = (REPORTS / "gwr" / name.replace(".docx", ".txt")).read_text(encoding="utf-8")
    assert doc.format == "docx"
    assert squeeze(doc.text) == squeeze(txt)


def test_docx_tables_and_heading_styles_in_document_order(tmp_path: Path) -> None:
    lines = [ln for ln in LIBO.read_text(encoding="utf-8").split("\n") if ln.strip()]
    title, opening, h1, h2, para = lines[0], lines[5], lines[6], lines[7], lines[8]
    d = docx.Document()
    d.add_heading(title, level=0)  # the Title style: not an outline heading
    d.add_paragraph(opening)
    d.add_heading(h1, level=1)
    d.add_heading(h2, level=2)
    d.add_paragraph(para)
    table = d.add_table(rows=2, cols=3)
    for i, cell in enumerate(["事项", "2022年", "2023年", "一件事一次办", "600余件", "800余件"]):
        table.cell(i // 3, i % 3).text = cell
    d.add_paragraph("荔波县人民政府")
    f = tmp_path / "libo.docx"
    d.save(str(f))
    doc = read(f)
    assert doc.text.split("\n") == [title, opening, h1, h2, para, "事项\t2022年\t2023年",
                                    "一件事一次办\t600余件\t800余件", "荔波县人民政府", ""]
    assert [(doc.text[h.start:h.end], h.level) for h in doc.heading_hints] == [(h1, 1), (h2, 2)]
    assert (doc.meta.kind, doc.meta.year) == ("fazhi", 2023)


# --------------------------------------------------------------------------- html


def test_portal_html_gives_the_report_body_and_header_table() -> None:
    doc = read(FIXTURES / "libo_2023.html")
    lines = LIBO.read_text(encoding="utf-8").split("\n")
    body = [ln for ln in lines[5:] if ln.strip()]
    got = doc.text.rstrip("\n").split("\n")
    assert got[0] == lines[0]  # the title, once
    assert got[1:] == body  # every paragraph, in order, nothing else
    for boilerplate in ("首页", "当前位置", "document", "版权所有", "分享到", "相关文章", "索引号",
                        "浏览次数", "无障碍", "请输入关键字", "访问统计"):
        assert boilerplate not in doc.text
    fields = dict(doc.meta.fields)
    assert fields["索引号"] == "000014349/2024-351576"
    assert fields["信息分类"] == "其他公告"
    assert fields["生成日期"] == "2024-03-04"
    assert fields["名称"] == lines[0]
    assert "发布机构" not in fields  # empty on the page
    assert doc.meta.title == lines[0]
    assert doc.meta.published == "2024-03-04"
    assert (doc.meta.year, doc.meta.kind) == (2023, "fazhi")


def test_html_in_gb18030_declared_or_not(tmp_path: Path) -> None:
    page = (FIXTURES / "libo_2023.html").read_text(encoding="utf-8")
    expected = read(FIXTURES / "libo_2023.html").text
    declared = tmp_path / "declared.html"
    declared.write_bytes(page.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"))
    assert read(declared).text == expected
    undeclared = tmp_path / "undeclared.htm"
    undeclared.write_bytes(page.replace('<meta charset="utf-8">', "").encode("gb18030"))
    doc = read(undeclared)
    assert doc.text == expected
    assert doc.encoding == "gb18030"


def test_hostile_html_is_read_safely(tmp_path: Path) -> None:
    body = [ln for ln in LIBO.read_text(encoding="utf-8").split("\n")[5:12] if ln.strip()]
    laughs = "".join(f'<!ENTITY l{i} '
                     f'"&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    page = (f'<!DOCTYPE html [<!ENTITY l0 "lol">{laughs}<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
            "<html><head><script>alert('head')</script></head><body onload=\"alert('x')\">"
            + "<div>" * 5000 + "深层嵌套" + "</div>" * 5000
            + "<p>&l9; &ext;</p>"
            + "".join(f"<p>{p}</p>" for p in body)
            + "<p>报告原文写道：&lt;script&gt;alert(1)&lt;/script&gt;不应执行。</p>"
            + "<script>document.body.innerHTML='被替换'</script><style>p{color:red}</style>"
            + "<p onclick=\"steal()\">结束语。</p><img src=x onerror=alert(1)></body></html>")
    f = tmp_path / "hostile.html"
    f.write_text(page, encoding="utf-8")
    doc = read(f)
    for p in body:
        assert p in doc.text
    assert "<script>alert(1)</script>" in doc.text  # the report's own words, kept as text
    for executed in ("alert('head')", "被替换", "color:red", "root:", "lollollol"):
        assert executed not in doc.text
    assert len(doc.text) < 10_000


# --------------------------------------------------------------------------- pdf


def test_pdf_text_layer_is_read() -> None:
    from .fixtures.make_fixtures import pdf_excerpt

    doc = read(FIXTURES / "libo_2023_excerpt.pdf")
    assert doc.format == "pdf"
    assert squeeze(doc.text) == squeeze("".join(pdf_excerpt()))
    assert doc.text.split("\n")[0] == pdf_excerpt()[0]  # paragraphs stay paragraphs
    assert (doc.meta.year, doc.meta.kind) == (2023, "fazhi")


def test_scanned_pdf_needs_ocr() -> None:
    with pytest.raises(NeedsOCRError, match="OCR"):
        read(FIXTURES / "scanned.pdf")


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize("path", [FIXTURES / "libo_2023.html", FIXTURES / "libo_2023_excerpt.pdf",
                                  REPORTS / "docx/zhejiang_2024.docx", LIBO])
def test_stdin_is_sniffed(path: Path) -> None:
    by_name = read(path)
    from_stdin = read_document(path.read_bytes(), "-", settings=SETTINGS)
    assert from_stdin.format == by_name.format
    assert from_stdin.text == by_name.text


def test_misnamed_document_is_read_by_its_content(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_bytes((REPORTS / "docx/zhejiang_2024.docx").read_bytes())
    assert read(f).format == "docx"


# --------------------------------------------------------------------------- the CLI over the corpus


@pytest.mark.slow
def test_cli_parses_every_bundled_report(runner: CliRunner) -> None:
    files = [REPORTS / r["file"] for r in MANIFEST]
    assert len(files) > 100
    for path in files:
        r = runner.invoke(cli, ["parse", str(path), "--format", "json"], catch_exceptions=False)
        assert r.exit_code == 0, (path, r.stderr)
        data = json.loads(r.stdout)
        if path.suffix == ".txt":
            assert data["text"] == path.read_text(encoding="utf-8"), path


def test_cli_reads_stdin(runner: CliRunner) -> None:
    data = (FIXTURES / "libo_2023.html").read_bytes()
    r = runner.invoke(cli, ["parse", "-", "--format", "json"], input=io.BytesIO(data), catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    meta = json.loads(r.stdout)["meta"]
    assert meta["source"] == "-"
    assert meta["year"] == 2023


def test_second_portal_layout_list_metadata_and_br_paragraphs(tmp_path: Path) -> None:
    """Another common layout: a bracketed <li> metadata list, <br>-separated paragraphs, GBK bytes."""
    rel = "fazhi/beijing-xicheng_2024.txt"
    lines = [ln.strip() for ln in (REPORTS / rel).read_text(encoding="utf-8").split("\n") if ln.strip()]
    title, body = lines[0], lines[1:]
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">'
        f"<title>{title}-北京市人民政府网</title></head><body>"
        '<div id="nav"><a href="/">首页</a> <a href="/zhengce">政策</a> <a href="/hudong">互动</a></div>'
        '<div class="container"><div class="header-doc">'
        "<ol><li><span>[索引号]</span> <span>11N000/2025-00012</span></li>"
        "<li><span>[主题分类]</span> <span>政务公开</span></li>"
        "<li><span>[发文机构]</span> <span>北京市西城区人民政府</span></li>"
        "<li><span>[成文日期]</span> <span>2025年03月19日</span></li>"
        "<li><span>[发布日期]</span> <span>2025年03月19日</span></li>"
        f"<li><span>[标题]</span> <span>{title}</span></li></ol></div>"
        f'<div class="article"><div class="title"><h1>{title}</h1></div>'
        '<div class="view TRS_UEDITOR">' + "<br>\n".join(body) + "</div></div>"
        '<div class="relevant"><h3>相关链接</h3><ul>'
        + "".join(f'<li><a href="/x{i}">西城区政策解读第{i}期</a></li>' for i in range(8))
        + '</ul></div></div><div id="footer">主办：北京市人民政府办公厅 京ICP备05060933号</div>'
        "</body></html>")
    f = tmp_path / "xicheng.shtml"
    f.write_bytes(page.encode("gb18030"))
    doc = read(f)
    assert doc.format == "html"
    assert doc.text.rstrip("\n").split("\n") == [title, *body]
    fields = dict(doc.meta.fields)
    assert fields["索引号"] == "11N000/2025-00012"
    assert fields["信息分类"] == "政务公开"
    assert fields["发布机构"] == "北京市西城区人民政府"
    assert fields["名称"] == title
    assert doc.meta.published == "2025-03-19"
    assert (doc.meta.region, doc.meta.year, doc.meta.kind) == ("北京市西城区", 2024, "fazhi")


def test_html_heading_tags_become_heading_hints(tmp_path: Path) -> None:
    lines = [ln for ln in LIBO.read_text(encoding="utf-8").split("\n") if ln.strip()]
    opening, h1, h2, para = lines[5], lines[6], lines[7], lines[8]
    f = tmp_path / "headings.html"
    f.write_text(f"<html><body><div class='content'><p>{opening}</p><h2>{h1}</h2><h3>{h2}</h3><p>{para}</p>"
                 "</div></body></html>", encoding="utf-8")
    doc = read(f)
    assert doc.text == "\n".join([opening, h1, h2, para]) + "\n"
    assert [(doc.text[h.start:h.end], h.level) for h in doc.heading_hints] == [(h1, 1), (h2, 2)]


def test_cli_forced_encoding(runner: CliRunner, tmp_path: Path) -> None:
    text = LIBO.read_text(encoding="utf-8")
    f = tmp_path / "libo_gbk.txt"
    f.write_bytes(text.encode("gb18030"))
    args = ["parse", str(f), "--format", "json", "--encoding", "gb18030"]
    r = runner.invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["text"] == text


def test_pdf_pages_running_heads_and_page_breaks(tmp_path: Path) -> None:
    from .fixtures.make_fixtures import report_parts, text_pdf

    title, body = report_parts()
    paragraphs = [title, *body[:12]]
    f = tmp_path / "libo_pages.pdf"
    f.write_bytes(text_pdf(paragraphs, running_head="荔波县人民政府文件", page_numbers=True))
    doc = read(f)
    assert "荔波县人民政府文件" not in doc.text
    assert "- 2 -" not in doc.text
    assert doc.text.rstrip("\n").split("\n") == paragraphs  # paragraphs cut by a page break are whole again


def test_html_pubdate_meta_gives_the_date_when_there_is_no_table(tmp_path: Path) -> None:
    lines = [ln for ln in LIBO.read_text(encoding="utf-8").split("\n") if ln.strip()]
    f = tmp_path / "news.html"
    f.write_text('<html><head><meta name="PubDate" content="2024-03-05 09:30"></head><body><div class="main">'
                 + "".join(f"<p>{p}</p>" for p in lines[5:9]) + "</div></body></html>", encoding="utf-8")
    doc = read(f)
    assert doc.meta.published == "2024-03-05"
    assert doc.meta.fields == ()


def test_docx_automatic_list_numbering_is_rendered(tmp_path: Path) -> None:
    """Headings numbered by Word (一、 / （一）from a list definition) keep their markers in the text."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    lines = [ln.strip("\u3000 ") for ln in (REPORTS / "gwr/zhejiang_2024.txt").read_text(encoding="utf-8")
             .split("\n")[6:16] if ln.strip()]
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for line in lines:
        level = 0 if re.match(r"[一二三四五六七八九十]、", line) else 1 if line.startswith("（") else None
        text = re.sub(r"^([一二三四五六七八九十]、|（[一二三四五六七八九十]）)", "", line)
        p = d.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    f = tmp_path / "numbered.docx"
    d.save(str(f))
    assert read(f).text.rstrip("\n").split("\n") == lines


def test_portal_html_outlines_like_the_txt() -> None:
    """The page read from HTML gives the same outline as the report's text file."""
    from compare import pipeline

    html_report = pipeline.read_report((FIXTURES / "libo_2023.html").read_bytes(), "libo_2023.html")
    txt_report = pipeline.read_report(LIBO.read_bytes(), str(LIBO))
    assert len(html_report.sections) > 10
    assert [(s.level, s.marker, s.title) for s in html_report.sections] == \
        [(s.level, s.marker, s.title) for s in txt_report.sections]
