"""The pipeline's own glue: page chrome around a pasted web page is never analysed."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare import ingest, pipeline

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("name", ["probe_jinghai_2023.txt", "probe_ningxia_2025.txt"])
def test_page_chrome_gives_no_heading_and_no_figure(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    report = pipeline.read_report(data, name)
    start, end = ingest.body_range(report.text)
    assert 0 < start < end  # these pages do carry a banner / 发布时间 header
    assert report.text == data.decode("utf-8")  # the text itself is never altered
    assert all(start <= i.start and i.end <= end for i in report.indicators)
    assert all(start <= s.heading_start for s in report.sections)
    assert report.sections, "the report body is still segmented"


def test_blanking_keeps_length_and_lines() -> None:
    text = (FIXTURES / "probe_jinghai_2023.txt").read_text(encoding="utf-8")
    body = pipeline.without_page_chrome(text)
    assert len(body) == len(text)
    assert body.count("\n") == text.count("\n")
    start, end = ingest.body_range(text)
    assert body[start:end] == text[start:end]
    assert body[:start].strip() == ""


def test_text_without_chrome_is_untouched() -> None:
    text = "一、2023年主要举措和成效\n(一)完善顶层设计。接受备案文件19件。\n"
    assert pipeline.without_page_chrome(text) == text
