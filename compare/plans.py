"""Outline -> plan items. (Temporary; lands with issue #3.)"""

from __future__ import annotations

from .model import Plan, ReportKind, Section
from .settings import Settings


def find_plans(text: str, sections: tuple[Section, ...], *, kind: ReportKind | None,
               settings: Settings) -> tuple[Plan, ...]:
    return ()
