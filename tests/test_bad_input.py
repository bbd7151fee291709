"""Bad input: one ``Error: …`` line on stderr naming the file, the cause and the fix; exit 1; no traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.cli import cli
from compare.errors import CompareError, InputTooLargeError
from compare.ingest import read_document
from compare.settings import Settings

from .conftest import REPORTS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def one_error_line(runner: CliRunner, path: str, *args: str) -> str:
    r = runner.invoke(cli, ["parse", path, *args])
    assert r.exit_code == 1, (r.stdout, r.stderr, r.exception)
    assert r.stdout == ""
    assert r.stderr.startswith("Error: ")
    assert r.stderr.count("\n") == 1
    assert r.stderr.endswith("\n")
    assert "Traceback" not in r.stderr
    assert path in r.stderr  # names the file
    assert r.stderr.count(" / ") >= 2  # what / why / how to fix
    return r.stderr


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    err = one_error_line(runner, str(tmp_path / "no_such_report.txt"))
    assert "no such file" in err


def test_directory(runner: CliRunner) -> None:
    err = one_error_line(runner, str(REPORTS / "fazhi"))
    assert "directory" in err


def test_empty_file(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert "empty" in one_error_line(runner, str(f))
    blank = tmp_path / "blank.txt"
    blank.write_text("\n \u3000\n", encoding="utf-8")
    assert "white space" in one_error_line(runner, str(blank))


def test_png_renamed_txt(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_bytes(PNG)
    err = one_error_line(runner, str(f))
    assert "PNG image" in err


def test_random_binary(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_bytes(bytes(range(256)) * 8)
    assert "binary" in one_error_line(runner, str(f))


def test_undecodable_file(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "garbled.txt"
    # Half a GB18030 report with its bytes scrambled: high bytes only, no encoding reads it as Chinese.
    data = (REPORTS / "fazhi/guizhou-libo_2023.txt").read_text(encoding="utf-8").encode("gb18030")[:3000]
    f.write_bytes(bytes(b ^ 0x5A if b >= 0x80 else b for b in data))
    err = one_error_line(runner, str(f))
    assert "--encoding" in err


def test_wrong_forced_encoding_and_unknown_codec(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_bytes((REPORTS / "fazhi/guizhou-libo_2023.txt").read_text(encoding="utf-8").encode("gb18030"))
    assert "--encoding" in one_error_line(runner, str(f), "--encoding", "utf-8")
    assert "unknown encoding" in one_error_line(runner, str(f), "--encoding", "klingon")


def test_unknown_extension(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "report.xls"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert "unknown file type '.xls'" in one_error_line(runner, str(f))


def test_docx_that_is_not_a_zip(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "report.docx"
    f.write_text("2023年法治政府建设情况报告", encoding="utf-8")
    assert "not a zip archive" in one_error_line(runner, str(f))
    old_doc = tmp_path / "old.docx"
    old_doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert "old binary Word .doc" in one_error_line(runner, str(old_doc))


def test_zip_that_is_not_a_docx(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "report.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("report.txt", "法治政府建设")
    assert "word/document.xml" in one_error_line(runner, str(f))


def test_html_page_without_a_report(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "index.html"
    f.write_text("<html><head><title>荔波县人民政府</title><script>location.href='/x'</script></head><body>"
                 "<div class='nav'><a href='/'>首页</a><a href='/zwgk'>政务公开</a></div>"
                 "<div class='footer'>版权所有</div></body></html>", encoding="utf-8")
    assert "no report" in one_error_line(runner, str(f))


def test_scanned_pdf(runner: CliRunner) -> None:
    assert "OCR" in one_error_line(runner, str(FIXTURES / "scanned.pdf"))


def test_damaged_pdf(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "report.pdf"
    f.write_bytes((FIXTURES / "libo_2023_excerpt.pdf").read_bytes()[:300])
    one_error_line(runner, str(f))


def test_huge_file(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:  # sparse: no disk is written
        fh.truncate(Settings().max_input_bytes + 1)
    assert "larger than any annual report" in one_error_line(runner, str(f))


def test_huge_stdin_is_refused_by_the_library() -> None:
    with pytest.raises(InputTooLargeError):
        read_document(b"x" * 1001, "-", settings=Settings(max_input_bytes=1000))


# --------------------------------------------------------------------------- any bytes at all

_SEEDS = [PNG, (FIXTURES / "libo_2023_excerpt.pdf").read_bytes()[:400], b"PK\x03\x04", b"\xff\xfe",
          b"<html><body><p>", "2023年法治政府建设".encode("gb18030"), b"\xef\xbb\xbf"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=st.sampled_from(_SEEDS), tail=st.binary(max_size=600),
       name=st.sampled_from(["r.txt", "r.html", "r.docx", "r.pdf", "-", "r"]))
def test_any_bytes_give_a_document_or_a_clean_error(head: bytes, tail: bytes, name: str) -> None:
    message = None
    try:
        doc = read_document(head + tail, name, settings=Settings(min_report_chars=1))
    except CompareError as exc:
        message = str(exc)
    if message is None:
        assert isinstance(doc.text, str)
    else:
        assert "\n" not in message
        assert message.startswith(name)
