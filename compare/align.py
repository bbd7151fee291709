"""(old, new) outlines -> section pairs. (Temporary; lands with issue #3.)"""

from __future__ import annotations

from .model import Report, SectionPair
from .settings import Settings


def align_sections(old: Report, new: Report, *, settings: Settings) -> tuple[SectionPair, ...]:
    return ()
