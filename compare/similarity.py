"""Text similarity for report passages, and the one-to-one assignment built on such scores.

Chinese report text is compared as *content words*: the jieba words of the folded text
(``compare.nlp.words`` over ``compare.textnorm.fold``) without punctuation, numbers and a
few function words, so that figures and years never dominate a score. On top of that:

- ``TermWeights``: inverse document frequencies learnt from a set of passages (say, the
  paragraphs of the two reports compared), so that words every paragraph uses
  (推进, 加强, 工作) weigh little and subject words (营商环境, 医保) weigh much;
- ``weighted_cosine``: tf-idf cosine of two bags of words (content similarity);
- ``weighted_overlap``: weighted Dice of two bags (what short texts such as headings share);
- ``char_bigrams``: character pairs of a text, which catch words that jieba cuts
  differently (扩大内需 against 扩大 / 投资);
- ``kept_share``: the share of a text kept from one version to the next (rapidfuzz Indel
  ratio on word sequences), for summaries;
- ``normalize_years``: 2024年 in a report about 2024 and 2025年 in one about 2025 both
  become "this year", so that headings of consecutive reports compare equal;
- ``best_assignment``: a maximum-weight one-to-one assignment (Hungarian algorithm), for
  pairing sections, indicators or plans globally instead of first-come greedy matching.

Everything here is pure: strings and numbers in, numbers out.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .nlp import nlp, words
from .textnorm import fold

# Function words and counters that carry no subject: dropped from content words.
_FUNCTION_WORDS = frozenset(
    "的 地 得 了 着 和 与 及 以及 或 并 并且 而 在 于 对 为 把 将 被 由 从 向 以 等 之 其 是 有 也 都 "
    "要 个 项 件 次 年 月 日 中 上 下 内 外 这 该 各 个 们 我们 我 全 一 新".split()
)
_HAS_WORD_CHAR = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)")
_YEAR_TOKEN = "YR"
"""Prefix of the token standing for a year: "YRf" this year, "YRg" next year, "YRe" last year..."""
_YEAR_OFFSETS = "abcdefghijk"
"""Letters for a year's distance to the base year, -5 .. +5 ("f" is 0); jieba keeps ASCII runs whole."""
_NOT_WORD = re.compile(r"[\W_]+")


def is_content_word(word: str) -> bool:
    """True for a word that says something about the subject: not punctuation or white space,
    no digit in it, not a function word (的 和 年 ...). Tokens made by ``normalize_years`` count."""
    if word.startswith(_YEAR_TOKEN):
        return True
    return bool(_HAS_WORD_CHAR.search(word)) and not _DIGIT.search(word) and word not in _FUNCTION_WORDS


def content_words(text: str) -> list[str]:
    """The content words (``is_content_word``) of ``text`` in order: jieba words of ``fold(text)``."""
    return [w for w in words(fold(text)) if is_content_word(w)]


@functools.lru_cache(maxsize=8192)
def _short_text_words(text: str) -> tuple[str, ...]:
    """``content_words`` of a short text (a heading), cached: headings are compared many times."""
    out = content_words(text)
    # four-character words are mostly two two-character words (扩大内需 = 扩大 + 内需): add the halves
    # so that a heading segmented as 扩大/内需 still meets one segmented as 扩大内需
    halves = [h for w in out if len(w) == 4 and _HAS_WORD_CHAR.match(w) for h in (w[:2], w[2:])]
    return tuple(out + [h for h in halves if is_content_word(h)])


def content_word_offsets(text: str) -> list[tuple[int, str]]:
    """(offset, word) of every content word of ``text``; offsets index ``text`` itself (``fold``
    keeps lengths), so the words of any span can be cut out later without tokenising again."""
    doc = nlp().tokenizer(fold(text))
    return [(t.idx, t.text) for t in doc if not t.is_space and is_content_word(t.text)]


def normalize_years(text: str, base_year: int | None) -> str:
    """``text`` with every "YYYY年" replaced by one token standing for its distance to ``base_year``.

    In a report about 2024, "2024年工作回顾" and in one about 2025, "2025年工作回顾" both become
    "<this year>工作回顾"; "2025年目标任务" and "2026年重点工作" both say "<next year>". Without a
    base year every year becomes the same "<a year>" token. The result is for comparison only
    (its length differs from the input).
    """

    def repl(m: re.Match[str]) -> str:
        if base_year is None:
            return _YEAR_TOKEN + "x"
        k = max(-5, min(5, int(m.group(1)) - base_year))
        return _YEAR_TOKEN + _YEAR_OFFSETS[k + 5]

    return _YEAR.sub(repl, text)


def char_bigrams(text: str) -> list[str]:
    """Consecutive character pairs of the folded ``text`` with punctuation, digits and spaces
    removed first: a segmentation-free view for short texts such as headings."""
    squeezed = _DIGIT.sub("", _NOT_WORD.sub("", fold(text)))
    if len(squeezed) < 2:
        return [squeezed] if squeezed else []
    return [squeezed[i:i + 2] for i in range(len(squeezed) - 1)]


