"""yoy: year-over-year comparison of Chinese government annual reports.

The pipeline, one module per stage, frozen dataclasses (``compare.model``) between them:

    ingest → segment → indicators/plans → align → match → audit → render

``compare.pipeline`` chains the stages; ``compare.cli`` and ``compare.store`` are the only
modules that touch files.
"""

from .errors import CompareError
from .model import Comparison, Document, Indicator, Plan, Report, Section, Verdict
from .pipeline import MetaOverrides, compare_reports, parse_document, read_report
from .settings import Settings

__all__ = [
    "CompareError",
    "Comparison",
    "Document",
    "Indicator",
    "MetaOverrides",
    "Plan",
    "Report",
    "Section",
    "Settings",
    "Verdict",
    "compare_reports",
    "parse_document",
    "read_report",
]
