"""Report text -> outline. (Temporary empty outline; the segmenter lands with issue #3.)"""

from __future__ import annotations

from .model import HeadingHint, ReportKind, Section
from .settings import Settings


def segment(text: str, *, kind: ReportKind | None, hints: tuple[HeadingHint, ...],
            settings: Settings) -> tuple[Section, ...]:
    return ()