@dataclass(frozen=True)
class TermWeights:
    """Inverse document frequencies of words over a set of passages."""

    idf: Mapping[str, float]
    """Word -> log(N / df) + ``floor``-ish weight; unseen words get ``default``."""
    default: float
    """Weight of a word seen in no passage (the largest weight: rare words are telling)."""

    @classmethod
    def learn(cls, passages: Iterable[Sequence[str]], *, min_weight: float = 0.05) -> TermWeights:
        """Weights from passages given as word lists: idf = ln((N + 1) / (df + 0.5)), at least
        ``min_weight``, so a word in every passage weighs almost nothing."""
        df: Counter[str] = Counter()
        n = 0
        for p in passages:
            n += 1
            df.update(set(p))
        idf = {w: max(min_weight, math.log((n + 1) / (c + 0.5))) for w, c in df.items()}
        return cls(idf=idf, default=max(min_weight, math.log((n + 1) / 0.5)))

    def weight(self, word: str) -> float:
        """The weight of one word."""
        return self.idf.get(word, self.default)

    def vector(self, bag: Iterable[str]) -> dict[str, float]:
        """A sublinear tf-idf vector of a bag of words: (1 + ln tf) * idf per word."""
        counts = Counter(bag)
        return {w: (1.0 + math.log(c)) * self.weight(w) for w, c in counts.items()}


    def lead_vector(self, words: Sequence[str], lead: int) -> dict[str, float]:
        """Like ``vector`` for a word sequence, with words past the first ``lead`` counting less and
        less (the k-th word weighs lead / k): a passage states its subject first, and what it runs
        on into at its end should not decide what it is about. ``lead`` <= 0: all words count."""
        if lead <= 0 or len(words) <= lead:
            return self.vector(words)
        tf: dict[str, float] = {}
        for k, w in enumerate(words):
            tf[w] = tf.get(w, 0.0) + (1.0 if k < lead else lead / k)
        return {w: (1.0 + math.log(c) if c >= 1.0 else c) * self.weight(w) for w, c in tf.items()}


def weighted_cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two weighted bags (``TermWeights.vector``), 0..1; 0 when either is empty."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return min(1.0, dot / (na * nb)) if na and nb else 0.0


def weighted_overlap(a: Iterable[str], b: Iterable[str], weights: TermWeights | None = None) -> float:
    """Weighted Dice coefficient of two sets of items, 0..1: twice the weight shared over the
    total weight. Without ``weights`` every item weighs 1."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    w = weights.weight if weights is not None else (lambda _: 1.0)
    shared = sum(w(x) for x in sa & sb)
    total = sum(w(x) for x in sa) + sum(w(x) for x in sb)
    return 2.0 * shared / total if total else 0.0


def containment(part: Iterable[str], whole: Iterable[str], weights: TermWeights | None = None) -> float:
    """Weighted share of the items of ``part`` that also occur in ``whole``, 0..1."""
    sp, sw = set(part), set(whole)
    if not sp:
        return 0.0
    w = weights.weight if weights is not None else (lambda _: 1.0)
    total = sum(w(x) for x in sp)
    return sum(w(x) for x in sp & sw) / total if total else 0.0


def kept_share(old_words: Sequence[str], new_words: Sequence[str]) -> float:
    """Share of the text kept between two versions, 0..1: the rapidfuzz normalised Indel
    similarity of the two word sequences (2 x longest common subsequence / total length).
    Identical sequences give 1.0; two empty ones too."""
    if not old_words and not new_words:
        return 1.0
    return float(fuzz.ratio(old_words, new_words)) / 100.0


def title_similarity(a: str, b: str, weights: TermWeights | None = None,
                     bigram_weights: TermWeights | None = None) -> float:
    """How alike two short texts (headings) are, 0..1, whatever the word order and segmentation.

    The best of: the weighted overlap of their content words (four-character words also count as
    their two halves), the mean of that and the overlap of their character pairs, and the
    rapidfuzz ratio of the squeezed strings (for near-identical texts that differ by punctuation).
    ``weights`` weigh words and ``bigram_weights`` character pairs (learn them from passages of
    the texts compared, so that 推进 or 取得 count for little); without them every item weighs 1.
    Identical texts give 1.0. Years should be normalised first (``normalize_years``) when
    headings of different years are compared.
    """
    fa, fb = _NOT_WORD.sub("", fold(a)), _NOT_WORD.sub("", fold(b))
    if fa == fb:
        return 1.0
    if not fa or not fb:
        return 0.0
    word_sim = weighted_overlap(_short_text_words(a), _short_text_words(b), weights)
    bigram_sim = weighted_overlap(char_bigrams(a), char_bigrams(b), bigram_weights)
    char_sim = float(fuzz.ratio(fa, fb)) / 100.0
    return max(word_sim, 0.5 * (word_sim + bigram_sim), char_sim)


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A maximum-weight one-to-one assignment of rows to columns (Hungarian algorithm, O(n^3)).

    ``weights[i][j]`` is the gain of pairing row i with column j; the matrix may be rectangular.
    Returns (row, column) pairs, one per row or column (whichever are fewer), that maximise the
    total gain. Pairs with a gain <= 0 are left out, so give unwanted pairs a gain of 0 or less and
    the rest become "unpaired" when no worthwhile partner exists.
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return []
    n = max(n_rows, n_cols)
    # Minimise cost = -gain on a square matrix padded with zeros (padding = "unpaired").
    cost = [[0.0] * (n + 1) for _ in range(n + 1)]
    for i in range(n_rows):
        row = weights[i]
        for j in range(n_cols):
            cost[i + 1][j + 1] = -max(0.0, float(row[j]))
    # Jonker-Volgenant style potentials (e-maxx formulation), 1-based.
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match_col = [0] * (n + 1)  # match_col[j] = row assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match_col[0] = i
        j0 = 0
        minv = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = match_col[j0]
            delta = math.inf
            j1 = 0
            ci0 = cost[i0]
            for j in range(1, n + 1):
                if not used[j]:
                    cur = ci0[j] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[match_col[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match_col[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match_col[j0] = match_col[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = match_col[j]
        if 1 <= i <= n_rows and 1 <= j <= n_cols and weights[i - 1][j - 1] > 0:
            pairs.append((i - 1, j - 1))
    return sorted(pairs)
