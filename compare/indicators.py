"""Text + outline -> indicators. (Temporary; lands with issue #4.)"""

from __future__ import annotations

from .model import Indicator, Section
from .settings import Settings


def extract_indicators(text: str, sections: tuple[Section, ...], *, settings: Settings) -> tuple[Indicator, ...]:
    return ()
