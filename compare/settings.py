"""Every threshold and tunable of the pipeline, in one frozen object passed to each stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Tunables. Stages take ``settings: Settings`` explicitly; nothing reads module globals."""

    # ingest
    max_input_bytes: int = 50 * 1024 * 1024
    """Refuse files larger than this: no annual report comes near it."""
    min_report_chars: int = 40
    """A document with less text than this once extracted holds no report."""
    encoding_min_confidence: float = 0.5
    """Below this charset-normalizer coherence, say the encoding is uncertain and ask for --encoding."""

    # segment
    max_title_chars: int = 60
    """A run-in heading's title is cut at the first 。 or after this many characters."""

    # align
    section_pair_min_score: float = 0.35
    """Below this combined score two sections are left unpaired."""

    # match
    indicator_pair_min_score: float = 0.55
    """Below this combined score two indicators are left unpaired."""

    # audit
    evidence_min_score: float = 0.35
    """Below this retrieval score a sentence is not evidence for a plan."""
    carried_over_min_ratio: float = 0.85
    """A new plan this similar to an old one (rapidfuzz ratio / 100) means the plan is carried over."""

    # render
    diff_context_chars: int = 0
    """Unchanged characters kept around a change in the inline diff (0: show whole paragraphs)."""


DEFAULT_SETTINGS = Settings()
