"""The pipeline, stage by stage: ingest → segment → indicators/plans → align → match → audit → render.

Each stage is one module taking and returning frozen dataclasses (``compare.model``).
These functions only chain the stages; they do no I/O (``cli.py`` and ``store.py`` do).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from . import align, audit, indicators, ingest, match, plans, segment
from .model import Comparison, Document, Meta, Report, ReportKind
from .settings import DEFAULT_SETTINGS, Settings


@dataclasses.dataclass(frozen=True)
class MetaOverrides:
    """What the user says about a report, which wins over what was found in it."""

    region: str | None = None
    """--region"""
    year: int | None = None
    """--year"""
    kind: ReportKind | None = None
    """--kind"""

    def apply(self, meta: Meta) -> Meta:
        """``meta`` with every given override in place."""
        changes = {k: v for k, v in dataclasses.asdict(self).items() if v is not None}
        return dataclasses.replace(meta, **changes) if changes else meta


def without_page_chrome(text: str) -> str:
    """``text`` with the web page around the report (banner, breadcrumb, 发布时间, footer) blanked.

    Same length, newlines kept, so every offset found in it is an offset into ``text``; the
    report itself (``ingest.body_range``) is untouched.
    """
    start, end = ingest.body_range(text)
    glossary = segment.glossary_start(text)  # 注释 / 名词解释 after the closing words: not the report's figures
    if glossary is not None and start <= glossary < end:
        end = glossary
    if (start, end) == (0, len(text)):
        return text

    def blank(part: str) -> str:
        return "".join(ch if ch == "\n" else " " for ch in part)

    return blank(text[:start]) + text[start:end] + blank(text[end:])


def parse_document(doc: Document, *, settings: Settings = DEFAULT_SETTINGS) -> Report:
    """A read document -> its outline, indicators and plans (page chrome is never a heading or a figure)."""
    body = without_page_chrome(doc.text)
    sections = segment.segment(body, kind=doc.meta.kind, hints=doc.heading_hints, settings=settings)
    found = indicators.extract_indicators(body, sections, settings=settings)
    items = plans.find_plans(body, sections, kind=doc.meta.kind, settings=settings)
    return Report(meta=doc.meta, text=doc.text, sections=sections, indicators=found, plans=items,
                  format=doc.format)


def read_report(data: bytes, name: str, *, settings: Settings = DEFAULT_SETTINGS,
                encoding: str | None = None, overrides: MetaOverrides | None = None) -> Report:
    """A file's bytes -> a parsed report. ``name`` is the file name, used for its extension and messages."""
    doc = ingest.read_document(data, name, settings=settings, encoding=encoding)
    if overrides is not None:
        doc = dataclasses.replace(doc, meta=overrides.apply(doc.meta))
    return parse_document(doc, settings=settings)


def compare_reports(old: Report, new: Report, *, settings: Settings = DEFAULT_SETTINGS,
                    audit_overrides: Mapping[str, Mapping[str, str]] | None = None) -> Comparison:
    """Two parsed reports -> sections paired, indicators paired, old plans audited."""
    section_pairs = align.align_sections(old, new, settings=settings)
    indicator_pairs = match.match_indicators(old, new, section_pairs, settings=settings)
    verdicts = audit.audit_plans(old, new, section_pairs, indicator_pairs, settings=settings,
                                 overrides=audit_overrides)
    return Comparison(old=old, new=new, sections=section_pairs, indicators=indicator_pairs, audit=verdicts)
