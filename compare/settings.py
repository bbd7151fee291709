"""Every threshold and tunable of the pipeline, in one frozen object passed to each stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Tunables. Stages take ``settings: Settings`` explicitly; nothing reads module globals."""

    # ingest
    max_input_bytes: int = 50 * 1024 * 1024
    """Refuse files larger than this: no annual report comes near it."""
    max_unpacked_bytes: int = 200 * 1024 * 1024
    """Refuse a .docx whose parts unpack to more than this (a zip bomb, not a report)."""
    min_report_chars: int = 40
    """A document with less text than this once extracted holds no report."""
    encoding_min_confidence: float = 0.5
    """Below this charset-normalizer confidence (1 - chaos) the encoding is uncertain: ask for --encoding."""

    # segment
    max_title_chars: int = 60
    """A run-in heading's title is cut at the first 。 or after this many characters."""
    max_plain_heading_chars: int = 40
    """An unnumbered line longer than this is body text, never a heading ("2024年工作回顾" is 10)."""
    lone_item_tail_chars: int = 1000
    """A run-in 一是 with no 二是 after it is kept only this close to the end of a cut-off text."""

    # align
    section_pair_min_score: float = 0.12
    """Below this combined score two sections are left unpaired (reworded headings of one subject
    often share few words, so the one-to-one assignment, not this floor, does most of the work)."""
    section_title_weight: float = 0.45
    """Share of the heading similarity in a section pair's score (the rest is body similarity)."""
    section_label_weight: float = 0.25
    """Added to a section pair's score times the share of the figures' (label, unit) reported in both
    sections (of the side with fewer): the same measures reported again mean the same subject."""
    section_role_mismatch_factor: float = 0.5
    """A level-1 pair whose roles differ (review against plans) has its score multiplied by this."""
    section_moved_factor: float = 0.8
    """A pair whose parents are not paired with each other (a section moved) has its score multiplied by this."""
    section_moved_min_score: float = 0.3
    """A moved pair (parents not paired together) must score at least this, after the factor."""
    section_unique_role_score: float = 0.5
    """Two level-1 sections that are each their report's only one of a role (the one review, the one
    problems section) score at least this, however differently they are worded."""
    section_lead_words: int = 80
    """Below level 1, body words past this many (about the first three sentences, which state the
    subject) count less and less: the k-th weighs lead / k. 0: all words count fully."""
    section_body_max_ratio: float = 2.0
    """Bodies are compared on at most this many times the other body's words (from the start)."""
    section_pair_sure_score: float = 0.4
    """A pair scoring at least this is kept whatever its rivals."""
    section_rival_ratio: float = 0.5
    """A weaker pair is dropped when it scores below this share of either side's best other candidate."""
    section_split_min_containment: float = 0.6
    """A split/merge part's heading must have this weighted share of its words in the whole's heading."""
    section_split_min_content: float = 0.35
    """A split/merge part's body must be at least this similar (tf-idf cosine) to the whole's body."""

    # match
    indicator_pair_min_score: float = 0.75
    """Below this combined score two indicators are left unpaired (tuned on the dev pair gold: F1 peaks here)."""
    indicator_chinese_numerals: bool = True
    """Also read quantities written in Chinese numerals with a measure word (两次, 五个专班)."""
    indicator_label_weight: float = 0.7
    """Share of the label similarity in an indicator pair's score (the rest: value, section, position)."""
    indicator_section_bonus: float = 0.0
    """Added to an indicator pair's score when their sections are paired by the aligner."""
    indicator_section_penalty: float = 0.1
    """Taken from an indicator pair's score when the aligner paired the old top-level section elsewhere."""
    indicator_shared_words_bonus: float = 0.15
    """Added to an indicator pair's score when a section below the top level holding one is paired
    with one holding the other, their units (counts) are the same and of the same order, and the
    labels share most of the shorter one's words (法治专题讲座 reworded from 开展…法治专题讲座)."""
    indicator_shared_words_min: float = 0.6
    """Share of the shorter label's words (two or more characters, at least two) found in the other
    label for ``indicator_shared_words_bonus``."""
    indicator_shared_words_min_plausibility: float = 0.85
    """And the two counts must be of the same order for it (plausibility 0.85: within about 1.5 times)."""
    indicator_period_penalty: float = 0.2
    """Taken from an indicator pair's score when one figure reviews several years (五年来…) or is the
    starting level of a 从…到… statement and the other is not."""
    indicator_implausible_penalty: float = 0.1
    """Taken from an indicator pair's score when the two values differ twentyfold or more."""
    consistency_pct_tolerance: float = 0.15
    """A stated % change agrees with last year's level when it is within this many points of the computed one."""
    consistency_rel_tolerance: float = 0.01
    """A stated absolute change agrees when within this share of the computed change (plus rounding)."""

    # audit
    evidence_min_score: float = 0.35
    """Below this retrieval score a sentence is not evidence for a plan."""
    carried_over_min_ratio: float = 0.85
    """A new plan this similar to an old one (rapidfuzz ratio / 100) means the plan is carried over."""
    target_approx_tolerance: float = 0.05
    """A 左右 (or unqualified) target is met within this relative shortfall (5%左右 met by 4.8%)."""
    target_label_min_similarity: float = 0.8
    """Below this label similarity (0..1) a figure of the new report is not the actual of a target."""
    sub_target_min_similarity: float = 0.9
    """A figure promised inside a task's body is checked only against a new figure this well labelled."""
    task_delivered_min_support: float = 0.1
    """Share of a task's points (clauses, quoted phrases), weighted by how telling their words are
    (rare in the genre), found in the new report for ``delivered``."""
    task_partial_min_support: float = 0.05
    """Weighted share of a task's points found for ``partial``; below it the task is ``not_found``."""
    task_partial_min_points: int = 3
    """A task with this many of its points found (common words or not) is at least ``partial``: the
    subject is reported, though nothing shows it was this region's plan that was carried out."""
    task_delivered_min_distinct: int = 3
    """A task with this many distinctive points found (``distinctive_word_min_weight``) is ``delivered``
    whatever their share; with two it needs ``task_partial_min_support``, with one
    ``task_delivered_min_support``, with none ``task_broad_support``."""
    distinctive_word_min_weight: float = 0.5
    """A found point of a task is distinctive when one of its matched words weighs this much by its
    rarity in the genre (0..1; 0.5: used in about a seventh of the regions or fewer)."""
    span_years_actual_penalty: float = 0.15
    """Taken off the label similarity of a figure in a sentence about a five-year span (五年来…下降20%)
    when it is read as a target's actual, so that the year's own figure wins where there is one."""
    figure_evidence_bonus: float = 0.2
    """Relative bonus to a sentence's evidence rank when it holds a figure and the plan's clause
    promised one (新建高标准农田1000万亩 -> a sentence that says how many were built)."""
    span_years_evidence_factor: float = 0.5
    """Evidence rank factor of a sentence about a five-year span (从2020年…到2025年, 五年来): the
    year's own figures are quoted first."""
    task_broad_support: float = 0.25
    """A task reported this broadly (weighted share) is ``delivered`` with no distinctive point found,
    and stays ``delivered`` when most of its checked figures fell short (the shortfall is given in the
    reason); below it, and with fewer than ``task_delivered_min_distinct`` distinctive points, such a
    task is ``partial``."""
    evidence_max_spans: int = 6
    """At most this many evidence sentences per task verdict."""
    phrase_min_ratio: float = 90.0
    """rapidfuzz partial_ratio at which a quoted phrase or 《title》 of the plan counts as found."""
    aligned_section_bonus: float = 0.2
    """Relative bonus to a sentence's retrieval score inside a section paired with the plan's section
    (or inside the new review section closest in subject to the plan)."""
    topical_section_min_similarity: float = 0.15
    """tf-idf cosine from which the closest new review section counts as the plan's subject section."""
    background_weight_floor: float = 0.05
    """Least weight (0..1) of a word by its rarity in the genre's reports (a word every region uses)."""
    task_counterpart_min_similarity: float = 0.05
    """tf-idf cosine (words also weighted by their rarity in the genre) of a task's body and the
    closest paragraph of the new review from which the review is taken to report work on the task's
    subject: the task is ``delivered`` (unless a figure of it or a main target it names was missed)."""
    task_counterpart_partial_similarity: float = 0.03
    """The same cosine from which a task otherwise ``not_found`` is ``partial``: its subject is touched on."""

    # render
    diff_context_chars: int = 0
    """Unchanged characters kept around a change in the inline diff (0: show whole paragraphs)."""
    diff_max_token_chars: int = 8
    """A diff token longer than this (a run jieba did not split) is cut into characters."""
    diff_rewrite_min_ratio: float = 0.25
    """Below this token similarity a changed passage is shown as dropped + new, not as a rewrite."""
    diff_absorb_equal_chars: int = 1
    """A kept run this short (non-space characters) between two changes is shown as changed."""
    diff_semantic_cleanup: bool = True
    """Also absorb a kept run no longer than the changes on both sides of it (readable rewrites)."""
    diff_move_min_chars: int = 10
    """Sentences shorter than this (folded, no spaces) are never reported as moved."""
    diff_move_min_ratio: float = 90.0
    """A deleted sentence that reappears elsewhere with rapidfuzz ratio >= this is shown as moved."""


DEFAULT_SETTINGS = Settings()
