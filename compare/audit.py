"""Old plans -> verdicts from the new report. (Temporary; lands with issue #5.)"""

from __future__ import annotations

from collections.abc import Mapping

from .model import IndicatorPair, Report, SectionPair, Verdict
from .settings import Settings


def audit_plans(old: Report, new: Report, section_pairs: tuple[SectionPair, ...],
                indicator_pairs: tuple[IndicatorPair, ...], *, settings: Settings,
                overrides: Mapping[str, Mapping[str, str]] | None = None) -> tuple[Verdict, ...]:
    return ()
